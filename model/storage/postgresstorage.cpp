#include "postgresstorage.h"

#include "changechannel.h"
#include "model/storage/database.h"

namespace BidTracker::Model {

Result<void> PostgresStorage::beginWrite()
{
    // READ COMMITTED with the decided-on rows locked FOR UPDATE: a bid reads the lot's
    // winner only after every earlier writer of that lot committed.
    return m_db.exec(QStringLiteral("BEGIN ISOLATION LEVEL READ COMMITTED"));
}

Result<void> PostgresStorage::beginRead()
{
    // One snapshot for every statement (the summary's figures are read in several).
    return m_db.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
}

Result<bool> PostgresStorage::everHeldRows()
{
    // A sequence that was ever used has a last_value; deleted rows leave it behind.
    auto used = m_db.scalar(QStringLiteral(
        "SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM items)"
        " + (SELECT count(*) FROM bids) + (SELECT count(*) FROM pg_sequences"
        " WHERE schemaname = current_schema() AND sequencename IN"
        " ('users_id_seq', 'items_id_seq', 'bids_id_seq') AND last_value IS NOT NULL)"));
    if (!used)
        return fail(used.error());
    return *used > 0;
}

Result<void> PostgresStorage::announceToOthers(const QList<Change>& changes)
{
    // A batch of bids is one transaction: its changes go in as few notifications as fit.
    for (const QString& payload : ChangeChannel::encode(changes)) {
        auto run = m_db.run(
            QStringLiteral("SELECT pg_notify('%1', ?)").arg(QLatin1String(ChangeChannel::Name)),
            {payload});
        if (!run)
            return fail(run.error());
    }
    return {};
}

Result<QStringList> PostgresStorage::bidIndexes()
{
    // The primary key stays: it is a constraint, not a secondary index.
    return m_db.texts(
        QStringLiteral("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                       " AND tablename = 'bids' AND indexname <> 'bids_pkey'"));
}

Result<void> PostgresStorage::endBulkLoad()
{
    return m_db.exec(QStringLiteral("ANALYZE users, items, bids"));
}

Result<void> PostgresStorage::syncIdGenerators()
{
    // An identity column's sequence does not move when a row brings its own id: move it
    // past the largest id, so the next generated one is new (ids are never handed out
    // twice). A sequence already further on stays where it is.
    for (const auto* table : {"users", "items", "bids", "payments", "donations", "maximums"}) {
        auto run = m_db.run(
            QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), t.m)"
                           " FROM (SELECT max(id) AS m FROM %1) t, pg_sequences s"
                           " WHERE s.schemaname = current_schema() AND s.sequencename = '%1_id_seq'"
                           " AND t.m IS NOT NULL AND (s.last_value IS NULL OR s.last_value < t.m)")
                .arg(QLatin1String(table)));
        if (!run)
            return fail(run.error());
    }
    return {};
}

} // namespace BidTracker::Model
