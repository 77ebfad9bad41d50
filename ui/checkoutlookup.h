#pragma once

#include "entrypick.h"

namespace BidTracker::Gui {

/// The bidder a cashier's text names: a paddle number as printed on the card ("105") and only
/// that, an id ("user3") or a name, exactly as the quick bid bar takes them.
EntryPick pickCheckoutBidder(Model::AuctionService& service, const QString& text);

} // namespace BidTracker::Gui
