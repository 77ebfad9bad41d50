#pragma once

#include "connectionguard.h"
#include "connectionlimits.h"

#include <QHash>
#include <QHostAddress>
#include <QTcpServer>

namespace BidTracker::Api {

/// The TCP server handed to the HTTP layer: every accepted connection gets a ConnectionGuard
/// before the HTTP layer sees it, and connections past the per-address or total cap are
/// answered 503 and closed at once.
class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuardedTcpServer)

public:
    explicit GuardedTcpServer(const ConnectionLimits& limits, QObject* parent = nullptr);

    int openConnections() const { return m_total; }
    /// Where the requests answered before the HTTP layer are logged (see ConnectionGuard).
    void setRefusalLog(ConnectionGuard::RefusalLog log) { m_refusalLog = std::move(log); }

protected:
    void incomingConnection(qintptr handle) override;

private:
    ConnectionLimits m_limits;
    QHash<QHostAddress, int> m_perAddress;
    int m_total = 0;
    ConnectionGuard::RefusalLog m_refusalLog;
    // Shared with the guards, which the QObject base destroys after these members.
    std::shared_ptr<ConnectionGuard::UnsentTotal> m_unsent =
        std::make_shared<ConnectionGuard::UnsentTotal>();
};

} // namespace BidTracker::Api
