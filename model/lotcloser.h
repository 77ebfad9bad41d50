#pragma once

#include "error.h"

#include <QList>
#include <QObject>
#include <QTimer>

namespace BidTracker::Model {

class AuctionService;

/// Closes lots on time (RULES.md 3), one per running process, on the thread of the service it
/// is given: at start() (lots whose time passed while nothing ran close then, at their
/// closes_at) and then every `interval`. Each close is AuctionService::closeDueLots(), a
/// write under the same lock as bids, so with several processes on one database each lot is
/// closed once, and a bid that arrives after the time is refused whether or not a closer ran.
class LotCloser final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LotCloser)

public:
    explicit LotCloser(AuctionService& service, int intervalMs = 1000, QObject* parent = nullptr);

    /// Closes what is due now, then keeps watching.
    void start();
    void stop();
    /// Closes what is due now; what start() and the timer call.
    Result<QList<qint64>> closeDue();

Q_SIGNALS:
    void lotsClosed(const QList<qint64>& itemIds);
    /// A round failed (the database unavailable): the next one tries again.
    void failed(const QString& message);
    /// A round succeeded after one or more failed.
    void recovered();

private:
    AuctionService& m_service;
    QTimer m_timer;
    bool m_failing = false;
};

} // namespace BidTracker::Model
