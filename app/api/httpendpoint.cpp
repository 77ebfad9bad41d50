#include "httpendpoint.h"

#include <QHttpServerRequest>
#include <QPointer>
#include <QTcpSocket>

namespace BidTracker::Api {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    case QHttpServerRequest::Method::Connect:
        return QByteArrayLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace:
        return QByteArrayLiteral("TRACE");
    default:
        return QByteArrayLiteral("UNKNOWN");
    }
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 429:
        return "Too Many Requests";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace

HttpEndpoint::HttpEndpoint(Handler handler, std::function<void()> flushPending, QObject* parent)
    : QAbstractHttpServer(parent), m_handler(std::move(handler)),
      m_flushPending(std::move(flushPending))
{
}

QByteArray HttpEndpoint::serialize(const ApiResponse& response)
{
    QByteArray out;
    out.reserve(256 + response.body.size());
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) +
           "\r\n";
    if (!response.contentType.isEmpty())
        out += "Content-Type: " + response.contentType + "\r\n";
    for (const auto& [name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n";
    out += response.body;
    return out;
}

bool HttpEndpoint::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    // A client that pipelines gets its earlier answer first.
    if (m_outstanding.value(socket) > 0)
        m_flushPending();

    ApiRequest apiRequest;
    apiRequest.method = methodName(request.method());
    apiRequest.path = request.url().path();
    apiRequest.query = request.query();
    for (const auto& header : request.headers())
        apiRequest.headers.append({header.first, header.second});
    apiRequest.body = request.body();
    apiRequest.peer = request.remoteAddress();

    ++m_outstanding[socket];
    QPointer<QTcpSocket> connection(socket);
    m_handler(apiRequest, [this, connection, socket](ApiResponse response) {
        if (auto it = m_outstanding.find(socket); it != m_outstanding.end() && --it.value() <= 0)
            m_outstanding.erase(it);
        if (connection && connection->state() == QAbstractSocket::ConnectedState)
            connection->write(serialize(response));
    });
    return true;
}

void HttpEndpoint::missingHandler(const QHttpServerRequest&, QTcpSocket*)
{
    // handleRequest() answers every request, so there is never a missing handler.
}

} // namespace BidTracker::Api
