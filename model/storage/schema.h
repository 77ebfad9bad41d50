#pragma once

#include "storage.h"

#include <QStringList>

namespace BidTracker::Model {

/// The statements that take a database from schema version `version - 1` to `version`.
/// Steps are only ever added, never changed, so every old file can be brought forward.
/// Both engines have the same versions; each step is written in the engine's dialect.
QStringList migrationStep(int version, Storage::Engine engine = Storage::Engine::Sqlite);

/// Staff accounts, tokens and the audit log (RULES.md 5), schema_staff.cpp: the step
/// StaffSchemaVersion.
QStringList staffAndAuditStep(Storage::Engine engine);
inline constexpr int StaffSchemaVersion = 7;

} // namespace BidTracker::Model
