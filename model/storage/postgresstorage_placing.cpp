// Placing a batch of bids on PostgreSQL, and reading a batch of rows by id: each step is one
// round trip to the server, whatever the batch holds, because on a 2-core machine a round
// trip (two context switches and the server's parse and plan) costs more than the work of a
// bid.
#include "postgresstorage.h"

#include "model/storage/database.h"
#include "rowreaders.h"

#include <QStringList>
#include <algorithm>
#include <limits>

namespace BidTracker::Model {

namespace {

/// Stands for NULL in arrayOf (no id, count or amount takes this value).
constexpr qint64 NullId = std::numeric_limits<qint64>::min();

/// A bigint[] literal, bound as text and cast by the statement.
QString arrayOf(const QList<qint64>& ids)
{
    QStringList parts;
    parts.reserve(ids.size());
    for (const qint64 id : ids)
        parts.append(id == NullId ? QStringLiteral("NULL") : QString::number(id));
    return QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
}

} // namespace

Result<QHash<qint64, Item>> PostgresStorage::lockItems(QList<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    // The lock is a statement of its own (see SqlStorage::findItem): the read after it sees
    // what every earlier writer of these lots committed. The locks come in id order.
    {
        auto locked = m_db.run(QStringLiteral("SELECT l.id FROM unnest(?::bigint[]) AS k(id)"
                                              " CROSS JOIN LATERAL (SELECT id FROM items"
                                              " WHERE id = k.id FOR UPDATE) l"),
                               {arrayOf(ids)});
        if (!locked)
            return fail(locked.error());
    }
    auto found = itemsWithIds(ids);
    if (!found)
        return fail(found.error());
    QHash<qint64, Item> items;
    for (Item& item : *found)
        items.insert(item.id, std::move(item));
    return items;
}

Result<QList<Item>> PostgresStorage::itemsWithIds(const QList<qint64>& ids)
{
    if (ids.isEmpty())
        return QList<Item>();
    QList<qint64> keys = ids;
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    // Every row is looked up by its key: on a small or freshly bulk-loaded table the planner
    // would otherwise scan it whole, and a lot table updated all night is full of dead row
    // versions.
    auto run = m_db.run(Rows::itemSelectList +
                            QStringLiteral(" FROM unnest(?::bigint[]) AS k(id)"
                                           " CROSS JOIN LATERAL (SELECT * FROM items"
                                           " WHERE id = k.id) i"
                                           " LEFT JOIN LATERAL (SELECT value_cents, user_id"
                                           " FROM bids WHERE id = i.winning_bid_id) w ON true"
                                           " LEFT JOIN LATERAL (SELECT name, number FROM users"
                                           " WHERE id = w.user_id) wu ON true"),
                        {arrayOf(keys)});
    if (!run)
        return fail(run.error());
    QList<Item> items;
    while ((*run)->next())
        items.append(Rows::readItem(**run));
    return items;
}

Result<QList<User>> PostgresStorage::usersWithIds(const QList<qint64>& ids)
{
    if (ids.isEmpty())
        return QList<User>();
    QList<qint64> keys = ids;
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    auto run =
        m_db.run(Rows::userSelectList + QStringLiteral(" FROM unnest(?::bigint[]) AS k(id)"
                                                       " CROSS JOIN LATERAL (SELECT * FROM users"
                                                       " WHERE id = k.id) u"),
                 {arrayOf(keys)});
    if (!run)
        return fail(run.error());
    QList<User> users;
    while ((*run)->next())
        users.append(Rows::readUser(**run));
    return users;
}

Result<QHash<qint64, QString>> PostgresStorage::userNames(const QList<qint64>& ids)
{
    auto run = m_db.run(QStringLiteral("SELECT id, name FROM users WHERE id = ANY(?::bigint[])"),
                        {arrayOf(ids)});
    if (!run)
        return fail(run.error());
    QHash<qint64, QString> names;
    while ((*run)->next())
        names.insert((*run)->value(0).toLongLong(), (*run)->value(1).toString());
    return names;
}

Result<QList<qint64>> PostgresStorage::writeBids(const BidWrites& writes)
{
    if (writes.bids.isEmpty())
        return QList<qint64>();
    QList<qint64> itemIds, userIds, values, maximums, automatic;
    QStringList placedAt;
    for (const Bid& bid : writes.bids) {
        itemIds.append(bid.itemId);
        userIds.append(bid.userId);
        values.append(bid.value.cents());
        maximums.append(bid.maxValue ? bid.maxValue->cents() : NullId);
        automatic.append(bid.automatic ? 1 : 0);
        placedAt.append(QLatin1Char('"') + bid.placedAt + QLatin1Char('"'));
    }
    QList<qint64> lotIds, lotAdded, winners, leaders, runnersUp;
    for (const BidWrites::Lot& lot : writes.lots) {
        lotIds.append(lot.itemId);
        lotAdded.append(lot.addedBids);
        winners.append(lot.winningBidId.value_or(NullId));
        leaders.append(lot.leaderCeilingCents);
        runnersUp.append(lot.runnerUpCents.value_or(NullId));
    }
    // One statement. The ids are taken from the bids' sequence here, while the lots are
    // locked, so on each lot ids rise in commit order across every station; numbered in
    // order, they go to the bids in the batch's order. Every part of a WITH runs once.
    auto run = m_db.run(
        QStringLiteral(
            "WITH ids AS (SELECT id, row_number() OVER (ORDER BY id) AS ord FROM"
            " (SELECT nextval(pg_get_serial_sequence('bids', 'id')) AS id"
            " FROM generate_series(1, ?::int)) n),"
            " nb AS (SELECT ids.id, r.* FROM unnest(?::bigint[], ?::bigint[], ?::bigint[],"
            " ?::text[], ?::bigint[], ?::int[]) WITH ORDINALITY AS r(item_id, user_id,"
            " value_cents, placed_at, max_value_cents, auto, ord) JOIN ids USING (ord)),"
            " b AS (INSERT INTO bids (id, item_id, user_id, value_cents, placed_at,"
            " max_value_cents, auto) SELECT id, item_id, user_id, value_cents, placed_at,"
            " max_value_cents, auto FROM nb),"
            " u AS (UPDATE users SET bid_count = users.bid_count + d.n FROM"
            " (SELECT user_id, count(*) AS n FROM nb GROUP BY user_id) d"
            " WHERE users.id = d.user_id),"
            " i AS (UPDATE items SET bid_count = items.bid_count + s.n, winning_bid_id ="
            " CASE WHEN s.w < 0 THEN (SELECT id FROM ids WHERE ord = -s.w) ELSE s.w END,"
            " leader_ceiling_cents = s.l, runner_up_cents = s.r FROM unnest(?::bigint[],"
            " ?::int[], ?::bigint[], ?::bigint[], ?::bigint[]) AS s(id, n, w, l, r)"
            " WHERE items.id = s.id)"
            " SELECT id FROM ids ORDER BY ord"),
        {static_cast<int>(writes.bids.size()), arrayOf(itemIds), arrayOf(userIds), arrayOf(values),
         QLatin1Char('{') + placedAt.join(QLatin1Char(',')) + QLatin1Char('}'), arrayOf(maximums),
         arrayOf(automatic), arrayOf(lotIds), arrayOf(lotAdded), arrayOf(winners), arrayOf(leaders),
         arrayOf(runnersUp)});
    if (!run)
        return fail(run.error());
    QList<qint64> ids;
    ids.reserve(writes.bids.size());
    while ((*run)->next())
        ids.append((*run)->value(0).toLongLong());
    if (ids.size() != writes.bids.size())
        return fail(Error::unavailable(QStringLiteral("Writing %1 bids returned %2 ids")
                                           .arg(writes.bids.size())
                                           .arg(ids.size())));
    return ids;
}

} // namespace BidTracker::Model
