#include "sqlitestorage.h"

#include "model/storage/database.h"
#include "rowreaders.h"

#include <QStringList>

namespace BidTracker::Model {

namespace {

/// The ids as a JSON array, bound as one text value and read back with json_each: one
/// statement (prepared once) for any number of ids.
QString jsonArrayOf(const QList<qint64>& ids)
{
    QStringList parts;
    parts.reserve(ids.size());
    for (const qint64 id : ids)
        parts.append(QString::number(id));
    return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
}

/// Runs `select` restricted to `ids` (its key column named `key`) and reads every row.
template <typename Read>
auto rowsWithIds(Database& db, const QString& select, const QString& key, const QList<qint64>& ids,
                 Read read) -> Result<QList<decltype(read(std::declval<const QSqlQuery&>()))>>
{
    QList<decltype(read(std::declval<const QSqlQuery&>()))> rows;
    if (ids.isEmpty())
        return rows;
    auto run =
        db.run(select + QStringLiteral(" WHERE %1 IN (SELECT value FROM json_each(?))").arg(key),
               {jsonArrayOf(ids)});
    if (!run)
        return fail(run.error());
    while ((*run)->next())
        rows.append(read(**run));
    return rows;
}

} // namespace

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

Result<QList<Item>> SqliteStorage::itemsWithIds(const QList<qint64>& ids)
{
    return rowsWithIds(m_db, Rows::itemSelect, QStringLiteral("i.id"), ids, Rows::readItem);
}

Result<QList<User>> SqliteStorage::usersWithIds(const QList<qint64>& ids)
{
    return rowsWithIds(m_db, Rows::userSelect, QStringLiteral("u.id"), ids, Rows::readUser);
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
