#pragma once

#include "error.h"

namespace BidTracker::Model {

class Database;

/// A write transaction (Storage::beginWrite: SQLite's write lock at once, so a read-then-write
/// can never fail half way with SQLITE_BUSY; PostgreSQL's with row locks taken as the rows
/// are read) that rolls back unless commit() succeeded.
class WriteTransaction final
{
public:
    explicit WriteTransaction(Database& db) : m_db(db) {}
    ~WriteTransaction();
    Q_DISABLE_COPY_MOVE(WriteTransaction)

    Result<void> begin();
    Result<void> commit();

private:
    Database& m_db;
    bool m_active = false;
};

} // namespace BidTracker::Model
