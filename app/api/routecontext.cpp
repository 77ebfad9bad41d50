#include "routecontext.h"

#include "jsonwriter.h"

namespace BidTracker::Api {

ApiResponse listResponse(QByteArray body, qint64 total)
{
    return ApiResponse::raw(200, QByteArrayLiteral("application/json"), std::move(body))
        .withHeader("X-Total-Count", QByteArray::number(total));
}

void JsonMap::add(const QString& key, const QJsonValue& value)
{
    if (m_body.size() > 1)
        m_body += ',';
    m_body += writeJson(key);
    m_body += ':';
    m_body += writeJson(value);
}

QByteArray JsonMap::finish()
{
    m_body += '}';
    return std::move(m_body);
}

ApiResponse created(const QJsonValue& body, const QString& location)
{
    return ApiResponse::json(201, body).withHeader("Location", location.toUtf8());
}

} // namespace BidTracker::Api
