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
        if (auto run = m_db.run(
                QStringLiteral("UPDATE items SET winning_bid_id = ?,"
                               " bid_count = bid_count - 1 WHERE id = ?"),
                {next ? QVariant(*next) : QVariant(QMetaType::fromType<qint64>()), removed.itemId});
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

namespace {

/// The ORDER BY key of a bid query, as SQL: every key ends in the id, so rows have one order.
QString orderKey(const BidQuery& query, const QString& table)
{
    switch (query.order) {
    case BidQuery::Order::ByValue:
        return QStringLiteral("%1.value_cents, %1.id").arg(table);
    case BidQuery::Order::ByUser:
        return QStringLiteral("%1.user_id, %1.id").arg(table);
    case BidQuery::Order::ById:
        break;
    }
    return QStringLiteral("%1.id").arg(table);
}

QString direction(const BidQuery& query)
{
    return query.descending ? QStringLiteral(" DESC") : QString();
}

QString orderBy(const BidQuery& query, const QString& table)
{
    QStringList parts = orderKey(query, table).split(QStringLiteral(", "));
    for (QString& part : parts)
        part += direction(query);
    return parts.join(QStringLiteral(", "));
}

/// The filter as SQL over bids `table` (with its lot and bidder), or "1 = 1".
QString filterSql(const BidQuery& query, const QString& table)
{
    if (query.filter.isEmpty())
        return QStringLiteral("1 = 1");
    return QStringLiteral("(EXISTS (SELECT 1 FROM items fi WHERE fi.id = %1.item_id AND fi.name "
                          "LIKE :pattern ESCAPE '\\')"
                          " OR EXISTS (SELECT 1 FROM users fu WHERE fu.id = %1.user_id AND fu.name "
                          "LIKE :pattern ESCAPE '\\'))")
        .arg(table);
}

QString likePattern(const QString& text)
{
    QString escaped = text;
    escaped.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'%', QStringLiteral("\\%"))
        .replace(u'_', QStringLiteral("\\_"));
    return u'%' + escaped + u'%';
}

} // namespace

Result<qint64> AuctionService::countBids(const BidQuery& query)
{
    if (query.filter.isEmpty())
        return m_db.scalar(QStringLiteral("SELECT count(*) FROM bids"));
    auto statement = m_db.prepared(QStringLiteral("SELECT count(*) FROM bids b WHERE ") +
                                   filterSql(query, QStringLiteral("b")));
    if (!statement)
        return fail(statement.error());
    (*statement)->bindValue(QStringLiteral(":pattern"), likePattern(query.filter));
    if (!(*statement)->exec() || !(*statement)->next()) {
        Error error = Database::sqlError(**statement, QStringLiteral("counting bids"));
        (*statement)->finish();
        return fail(error);
    }
    const qint64 count = (*statement)->value(0).toLongLong();
    (*statement)->finish();
    return count;
}

Result<QList<Bid>> AuctionService::bidsWindow(const BidQuery& query, qint64 offset, qint64 limit)
{
    // The anchor, the first row of the window, is found by stepping through the order's
    // index alone; the rows from the anchor on are then read with their lot and bidder.
    const QString key = orderKey(query, QStringLiteral("b"));
    const QString comparison = query.descending ? QStringLiteral("<=") : QStringLiteral(">=");
    const QString sql =
        Rows::bidSelect +
        QStringLiteral(
            " WHERE (%1) %2 (SELECT %3 FROM bids a WHERE %4 ORDER BY %5 LIMIT 1 OFFSET :offset)"
            " AND %6 ORDER BY %7 LIMIT :limit")
            .arg(key, comparison, orderKey(query, QStringLiteral("a")),
                 filterSql(query, QStringLiteral("a")), orderBy(query, QStringLiteral("a")),
                 filterSql(query, QStringLiteral("b")), orderBy(query, QStringLiteral("b")));
    auto statement = m_db.prepared(sql);
    if (!statement)
        return fail(statement.error());
    (*statement)->bindValue(QStringLiteral(":offset"), offset);
    (*statement)->bindValue(QStringLiteral(":limit"), limit);
    if (!query.filter.isEmpty())
        (*statement)->bindValue(QStringLiteral(":pattern"), likePattern(query.filter));
    if (!(*statement)->exec()) {
        Error error = Database::sqlError(**statement, QStringLiteral("reading bids"));
        (*statement)->finish();
        return fail(error);
    }
    QList<Bid> rows;
    rows.reserve(limit);
    while ((*statement)->next())
        rows.append(Rows::readBid(**statement));
    (*statement)->finish();
    return rows;
}

