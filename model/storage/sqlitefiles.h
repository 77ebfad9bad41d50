#pragma once

#include "model/error.h"

#include <QString>

namespace BidTracker::Model {

class Database;

// SQLite files as whole files: the copies a backup writes and a restore brings back. The
// only SQL of backup and restore, kept here with the rest of the storage layer.
namespace SqliteFiles {

/// Writes a consistent copy of the SQLite auction open on `from` into the new (or empty)
/// file `file`: SQLite's backup API in one step, one read transaction, so writers on other
/// connections go on meanwhile. The copy uses a rollback journal, not WAL: it is one file,
/// complete by itself.
Result<void> vacuumInto(Database& from, const QString& file);

/// The same for an SQLite file no Database has open (a backup being restored), on a
/// connection of its own: what its write-ahead log holds is included.
Result<void> vacuumFileInto(const QString& source, const QString& file);

/// Turns a freshly written SQLite file (a PostgreSQL copy) into one self-contained file in
/// rollback-journal mode, as vacuumInto() leaves its copies.
Result<void> closeAsSingleFile(const QString& file);

/// PRAGMA integrity_check on `file`, on a connection of its own; the error quotes SQLite.
Result<void> checkIntegrity(const QString& file);

/// Whether `file` is a Bid Tracker auction (its tables and schema version), read on a
/// connection of its own that writes nothing (and, closing, leaves no -wal or -shm behind,
/// which a read-only connection on a WAL database would).
bool isBidTrackerDatabase(const QString& file);

/// Whether some connection, of this process or another, has the SQLite database `file`
/// open: Bid Tracker's connections use WAL, and each holds a shared lock on the
/// "dead man's switch" byte of the -shm file while it is open.
bool inUse(const QString& file);

} // namespace SqliteFiles

} // namespace BidTracker::Model
