// AuctionService: putting deleted rows back (the window's undo).
#include "auctionservice.h"
#include "refusals.h"

#include "auctionservice_transaction.h"
#include "names.h"
#include "storage/database.h"

namespace BidTracker::Model {

namespace {

Error taken(EntityKind kind, qint64 id)
{
    return Error::refused(Error::Reason::IdTaken,
                          QStringLiteral("%1 already exists").arg(formatId(kind, id)))
        .with(factKey(kind), formatId(kind, id));
}

} // namespace

Result<User> AuctionService::restoreUser(const User& user)
{
    auto name = checkName(user.name);
    if (!name)
        return fail(name.error());
    auto restored = writeTransaction([&]() -> Result<void> {
        if (this->user(user.id))
            return fail(taken(EntityKind::User, user.id));
        User row = user;
        row.name = *name;
        if (row.createdAt.isEmpty())
            row.createdAt = utcTimestampNow();
        // The paddle number comes back too, unless someone took it meanwhile.
        if (row.number != 0) {
            auto holder = m_storage.findUserByNumber(row.number);
            if (!holder)
                return fail(holder.error());
            if (*holder)
                row.number = 0;
        }
        if (auto id = m_storage.insertUser(row); !id)
            return fail(id.error());
        record(EntityKind::User, Change::Action::Added, user.id);
        return {};
    });
    if (!restored)
        return fail(restored.error());
    return this->user(user.id);
}

Result<Item> AuctionService::restoreItem(const Item& item)
{
    auto name = checkName(item.name);
    if (!name)
        return fail(name.error());
    auto restored = writeTransaction([&]() -> Result<void> {
        if (this->item(item.id))
            return fail(taken(EntityKind::Item, item.id));
        Item row = item;
        row.name = *name;
        if (row.createdAt.isEmpty())
            row.createdAt = utcTimestampNow();
        if (auto id = m_storage.insertItem(row); !id)
            return fail(id.error());
        record(EntityKind::Item, Change::Action::Added, item.id);
        return {};
    });
    if (!restored)
        return fail(restored.error());
    return this->item(item.id);
}

Result<Bid> AuctionService::restoreBid(const Bid& bid)
{
    auto restored = writeTransaction([&]() -> Result<void> {
        if (this->bid(bid.id))
            return fail(taken(EntityKind::Bid, bid.id));
        if (auto ok = requireUser(bid.userId); !ok)
            return fail(ok.error());
        auto target = requireItem(bid.itemId, true);
        if (!target)
            return fail(target.error());
        if (bid.automatic)
            return fail(Error::refused(Error::Reason::AutoBid,
                                       QStringLiteral("Bid %1 was placed by the auction for a "
                                                      "maximum: the rules place such bids again "
                                                      "by themselves")
                                           .arg(formatId(EntityKind::Bid, bid.id)))
                            .with(QStringLiteral("bid"), formatId(EntityKind::Bid, bid.id)));
        if (auto id = m_storage.insertBid(bid); !id)
            return fail(id.error());
        if (auto name = m_storage.addToUserBidCount(bid.userId, 1); !name)
            return fail(name.error());
        if (auto ok = m_storage.setItemWinner(bid.itemId, target->winningBidId, 1); !ok)
            return ok;
        // The lot is worked out again from the bid on, as if it had never been deleted.
        auto settings = m_storage.readSettings();
        if (!settings)
            return fail(settings.error());
        if (auto ok = reworkLot(*target, bid.id, false, *settings); !ok)
            return ok;
        record(EntityKind::Bid, Change::Action::Added, bid.id, bid.itemId, bid.userId);
        return {};
    });
    if (!restored)
        return fail(restored.error());
    return this->bid(bid.id);
}

} // namespace BidTracker::Model
