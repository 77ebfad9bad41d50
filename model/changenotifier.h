#pragma once

#include "change.h"

#include <QObject>

namespace BidTracker::Model {

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

Q_SIGNALS:
    void changed(const BidTracker::Model::Change& change);
};

} // namespace BidTracker::Model
