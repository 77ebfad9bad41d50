#pragma once

#include "change.h"

#include <QObject>

namespace BidTracker::Model {

class ChangeBatcher;

/// Announces every committed change to whoever listens, from whichever thread made it.
/// Listeners in other threads receive changed() as a queued call in their own thread, so one
/// notifier can be shared by the window's service and the server thread's service.
class ChangeNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangeNotifier)

public:
    explicit ChangeNotifier(QObject* parent = nullptr);

    /// Thread-safe.
    void announce(const Change& change);
    /// The same for a change another station committed (heard on PostgreSQL's channel): no
    /// command of this process waits for it, so the window takes it in with its next batch.
    void announceFromOtherStation(const Change& change);
    /// Whether a command of this thread is announcing its change right now (the window's
    /// own command, whose views follow before it returns). Only in the notifier's thread.
    bool announcingOwnCommand() const { return m_ownCommandDepth > 0; }
    /// The same changes in batches, for the window's views (see ChangeBatcher); made on
    /// first use. Only in the notifier's own thread.
    ChangeBatcher& batches();

Q_SIGNALS:
    void changed(const BidTracker::Model::Change& change);

private:
    ChangeBatcher* m_batches = nullptr; // a child
    int m_ownCommandDepth = 0;          // touched only in the notifier's thread
};

} // namespace BidTracker::Model
