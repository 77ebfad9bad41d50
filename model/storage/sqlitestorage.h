#pragma once

#include "sqlstorage.h"

namespace BidTracker::Model {

/// SQLite: one writer at a time (BEGIN IMMEDIATE takes the write lock at once, so a
/// read-then-write never fails half way with SQLITE_BUSY), other connections' commits seen
/// through data_version.
class SqliteStorage final : public SqlStorage
{
public:
    using SqlStorage::SqlStorage;

    Engine engine() const override { return Engine::Sqlite; }
    Result<void> beginWrite() override;
    Result<void> beginRead() override;
    Result<bool> everHeldRows() override;
    Result<qint64> externalChangeVersion() override;
    Result<void> announceToOthers(const QList<Change>&) override { return {}; }
    /// AUTOINCREMENT keeps sqlite_sequence at the largest id ever inserted by itself.
    Result<void> syncIdGenerators() override { return {}; }
    Result<QList<Item>> itemsWithIds(const QList<qint64>& ids) override;
    Result<QList<User>> usersWithIds(const QList<qint64>& ids) override;

protected:
    QString lockClause() const override { return {}; }
    QString likeOperator() const override { return QStringLiteral("LIKE"); }
    Result<QStringList> bidIndexes() override;
    Result<void> startBulkLoad() override;
    Result<void> endBulkLoad() override;
};

} // namespace BidTracker::Model
