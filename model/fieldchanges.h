// The one place a lot's and a bidder's fields are checked and applied, shared by the
// service's source files (not a public header).
#pragma once

#include "records.h"
#include "storage/storage.h"

namespace BidTracker::Model {

/// Applies the fields of `changes` that are set to `item`, checking each
/// (auctionservice_items.cpp).
Result<void> applyItemChanges(Item& item, const ItemChanges& changes);
/// The same for a bidder (auctionservice_bidders.cpp).
Result<void> applyUserChanges(User& user, const UserChanges& changes);
/// Refuses a paddle number another bidder holds (`self` may keep their own).
Result<void> requireFreeNumber(Storage& storage, qint64 number, qint64 self);

} // namespace BidTracker::Model
