#pragma once

#include "model/auctionsettings.h"
#include "model/records.h"

#include <QDateTime>
#include <QString>
#include <optional>

// The one read side of a lot (ARCHITECTURE.md "One read side"): everything any surface shows
// about a lot, worked out once from the lot, the auction's settings and the time. The Lots
// table, the bidder detail, the big screen, the API, the CSV results and the printouts all
// show this, so they can never disagree. Pure: no SQL, no clock of its own.
namespace BidTracker::Model {

/// How a lot ends (RULES.md 2 "Reserve", 3): still open (pending); closed and sold; closed
/// with bids but below its reserve (unsold, the winner kept on record only); closed without
/// a bid.
enum class LotOutcome { Pending, Sold, Unsold, NoBids };

/// The one place "sold" is decided, from plain facts so that a row read straight from the
/// database (the invoice, the summary, results.csv) decides by it too: sold when the lot is
/// closed, has a winning bid, and the price reached the reserve (when it has one).
LotOutcome decideOutcome(bool closed, bool hasWinningBid, qint64 priceCents,
                         std::optional<qint64> reserveCents);

/// decideOutcome() for a lot as read.
LotOutcome outcomeOf(const Item& item);

/// "true" / "false", the way CSV files write a flag.
QString soldFlag(LotOutcome outcome);

/// What a lot looks like now.
struct LotView
{
    ItemStatus status = ItemStatus::Open;
    LotOutcome outcome = LotOutcome::Pending;
    /// The closing time that applies (ISO 8601 UTC with milliseconds): the earlier of the
    /// lot's own closes_at (soft-close extensions included) and the auction's close_all_at;
    /// empty when the lot closes by hand only.
    QString closesAt;
    /// True when that time is the auction's close_all_at, not the lot's own.
    bool closesWithAll = false;
    /// Seconds until closesAt, never below 0; empty on a closed lot or one without a time.
    std::optional<qint64> secondsLeft;
    /// Open, with a closing time already reached: the close is on its way, bids are refused.
    bool due = false;
    /// Soft close moved the time that applies (the lot's own, extended past its original).
    bool extended = false;
    /// The price (the winning bid's value); empty without bids.
    std::optional<Money> price;
    /// The step in force now: the larger of the lot's minimum increment and the increment
    /// table's step at the price (at the starting price while there are no bids).
    Money step;
    /// The lowest bid the lot accepts now: the starting price without bids, else price + step.
    Money nextMinimum;
    /// The leader (the winning bid's bidder), their name and paddle number; empty / 0 without.
    std::optional<qint64> leaderId;
    QString leaderName;
    qint64 leaderNumber = 0;
    /// Empty when the lot has no reserve; else whether the price reached it (never the
    /// reserve itself).
    std::optional<bool> reserveMet;
    /// Open, not due, with a buy-now price the price has not reached.
    bool buyNowPossible = false;

    bool sold() const { return outcome == LotOutcome::Sold; }
    bool closed() const { return status == ItemStatus::Closed; }
};

/// The lot as every surface shows it at `now` (UTC).
LotView lotView(const Item& item, const AuctionSettings& settings, const QDateTime& now);

} // namespace BidTracker::Model
