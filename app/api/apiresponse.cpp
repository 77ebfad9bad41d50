#include "apiresponse.h"

#include "jsonwriter.h"

#include <QJsonObject>

namespace BidTracker::Api {

ApiResponse ApiResponse::json(int status, const QJsonValue& value)
{
    return ApiResponse{status, QByteArrayLiteral("application/json"), writeJson(value), {}};
}

QString codeOfStatus(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("invalid");
    case 401:
        return QStringLiteral("unauthorized");
    case 403:
        return QStringLiteral("forbidden");
    case 404:
        return QStringLiteral("not_found");
    case 405:
        return QStringLiteral("method_not_allowed");
    case 408:
        return QStringLiteral("timeout");
    case 409:
        return QStringLiteral("conflict");
    case 411:
        return QStringLiteral("length_required");
    case 413:
    case 431:
        return QStringLiteral("too_large");
    case 415:
        return QStringLiteral("unsupported_media_type");
    case 417:
        return QStringLiteral("expectation_failed");
    case 429:
        return QStringLiteral("rate_limited");
    case 503:
        return QStringLiteral("unavailable");
    case 505:
        return QStringLiteral("http_version_not_supported");
    }
    return status >= 500 ? QStringLiteral("unavailable") : QStringLiteral("invalid");
}

namespace {

QJsonObject errorObject(const QJsonValue& message, const QString& code, const QJsonObject& facts)
{
    QJsonObject error = facts;
    error.insert(QStringLiteral("code"), code);
    if (code == u"invalid" && !error.contains(QStringLiteral("fields")))
        error.insert(QStringLiteral("fields"), QJsonObject());
    return QJsonObject{{QStringLiteral("message"), message}, {QStringLiteral("error"), error}};
}

} // namespace

QByteArray errorBody(const QJsonValue& message, const QString& code, const QJsonObject& facts)
{
    return writeJson(errorObject(message, code, facts));
}

ApiResponse ApiResponse::error(int status, const QString& message)
{
    return error(status, message, codeOfStatus(status));
}

ApiResponse ApiResponse::error(int status, const QJsonValue& message, const QString& code,
                               const QJsonObject& facts)
{
    return json(status, errorObject(message, code, facts));
}

ApiResponse ApiResponse::noContent()
{
    return ApiResponse{204, {}, {}, {}};
}

ApiResponse ApiResponse::raw(int status, QByteArray contentType, QByteArray body)
{
    return ApiResponse{status, std::move(contentType), std::move(body), {}};
}

QByteArray ApiResponse::header(QByteArrayView name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace BidTracker::Api
