#pragma once

#include "options.h"

namespace BidTracker::App {

/// Every file named on the command line, checked before anything is opened or written
/// (PRODUCT.md's one file rule, Model::FilePolicy): the CSV or PDF written (-o), the CSV
/// read (import), the SQLite databases (--db, copy) and a screenshot. Returns 0 when all may
/// be used, else 2 after one line on stderr naming the file.
int checkCommandLineFiles(const Options& options);

} // namespace BidTracker::App
