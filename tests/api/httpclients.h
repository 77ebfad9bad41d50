#pragma once

#include <QByteArray>
#include <QList>
#include <QTcpSocket>
#include <memory>

namespace BidTracker::Testing {

/// Many keep-alive HTTP/1.1 connections driven from one thread: each sends a request, and
/// the answers are collected as they come, so requests reach the server truly at once.
class HttpClients
{
public:
    HttpClients(quint16 port, int count);

    /// Sends one request on connection `index`.
    void send(int index, const QByteArray& method, const QString& path, const QByteArray& body,
              const QByteArray& token);
    /// Waits until every connection that has a request out has its answer, or `ms` pass.
    /// Returns the status and body per connection (status 0: no answer).
    QList<std::pair<int, QByteArray>> collect(int ms);

    int size() const { return static_cast<int>(m_sockets.size()); }

private:
    struct Connection
    {
        std::unique_ptr<QTcpSocket> socket;
        QByteArray buffer;
        bool waiting = false;
    };
    static bool complete(const QByteArray& buffer, int* status, QByteArray* body, qsizetype* used);

    std::vector<Connection> m_sockets;
};

/// {"bid": {"item": ..., "value": ..., "user": ...}}
QByteArray bidBody(const QString& item, qint64 cents, const QString& user);

} // namespace BidTracker::Testing
