#pragma once

#include "options.h"

#include <QString>

namespace BidTracker::App {

/// The auction a run acts on, the same for every door (window, --headless, export, import,
/// print, close-all): the one given with --db; else the one last open in the window
/// (QSettings `window/lastDatabase`: after a night in the window on gala.sqlite, the command
/// line acts on gala.sqlite too); else the data folder's auction.sqlite. A remembered file
/// that is gone falls back to the default, and `note` (when given) says so in one line.
/// Needs the application's identity set (QSettings).
QString chosenDatabase(const Options& options, QString* note = nullptr);

} // namespace BidTracker::App
