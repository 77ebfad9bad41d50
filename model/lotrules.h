#pragma once

#include "auctionsettings.h"
#include "records.h"
#include "rules/lotdecision.h"

#include <QString>
#include <optional>

// What RULES.md 2 and 3 say about one lot, given the lot and the auction's settings: the one
// place the bid rule, the window's hint, the API's reads and the invoice ask.
namespace BidTracker::Model {

/// The lot's terms for the decision: its starting price and minimum increment, the auction's
/// increment table, its reserve.
Rules::LotTerms lotTerms(const Item& item, const AuctionSettings& settings);

/// Where the lot stands as the lot row keeps it (winner, price and the two ceilings); empty
/// when the ceilings are unknown and the lot must be worked out from its bids.
std::optional<Rules::LotStanding> storedStanding(const Item& item);

/// The entries of a lot's history (in commit order) that the rules count: every bid, and a
/// maximum raised alone only after a bid of its own bidder. A bidder whose last bid was
/// deleted keeps their raises on record, but inert; putting the bid back (undo) makes them
/// count again, so the lot is exactly as it was.
QList<LotHistoryEntry> countedEntries(const QList<LotHistoryEntry>& history);

/// The lowest bid the lot accepts now: its starting price with no bids, else the price plus
/// the step at the price (the larger of the increment table's step and the lot's minimum).
Money lowestAcceptable(const Item& item, const Rules::IncrementTable& increments);

/// Empty when the lot has no reserve, else whether its price reached it.
std::optional<bool> reserveMet(const Item& item);

// Whether a lot is sold, and everything else shown about it, is the lot view's
// (rules/lotview.h): decided there once.

/// When the lot stops taking bids: the earlier of its own closes_at and the auction's
/// close_all_at, as stored time stamps (ISO 8601 UTC with milliseconds); empty: only by hand.
QString closingTime(const Item& item, const AuctionSettings& settings);

/// A time stamp as the database stores it ("2026-12-05T21:00:00.000Z"), or empty when
/// `text` is not an ISO 8601 UTC time.
QString normalizedUtc(const QString& text);

/// Soft close (RULES.md 3): the closes_at after a bid accepted at `now`, or empty when the
/// bid does not move it (soft close off, no closing time, or outside the window).
QString extendedClosesAt(const Item& item, const SoftClose& softClose, const QString& now);

} // namespace BidTracker::Model
