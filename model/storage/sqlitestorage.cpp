#include "sqlitestorage.h"

#include "model/storage/database.h"

namespace BidTracker::Model {

Result<void> SqliteStorage::beginWrite()
{
    return m_db.exec(QStringLiteral("BEGIN IMMEDIATE"));
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

} // namespace BidTracker::Model
