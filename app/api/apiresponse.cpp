#include "apiresponse.h"

#include "jsonwriter.h"

#include <QJsonObject>

namespace BidTracker::Api {

ApiResponse ApiResponse::json(int status, const QJsonValue& value)
{
    return ApiResponse{status, QByteArrayLiteral("application/json"), writeJson(value), {}};
}

ApiResponse ApiResponse::error(int status, const QString& message)
{
    return json(status, QJsonObject{{QStringLiteral("message"), message}});
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
