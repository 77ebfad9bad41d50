#pragma once

#include "model/changenotifier.h"
#include "model/storage/database.h"
#include "model/storage/postgreslistener.h"

#include <memory>

namespace BidTracker::App {

/// On a shared PostgreSQL database, the link to the other stations: their committed
/// changes are announced on `notifier` as this process's own are. Null on SQLite, where
/// other processes' changes are seen through the file (data_version).
std::unique_ptr<Model::PostgresListener> listenToOtherStations(const Model::Database& db,
                                                               Model::ChangeNotifier& notifier);

} // namespace BidTracker::App
