#pragma once

namespace BidTracker::Model {

class Database;

/// Whether this thread's writes on `db` are inside AuctionService::inOneTransaction(): then a
/// writer beside the service (StaffService) joins that transaction through a savepoint
/// instead of beginning its own, so an Idempotency-Key's answer commits with its change.
bool writesJoined(const Database& db);

/// Marks `db`'s writes on this thread as joined for its lifetime (inOneTransaction()).
class JoinedWrites final
{
public:
    explicit JoinedWrites(const Database& db);
    ~JoinedWrites();
    JoinedWrites(const JoinedWrites&) = delete;
    JoinedWrites& operator=(const JoinedWrites&) = delete;

private:
    const Database* m_previous;
};

} // namespace BidTracker::Model
