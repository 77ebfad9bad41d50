#pragma once

#include "connectionlimits.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace BidTracker::Api {

/// Watches the bytes of one connection before the HTTP layer reads them (its readyRead slot is
/// connected first) and follows the request framing: request line and headers, then
/// Content-Length bytes of body. A connection that sends too many header bytes, declares a
/// body over the limit or a chunked one, stalls half way through a request, or stays idle is
/// answered (431, 413, 411, 408) or simply closed, so the HTTP layer never buffers it.
class ConnectionGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionGuard)

public:
    /// Becomes a child of the socket and lives as long as it.
    ConnectionGuard(QTcpSocket* socket, const ConnectionLimits& limits);

    /// Answers with a JSON error and closes the connection; the HTTP layer sees nothing more.
    static void refuse(QTcpSocket* socket, int status, const QByteArray& reason,
                       const QString& message, const QByteArray& extraHeaders = {});

private:
    void onReadyRead();
    void inspect(const QByteArray& bytes);
    bool headersComplete();
    void onRequestTimeout();

    QTcpSocket* m_socket;
    ConnectionLimits m_limits;
    QTimer m_idleTimer;
    QTimer m_requestTimer;
    bool m_inHeaders = true;
    QByteArray m_headerText;
    qint64 m_bodyRemaining = 0;
    bool m_closed = false;
};

} // namespace BidTracker::Api
