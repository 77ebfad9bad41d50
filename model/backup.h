#pragma once

#include "error.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace BidTracker::Model {

class Database;

// Backups (PRODUCT.md, "The third part"): a consistent copy of a live auction as one SQLite
// file, written by the file rule (a temporary file in the same folder, checked, then renamed
// over the target), and the restore that brings one back.
namespace Backup {

/// Automatic backups keep this many files of their own name form in their folder.
inline constexpr int KeptByDefault = 12;
/// Automatic backups run this often unless the station says otherwise.
inline constexpr int MinutesByDefault = 10;

/// `bidtracker-<auction name>-<UTC time>.sqlite`, the name made safe for any file system.
QString fileName(const QString& auctionName, const QDateTime& when);
/// Whether `name` (no folder) has the form fileName() gives: only those are rotated.
bool isBackupFileName(const QString& name);

struct Written
{
    QString file;
    qint64 bytes = 0;
    qint64 milliseconds = 0;
};

/// Writes a consistent copy of `from` (SQLite: VACUUM INTO; PostgreSQL: copyAuction into a
/// new SQLite file) to `target`, through a temporary file in its folder that passes
/// PRAGMA integrity_check before it is renamed over `target`. `target` may be new, a regular
/// file that is no database, or an earlier Bid Tracker backup that no program has open;
/// never the auction itself. On failure nothing is left behind and `target` is unchanged.
Result<Written> write(Database& from, const QString& target);

/// Deletes all but the newest `keep` backups (by the time in their names) in `folder`;
/// other files are never touched. Returns the files deleted.
Result<QStringList> rotate(const QString& folder, int keep = KeptByDefault);

/// Brings the backup `file` back as the SQLite auction `target`. Refused while any
/// connection has `target` open, and when `target` exists unless `replace` is set. The
/// backup is checked (integrity, a Bid Tracker auction, migrated to this version) in a
/// temporary copy beside `target` before it takes its place; `file` itself is not changed.
Result<void> restore(const QString& file, const QString& target, bool replace);

} // namespace Backup

} // namespace BidTracker::Model
