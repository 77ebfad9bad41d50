#pragma once

#include "change.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

namespace BidTracker::Model {

class ChangeNotifier;

/// The changes a window's views follow, in batches: at most one batch every `intervalMs`
/// while changes stream in (other stations recording 1,000 bids a second must not keep the
/// window from the clerk's keys), at once when the window itself made the change (the
/// clerk sees their own bid without a wait) or when none came for a while. Lives in the
/// window's thread; changes announced from other threads arrive queued, one small event
/// each, and every view reads the database once per batch, not once per change.
class ChangeBatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangeBatcher)

public:
    static constexpr int DefaultIntervalMs = 250;

    explicit ChangeBatcher(ChangeNotifier& notifier, int intervalMs = DefaultIntervalMs);

    /// Delivers what is waiting now.
    void flush();
    /// Changes received and not delivered yet.
    qsizetype waiting() const { return m_waiting.size(); }

Q_SIGNALS:
    /// Changes in the order they were announced, each one once.
    void changed(const QList<BidTracker::Model::Change>& changes);

private:
    void take(const Change& change);

    ChangeNotifier& m_notifier;
    int m_intervalMs;
    QList<Change> m_waiting;
    QTimer m_timer;
    QElapsedTimer m_sinceDelivery;
};

} // namespace BidTracker::Model
