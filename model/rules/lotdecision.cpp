#include "lotdecision.h"

#include <algorithm>

namespace BidTracker::Model::Rules {

LotDecider::LotDecider(LotTerms terms) : m_terms(std::move(terms))
{
    decide();
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
    decide();
    if (!m_standing.leader || m_highestOwnBid.value(*m_standing.leader) >= m_standing.priceCents)
        return std::nullopt;
    return LotEntry{*m_standing.leader, m_standing.priceCents, 0, true};
}

void LotDecider::decide()
{
    m_standing.leader.reset();
    m_standing.leaderCeilingCents = 0;
    Ceiling best;
    std::optional<qint64> secondCents;
    for (auto it = m_ceilings.cbegin(); it != m_ceilings.cend(); ++it) {
        const Ceiling& c = it.value();
        const bool leads = !m_standing.leader || c.cents > best.cents ||
                           (c.cents == best.cents && c.reachedAt < best.reachedAt);
        if (leads) {
            if (m_standing.leader)
                secondCents = std::max(secondCents.value_or(0), best.cents);
            m_standing.leader = it.key();
            best = c;
        } else {
            secondCents = std::max(secondCents.value_or(0), c.cents);
        }
    }
    m_standing.leaderCeilingCents = best.cents;
    qint64 price = m_standing.highestBidCents;
    if (secondCents) {
        const qint64 other = *secondCents;
        const qint64 outbid = other + stepAt(other, m_terms.minIncrementCents, m_terms.increments);
        price = std::max(price, std::min(best.cents, outbid));
    }
    if (m_terms.reserveCents && m_standing.leader && best.cents >= *m_terms.reserveCents)
        price = std::max(price, *m_terms.reserveCents);
    m_standing.priceCents = price;
    m_standing.reserveMet.reset();
    if (m_terms.reserveCents)
        m_standing.reserveMet = m_standing.leader.has_value() && price >= *m_terms.reserveCents;
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
