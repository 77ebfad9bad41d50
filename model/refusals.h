#pragma once

#include "auctionsettings.h"
#include "error.h"
#include "ids.h"
#include "money.h"
#include "records.h"

#include <optional>

// The refusals more than one service call gives, each worded once from its facts (API.md
// "Refusals say why, as data"): the reason and facts are what a door acts on.
namespace BidTracker::Model {

/// The key an id of this kind goes under in a refusal's facts: "item", "user", "bid",
/// "payment", "donation" (idPrefix()).
QString factKey(EntityKind kind);

/// "Item item3 does not exist": UnknownItem (UnknownUser, UnknownBid, UnknownPayment,
/// UnknownDonation) with the id under factKey(kind).
Error unknown(EntityKind kind, qint64 id);

/// A Money amount as a fact (the API writes it as a JSON number, the window as it shows
/// money).
QVariant moneyFact(const std::optional<Money>& amount);

/// Why a lot takes no more bids or purchases, or nothing when it takes them: ItemClosed with
/// `item` and `closed_at`. A lot whose closing time (closingTime()) has come is refused alike
/// whether the lot closer has been round or not ("Item item4 closed at <closed_at>", the
/// stored time or, before the closer ran, the closing time); one closed by hand before its
/// time keeps the original's "Item item4 is closed", its `closed_at` as stored.
std::optional<Error> closedRefusal(const Item& item, const AuctionSettings& settings,
                                   const QString& now);

} // namespace BidTracker::Model
