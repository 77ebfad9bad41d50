// AuctionService: bids and the bidding rule.
#include "auctionservice.h"

#include "database.h"
#include "rowreaders.h"
#include "writetransaction.h"

namespace BidTracker::Model {

namespace {

QString itemId(qint64 id)
{
    return formatId(EntityKind::Item, id);
}

Error bidNotFound(qint64 id)
{
    return Error::notFound(
        QStringLiteral("Bid %1 does not exist").arg(formatId(EntityKind::Bid, id)));
}

} // namespace

Result<Bid> AuctionService::placeBidLocked(const BidRequest& request)
{
    auto target = item(request.itemId);
    if (!target)
        return fail(target.error());
    if (auto ok = requireUser(request.userId); !ok)
        return fail(ok.error());
    if (target->status == ItemStatus::Closed)
        return fail(Error::conflict(QStringLiteral("Item %1 is closed").arg(itemId(target->id))));
    if (!target->winningValue) {
        if (request.value < target->startingPrice)
            return fail(Error::conflict(
                QStringLiteral("Bid of %1 on %2 is below the starting price: the item has no "
                               "bids yet and the lowest acceptable bid is %3")
                    .arg(request.value.toString(), itemId(target->id),
                         target->startingPrice.toString())));
    } else {
        const Money lowest = *target->winningValue + target->minIncrement;
        if (request.value < lowest)
            return fail(Error::conflict(
                QStringLiteral("Bid of %1 on %2 is too low: the winning bid is %3 and the lowest "
                               "acceptable bid is %4")
                    .arg(request.value.toString(), itemId(target->id),
                         target->winningValue->toString(), lowest.toString())));
    }

    Bid bid;
    bid.itemId = request.itemId;
    bid.userId = request.userId;
    bid.value = request.value;
    bid.placedAt = utcTimestampNow();
    bid.itemName = target->name;
    {
        auto run = m_db.run(QStringLiteral("INSERT INTO bids (item_id, user_id, value_cents,"
                                           " placed_at) VALUES (?, ?, ?, ?)"),
                            {bid.itemId, bid.userId, bid.value.cents(), bid.placedAt});
        if (!run)
            return fail(run.error());
        bid.id = (*run)->lastInsertId().toLongLong();
    }
    if (auto run = m_db.run(QStringLiteral("UPDATE items SET winning_bid_id = ?,"
                                           " bid_count = bid_count + 1 WHERE id = ?"),
                            {bid.id, bid.itemId});
        !run)
        return fail(run.error());
    auto run = m_db.run(
        QStringLiteral("UPDATE users SET bid_count = bid_count + 1 WHERE id = ? RETURNING name"),
        {bid.userId});
    if (!run)
        return fail(run.error());
    if ((*run)->next())
        bid.userName = (*run)->value(0).toString();
    return bid;
}

Result<Bid> AuctionService::placeBid(qint64 itemId, qint64 userId, Money value)
{
    auto results = placeBids({BidRequest{itemId, userId, value}});
    return results.front();
}

QList<Result<Bid>> AuctionService::placeBids(const QList<BidRequest>& requests)
{
    QList<Result<Bid>> results;
    results.reserve(requests.size());
    const auto failAll = [&](const Error& error) {
        results.clear();
        for (qsizetype i = 0; i < requests.size(); ++i)
            results.append(fail(error));
        return results;
    };
    {
        WriteTransaction transaction(m_db);
        if (auto ok = transaction.begin(); !ok)
            return failAll(ok.error());
        for (const BidRequest& request : requests) {
            auto placed = placeBidLocked(request);
            // A rule that says no leaves nothing written; a database failure may have
            // written half a bid, so the whole batch is rolled back and reported.
            if (!placed && placed.error().code == Error::Code::Unavailable)
                return failAll(placed.error());
            results.append(std::move(placed));
        }
        if (auto ok = transaction.commit(); !ok)
            return failAll(ok.error());
    }
    for (const auto& result : results) {
        if (result)
            announce(EntityKind::Bid, Change::Action::Added, result->id, result->itemId,
                     result->userId);
    }
    return results;
}

Result<void> AuctionService::deleteBid(qint64 id)
{
    Bid removed;
    {
        WriteTransaction transaction(m_db);
        if (auto ok = transaction.begin(); !ok)
            return ok;
        auto found = bid(id);
        if (!found)
            return fail(found.error());
        removed = *found;
        // Bids on an item only ever rise, so the highest remaining one is the winner; the
        // earliest of equal values would win, hence "id" as the tie-break.
        std::optional<qint64> next;
        {
            auto run = m_db.run(QStringLiteral("SELECT id FROM bids WHERE item_id = ? AND id <> ?"
                                               " ORDER BY value_cents DESC, id LIMIT 1"),
                                {removed.itemId, id});
            if (!run)
                return fail(run.error());
            if ((*run)->next())
                next = (*run)->value(0).toLongLong();
        }
        if (auto run = m_db.run(QStringLiteral("UPDATE items SET winning_bid_id = ?,"
                                               " bid_count = bid_count - 1 WHERE id = ?"),
                                {next ? QVariant(*next) : QVariant(QMetaType::fromType<qint64>()),
                                 removed.itemId});
            !run)
            return fail(run.error());
        if (auto run = m_db.run(QStringLiteral("UPDATE users SET bid_count = bid_count - 1"
                                               " WHERE id = ?"),
                                {removed.userId});
            !run)
            return fail(run.error());
        if (auto run = m_db.run(QStringLiteral("DELETE FROM bids WHERE id = ?"), {id}); !run)
            return fail(run.error());
        if (auto ok = transaction.commit(); !ok)
            return ok;
    }
    announce(EntityKind::Bid, Change::Action::Removed, id, removed.itemId, removed.userId);
    return {};
}

Result<Bid> AuctionService::bid(qint64 id)
{
    auto run = m_db.run(Rows::bidSelect + QStringLiteral(" WHERE b.id = ?"), {id});
    if (!run)
        return fail(run.error());
    if (!(*run)->next())
        return fail(bidNotFound(id));
    return Rows::readBid(**run);
}

Result<Listing<Bid>> AuctionService::bids(Page page)
{
    Listing<Bid> listing;
    {
        auto run = m_db.run(Rows::bidSelect + QStringLiteral(" ORDER BY b.id") + Rows::pageClause,
                            {Rows::pageLimit(page), Rows::pageOffset(page)});
        if (!run)
            return fail(run.error());
        while ((*run)->next())
            listing.rows.append(Rows::readBid(**run));
    }
    auto total = m_db.scalar(QStringLiteral("SELECT count(*) FROM bids"));
    if (!total)
        return fail(total.error());
    listing.total = *total;
    return listing;
}

Result<QList<Bid>> AuctionService::bidsAfter(qint64 afterId, qint64 limit)
{
    auto run = m_db.run(Rows::bidSelect + QStringLiteral(" WHERE b.id > ? ORDER BY b.id LIMIT ?"),
                        {afterId, limit});
    if (!run)
        return fail(run.error());
    QList<Bid> rows;
    while ((*run)->next())
        rows.append(Rows::readBid(**run));
    return rows;
}

Result<QHash<qint64, QList<qint64>>> AuctionService::bidIdsByItem(qint64 firstItemId,
                                                                  qint64 lastItemId)
{
    auto run = m_db.run(QStringLiteral("SELECT item_id, id FROM bids WHERE item_id BETWEEN ? AND ?"
                                       " ORDER BY id"),
                        {firstItemId, lastItemId});
    if (!run)
        return fail(run.error());
    QHash<qint64, QList<qint64>> ids;
    while ((*run)->next())
        ids[(*run)->value(0).toLongLong()].append((*run)->value(1).toLongLong());
    return ids;
}

Result<Bid> AuctionService::winningBid(qint64 id)
{
    auto found = item(id);
    if (!found)
        return fail(found.error());
    if (!found->winningBidId)
        return fail(Error::notFound(QStringLiteral("Item %1 has no bids").arg(itemId(id))));
    return bid(*found->winningBidId);
}

Result<Listing<Bid>> AuctionService::bidsForItem(qint64 id, Page page)
{
    auto found = item(id);
    if (!found)
        return fail(found.error());
    Listing<Bid> listing;
    listing.total = found->bidCount;
    auto run = m_db.run(Rows::bidSelect + QStringLiteral(" WHERE b.item_id = ? ORDER BY b.id") +
                            Rows::pageClause,
                        {id, Rows::pageLimit(page), Rows::pageOffset(page)});
    if (!run)
        return fail(run.error());
    while ((*run)->next())
        listing.rows.append(Rows::readBid(**run));
    return listing;
}

Result<Listing<Bid>> AuctionService::bidsByUser(qint64 id, Page page)
{
    auto found = user(id);
    if (!found)
        return fail(found.error());
    Listing<Bid> listing;
    listing.total = found->bidCount;
    auto run = m_db.run(Rows::bidSelect + QStringLiteral(" WHERE b.user_id = ? ORDER BY b.id") +
                            Rows::pageClause,
                        {id, Rows::pageLimit(page), Rows::pageOffset(page)});
    if (!run)
        return fail(run.error());
    while ((*run)->next())
        listing.rows.append(Rows::readBid(**run));
    return listing;
}

Result<QList<UserItem>> AuctionService::itemsBidByUser(qint64 id)
{
    if (auto ok = requireUser(id); !ok)
        return fail(ok.error());
    auto run = m_db.run(
        QStringLiteral("SELECT b.item_id, i.name, max(b.value_cents), w.value_cents,"
                       " w.user_id = b.user_id, min(b.id) AS first_bid"
                       " FROM bids b JOIN items i ON i.id = b.item_id"
                       " LEFT JOIN bids w ON w.id = i.winning_bid_id"
                       " WHERE b.user_id = ? GROUP BY b.item_id, b.user_id, i.name, w.value_cents, w.user_id"
                       " ORDER BY first_bid"),
        {id});
    if (!run)
        return fail(run.error());
    QList<UserItem> items;
    while ((*run)->next()) {
        UserItem entry;
        entry.itemId = (*run)->value(0).toLongLong();
        entry.itemName = (*run)->value(1).toString();
        entry.highestOwnBid = Money::fromCents((*run)->value(2).toLongLong());
        if (!(*run)->isNull(3))
            entry.winningValue = Money::fromCents((*run)->value(3).toLongLong());
        entry.leading = (*run)->value(4).toBool();
        items.append(entry);
    }
    return items;
}

} // namespace BidTracker::Model
