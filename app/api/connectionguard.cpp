#include "connectionguard.h"

#include "jsonwriter.h"

#include <QJsonObject>
#include <QTcpSocket>

namespace BidTracker::Api {

ConnectionGuard::ConnectionGuard(QTcpSocket* socket, const ConnectionLimits& limits)
    : QObject(socket), m_socket(socket), m_limits(limits)
{
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(limits.idleTimeoutMs);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] { m_socket->abort(); });
    m_requestTimer.setSingleShot(true);
    m_requestTimer.setInterval(limits.requestTimeoutMs);
    connect(&m_requestTimer, &QTimer::timeout, this, &ConnectionGuard::onRequestTimeout);
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    connect(socket, &QTcpSocket::bytesWritten, &m_idleTimer, qOverload<>(&QTimer::start));
    m_idleTimer.start();
}

void ConnectionGuard::refuse(QTcpSocket* socket, int status, const QByteArray& reason,
                             const QString& message, const QByteArray& extraHeaders)
{
    const QByteArray body = writeJson(QJsonObject{{QStringLiteral("message"), message}});
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

void ConnectionGuard::onReadyRead()
{
    if (m_closed)
        return;
    m_idleTimer.start();
    // The HTTP layer reads everything available after this slot, inside a transaction, so
    // what is available now is exactly the bytes it has not seen yet.
    inspect(m_socket->peek(m_socket->bytesAvailable()));
}

void ConnectionGuard::inspect(const QByteArray& bytes)
{
    qsizetype pos = 0;
    while (pos < bytes.size() && !m_closed) {
        if (m_inHeaders) {
            if (m_headerText.isEmpty())
                m_requestTimer.start();
            // Take bytes up to the end of the headers, at most.
            const qsizetype take = bytes.size() - pos;
            const qsizetype before = m_headerText.size();
            m_headerText.append(bytes.constData() + pos, take);
            const qsizetype end =
                m_headerText.indexOf("\r\n\r\n", std::max<qsizetype>(0, before - 3));
            if (end < 0) {
                if (m_headerText.size() > m_limits.maxHeaderBytes) {
                    m_closed = true;
                    refuse(m_socket, 431, "Request Header Fields Too Large",
                           QStringLiteral("The request line and headers exceed %1 bytes")
                               .arg(m_limits.maxHeaderBytes));
                }
                return;
            }
            const qsizetype headerEnd = end + 4;
            pos += headerEnd - before;
            m_headerText.truncate(headerEnd);
            if (headerEnd > m_limits.maxHeaderBytes + 4) {
                m_closed = true;
                refuse(m_socket, 431, "Request Header Fields Too Large",
                       QStringLiteral("The request line and headers exceed %1 bytes")
                           .arg(m_limits.maxHeaderBytes));
                return;
            }
            if (!headersComplete())
                return;
        } else {
            const qint64 take = std::min<qint64>(m_bodyRemaining, bytes.size() - pos);
            m_bodyRemaining -= take;
            pos += take;
            if (m_bodyRemaining == 0) {
                m_inHeaders = true;
                m_requestTimer.stop();
            }
        }
    }
}

bool ConnectionGuard::headersComplete()
{
    qint64 length = 0;
    // Only two headers matter here; walk the lines in place instead of splitting them.
    qsizetype lineStart = m_headerText.indexOf('\n') + 1; // skip the request line
    while (lineStart > 0 && lineStart < m_headerText.size()) {
        qsizetype lineEnd = m_headerText.indexOf('\n', lineStart);
        if (lineEnd < 0)
            lineEnd = m_headerText.size();
        const QByteArrayView line =
            QByteArrayView(m_headerText).sliced(lineStart, lineEnd - lineStart).trimmed();
        lineStart = lineEnd + 1;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArrayView name = line.first(colon).trimmed();
        if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
            m_closed = true;
            refuse(m_socket, 411, "Length Required",
                   QStringLiteral("Chunked request bodies are not accepted; send Content-Length"));
            return false;
        }
        if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
            bool ok = false;
            length = line.sliced(colon + 1).trimmed().toLongLong(&ok);
            if (!ok || length < 0) {
                m_closed = true;
                refuse(m_socket, 400, "Bad Request",
                       QStringLiteral("Content-Length is not a number"));
                return false;
            }
        }
    }
    if (length > m_limits.maxBodyBytes) {
        m_closed = true;
        refuse(m_socket, 413, "Payload Too Large",
               QStringLiteral("The request body is %1 bytes; the limit is %2 bytes")
                   .arg(length)
                   .arg(m_limits.maxBodyBytes));
        return false;
    }
    m_headerText.clear();
    m_bodyRemaining = length;
    m_inHeaders = length == 0;
    if (m_inHeaders)
        m_requestTimer.stop();
    return true;
}

void ConnectionGuard::onRequestTimeout()
{
    if (m_closed)
        return;
    m_closed = true;
    refuse(
        m_socket, 408, "Request Timeout",
        QStringLiteral("The request was not complete within %1 ms").arg(m_limits.requestTimeoutMs));
}

} // namespace BidTracker::Api
