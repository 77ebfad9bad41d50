#include "lotcloser.h"

#include "auctionservice.h"

#include <utility>

namespace BidTracker::Model {

LotCloser::LotCloser(AuctionService& service, int intervalMs, QObject* parent)
    : QObject(parent), m_service(service)
{
    m_timer.setInterval(intervalMs);
    // A precise timer: a close due at 21:00:00.000 should not wait for a coarse tick.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] { (void)closeDue(); });
}

void LotCloser::start()
{
    (void)closeDue();
    m_timer.start();
}

void LotCloser::stop()
{
    m_timer.stop();
}

Result<QList<qint64>> LotCloser::closeDue()
{
    // The closer writes its entries as itself (RULES.md 5), at the station it runs on.
    const Actor previous = m_service.actor();
    m_service.setActor(Actor{QStringLiteral("system:closer"), Role::Admin, previous.station, 0});
    auto closed = m_service.closeDueLots();
    m_service.setActor(previous);
    if (!closed) {
        m_failing = true;
        Q_EMIT failed(closed.error().message);
        return closed;
    }
    if (std::exchange(m_failing, false))
        Q_EMIT recovered();
    if (!closed->isEmpty())
        Q_EMIT lotsClosed(*closed);
    return closed;
}

} // namespace BidTracker::Model
