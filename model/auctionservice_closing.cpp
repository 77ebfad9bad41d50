// AuctionService: buy now and closing (RULES.md 2 and 3).
#include "auctionservice.h"

#include "auctionservice_transaction.h"
#include "lotrules.h"
#include "storage/database.h"

namespace BidTracker::Model {

Result<Bid> AuctionService::buyNow(qint64 itemId, qint64 userId)
{
    return writeTransaction([&]() -> Result<Bid> {
        // Locked as a bid locks it: a bid, a purchase and the close are judged in turn.
        auto target = requireItem(itemId, true);
        if (!target)
            return fail(target.error());
        if (auto ok = requireUser(userId); !ok)
            return fail(ok.error());
        const QString lot = formatId(EntityKind::Item, itemId);
        if (target->status == ItemStatus::Closed)
            return fail(Error::conflict(QStringLiteral("Item %1 is closed").arg(lot)));
        auto settings = m_storage.readSettings();
        if (!settings)
            return fail(settings.error());
        const QString now = utcTimestampNow();
        if (const QString closes = closingTime(*target, *settings);
            !closes.isEmpty() && now >= closes)
            return fail(Error::conflict(QStringLiteral("Item %1 closed at %2").arg(lot, closes)));
        if (!target->buyNow)
            return fail(Error::conflict(QStringLiteral("Item %1 has no buy-now price").arg(lot)));
        const Money price = target->winningValue.value_or(Money::fromCents(0));
        if (price >= *target->buyNow)
            return fail(Error::conflict(
                QStringLiteral("Buy now is no longer possible on %1: the price %2 %3 %4")
                    .arg(lot, price.toString(),
                         price == *target->buyNow ? QStringLiteral("reached")
                                                  : QStringLiteral("passed"),
                         target->buyNow->toString())));
        Bid bid;
        bid.itemId = itemId;
        bid.userId = userId;
        bid.value = *target->buyNow;
        bid.placedAt = now;
        bid.itemName = target->name;
        auto id = m_storage.insertBid(bid);
        if (!id)
            return fail(id.error());
        bid.id = *id;
        auto name = m_storage.addToUserBidCount(userId, 1);
        if (!name)
            return fail(name.error());
        bid.userName = *name;
        // The buyer wins whatever maximums others hold: the winner is set, not decided, and
        // the ceilings are left unknown (were the lot reopened, its bids decide it again).
        if (auto ok = m_storage.setItemWinner(itemId, bid.id, 1); !ok)
            return fail(ok.error());
        Item closed = *target;
        closed.status = ItemStatus::Closed;
        closed.closedAt = now;
        if (auto ok = m_storage.updateItem(closed); !ok)
            return fail(ok.error());
        record(EntityKind::Bid, Change::Action::Added, bid.id, itemId, userId);
        record(EntityKind::Item, Change::Action::Updated, itemId);
        return bid;
    });
}

Result<QList<qint64>> AuctionService::closeAll()
{
    return writeTransaction([&]() -> Result<QList<qint64>> {
        // The locks first, the time after (RULES.md 3): a bid that held a lot's lock has
        // committed before the close reads the time, so none is placed after closed_at.
        if (auto locked = m_storage.lockOpenItems(); !locked)
            return fail(locked.error());
        auto closed = m_storage.closeOpenItems(utcTimestampNow());
        if (!closed)
            return closed;
        for (const qint64 id : *closed)
            record(EntityKind::Item, Change::Action::Updated, id);
        return closed;
    });
}

Result<QList<qint64>> AuctionService::closeDueLots()
{
    // Read first, outside any transaction: the scheduler asks every second, and most times
    // nothing is due, so no write lock is taken for nothing.
    auto settings = m_storage.readSettings();
    if (!settings)
        return fail(settings.error());
    const QString now = utcTimestampNow();
    const QString closeAllAt = normalizedUtc(settings->closeAllAt);
    const bool allDue = !closeAllAt.isEmpty() && closeAllAt <= now;
    auto due = allDue ? m_storage.anyItemOpen() : m_storage.anyItemDue(now);
    if (!due)
        return fail(due.error());
    if (!*due)
        return QList<qint64>();
    return writeTransaction([&]() -> Result<QList<qint64>> {
        // Each statement closes only lots still open: whichever process gets the lock first
        // closes a lot, the others find it closed.
        auto closed = m_storage.closeItemsDue(now);
        if (!closed)
            return closed;
        if (allDue) {
            auto rest = m_storage.closeOpenItems(closeAllAt);
            if (!rest)
                return rest;
            *closed += *rest;
        }
        for (const qint64 id : *closed)
            record(EntityKind::Item, Change::Action::Updated, id);
        return closed;
    });
}

} // namespace BidTracker::Model
