#include "connectionguard.h"

#include "apiresponse.h"
#include "jsonwriter.h"

#include <QJsonObject>
#include <QTcpSocket>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace BidTracker::Api {

ConnectionGuard::ConnectionGuard(QTcpSocket* socket, const ConnectionLimits& limits,
                                 std::shared_ptr<UnsentTotal> unsent)
    : QObject(socket), m_socket(socket), m_limits(limits), m_unsentTotal(std::move(unsent))
{
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(limits.idleTimeoutMs);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] { m_socket->abort(); });
    m_requestTimer.setSingleShot(true);
    m_requestTimer.setInterval(limits.requestTimeoutMs);
    connect(&m_requestTimer, &QTimer::timeout, this, &ConnectionGuard::onRequestTimeout);
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    m_drainTimer.setSingleShot(true);
    m_drainTimer.setInterval(limits.drainTimeoutMs);
    connect(&m_drainTimer, &QTimer::timeout, this, &ConnectionGuard::reset);
    connect(socket, &QTcpSocket::bytesWritten, this, &ConnectionGuard::onBytesWritten);
    m_idleTimer.start();
}

ConnectionGuard::~ConnectionGuard()
{
    m_unsentTotal->bytes -= m_unsentCounted;
}

ConnectionGuard* ConnectionGuard::of(QTcpSocket* socket)
{
    return socket->findChild<ConnectionGuard*>(QString(), Qt::FindDirectChildrenOnly);
}

void ConnectionGuard::refuse(QTcpSocket* socket, int status, const QByteArray& reason,
                             const QString& message, const QByteArray& extraHeaders)
{
    const QByteArray body = errorBody(message, codeOfStatus(status));
    QByteArray answer = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    answer +=
        "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size());
    answer += "\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\n";
    answer += "X-Frame-Options: DENY\r\nCache-Control: no-store\r\n" + extraHeaders + "\r\n" + body;
    // Nobody else may read this connection's bytes any more.
    QObject::disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
    socket->write(answer);
    socket->disconnectFromHost();
}

void ConnectionGuard::close(int status, const QByteArray& reason, const QString& message)
{
    m_closed = true;
    m_requestTimer.stop();
    if (m_refusalLog) {
        // The request line as far as it came: "GET /path HTTP/1.1".
        const qsizetype end = m_head.indexOf('\n');
        const QByteArray line = (end < 0 ? m_head : m_head.left(end)).trimmed();
        const QList<QByteArray> words = line.split(' ');
        const auto word = [&words](qsizetype i) {
            return words.size() > i && !words[i].isEmpty() ? words[i].left(200)
                                                           : QByteArrayLiteral("-");
        };
        m_refusalLog(m_socket->peerAddress(), word(0), word(1), status,
                     m_headTimer.isValid() ? m_headTimer.nsecsElapsed() : 0);
    }
    refuse(m_socket, status, reason, message);
}

std::optional<RequestHead> ConnectionGuard::takeHead()
{
    // The HTTP layer stops reading at the end of a request: what it left is what this guard
    // already saw beyond it (it read everything when its request was not complete).
    m_inspectedUnread = m_socket->bytesAvailable();
    if (m_heads.isEmpty())
        return std::nullopt;
    return m_heads.dequeue();
}

bool ConnectionGuard::clientConnected() const
{
    if (m_closed || m_socket->state() != QAbstractSocket::ConnectedState)
        return false;
    // A reset the HTTP layer has not read yet leaves the kernel's socket closed; a client that
    // only shut down its sending side leaves it in CLOSE_WAIT, and can still read an answer.
    tcp_info info{};
    socklen_t size = sizeof info;
    if (::getsockopt(static_cast<int>(m_socket->socketDescriptor()), IPPROTO_TCP, TCP_INFO, &info,
                     &size) != 0)
        return false;
    return info.tcpi_state != TCP_CLOSE;
}

bool ConnectionGuard::clientFinishedSending() const
{
    if (m_socket->bytesAvailable() > 0)
        return false;
    char byte;
    return ::recv(static_cast<int>(m_socket->socketDescriptor()), &byte, 1,
                  MSG_PEEK | MSG_DONTWAIT) == 0;
}

void ConnectionGuard::countUnsent()
{
    const qint64 now = m_socket->bytesToWrite();
    m_unsentTotal->bytes += now - m_unsentCounted;
    m_unsentCounted = now;
}

bool ConnectionGuard::outputFull()
{
    countUnsent();
    return m_unsentCounted > m_limits.maxUnsentBytes ||
           (m_unsentTotal->bytes > m_limits.maxUnsentBytesTotal &&
            m_unsentCounted > m_limits.maxUnsentBytesEach);
}

void ConnectionGuard::whenOutputDrained(qint64 bytes, std::function<void()> work)
{
    if (m_held.isEmpty() && !outputFull()) {
        work();
        return;
    }
    bytes += 512; // what holding a request costs beyond its own bytes
    m_held.enqueue({bytes, std::move(work)});
    m_heldBytes += bytes;
    if (m_heldBytes > m_limits.maxHeldBytes)
        reset();
    else if (!m_drainTimer.isActive())
        m_drainTimer.start();
}

