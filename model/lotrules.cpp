#include "lotrules.h"

#include <QDateTime>
#include <QSet>

namespace BidTracker::Model {

Rules::LotTerms lotTerms(const Item& item, const AuctionSettings& settings)
{
    Rules::LotTerms terms;
    terms.startingPriceCents = item.startingPrice.cents();
    terms.minIncrementCents = item.minIncrement.cents();
    terms.increments = settings.increments;
    if (item.reserve)
        terms.reserveCents = item.reserve->cents();
    return terms;
}

std::optional<Rules::LotStanding> storedStanding(const Item& item)
{
    Rules::LotStanding standing;
    if (!item.winningBidId || !item.winningValue)
        return standing; // no bids: nothing to know
    if (!item.leaderCeiling || !item.winnerUserId)
        return std::nullopt;
    standing.leader = *item.winnerUserId;
    standing.priceCents = item.winningValue->cents();
    // The leader holds a bid at the price, which is at least every bid: the highest bid is
    // the price.
    standing.highestBidCents = standing.priceCents;
    standing.leaderCeilingCents = std::max(item.leaderCeiling->cents(), standing.priceCents);
    if (item.runnerUpCeiling)
        standing.runnerUpCents = item.runnerUpCeiling->cents();
    standing.reserveMet = reserveMet(item);
    return standing;
}

QList<LotHistoryEntry> countedEntries(const QList<LotHistoryEntry>& history)
{
    QList<LotHistoryEntry> counted;
    counted.reserve(history.size());
    QSet<qint64> withBid; // bidders with a bid of their own so far
    for (const LotHistoryEntry& e : history) {
        if (e.maximumId != 0 && !withBid.contains(e.userId))
            continue;
        if (e.bidId != 0 && !e.automatic)
            withBid.insert(e.userId);
        counted.append(e);
    }
    return counted;
}

Money lowestAcceptable(const Item& item, const Rules::IncrementTable& increments)
{
    if (!item.winningValue)
        return item.startingPrice;
    const qint64 price = item.winningValue->cents();
    return Money::fromCents(price + Rules::stepAt(price, item.minIncrement.cents(), increments));
}

std::optional<bool> reserveMet(const Item& item)
{
    if (!item.reserve)
        return std::nullopt;
    return item.winningValue && *item.winningValue >= *item.reserve;
}

QString normalizedUtc(const QString& text)
{
    if (!text.endsWith(u'Z'))
        return {};
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return {};
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QString closingTime(const Item& item, const AuctionSettings& settings)
{
    const QString own = normalizedUtc(item.closesAt);
    const QString all = normalizedUtc(settings.closeAllAt);
    if (own.isEmpty())
        return all;
    if (all.isEmpty())
        return own;
    return std::min(own, all);
}

QString extendedClosesAt(const Item& item, const SoftClose& softClose, const QString& now)
{
    if (softClose.windowSeconds <= 0 || item.closesAt.isEmpty())
        return {};
    const QDateTime closes = QDateTime::fromString(item.closesAt, Qt::ISODateWithMs);
    const QDateTime at = QDateTime::fromString(now, Qt::ISODateWithMs);
    if (!closes.isValid() || !at.isValid() || at.msecsTo(closes) >= softClose.windowSeconds * 1000)
        return {};
    const QDateTime original = QDateTime::fromString(
        item.originalClosesAt.isEmpty() ? item.closesAt : item.originalClosesAt, Qt::ISODateWithMs);
    const QDateTime cap = original.addSecs(softClose.maxExtendSeconds);
    const QDateTime moved = std::min(at.addSecs(softClose.extendSeconds), cap);
    if (moved <= closes)
        return {}; // soft close never brings a close nearer
    return moved.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace BidTracker::Model
