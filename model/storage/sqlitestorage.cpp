#include "sqlitestorage.h"

#include "model/storage/database.h"

namespace BidTracker::Model {

Result<void> SqliteStorage::beginWrite()
{
    return m_db.exec(QStringLiteral("BEGIN IMMEDIATE"));
}

Result<void> SqliteStorage::beginRead()
{
    // Deferred: in WAL mode the first read fixes the snapshot every later read of the
    // transaction sees, without blocking any writer.
    return m_db.exec(QStringLiteral("BEGIN DEFERRED"));
}

Result<bool> SqliteStorage::everHeldRows()
{
    // sqlite_sequence remembers every id ever handed out, deleted rows included.
    auto used = m_db.scalar(
        QStringLiteral("SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM items)"
                       " + (SELECT count(*) FROM bids) + (SELECT count(*) FROM sqlite_sequence)"));
    if (!used)
        return fail(used.error());
    return *used > 0;
}

Result<qint64> SqliteStorage::externalChangeVersion()
{
    // data_version moves only for commits of other connections.
    return m_db.scalar(QStringLiteral("PRAGMA data_version"));
}

Result<QStringList> SqliteStorage::bidIndexes()
{
    return m_db.texts(QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'index'"
                                     " AND tbl_name = 'bids' AND sql IS NOT NULL"));
}

Result<void> SqliteStorage::startBulkLoad()
{
    // A large page cache keeps the whole build in memory until the commit; with the default
    // SQLite spills pages to the WAL again and again while the indexes grow.
    return m_db.exec(QStringLiteral("PRAGMA cache_size = -524288"));
}

Result<void> SqliteStorage::endBulkLoad()
{
    return m_db.exec(QStringLiteral("PRAGMA cache_size = -32768")); // as Database sets it
}

} // namespace BidTracker::Model
