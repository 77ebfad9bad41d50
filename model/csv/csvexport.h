#pragma once

#include "csvkind.h"
#include "model/error.h"

#include <QIODevice>
#include <atomic>
#include <functional>

namespace BidTracker::Model {

class Database;

/// Progress of a long export, and the way to stop it.
struct CsvProgress
{
    /// Called every few thousand rows with rows written and rows in all.
    std::function<void(qint64 done, qint64 total)> report;
    /// Set from another thread to stop; the export then fails with "Cancelled".
    const std::atomic<bool>* cancel = nullptr;
};

/// Streams one CSV file of the auction to `out`, row by row in id order, in constant memory
/// (a forward-only query and a buffered writer). Returns the rows written (without the
/// header). Run it on a connection of the thread it runs in. A lot's reserve is secret: its
/// column stays empty unless `audience` is the operator (the window, the command line).
enum class CsvAudience { Public, Operator };
Result<qint64> exportCsv(Database& db, CsvKind kind, QIODevice& out,
                         const CsvProgress& progress = {},
                         CsvAudience audience = CsvAudience::Public);

} // namespace BidTracker::Model
