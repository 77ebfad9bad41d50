#pragma once

#include "increments.h"

#include <QHash>
#include <QList>
#include <optional>

namespace BidTracker::Model::Rules {

/// What a lot's terms say about bidding on it (RULES.md 2).
struct LotTerms
{
    qint64 startingPriceCents = 1;
    qint64 minIncrementCents = 1;
    IncrementTable increments;
    /// Secret: the lot sells only when the price reaches it.
    std::optional<qint64> reserveCents;
};

/// One accepted event on a lot, in commit order: a bid (valueCents > 0) that may carry a
/// maximum, a maximum alone (valueCents == 0) by which the leader raises their own, or an
/// automatic bid the auction placed for a maximum.
struct LotEntry
{
    qint64 bidder = 0;
    qint64 valueCents = 0;
    /// The most the bidder lets the auction bid for them; 0 when none (a plain bid is a
    /// maximum equal to its value).
    qint64 maximumCents = 0;
    bool automatic = false;
    bool operator==(const LotEntry&) const = default;
};

/// Where a lot stands after its entries.
struct LotStanding
{
    /// The bidder with the highest ceiling, the one who reached it first on a tie.
    std::optional<qint64> leader;
    /// The price: what the leader pays if the lot closed now; 0 with no bids.
    qint64 priceCents = 0;
    qint64 leaderCeilingCents = 0;
    /// The highest bid value anyone (or the auction) placed.
    qint64 highestBidCents = 0;
    /// Empty when the lot has no reserve; otherwise whether the price reached it.
    std::optional<bool> reserveMet;
    /// The highest ceiling among the other bidders; empty when nobody else bid. With the
    /// leader's ceiling it is all the next decision needs (see LotDecider::resume).
    std::optional<qint64> runnerUpCents;
    bool operator==(const LotStanding&) const = default;
};

/// Works a lot out from its entries in commit order: the one place where who leads, at
/// which price, and which automatic bids the auction adds are decided. Placing a bid, a
/// maximum, deleting one (replay the remaining entries), the window's hint and the API all
/// go through it, so they can never disagree.
class LotDecider
{
public:
    explicit LotDecider(LotTerms terms);

    /// Picks a lot up where it stands (the standing kept with the lot), so that the next entry
    /// is decided in O(1) without reading its history. Holds for the entries the bidding rule
    /// lets in: a bidder other than the leader reaches above their own earlier ceiling (their
    /// value is above the price, which is at least every other ceiling), so only the
    /// leader's ceiling and the runner-up's matter; the leader holds a bid at the price.
    /// ceilingOf() then knows the leader only.
    static LotDecider resume(LotTerms terms, const LotStanding& standing);

    /// Takes in one accepted entry. Returns the automatic bid the auction must add right
    /// after it (for the leader, at the price), which the caller stores and applies next.
    std::optional<LotEntry> apply(const LotEntry& entry);

    const LotStanding& standing() const { return m_standing; }
    bool hasBids() const { return m_standing.highestBidCents > 0; }
    /// The lowest bid the lot accepts now: its starting price with no bids, else the price
    /// plus the step at the price.
    qint64 lowestAcceptableCents() const;
    /// The bidder's ceiling on this lot (their highest maximum or bid), 0 when none.
    qint64 ceilingOf(qint64 bidder) const;

private:
    struct Ceiling
    {
        qint64 cents = 0;
        qint64 reachedAt = 0; // the entry's position in commit order
    };
    void decide();

    LotTerms m_terms;
    /// Every bidder's ceiling, for ceilingOf(); the decision itself keeps only the top two,
    /// which ceilings (that only ever rise) allow, so each entry costs O(1).
    QHash<qint64, Ceiling> m_ceilings;
    QHash<qint64, qint64> m_highestOwnBid;
    qint64 m_entries = 0;
    LotStanding m_standing;
};

/// Replays a lot from its entries in commit order, automatic bids left out: returns every
/// entry with the automatic bids that the rules add, in order. Deleting a bid is this replay
/// over the entries that remain.
QList<LotEntry> replayLot(const LotTerms& terms, const QList<LotEntry>& plainEntries);

} // namespace BidTracker::Model::Rules
