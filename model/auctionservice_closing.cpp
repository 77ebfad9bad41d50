// AuctionService: buy now and closing (RULES.md 2 and 3).
#include "auctionservice.h"
#include "auditfields.h"

#include "auctionservice_transaction.h"
#include "command.h"
#include "lotrules.h"
#include "refusals.h"
#include "storage/database.h"

namespace BidTracker::Model {

namespace {

/// Why the lot cannot be bought now (closed, no buy-now price, the price reached it), or
/// nothing: the one rule behind buyNow() and buyNowPrice().
std::optional<Error> buyNowRefusal(const Item& target, const AuctionSettings& settings,
                                   const QString& now)
{
    if (auto closed = closedRefusal(target, settings, now))
        return closed;
    const QString lot = formatId(EntityKind::Item, target.id);
    const Money price = target.winningValue.value_or(Money::fromCents(0));
    const auto refused = [&](const QString& message) {
        return Error::refused(Error::Reason::BuyNowUnavailable, message)
            .with(QStringLiteral("item"), lot)
            .with(QStringLiteral("buy_now"), moneyFact(target.buyNow))
            .with(QStringLiteral("winning_value"), moneyFact(target.winningValue));
    };
    if (!target.buyNow)
        return refused(QStringLiteral("Item %1 has no buy-now price").arg(lot));
    if (price >= *target.buyNow)
        return refused(
            QStringLiteral("Buy now is no longer possible on %1: the price %2 %3 %4")
                .arg(lot, price.toString(),
                     price == *target.buyNow ? QStringLiteral("reached") : QStringLiteral("passed"),
                     target.buyNow->toString()));
    return std::nullopt;
}

} // namespace

Result<Money> AuctionService::buyNowPrice(qint64 itemId)
{
    auto target = requireItem(itemId);
    if (!target)
        return fail(target.error());
    auto settings = m_storage.readSettings();
    if (!settings)
        return fail(settings.error());
    if (auto refused = buyNowRefusal(*target, *settings, utcTimestampNow()))
        return fail(std::move(*refused));
    return *target->buyNow;
}

Result<Bid> AuctionService::buyNow(qint64 itemId, qint64 userId, Command* undo)
{
    if (auto allowed = allow(Permission::Bidding); !allowed)
        return fail(allowed.error());
    Command purchase;
    purchase.purchase = Command::Purchase{itemId, userId};
    auto inverse = apply(purchase);
    if (!inverse)
        return fail(inverse.error());
    if (undo)
        *undo = *inverse;
    return bid(inverse->purchaseUndone->bidId);
}

Result<Bid> AuctionService::buyNowLocked(qint64 itemId, qint64 userId)
{
    { // inside the transaction of the command that carries the purchase (apply())
        // Locked as a bid locks it: a bid, a purchase and the close are judged in turn.
        auto target = requireItem(itemId, true);
        if (!target)
            return fail(target.error());
        if (auto ok = requireUser(userId); !ok)
            return fail(ok.error());
        auto settings = m_storage.readSettings();
        if (!settings)
            return fail(settings.error());
        const QString now = utcTimestampNow();
        if (auto refused = buyNowRefusal(*target, *settings, now))
            return fail(std::move(*refused));
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
    }
}

Result<QList<qint64>> AuctionService::closeAll(Command* undo)
{
    if (auto allowed = allow(Permission::Administer); !allowed)
        return fail(allowed.error());
    Command closeAll;
    closeAll.closeAllOpen = true;
    auto inverse = apply(closeAll);
    if (!inverse)
        return fail(inverse.error());
    QList<qint64> ids;
    for (const Command::LotFields& lot : inverse->lots)
        ids.append(lot.itemId);
    if (undo)
        *undo = *inverse;
    return ids;
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
        for (const qint64 id : *closed) {
            record(EntityKind::Item, Change::Action::Updated, id);
            audit(auditChange(QStringLiteral("item.close"), formatId(EntityKind::Item, id),
                              {{QStringLiteral("status"), QStringLiteral("open")}},
                              {{QStringLiteral("status"), QStringLiteral("closed")}}));
        }
        return closed;
    });
}

} // namespace BidTracker::Model
