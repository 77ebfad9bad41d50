#include "guardedtcpserver.h"

#include "connectionguard.h"

#include <QTcpSocket>

namespace BidTracker::Api {

GuardedTcpServer::GuardedTcpServer(const ConnectionLimits& limits, QObject* parent)
    : QTcpServer(parent), m_limits(limits)
{
}

void GuardedTcpServer::incomingConnection(qintptr handle)
{
    auto* socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    const QHostAddress peer = socket->peerAddress();
    // No peer address: the client reset the connection before it was accepted (Qt's accept
    // keeps no address, and the kernel has none after a reset). Nobody could read an answer,
    // so nothing it sent is carried out, and no request is logged without an address.
    if (peer.isNull()) {
        delete socket;
        return;
    }
    if (m_total >= m_limits.maxConnections ||
        m_perAddress.value(peer) >= m_limits.maxConnectionsPerAddress) {
        if (m_refusalLog)
            m_refusalLog(peer, "-", "-", 503, 0);
        ConnectionGuard::refuse(socket, 503, "Service Unavailable",
                                QStringLiteral("Too many open connections; try again shortly"),
                                "Retry-After: 1\r\n");
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        return;
    }
    // The socket reads no more than this from the kernel ahead of the HTTP layer (which holds
    // a request's bytes until it is complete): a client that sends faster than it is served
    // meets TCP flow control instead of filling memory, and the guard's look at unread bytes
    // stays bounded.
    socket->setReadBufferSize(m_limits.readBufferBytes());
    ++m_total;
    ++m_perAddress[peer];
    connect(socket, &QObject::destroyed, this, [this, peer] {
        --m_total;
        if (--m_perAddress[peer] <= 0)
            m_perAddress.remove(peer);
    });
    auto* guard = new ConnectionGuard(socket, m_limits, m_unsent);
    guard->setRefusalLog(m_refusalLog);
    addPendingConnection(socket);
}

} // namespace BidTracker::Api
