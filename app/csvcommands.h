#pragma once

#include "options.h"

namespace BidTracker::App {

/// `bidtracker export KIND [-o FILE]`: the CSV on stdout or, written whole or not at all,
/// in FILE. Exit code 0, or 1 with one line on stderr (2 when FILE is the auction's own).
int runExport(const Options& options);

/// `bidtracker import KIND FILE`: every row checked first, then all added in one
/// transaction, or none. Exit code 0, or 1 with each problem on stderr by line number.
int runImport(const Options& options);

/// `bidtracker generate ... --db FILE`: a realistic auction of the given size in a new file.
int runGenerate(const Options& options);
/// `bidtracker copy FROM TO`: the whole auction into a new, empty database.
int runCopy(const Options& options);
/// bidtracker close-all: closes every open lot at once (Auction > Close all open lots).
int runCloseAll(const Options& options);

} // namespace BidTracker::App
