#include "keyedpost.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QTcpSocket>

namespace BidTracker::Testing {

QByteArray KeyedAnswer::header(const QByteArray& name) const
{
    for (const QByteArray& line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

KeyedAnswer keyedPost(quint16 port, const QByteArray& token, const QByteArray& path,
                      const QByteArray& body, const QByteArray& key)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" +
                 "Content-Type: application/json\r\nAuthorization: Bearer " + token +
                 "\r\nIdempotency-Key: " + key +
                 "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QByteArray received;
    QElapsedTimer timer;
    timer.start();
    // Until the whole body came (Content-Length), the server closed, or 10 s passed.
    const auto complete = [&received] {
        const qsizetype end = received.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        KeyedAnswer head{0, received.left(end), {}};
        return received.size() - end - 4 >= head.header("Content-Length").toLongLong();
    };
    while (timer.elapsed() < 10'000 && !complete() &&
           socket.state() == QAbstractSocket::ConnectedState) {
        if (socket.waitForReadyRead(200))
            received += socket.readAll();
    }
    received += socket.readAll();
    KeyedAnswer answer;
    const qsizetype end = received.indexOf("\r\n\r\n");
    if (end < 0)
        return answer;
    answer.head = received.left(end);
    answer.body = received.mid(end + 4);
    const QList<QByteArray> statusLine = answer.head.left(answer.head.indexOf('\r')).split(' ');
    answer.status = statusLine.size() > 1 ? statusLine[1].toInt() : 0;
    return answer;
}

} // namespace BidTracker::Testing
