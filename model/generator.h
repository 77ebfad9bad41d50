#pragma once

#include "error.h"

namespace BidTracker::Model {

class Database;

/// The size of a generated auction.
struct GenerateSpec
{
    qint64 items = 1000;
    qint64 users = 100;
    qint64 bids = 10'000;
    quint32 seed = 20261128;
};

/// Fills an empty database with a realistic auction for benchmarks and demos: named bidders
/// and lots, bids that rise on every lot, spread over the bidders and over the last week,
/// winners and counts kept as the bidding rule would. One transaction, multi-row inserts.
Result<void> generateAuction(Database& db, const GenerateSpec& spec);

} // namespace BidTracker::Model