Result<std::optional<qint64>> AuctionService::bidRow(const BidQuery& query, qint64 bidId)
{
    const QString before = query.descending ? QStringLiteral(">") : QStringLiteral("<");
    const QString key = orderKey(query, QStringLiteral("b"));
    const QString sql =
        QStringLiteral("SELECT (SELECT count(*) FROM bids b WHERE (%1) %2 (%3) AND %4),"
                       " (SELECT count(*) FROM bids b WHERE b.id = :id AND %4)"
                       " FROM bids t WHERE t.id = :id")
            .arg(key, before, orderKey(query, QStringLiteral("t")),
                 filterSql(query, QStringLiteral("b")));
    auto statement = m_db.prepared(sql);
    if (!statement)
        return fail(statement.error());
    (*statement)->bindValue(QStringLiteral(":id"), bidId);
    if (!query.filter.isEmpty())
        (*statement)->bindValue(QStringLiteral(":pattern"), likePattern(query.filter));
    if (!(*statement)->exec()) {
        Error error = Database::sqlError(**statement, QStringLiteral("finding a bid's row"));
        (*statement)->finish();
        return fail(error);
    }
    std::optional<qint64> row;
    if ((*statement)->next() && (*statement)->value(1).toLongLong() > 0)
        row = (*statement)->value(0).toLongLong();
    (*statement)->finish();
    return row;
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

Result<Listing<Bid>> AuctionService::bidsWhere(const QString& column, qint64 id, qint64 total,
                                               Page page)
{
    Listing<Bid> listing;
    listing.total = total;
    auto run =
        m_db.run(Rows::bidSelect + QStringLiteral(" WHERE b.%1 = ? ORDER BY b.id").arg(column) +
                     Rows::pageClause,
                 {id, Rows::pageLimit(page), Rows::pageOffset(page)});
    if (!run)
        return fail(run.error());
    while ((*run)->next())
        listing.rows.append(Rows::readBid(**run));
    return listing;
}

Result<Listing<Bid>> AuctionService::bidsForItem(qint64 id, Page page)
{
    auto found = item(id);
    if (!found)
        return fail(found.error());
    return bidsWhere(QStringLiteral("item_id"), id, found->bidCount, page);
}

Result<Listing<Bid>> AuctionService::bidsByUser(qint64 id, Page page)
{
    auto found = user(id);
    if (!found)
        return fail(found.error());
    return bidsWhere(QStringLiteral("user_id"), id, found->bidCount, page);
}

Result<QList<UserItem>> AuctionService::itemsBidByUser(qint64 id)
{
    if (auto ok = requireUser(id); !ok)
        return fail(ok.error());
    auto run = m_db.run(
        QStringLiteral("SELECT b.item_id, i.name, max(b.value_cents), w.value_cents,"
                       " w.user_id = b.user_id, min(b.id) AS first_bid, i.status"
                       " FROM bids b JOIN items i ON i.id = b.item_id"
                       " LEFT JOIN bids w ON w.id = i.winning_bid_id"
                       " WHERE b.user_id = ?"
                       " GROUP BY b.item_id, b.user_id, i.name, w.value_cents, w.user_id, i.status"
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
        entry.closed = parseStatus((*run)->value(6).toString()) == ItemStatus::Closed;
        items.append(entry);
    }
    return items;
}

} // namespace BidTracker::Model
