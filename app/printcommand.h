#pragma once

#include "options.h"

namespace BidTracker::App {

/// `bidtracker print KIND [--lots IDS] [--bidders IDS] [--paper SIZE] -o FILE.pdf`: the
/// document as a PDF, written whole or not at all. Exit code 0, or 1 with one line on
/// stderr (a database problem, an id that does not exist, a file that cannot be written).
/// Needs a QGuiApplication (fonts); the offscreen platform will do.
int runPrint(const Options& options);

} // namespace BidTracker::App
