#pragma once

#include "error.h"

#include <QString>

namespace BidTracker::Model::FilePolicy {

// PRODUCT.md's one file rule, in one place for the command line and the window: Bid Tracker
// writes and reads regular files only, and never a device, a FIFO, a folder, a link to one,
// an SQLite database (known by its header, not its name) or the -wal, -shm or -journal file
// of one. A refusal names the file and touches nothing.

/// The largest CSV file an import reads.
inline constexpr qint64 MaxCsvBytes = 200LL * 1024 * 1024;

/// May `path` be written, through a temporary file in the same folder renamed over it? It
/// may be new (its folder must exist) or an existing regular file that is no SQLite file.
/// The refusal (Error::invalid) says why, naming the file.
Result<void> checkOutput(const QString& path);

/// May `path` be read as an input of at most `maxBytes` bytes (CSV)? It must be an existing
/// regular file that is no SQLite file and not over the size.
Result<void> checkInput(const QString& path, qint64 maxBytes);

/// May `path` be opened as an SQLite auction (--db, copy, the window's Open and New)? It may
/// be new, or a regular file; never a device, FIFO, folder, a link to one, or the -wal,
/// -shm or -journal of a database. Whether it is a Bid Tracker database is SQLite's to say.
Result<void> checkDatabase(const QString& path);

/// An SQLite file this process has open (counted; forget it once for each note). The checks
/// above never open such a file or its logs: on Linux, closing any descriptor of a file
/// drops every POSIX lock the process holds on it, SQLite's included.
void noteOpenDatabase(const QString& path);
void forgetOpenDatabase(const QString& path);
/// Whether this process has the SQLite file `path` open as an auction (noted above).
bool isOpenHere(const QString& path);

} // namespace BidTracker::Model::FilePolicy
