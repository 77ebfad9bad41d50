#include "httpendpoint.h"

#include "connectionguard.h"

#include <QHttpServerRequest>
#include <QPointer>
#include <QTcpSocket>
#include <QUrl>

namespace BidTracker::Api {

namespace {

/// The path (percent-decoded, as the routes match it) and the query of a request target
/// in origin form ("/api/v1/items?limit=2") or absolute form ("http://host/api/v1/items").
/// The path is taken as sent: "//api/v1/items" stays that, not a host "api" and "/v1/items".
void splitTarget(const QByteArray& target, ApiRequest* request)
{
    const QUrl url = target.startsWith('/') ? QUrl::fromEncoded("http://host" + target)
                                            : QUrl::fromEncoded(target);
    if (!target.startsWith('/') && (!url.isValid() || url.scheme() != u"http")) {
        request->path = QString::fromLatin1(target); // "*" or junk: no route has it
        return;
    }
    request->path = url.path();
    request->query = QUrlQuery(url);
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
    case 417:
        return "Expectation Failed";
    case 431:
        return "Request Header Fields Too Large";
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
    ConnectionGuard* guard = ConnectionGuard::of(socket);
    std::optional<RequestHead> head = guard ? guard->takeHead() : std::nullopt;
    // A request read after the connection closed, or after one that asked to close it, is
    // not carried out: nobody could be told its outcome.
    if (!head || socket->state() != QAbstractSocket::ConnectedState || m_closing.contains(socket))
        return true;

    ApiRequest apiRequest;
    apiRequest.method = head->method;
    splitTarget(head->target, &apiRequest);
    apiRequest.headers = std::move(head->headers);
    apiRequest.body = request.body();
    apiRequest.peer = request.remoteAddress();
    const bool close = head->closeAfterAnswer;
    if (close) {
        m_closing.insert(socket);
        connect(socket, &QObject::destroyed, this, [this, socket] { m_closing.remove(socket); });
    }
    // Held while the client leaves too many answers unread (the guard's write limit).
    const qint64 size = apiRequest.body.size() + head->target.size();
    guard->whenOutputDrained(
        size, [this, guard, socket, close, request = std::move(apiRequest)]() mutable {
            dispatch(std::move(request), guard, socket, close);
        });
    return true;
}

void HttpEndpoint::dispatch(ApiRequest request, ConnectionGuard* guard, QTcpSocket* socket,
                            bool close)
{
    // A client that pipelines gets its earlier answer first.
    if (m_outstanding.value(socket) > 0)
        m_flushPending();
    ++m_outstanding[socket];
    QPointer<QTcpSocket> connection(socket);
    QPointer<ConnectionGuard> watcher(guard);
    request.clientConnected = [watcher] { return watcher && watcher->clientConnected(); };
    const bool write = request.isWrite();
    m_handler(request, [this, connection, watcher, socket, close, write](ApiResponse response) {
        if (auto it = m_outstanding.find(socket); it != m_outstanding.end() && --it.value() <= 0)
            m_outstanding.erase(it);
        if (!connection || connection->state() != QAbstractSocket::ConnectedState)
            return;
        if (close)
            response.withHeader("Connection", "close");
        connection->write(serialize(response));
        // Into the kernel now for a change (and for a client that shut down its sending side):
        // Qt closes the socket as soon as it reads an end of file, dropping unsent answers,
        // and the outcome of a change must reach its client. Not for every read: writing at
        // once rather than when the event loop comes round halves the throughput of small
        // GETs.
        if (write || (watcher && watcher->clientFinishedSending()))
            connection->flush();
        if (close)
            connection->disconnectFromHost();
    });
    // Such a client's deferred answer (a bid waiting for its batch) must go out before then.
    if (m_outstanding.value(socket) > 0 && guard->clientFinishedSending())
        m_flushPending();
}

void HttpEndpoint::missingHandler(const QHttpServerRequest&, QTcpSocket*)
{
    // handleRequest() answers every request, so there is never a missing handler.
}

} // namespace BidTracker::Api
