#pragma once

#include <QStringList>

namespace BidTracker::Model {

/// The statements that take a database from schema version `version - 1` to `version`.
/// Steps are only ever added, never changed, so every old file can be brought forward.
QStringList migrationStep(int version);

} // namespace BidTracker::Model
