// The SQL of the rules of real sales (RULES.md 2 and 3): a lot's standing and history, raised
// maximums, and closing.
#include "sqlstorage.h"

#include "model/storage/database.h"
#include "rowreaders.h"

#include <algorithm>

namespace BidTracker::Model {

namespace {

QVariant nullableCents(std::optional<qint64> cents)
{
    return cents ? QVariant(*cents) : QVariant(QMetaType::fromType<qint64>());
}

} // namespace

Result<void> SqlStorage::setItemStanding(qint64 itemId, std::optional<qint64> winningBidId,
                                         int bidCountDelta,
                                         std::optional<qint64> leaderCeilingCents,
                                         std::optional<qint64> runnerUpCents)
{
    // One statement with the winner and the count, so a bid costs no more writes than before.
    auto run =
        m_db.run(QStringLiteral("UPDATE items SET winning_bid_id = ?,"
                                " bid_count = bid_count + ?, leader_ceiling_cents = ?,"
                                " runner_up_cents = ? WHERE id = ?"),
                 {nullableCents(winningBidId), bidCountDelta, nullableCents(leaderCeilingCents),
                  nullableCents(leaderCeilingCents ? runnerUpCents : std::nullopt), itemId});
    if (!run)
        return fail(run.error());
    return {};
}

Result<void> SqlStorage::setItemClosesAt(qint64 itemId, const QString& closesAt)
{
    auto run = m_db.run(QStringLiteral("UPDATE items SET closes_at = ? WHERE id = ?"),
                        {Rows::nullableText(closesAt), itemId});
    if (!run)
        return fail(run.error());
    return {};
}

namespace {

Result<QList<qint64>> idsOf(Result<StatementRun> run)
{
    if (!run)
        return fail(run.error());
    QList<qint64> ids;
    while ((*run)->next())
        ids.append((*run)->value(0).toLongLong());
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

Result<void> SqlStorage::lockOpenItems()
{
    if (lockClause().isEmpty())
        return {};
    auto run = m_db.run(QStringLiteral("SELECT id FROM items WHERE status = 'open' ORDER BY id") +
                        lockClause());
    if (!run)
        return fail(run.error());
    return {};
}

Result<QList<qint64>> SqlStorage::closeOpenItems(const QString& closedAt)
{
    return idsOf(m_db.run(QStringLiteral("UPDATE items SET status = 'closed', closed_at = ?"
                                         " WHERE status = 'open' RETURNING id"),
                          {closedAt}));
}

Result<QList<qint64>> SqlStorage::closeItemsDue(const QString& now)
{
    // closed_at is the lot's own closing time, not the moment this ran: a lot whose time
    // passed while no process ran closes at start-up as if it had closed on time. Time
    // stamps are all written alike (ISO 8601 with milliseconds, UTC), so text order is time
    // order; the partial index on closes_at finds them.
    return idsOf(m_db.run(QStringLiteral("UPDATE items SET status = 'closed', closed_at = closes_at"
                                         " WHERE status = 'open' AND closes_at IS NOT NULL"
                                         " AND closes_at <= ? RETURNING id"),
                          {now}));
}

Result<bool> SqlStorage::anyItemDue(const QString& now)
{
    auto run = m_db.run(QStringLiteral("SELECT id FROM items WHERE closes_at IS NOT NULL"
                                       " AND closes_at <= ? AND status = 'open' LIMIT 1"),
                        {now});
    if (!run)
        return fail(run.error());
    return (*run)->next();
}

Result<bool> SqlStorage::anyItemOpen()
{
    auto run = m_db.run(QStringLiteral("SELECT id FROM items WHERE status = 'open' LIMIT 1"));
    if (!run)
        return fail(run.error());
    return (*run)->next();
}

Result<QList<LotHistoryEntry>> SqlStorage::lotHistory(qint64 itemId)
{
    QList<LotHistoryEntry> bids;
    {
        auto run = m_db.run(QStringLiteral("SELECT id, user_id, value_cents, max_value_cents, auto"
                                           " FROM bids WHERE item_id = ? ORDER BY id"),
                            {itemId});
        if (!run)
            return fail(run.error());
        while ((*run)->next()) {
            LotHistoryEntry entry;
            entry.bidId = (*run)->value(0).toLongLong();
            entry.userId = (*run)->value(1).toLongLong();
            entry.valueCents = (*run)->value(2).toLongLong();
            entry.maximumCents = (*run)->isNull(3) ? 0 : (*run)->value(3).toLongLong();
            entry.automatic = (*run)->value(4).toLongLong() != 0;
            bids.append(entry);
        }
    }
    auto run = m_db.run(QStringLiteral("SELECT id, user_id, max_value_cents, after_bid_id"
                                       " FROM maximums WHERE item_id = ?"
                                       " ORDER BY after_bid_id, id"),
                        {itemId});
    if (!run)
        return fail(run.error());
    // Each raise goes right after the bid it followed (and after earlier raises there).
    QList<LotHistoryEntry> merged;
    merged.reserve(bids.size());
    qsizetype next = 0;
    while ((*run)->next()) {
        LotHistoryEntry raise;
        raise.maximumId = (*run)->value(0).toLongLong();
        raise.userId = (*run)->value(1).toLongLong();
        raise.maximumCents = (*run)->value(2).toLongLong();
        const qint64 after = (*run)->value(3).toLongLong();
        raise.afterBidId = after;
        while (next < bids.size() && bids[next].bidId <= after)
            merged.append(bids[next++]);
        merged.append(raise);
    }
    while (next < bids.size())
        merged.append(bids[next++]);
    return merged;
}

Result<std::optional<qint64>> SqlStorage::lastBidOf(qint64 itemId)
{
    auto run = m_db.run(QStringLiteral("SELECT max(id) FROM bids WHERE item_id = ?"), {itemId});
    if (!run)
        return fail(run.error());
    if (!(*run)->next() || (*run)->isNull(0))
        return std::optional<qint64>();
    return (*run)->value(0).toLongLong();
}

Result<qint64> SqlStorage::insertMaximum(const MaximumRaise& raise)
{
    return insertReturningId(QStringLiteral("INSERT INTO maximums (item_id, user_id,"
                                            " max_value_cents, placed_at, after_bid_id)"
                                            " VALUES (?, ?, ?, ?, ?)"),
                             QVariantList{raise.itemId, raise.userId, raise.maxValue.cents(),
                                          raise.placedAt, raise.afterBidId});
}

Result<void> SqlStorage::deleteMaximum(qint64 id)
{
    auto run = m_db.run(QStringLiteral("DELETE FROM maximums WHERE id = ?"), {id});
    if (!run)
        return fail(run.error());
    return {};
}

// Slices for copying: a raise's id and after_bid_id travel as they are, so the copy's lot
// history (RULES.md 2) merges its raises in the same places as the original's.

Result<QList<MaximumRaise>> SqlStorage::maximumsFrom(qint64 firstId, int limit)
{
    auto run = m_db.run(QStringLiteral("SELECT id, item_id, user_id, max_value_cents, placed_at,"
                                       " after_bid_id FROM maximums WHERE id >= ?"
                                       " ORDER BY id LIMIT ?"),
                        {firstId, limit});
    if (!run)
        return fail(run.error());
    QList<MaximumRaise> rows;
    while ((*run)->next()) {
        MaximumRaise raise;
        raise.id = (*run)->value(0).toLongLong();
        raise.itemId = (*run)->value(1).toLongLong();
        raise.userId = (*run)->value(2).toLongLong();
        raise.maxValue = Money::fromCents((*run)->value(3).toLongLong());
        raise.placedAt = (*run)->value(4).toString();
        raise.afterBidId = (*run)->value(5).toLongLong();
        rows.append(raise);
    }
    return rows;
}

Result<qint64> SqlStorage::insertMaximumAsIs(const MaximumRaise& raise)
{
    // The id generator is moved past it by syncIdGenerators() where the engine needs that.
    return insertReturningId(QStringLiteral("INSERT INTO maximums (id, item_id, user_id,"
                                            " max_value_cents, placed_at, after_bid_id)"
                                            " VALUES (?, ?, ?, ?, ?, ?)"),
                             QVariantList{raise.id, raise.itemId, raise.userId,
                                          raise.maxValue.cents(), raise.placedAt,
                                          raise.afterBidId});
}

} // namespace BidTracker::Model
