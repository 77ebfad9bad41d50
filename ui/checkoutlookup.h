#pragma once

#include "entrypick.h"

namespace BidTracker::Gui {

/// The bidder a cashier's text names: a paddle number as printed on the card ("105"), else
/// whatever the quick bid bar takes (an id "user3", a name), through the same lookup.
EntryPick pickCheckoutBidder(Model::AuctionService& service, const QString& text);

} // namespace BidTracker::Gui
