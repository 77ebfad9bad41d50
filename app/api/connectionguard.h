#pragma once

#include "connectionlimits.h"
#include "requesthead.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QQueue>
#include <QTimer>
#include <functional>
#include <memory>

class QTcpSocket;

namespace BidTracker::Api {

/// Watches the bytes of one connection before the HTTP layer reads them (its readyRead slot is
/// connected first) and follows the request framing: request line and headers, then
/// Content-Length bytes of body. Each byte is looked at once, however many requests a client
/// pipelines. Every head goes through parseRequestHead(): what it refuses, or a head over the
/// size limit, a body over the limit, a request that stalls half way or a connection that
/// stays idle, is answered (400, 411, 413, 417, 431, 505, 408) or closed before the HTTP
/// layer can act on it. The heads it accepted wait here until the HTTP layer has read their
/// request (takeHead()), so that the routes read the same headers the guard checked.
class ConnectionGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionGuard)

public:
    /// The bytes of answers all connections of one server leave unread (as last seen).
    struct UnsentTotal
    {
        qint64 bytes = 0;
    };

    /// Told of every request the guard answers itself (refused by the head parser, too big,
    /// too slow, too many connections): the client's address, the method and target of its
    /// request line as far as it was read ("-" before that), the status and how long the
    /// request took, so the access log has one line for every request, answered here or not.
    using RefusalLog = std::function<void(const QHostAddress& peer, const QByteArray& method,
                                          const QByteArray& target, int status, qint64 ns)>;

    /// Becomes a child of the socket and lives as long as it. `unsent` is shared by all the
    /// connections of one server.
    ConnectionGuard(QTcpSocket* socket, const ConnectionLimits& limits,
                    std::shared_ptr<UnsentTotal> unsent);
    ~ConnectionGuard() override;

    /// The guard of a socket the GuardedTcpServer accepted, or null.
    static ConnectionGuard* of(QTcpSocket* socket);

    void setRefusalLog(RefusalLog log) { m_refusalLog = std::move(log); }

    /// Answers with a JSON error and closes the connection; the HTTP layer sees nothing more.
    static void refuse(QTcpSocket* socket, int status, const QByteArray& reason,
                       const QString& message, const QByteArray& extraHeaders = {});

    /// The head of the request the HTTP layer has just read in full. Called once per request,
    /// right after the HTTP layer committed its read.
    std::optional<RequestHead> takeHead();

    /// Runs `work` (carrying out a request of `bytes`) now, or, while the client leaves more
    /// than ConnectionLimits::maxUnsentBytes of answers unread, once they have drained, in
    /// order. Closes the connection instead when what waits passes maxHeldBytes, or when the
    /// answers do not drain within drainTimeoutMs: a client that sends without reading.
    void whenOutputDrained(qint64 bytes, std::function<void()> work);

    /// The client can still be answered: the connection is open and no reset is waiting.
    bool clientConnected() const;

    /// The client shut down its sending side (its end of file is waiting to be read): it will
    /// send nothing more, and the HTTP layer will close the connection when it reads that.
    bool clientFinishedSending() const;

private:
    void onReadyRead();
    void inspect(QByteArrayView bytes);
    bool headComplete();
    void endRequest();
    void onRequestTimeout();
    void onBytesWritten();
    /// Closes at once with a TCP reset, dropping every unsent answer.
    void reset();
    bool outputFull();
    /// Brings this connection's share of the unsent total up to date.
    void countUnsent();
    void close(int status, const QByteArray& reason, const QString& message);

    /// After a request that asked to close the connection, the rest is not looked at (nor
    /// carried out: the HTTP layer drops it).
    enum class State { BetweenRequests, InHead, InBody, AfterLastRequest };

    QTcpSocket* m_socket;
    ConnectionLimits m_limits;
    QTimer m_idleTimer;
    QTimer m_requestTimer;
    QTimer m_drainTimer;
    State m_state = State::BetweenRequests;
    QByteArray m_head;
    qint64 m_headBytes = 0; // with the empty lines skipped before it
    qint64 m_bodyRemaining = 0;
    /// Bytes still unread by the HTTP layer that this guard has already inspected.
    qint64 m_inspectedUnread = 0;
    QQueue<RequestHead> m_heads;
    // Requests waiting for the answers to drain, with what each holds in bytes.
    QQueue<std::pair<qint64, std::function<void()>>> m_held;
    qint64 m_heldBytes = 0;
    std::shared_ptr<UnsentTotal> m_unsentTotal;
    qint64 m_unsentCounted = 0;
    bool m_closed = false;
    bool m_lastRequest = false;
    RefusalLog m_refusalLog;
    QElapsedTimer m_headTimer; // from the first byte of the request being read
};

} // namespace BidTracker::Api
