// Placing a batch of bids on PostgreSQL: each step is one round trip to the server, whatever
// the batch holds, because on a 2-core machine a round trip (two context switches and the
// server's parse and plan) costs more than the work of a bid.
#include "postgresstorage.h"

#include "model/storage/database.h"
#include "rowreaders.h"

#include <QStringList>

namespace BidTracker::Model {

namespace {

/// A bigint[] literal, bound as text and cast by the statement.
QString arrayOf(const QList<qint64>& ids)
{
    QStringList parts;
    parts.reserve(ids.size());
    for (const qint64 id : ids)
        parts.append(QString::number(id));
    return QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
}

QVariant nullableCents(std::optional<qint64> cents)
{
    return cents ? QVariant(*cents) : QVariant(QMetaType::fromType<qint64>());
}

} // namespace

Result<QHash<qint64, Item>> PostgresStorage::lockItems(QList<qint64> ids)
{
    const QString array = arrayOf(ids);
    // The lock is a statement of its own (see SqlStorage::findItem): the read after it sees
    // what every earlier writer of these lots committed. ORDER BY makes the locks come in id
    // order.
    {
        auto locked = m_db.run(QStringLiteral("SELECT id FROM items WHERE id = ANY(?::bigint[])"
                                              " ORDER BY id FOR UPDATE"),
                               {array});
        if (!locked)
            return fail(locked.error());
    }
    auto run =
        m_db.run(Rows::itemSelect + QStringLiteral(" WHERE i.id = ANY(?::bigint[])"), {array});
    if (!run)
        return fail(run.error());
    QHash<qint64, Item> items;
    while ((*run)->next()) {
        Item item = Rows::readItem(**run);
        items.insert(item.id, std::move(item));
    }
    return items;
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

Result<RecordedBid> PostgresStorage::recordBid(const Bid& bid, const LotAfterBid& lot)
{
    // One statement: the parts of a WITH all run, once each, and the lot's update takes the
    // new bid's id from the insert.
    auto run = m_db.run(
        QStringLiteral(
            "WITH b AS (INSERT INTO bids (item_id, user_id, value_cents, placed_at,"
            " max_value_cents, auto) VALUES (?, ?, ?, ?, ?, ?) RETURNING id),"
            " u AS (UPDATE users SET bid_count = bid_count + 1 WHERE id = ? RETURNING name),"
            " i AS (UPDATE items SET bid_count = bid_count + 1, winning_bid_id ="
            " CASE WHEN ?::int = 1 THEN (SELECT id FROM b) ELSE ?::bigint END,"
            " leader_ceiling_cents = ?::bigint, runner_up_cents = ?::bigint WHERE id = ?)"
            " SELECT (SELECT id FROM b), (SELECT name FROM u)"),
        {bid.itemId, bid.userId, bid.value.cents(), bid.placedAt, Rows::nullableCents(bid.maxValue),
         bid.automatic ? 1 : 0, bid.userId, lot.newBidWins ? 1 : 0,
         nullableCents(lot.newBidWins ? std::nullopt : lot.winningBidId), lot.leaderCeilingCents,
         nullableCents(lot.runnerUpCents), bid.itemId});
    if (!run)
        return fail(run.error());
    if (!(*run)->next())
        return fail(Error::unavailable(QStringLiteral("Recording a bid returned no row")));
    RecordedBid recorded;
    recorded.id = (*run)->value(0).toLongLong();
    recorded.userName = (*run)->value(1).toString();
    return recorded;
}

} // namespace BidTracker::Model
