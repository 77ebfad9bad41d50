#pragma once

#include <QString>

namespace BidTracker::Testing {

/// Every row of every table of the database file at `path`, as text, read on a connection
/// of its own (SQLite, read-only), never through the service or the API: an answer cache or
/// a stored counter cannot hide a row that should not be there. The bids table's row count
/// comes first, counted, not the stored bid_count. Two equal snapshots mean nothing changed.
QString databaseSnapshot(const QString& path);

/// The number of rows of `table` (users, items or bids) that match the SQL condition
/// `where` (all when empty), counted on a connection of its own.
qint64 countRows(const QString& path, const QString& table, const QString& where = {});

} // namespace BidTracker::Testing
