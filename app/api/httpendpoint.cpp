#include "httpendpoint.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QMetaEnum>
#include <QTcpSocket>

namespace BidTracker::Api {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put: return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete: return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post: return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head: return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options: return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch: return QByteArrayLiteral("PATCH");
    case QHttpServerRequest::Method::Connect: return QByteArrayLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace: return QByteArrayLiteral("TRACE");
    default: return QByteArrayLiteral("UNKNOWN");
    }
}

} // namespace

HttpEndpoint::HttpEndpoint(Handler handler, QObject* parent)
    : QAbstractHttpServer(parent), m_handler(std::move(handler))
{
}

bool HttpEndpoint::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    ApiRequest apiRequest;
    apiRequest.method = methodName(request.method());
    apiRequest.path = request.url().path();
    apiRequest.query = request.query();
    for (const auto& header : request.headers())
        apiRequest.headers.append({header.first, header.second});
    apiRequest.body = request.body();
    apiRequest.peer = request.remoteAddress();

    const ApiResponse answer = m_handler(apiRequest);
    const auto status = static_cast<QHttpServerResponder::StatusCode>(answer.status);
    QHttpServerResponse response = answer.contentType.isEmpty()
        ? QHttpServerResponse(status)
        : QHttpServerResponse(answer.contentType, answer.body, status);
    if (answer.contentType.isEmpty())
        response.clearHeader(QByteArrayLiteral("Content-Type")); // Qt would say x-empty
    for (const auto& [name, value] : answer.headers)
        response.addHeader(name, value);
    response.write(makeResponder(request, socket));
    return true;
}

void HttpEndpoint::missingHandler(const QHttpServerRequest&, QTcpSocket*)
{
    // handleRequest() answers every request, so there is never a missing handler.
}

} // namespace BidTracker::Api
