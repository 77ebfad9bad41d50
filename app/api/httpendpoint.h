#pragma once

#include "apirequest.h"
#include "apiresponse.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QSet>
#include <functional>

namespace BidTracker::Api {

class ConnectionGuard;

/// The only class that speaks to QtHttpServer (a technology preview in Qt 6.4, renamed in
/// parts by 6.8): the library reads each request; this turns it into an ApiRequest (method,
/// target and headers from the head its ConnectionGuard checked, so that the routes read
/// exactly what the guard did; the body from the library), hands it to the handler with a
/// Reply, and writes the ApiResponse onto the socket when the Reply is called, now or later.
/// Requests wait while their client leaves too many answers unread, and a request that asked
/// to close the connection is its last. A late reply checks that its connection still exists
/// (6.4 may delete the socket of a client that left), and a client's next request is held
/// until its previous answer went out, so answers keep the order of requests.
class HttpEndpoint final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpEndpoint)

public:
    using Handler = std::function<void(const ApiRequest&, Reply)>;

    /// `flushPending` must answer every reply still outstanding (the bid batch).
    HttpEndpoint(Handler handler, std::function<void()> flushPending, QObject* parent = nullptr);

    /// The bytes of a complete HTTP/1.1 response.
    static QByteArray serialize(const ApiResponse& response);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    /// Hands one request to the handler and writes its answer when it comes.
    void dispatch(ApiRequest request, ConnectionGuard* guard, QTcpSocket* socket, bool close);

    Handler m_handler;
    std::function<void()> m_flushPending;
    QHash<QTcpSocket*, int> m_outstanding; // replies not yet sent, per connection
    QSet<QTcpSocket*> m_closing;           // connections to close after their last answer
};

} // namespace BidTracker::Api