void ConnectionGuard::reset()
{
    m_closed = true;
    m_held.clear();
    m_drainTimer.stop();
    m_requestTimer.stop();
    // A reset rather than a close: the kernel drops the answers it still holds for this
    // client instead of trickling them out.
    const linger now{1, 0};
    ::setsockopt(static_cast<int>(m_socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &now,
                 sizeof now);
    m_socket->abort();
}

void ConnectionGuard::onBytesWritten()
{
    m_idleTimer.start();
    countUnsent();
    if (m_held.isEmpty())
        return;
    m_drainTimer.start(); // the client reads: it gets more time
    while (!m_held.isEmpty() && !outputFull() &&
           m_socket->state() == QAbstractSocket::ConnectedState) {
        auto [bytes, work] = m_held.dequeue();
        m_heldBytes -= bytes;
        work();
    }
    if (m_held.isEmpty())
        m_drainTimer.stop();
}

void ConnectionGuard::onReadyRead()
{
    if (m_closed)
        return;
    // Qt's HTTP layer reads one request per readyRead and signals readyRead again (queued)
    // while bytes remain, so most signals bring nothing new: only the bytes past those this
    // guard has seen are inspected. A peek copies the unread bytes, which the socket's read
    // buffer limit bounds.
    const qint64 available = m_socket->bytesAvailable();
    const qint64 seen = std::min(m_inspectedUnread, available);
    // The HTTP layer, whose slot runs next, reads everything unless a request ends early;
    // then takeHead() says what it left.
    m_inspectedUnread = 0;
    if (available <= seen)
        return;
    m_idleTimer.start();
    const QByteArray bytes = m_socket->peek(available);
    inspect(QByteArrayView(bytes).sliced(seen));
}

void ConnectionGuard::inspect(QByteArrayView bytes)
{
    qsizetype pos = 0;
    while (pos < bytes.size() && !m_closed) {
        switch (m_state) {
        case State::BetweenRequests:
            // Empty lines between requests are skipped (RFC 9112, 2.2), but they count
            // towards the head's size and time: the HTTP layer holds them until a request ends.
            if (m_headBytes == 0) {
                m_requestTimer.start();
                m_headTimer.start();
            }
            while (pos < bytes.size() && (bytes[pos] == '\r' || bytes[pos] == '\n')) {
                ++pos;
                ++m_headBytes;
            }
            if (pos < bytes.size()) {
                m_state = State::InHead;
                m_head.clear();
            }
            break;
        case State::InHead:
            while (pos < bytes.size()) {
                const char c = bytes[pos++];
                m_head.append(c);
                ++m_headBytes;
                // A head ends with an empty line: "\n\r\n" or "\n\n", as Qt frames it.
                if (c == '\n' && (m_head.endsWith("\n\r\n") || m_head.endsWith("\n\n"))) {
                    if (!headComplete())
                        return;
                    break;
                }
                if (m_headBytes > m_limits.maxHeaderBytes) {
                    close(431, "Request Header Fields Too Large",
                          QStringLiteral("The request line and headers exceed %1 bytes")
                              .arg(m_limits.maxHeaderBytes));
                    return;
                }
            }
            break;
        case State::InBody: {
            const qint64 take = std::min<qint64>(m_bodyRemaining, bytes.size() - pos);
            m_bodyRemaining -= take;
            pos += take;
            if (m_bodyRemaining == 0)
                endRequest();
            break;
        }
        case State::AfterLastRequest:
            return;
        }
    }
}

bool ConnectionGuard::headComplete()
{
    auto head = parseRequestHead(m_head);
    if (!head) {
        close(head.error().status, head.error().reason, head.error().message);
        return false;
    }
    const QByteArray requestLine = m_head.left(m_head.indexOf('\n'));
    m_head.clear();
    if (head->contentLength > m_limits.maxBodyBytes) {
        m_head = requestLine; // for the log
        close(413, "Payload Too Large",
              QStringLiteral("The request body is %1 bytes; the limit is %2 bytes")
                  .arg(head->contentLength)
                  .arg(m_limits.maxBodyBytes));
        return false;
    }
    m_bodyRemaining = head->contentLength;
    m_lastRequest = head->closeAfterAnswer;
    // A client that waits for "100 Continue" before sending its body gets it now, unless an
    // earlier request of its pipeline is still to be answered (the answers keep their order).
    const bool sendContinue = head->expectsContinue && m_bodyRemaining > 0 && m_heads.isEmpty();
    m_heads.enqueue(std::move(*head));
    if (m_bodyRemaining > 0) {
        m_state = State::InBody;
        if (sendContinue)
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    } else {
        endRequest();
    }
    return true;
}

void ConnectionGuard::endRequest()
{
    m_requestTimer.stop();
    m_headBytes = 0;
    m_state = m_lastRequest ? State::AfterLastRequest : State::BetweenRequests;
}

void ConnectionGuard::onRequestTimeout()
{
    if (m_closed)
        return;
    close(
        408, "Request Timeout",
        QStringLiteral("The request was not complete within %1 ms").arg(m_limits.requestTimeoutMs));
}

} // namespace BidTracker::Api
