#include "routecontext.h"

#include "jsonwriter.h"

#include <QUrl>

namespace BidTracker::Api {

bool showsContacts(const ApiRequest& request)
{
    return request.authorized && Model::mayDo(request.actor.role, Model::Permission::ReadContacts);
}

ApiResponse listResponse(QByteArray body, qint64 total, const ApiRequest& request,
                         const Model::Page& page, qint64 rows)
{
    ApiResponse response =
        ApiResponse::raw(200, QByteArrayLiteral("application/json"), std::move(body))
            .withHeader("X-Total-Count", QByteArray::number(total));
    const qint64 next = page.offset + rows;
    if (rows > 0 && next < total) {
        QUrlQuery query = request.query;
        query.removeAllQueryItems(QStringLiteral("limit"));
        query.removeAllQueryItems(QStringLiteral("offset"));
        query.addQueryItem(QStringLiteral("limit"), QString::number(rows));
        query.addQueryItem(QStringLiteral("offset"), QString::number(next));
        QUrl url;
        url.setPath(request.path);
        url.setQuery(query);
        response.withHeader("Link", '<' + url.toEncoded() + ">; rel=\"next\"");
    }
    return response;
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
