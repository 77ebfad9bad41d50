#pragma once

#include "error.h"

namespace BidTracker::Model {

class Database;

/// What a copy moved.
struct CopyCounts
{
    qint64 users = 0;
    qint64 items = 0;
    qint64 bids = 0;
    qint64 payments = 0;
    qint64 donations = 0;
    /// Maximums raised alone (the rest ride on their bids).
    qint64 maximums = 0;
    /// Audit log entries (RULES.md 5).
    qint64 auditEntries = 0;
};

/// Copies the whole auction in `from` into `to` (either engine each), every id, name, price,
/// time stamp, winner and count as it is (secret maximums, raised ones and the lots' stored
/// ceilings included, payments, donations and the settings too), in one transaction on `to`:
/// all or nothing. `to` must be new and empty (it never held a row); otherwise it is refused
/// and left unchanged.
Result<CopyCounts> copyAuction(Database& from, Database& to);

} // namespace BidTracker::Model
