#include "changebatcher.h"

#include "changenotifier.h"

#include <set>
#include <tuple>

namespace BidTracker::Model {

namespace {

/// Each change once, at its first place: a lot updated by 300 bids is read once.
QList<Change> withoutRepeats(const QList<Change>& changes)
{
    using Key = std::tuple<int, int, qint64, qint64, qint64>;
    QList<Change> unique;
    unique.reserve(changes.size());
    std::set<Key> seen;
    for (const Change& change : changes) {
        const Key key{static_cast<int>(change.kind), static_cast<int>(change.action), change.id,
                      change.itemId, change.userId};
        if (seen.insert(key).second)
            unique.append(change);
    }
    return unique;
}

} // namespace

ChangeBatcher::ChangeBatcher(ChangeNotifier& notifier, int intervalMs)
    : QObject(&notifier), m_notifier(notifier), m_intervalMs(intervalMs)
{
    qRegisterMetaType<QList<Change>>();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ChangeBatcher::flush);
    // Queued from other threads (the server's, a feed): each arrival only joins the batch.
    connect(&notifier, &ChangeNotifier::changed, this, &ChangeBatcher::take);
}

void ChangeBatcher::take(const Change& change)
{
    m_waiting.append(change);
    // This window's own command (announced in this thread, not from another station): its
    // views follow before the command returns, as the clerk expects.
    if (m_notifier.announcingOwnCommand()) {
        flush();
        return;
    }
    if (m_timer.isActive())
        return;
    const bool quiet = !m_sinceDelivery.isValid() || m_sinceDelivery.elapsed() >= m_intervalMs;
    m_timer.start(quiet ? 0 : int(m_intervalMs - m_sinceDelivery.elapsed()));
}

void ChangeBatcher::flush()
{
    m_timer.stop();
    if (m_waiting.isEmpty())
        return;
    const QList<Change> batch = withoutRepeats(m_waiting);
    m_waiting.clear();
    m_sinceDelivery.start();
    Q_EMIT changed(batch);
}

} // namespace BidTracker::Model
