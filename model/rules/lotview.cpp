#include "lotview.h"

#include "model/lotrules.h"

#include <algorithm>

namespace BidTracker::Model {

LotOutcome decideOutcome(bool closed, bool hasWinningBid, qint64 priceCents,
                         std::optional<qint64> reserveCents)
{
    if (!closed)
        return LotOutcome::Pending;
    if (!hasWinningBid)
        return LotOutcome::NoBids;
    // Closed below its reserve, the lot keeps its winner on record but is not sold: no
    // invoice, no winner in results.csv, UNSOLD on the big screen.
    if (reserveCents && priceCents < *reserveCents)
        return LotOutcome::Unsold;
    return LotOutcome::Sold;
}

QString soldFlag(LotOutcome outcome)
{
    return outcome == LotOutcome::Sold ? QStringLiteral("true") : QStringLiteral("false");
}

namespace {

/// The closing time, how long until it, and whether soft close moved it.
void fillClosing(LotView& view, const Item& item, const AuctionSettings& settings,
                 const QDateTime& now)
{
    view.closesAt = closingTime(item, settings);
    if (view.closesAt.isEmpty())
        return;
    const QString own = normalizedUtc(item.closesAt);
    view.closesWithAll = own.isEmpty() || view.closesAt != own;
    // Only the lot's own time moves by soft close; when the auction's comes first, that is
    // the time that applies, and it was never moved.
    view.extended = !view.closesWithAll && !item.originalClosesAt.isEmpty() &&
                    own != normalizedUtc(item.originalClosesAt);
    if (view.closed())
        return;
    const QDateTime closes = QDateTime::fromString(view.closesAt, Qt::ISODateWithMs);
    const qint64 left = now.msecsTo(closes);
    view.due = left <= 0;
    // Rounded up: "0:00" only once the time is reached, so a countdown and the refusal of a
    // late bid agree.
    view.secondsLeft = std::max<qint64>(0, (left + 999) / 1000);
}

} // namespace

LotOutcome outcomeOf(const Item& item)
{
    const std::optional<qint64> reserve =
        item.reserve ? std::optional<qint64>(item.reserve->cents()) : std::nullopt;
    return decideOutcome(item.status == ItemStatus::Closed, item.winningBidId.has_value(),
                         item.winningValue ? item.winningValue->cents() : 0, reserve);
}

LotView lotView(const Item& item, const AuctionSettings& settings, const QDateTime& now)
{
    LotView view;
    view.status = item.status;
    view.outcome = outcomeOf(item);
    fillClosing(view, item, settings, now);
    view.price = item.winningValue;
    const Money at = item.winningValue.value_or(item.startingPrice);
    view.step =
        Money::fromCents(Rules::stepAt(at.cents(), item.minIncrement.cents(), settings.increments));
    view.nextMinimum = lowestAcceptable(item, settings.increments);
    if (item.winningBidId) {
        view.leaderId = item.winnerUserId;
        view.leaderName = item.winnerName;
        view.leaderNumber = item.winnerNumber;
    }
    view.reserveMet = reserveMet(item);
    view.buyNowPossible = !view.closed() && !view.due && item.buyNow &&
                          (!item.winningValue || *item.winningValue < *item.buyNow);
    return view;
}

} // namespace BidTracker::Model
