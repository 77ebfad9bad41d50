#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <functional>
#include <utility>

namespace BidTracker::Api {

/// A response before it is written: status, content type, extra headers and body.
struct ApiResponse
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;

    static ApiResponse json(int status, const QJsonValue& value);
    /// {"message": "...", "error": {"code": ...}} with the code of the status (codeOfStatus()).
    static ApiResponse error(int status, const QString& message);
    /// {"message": message, "error": {"code": code, ...facts}} (API.md "Refusals say why, as
    /// data"); an `invalid` error always carries `fields` (empty when no one field is wrong).
    static ApiResponse error(int status, const QJsonValue& message, const QString& code,
                             const QJsonObject& facts = {});
    static ApiResponse noContent();
    static ApiResponse raw(int status, QByteArray contentType, QByteArray body);

    ApiResponse& withHeader(QByteArray name, QByteArray value)
    {
        headers.append({std::move(name), std::move(value)});
        return *this;
    }
    QByteArray header(QByteArrayView name) const;
    bool isJson() const { return contentType.startsWith("application/json"); }
};

/// The error code an answer of this status carries when nothing more precise is known:
/// 400 "invalid", 401 "unauthorized", 404 "not_found", 405 "method_not_allowed",
/// 413 and 431 "too_large", 415 "unsupported_media_type", 429 "rate_limited",
/// 503 "unavailable", ...
QString codeOfStatus(int status);

/// The JSON body of an error (ApiResponse::error()), for the answers written outside it.
QByteArray errorBody(const QJsonValue& message, const QString& code, const QJsonObject& facts = {});

/// Sends a response for one request, now or later, exactly once. A reply whose client has
/// gone is dropped.
using Reply = std::function<void(ApiResponse)>;

} // namespace BidTracker::Api
