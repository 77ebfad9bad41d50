#pragma once

#include "options.h"

namespace BidTracker::App {

/// `backup -o FILE|DIR` and `restore FILE [--replace]` into `options` (checked), or the usage.
std::expected<Options, QString> parseBackupCommand(const QStringList& positional,
                                                   const QString& output, bool replace,
                                                   Options options);

/// `bidtracker backup [--db DB] -o FILE|DIR`: a consistent copy of the (live) auction; into a
/// folder under the automatic backups' name. Exit code 0, 2 when the file rule refuses the
/// target, 1 on any other failure, with one line on stderr.
int runBackup(const Options& options);

/// `bidtracker restore FILE [--db DB] [--replace]`: the backup as the auction; refused (exit
/// code 2) while the auction is in use, or when it exists and --replace is not given.
int runRestore(const Options& options);

} // namespace BidTracker::App
