#include "stationlink.h"

#include "model/storage/databaselocation.h"

namespace BidTracker::App {

std::unique_ptr<Model::PostgresListener> listenToOtherStations(const Model::Database& db,
                                                               Model::ChangeNotifier& notifier)
{
    if (db.engine() != Model::Storage::Engine::Postgres)
        return nullptr;
    const auto location = Model::parseDatabaseLocation(db.path());
    if (!location)
        return nullptr; // it opened, so it parses; nothing to listen to otherwise
    return std::make_unique<Model::PostgresListener>(*location, notifier);
}

} // namespace BidTracker::App
