#include "lotdecision.h"

#include <algorithm>

namespace BidTracker::Model::Rules {

LotDecider::LotDecider(LotTerms terms) : m_terms(std::move(terms))
{
    decide();
}

LotDecider LotDecider::resume(LotTerms terms, const LotStanding& standing)
{
    LotDecider decider(std::move(terms));
    decider.m_standing = standing;
    if (standing.leader) {
        decider.m_ceilings.insert(*standing.leader, {standing.leaderCeilingCents, 0});
        decider.m_highestOwnBid.insert(*standing.leader, standing.priceCents);
    }
    // Not decided again: the price stays what was decided when it was reached, even if the
    // increments changed since; the next entry is decided under the terms of its time.
    decider.m_entries = 1;
    return decider;
}

std::optional<LotEntry> LotDecider::apply(const LotEntry& entry)
{
    const qint64 position = ++m_entries;
    if (entry.valueCents > 0) {
        m_standing.highestBidCents = std::max(m_standing.highestBidCents, entry.valueCents);
        qint64& own = m_highestOwnBid[entry.bidder];
        own = std::max(own, entry.valueCents);
    }
    // A ceiling counts from the moment it was first reached: an equal one later changes
    // nothing, so the earlier bidder keeps the lead on a tie.
    const qint64 reach = std::max(entry.valueCents, entry.maximumCents);
    Ceiling& ceiling = m_ceilings[entry.bidder];
    if (reach > ceiling.cents)
        ceiling = {reach, position};
    // Ceilings only rise, so the top two follow from this entry alone: a bidder other than
    // the leader takes the lead only by reaching strictly above the leader's ceiling.
    LotStanding& s = m_standing;
    if (!s.leader) {
        s.leader = entry.bidder;
        s.leaderCeilingCents = reach;
    } else if (*s.leader == entry.bidder) {
        s.leaderCeilingCents = std::max(s.leaderCeilingCents, reach);
    } else if (reach > s.leaderCeilingCents) {
        s.runnerUpCents = s.leaderCeilingCents;
        s.leader = entry.bidder;
        s.leaderCeilingCents = reach;
    } else {
        s.runnerUpCents = std::max(s.runnerUpCents.value_or(0), reach);
    }
    decide();
    if (!s.leader || m_highestOwnBid.value(*s.leader) >= s.priceCents)
        return std::nullopt;
    return LotEntry{*s.leader, s.priceCents, 0, true};
}

void LotDecider::decide()
{
    LotStanding& s = m_standing;
    qint64 price = s.highestBidCents;
    if (s.runnerUpCents) {
        const qint64 other = *s.runnerUpCents;
        const qint64 outbid = other + stepAt(other, m_terms.minIncrementCents, m_terms.increments);
        price = std::max(price, std::min(s.leaderCeilingCents, outbid));
    }
    if (m_terms.reserveCents && s.leader && s.leaderCeilingCents >= *m_terms.reserveCents)
        price = std::max(price, *m_terms.reserveCents);
    s.priceCents = price;
    s.reserveMet.reset();
    if (m_terms.reserveCents)
        s.reserveMet = s.leader.has_value() && price >= *m_terms.reserveCents;
}

qint64 LotDecider::lowestAcceptableCents() const
{
    if (!hasBids())
        return m_terms.startingPriceCents;
    const qint64 price = m_standing.priceCents;
    return price + stepAt(price, m_terms.minIncrementCents, m_terms.increments);
}

qint64 LotDecider::ceilingOf(qint64 bidder) const
{
    return m_ceilings.value(bidder).cents;
}

QList<LotEntry> replayLot(const LotTerms& terms, const QList<LotEntry>& plainEntries)
{
    LotDecider decider(terms);
    QList<LotEntry> entries;
    entries.reserve(plainEntries.size() * 2);
    for (const LotEntry& entry : plainEntries) {
        if (entry.automatic)
            continue; // the replay makes them again, where the rules now put them
        entries.append(entry);
        if (const auto automatic = decider.apply(entry)) {
            entries.append(*automatic);
            decider.apply(*automatic);
        }
    }
    return entries;
}

} // namespace BidTracker::Model::Rules
