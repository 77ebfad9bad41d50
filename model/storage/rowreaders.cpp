#include "rowreaders.h"

#include <QVariant>
#include <algorithm>
#include <limits>

namespace BidTracker::Model::Rows {

const QString itemSelect =
    QStringLiteral("SELECT i.id, i.name, i.status, i.starting_price_cents, i.min_increment_cents,"
                   " i.created_at, i.bid_count, i.winning_bid_id, w.value_cents, w.user_id, wu.name"
                   " FROM items i LEFT JOIN bids w ON w.id = i.winning_bid_id"
                   " LEFT JOIN users wu ON wu.id = w.user_id");

Item readItem(const QSqlQuery& query)
{
    Item item;
    item.id = query.value(0).toLongLong();
    item.name = query.value(1).toString();
    item.status = parseStatus(query.value(2).toString()).value_or(ItemStatus::Open);
    item.startingPrice = Money::fromCents(query.value(3).toLongLong());
    item.minIncrement = Money::fromCents(query.value(4).toLongLong());
    item.createdAt = query.value(5).toString();
    item.bidCount = query.value(6).toLongLong();
    if (!query.isNull(7)) {
        item.winningBidId = query.value(7).toLongLong();
        item.winningValue = Money::fromCents(query.value(8).toLongLong());
        item.winnerUserId = query.value(9).toLongLong();
        item.winnerName = query.value(10).toString();
    }
    return item;
}

const QString bidSelect = QStringLiteral(
    "SELECT b.id, b.item_id, b.user_id, b.value_cents, b.placed_at, i.name, u.name"
    " FROM bids b JOIN items i ON i.id = b.item_id JOIN users u ON u.id = b.user_id");

Bid readBid(const QSqlQuery& query)
{
    Bid bid;
    bid.id = query.value(0).toLongLong();
    bid.itemId = query.value(1).toLongLong();
    bid.userId = query.value(2).toLongLong();
    bid.value = Money::fromCents(query.value(3).toLongLong());
    bid.placedAt = query.value(4).toString();
    bid.itemName = query.value(5).toString();
    bid.userName = query.value(6).toString();
    return bid;
}

const QString userSelect =
    QStringLiteral("SELECT u.id, u.name, u.bid_count, u.created_at FROM users u");

User readUser(const QSqlQuery& query)
{
    return User{query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toLongLong(),
                query.value(3).toString()};
}

const QString pageClause = QStringLiteral(" LIMIT ? OFFSET ?");

qint64 pageLimit(const Page& page)
{
    return page.limit < 0 ? std::numeric_limits<qint64>::max() : page.limit;
}

qint64 pageOffset(const Page& page)
{
    return std::max<qint64>(page.offset, 0);
}

} // namespace BidTracker::Model::Rows
