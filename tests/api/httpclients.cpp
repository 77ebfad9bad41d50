#include "httpclients.h"

#include <QCoreApplication>
#include <QElapsedTimer>

namespace BidTracker::Testing {

HttpClients::HttpClients(quint16 port, int count)
{
    for (int i = 0; i < count; ++i) {
        Connection connection;
        connection.socket = std::make_unique<QTcpSocket>();
        connection.socket->connectToHost(QHostAddress::LocalHost, port);
        connection.socket->waitForConnected(3000);
        m_sockets.push_back(std::move(connection));
    }
}

void HttpClients::send(int index, const QByteArray& method, const QString& path,
                       const QByteArray& body, const QByteArray& token)
{
    Connection& connection = m_sockets[index];
    QByteArray request = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!token.isEmpty())
        request += "Authorization: Bearer " + token + "\r\n";
    if (!body.isEmpty())
        request += "Content-Type: application/json\r\n";
    request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    connection.socket->write(request);
    connection.socket->flush();
    connection.waiting = true;
}

bool HttpClients::complete(const QByteArray& buffer, int* status, QByteArray* body, qsizetype* used)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return false;
    const QByteArray head = buffer.left(headerEnd).toLower();
    qint64 length = 0;
    const qsizetype at = head.indexOf("content-length:");
    if (at >= 0)
        length = head.mid(at + 15, head.indexOf("\r\n", at) - at - 15).trimmed().toLongLong();
    if (buffer.size() < headerEnd + 4 + length)
        return false;
    *status = buffer.mid(9, 3).toInt();
    *body = buffer.mid(headerEnd + 4, length);
    *used = headerEnd + 4 + length;
    return true;
}

QList<std::pair<int, QByteArray>> HttpClients::collect(int ms)
{
    QList<std::pair<int, QByteArray>> answers(m_sockets.size(), {0, QByteArray()});
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        bool pending = false;
        for (size_t i = 0; i < m_sockets.size(); ++i) {
            Connection& connection = m_sockets[i];
            if (!connection.waiting)
                continue;
            connection.buffer += connection.socket->readAll();
            int status = 0;
            QByteArray body;
            qsizetype used = 0;
            if (complete(connection.buffer, &status, &body, &used)) {
                answers[i] = {status, body};
                connection.buffer.remove(0, used);
                connection.waiting = false;
            } else if (connection.socket->state() != QAbstractSocket::ConnectedState) {
                connection.waiting = false;
            } else {
                pending = true;
            }
        }
        if (!pending)
            break;
        m_sockets.front().socket->waitForReadyRead(5);
        QCoreApplication::processEvents();
    }
    return answers;
}

QByteArray bidBody(const QString& item, qint64 cents, const QString& user)
{
    return QStringLiteral(R"({"bid": {"item": "%1", "value": %2.%3, "user": "%4"}})")
        .arg(item)
        .arg(cents / 100)
        .arg(cents % 100, 2, 10, QLatin1Char('0'))
        .arg(user)
        .toUtf8();
}

} // namespace BidTracker::Testing
