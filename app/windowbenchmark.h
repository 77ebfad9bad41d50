#pragma once

#include "options.h"

namespace BidTracker::App {

/// `bidtracker --benchmark-window --db FILE`: opens the real window (offscreen works) and
/// prints, one "name value unit" line each: launch to the first painted Lots table, scroll
/// the Bids table to the end, sort it by amount, filter the Lots by a name, show a bidder's
/// invoice on the Checkout tab after Enter (median and slowest of 40 bidders), and the
/// resident memory after all of that. For tests/bench/big_auction.sh.
int benchmarkWindow(const Options& options, const QString& databasePath);

} // namespace BidTracker::App
