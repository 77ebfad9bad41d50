// AuctionService: putting deleted rows back (the window's undo).
#include "auctionservice.h"

#include "database.h"
#include "names.h"
#include "writetransaction.h"

namespace BidTracker::Model {

namespace {

Error taken(EntityKind kind, qint64 id)
{
    return Error::conflict(QStringLiteral("%1 already exists").arg(formatId(kind, id)));
}

} // namespace

Result<User> AuctionService::restoreUser(const User& user)
{
    auto name = checkName(user.name);
    if (!name)
        return fail(name.error());
    if (this->user(user.id))
        return fail(taken(EntityKind::User, user.id));
    if (auto run =
            m_db.run(QStringLiteral("INSERT INTO users (id, name, created_at) VALUES (?, ?, ?)"),
                     {user.id, *name, utcTimestampNow()});
        !run)
        return fail(run.error());
    announce(EntityKind::User, Change::Action::Added, user.id);
    return this->user(user.id);
}

Result<Item> AuctionService::restoreItem(const Item& item)
{
    auto name = checkName(item.name);
    if (!name)
        return fail(name.error());
    if (this->item(item.id))
        return fail(taken(EntityKind::Item, item.id));
    if (auto run =
            m_db.run(QStringLiteral("INSERT INTO items (id, name, status, starting_price_cents,"
                                    " min_increment_cents, created_at) VALUES (?, ?, ?, ?, ?, ?)"),
                     {item.id, *name, statusName(item.status), item.startingPrice.cents(),
                      item.minIncrement.cents(),
                      item.createdAt.isEmpty() ? utcTimestampNow() : item.createdAt});
        !run)
        return fail(run.error());
    announce(EntityKind::Item, Change::Action::Added, item.id);
    return this->item(item.id);
}

Result<Bid> AuctionService::restoreBid(const Bid& bid)
{
    {
        WriteTransaction transaction(m_db);
        if (auto ok = transaction.begin(); !ok)
            return fail(ok.error());
        if (this->bid(bid.id))
            return fail(taken(EntityKind::Bid, bid.id));
        if (auto ok = requireUser(bid.userId); !ok)
            return fail(ok.error());
        if (auto target = item(bid.itemId); !target)
            return fail(target.error());
        if (auto run = m_db.run(
                QStringLiteral("INSERT INTO bids (id, item_id, user_id, value_cents, placed_at)"
                               " VALUES (?, ?, ?, ?, ?)"),
                {bid.id, bid.itemId, bid.userId, bid.value.cents(), bid.placedAt});
            !run)
            return fail(run.error());
        // The highest bid wins; of equal ones, the earliest.
        if (auto run =
                m_db.run(QStringLiteral(
                             "UPDATE items SET bid_count = bid_count + 1, winning_bid_id ="
                             " (SELECT id FROM bids WHERE item_id = ? ORDER BY value_cents DESC, id"
                             " LIMIT 1) WHERE id = ?"),
                         {bid.itemId, bid.itemId});
            !run)
            return fail(run.error());
        if (auto run =
                m_db.run(QStringLiteral("UPDATE users SET bid_count = bid_count + 1 WHERE id = ?"),
                         {bid.userId});
            !run)
            return fail(run.error());
        if (auto ok = transaction.commit(); !ok)
            return fail(ok.error());
    }
    announce(EntityKind::Bid, Change::Action::Added, bid.id, bid.itemId, bid.userId);
    return this->bid(bid.id);
}

} // namespace BidTracker::Model
