#pragma once

#include <QByteArray>
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
    /// {"message": "..."}
    static ApiResponse error(int status, const QString& message);
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

/// Sends a response for one request, now or later, exactly once. A reply whose client has
/// gone is dropped.
using Reply = std::function<void(ApiResponse)>;

} // namespace BidTracker::Api
