#pragma once

#include "options.h"

namespace BidTracker::App {

/// `bidtracker --screenshot FILE`: the main window on the database (--screenshot-size,
/// --screenshot-view), a lot and its
/// bids selected, saved as PNG, rendered offscreen (no display needed). For the README.
int takeScreenshot(const Options& options, const QString& databasePath);

} // namespace BidTracker::App
