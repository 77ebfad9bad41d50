#pragma once

#include "sqlstorage.h"

namespace BidTracker::Model {

/// PostgreSQL: many writers on many machines. A decision locks the lot's row (SELECT ...
/// FOR UPDATE) inside the transaction; every change is sent to the other processes with
/// NOTIFY in the same transaction, so they hear of it exactly when it commits.
class PostgresStorage final : public SqlStorage
{
public:
    using SqlStorage::SqlStorage;

    Engine engine() const override { return Engine::Postgres; }
    Result<void> beginWrite() override;
    Result<void> beginRead() override;
    Result<bool> everHeldRows() override;
    /// Other stations' changes arrive as notifications (PostgresListener), not by polling.
    Result<qint64> externalChangeVersion() override { return -1; }
    Result<void> announceToOthers(const QList<Change>& changes) override;
    Result<void> syncIdGenerators() override;
    Result<QHash<qint64, Item>> lockItems(QList<qint64> ids) override;
    Result<QList<Item>> itemsWithIds(const QList<qint64>& ids) override;
    Result<QList<User>> usersWithIds(const QList<qint64>& ids) override;
    Result<QHash<qint64, QString>> userNames(const QList<qint64>& ids) override;
    Result<QList<qint64>> writeBids(const BidWrites& writes) override;

protected:
    QString lockClause() const override { return QStringLiteral(" FOR UPDATE"); }
    QString likeOperator() const override { return QStringLiteral("ILIKE"); }
    Result<QStringList> bidIndexes() override;
    /// Gathers the planner's statistics at once: until autovacuum gets to a million new rows
    /// the planner guesses, and a bidder's lots took 80 ms instead of a millisecond.
    Result<void> endBulkLoad() override;
};

} // namespace BidTracker::Model
