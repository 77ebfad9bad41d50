// AuctionService: placing bids, a batch at a time (the API's group commit; one bid is a
// batch of one). The batch's lots are locked and read once; each bid is judged on them as
// the earlier bids of the batch left them; the bids are written together at the end, so a
// batch costs a handful of round trips to a database server whatever its size.
#include "auctionservice.h"

#include "auctionservice_transaction.h"
#include "lotrules.h"
#include "refusals.h"
#include "storage/database.h"

#include <algorithm>

namespace BidTracker::Model {

namespace {

QString itemId(qint64 id)
{
    return formatId(EntityKind::Item, id);
}

/// The lot's decider, picked up from the standing the lot row keeps (O(1)), or worked out
/// from its history when that is unknown (only ever at a lot's first bid of a batch: later
/// ones find the standing the batch keeps).
Result<Rules::LotDecider> deciderFor(Storage& storage, const Item& item,
                                     const AuctionSettings& settings)
{
    const Rules::LotTerms terms = lotTerms(item, settings);
    if (const auto standing = storedStanding(item)) {
        if (!standing->leader)
            return Rules::LotDecider(terms);
        return Rules::LotDecider::resume(terms, *standing);
    }
    auto history = storage.lotHistory(item.id);
    if (!history)
        return fail(history.error());
    Rules::LotDecider decider(terms);
    for (const LotHistoryEntry& e : countedEntries(*history))
        decider.apply({e.userId, e.valueCents, e.maximumCents, e.automatic});
    return decider;
}

std::optional<qint64> centsOf(const std::optional<Money>& money)
{
    return money ? std::optional<qint64>(money->cents()) : std::nullopt;
}

/// What the lot row says once a decision is written: the count and the ceilings
/// (Storage::writeBids), so the next bid of the batch is judged on it as if read.
void keepStanding(Item& lot, const Rules::LotStanding& standing, int added)
{
    lot.bidCount += added;
    lot.leaderCeiling = Money::fromCents(standing.leaderCeilingCents);
    lot.runnerUpCeiling = standing.runnerUpCents
                              ? std::optional<Money>(Money::fromCents(*standing.runnerUpCents))
                              : std::nullopt;
}

void keepWinner(Item& lot, const Bid& winner)
{
    lot.winningBidId = winner.id;
    lot.winningValue = winner.value;
    lot.winnerUserId = winner.userId;
    lot.winnerName = winner.userName;
    lot.winnerNumber = 0; // not read by any decision
}

} // namespace

/// A batch of bids in the making: the rows it is judged on, read once as it starts (its lots,
/// locked for the transaction, and its bidders' names), kept as each decision leaves them
/// (nobody else can change locked lots meanwhile), and the bids decided but not yet written.
/// A bid not yet written has a stand-in id: -1 for the first, -2 for the second, ...
struct AuctionService::BidBatchRows
{
    QHash<qint64, Item> lots;
    QHash<qint64, QString> bidders;
    QList<Result<BidPlacement>> results;

    QList<Bid> unwritten;
    /// The lots those bids went to, in the order first bid on, and how many each got.
    QList<qint64> touched;
    QHash<qint64, int> added;

    /// Where each unwritten bid's change was recorded (AuctionService::m_pending), for its id.
    QList<qsizetype> changes;

    qint64 stage(const Bid& bid, qsizetype change)
    {
        unwritten.append(bid);
        changes.append(change);
        if (!added.contains(bid.itemId))
            touched.append(bid.itemId);
        ++added[bid.itemId];
        return -unwritten.size();
    }
};

Result<QList<Result<BidPlacement>>>
AuctionService::placeBidsLocked(const QList<BidRequest>& requests, const AuctionSettings& settings)
{
    QList<qint64> itemIds;
    QList<qint64> userIds;
    for (const BidRequest& request : requests) {
        itemIds.append(request.itemId);
        if (!userIds.contains(request.userId))
            userIds.append(request.userId);
    }
    BidBatchRows rows;
    auto lots = m_storage.lockItems(itemIds);
    if (!lots)
        return fail(lots.error());
    rows.lots = std::move(*lots);
    auto bidders = m_storage.userNames(userIds);
    if (!bidders)
        return fail(bidders.error());
    rows.bidders = std::move(*bidders);
    rows.results.reserve(requests.size());
    for (const BidRequest& request : requests) {
        auto placed = placeBidLocked(request, settings, rows);
        if (!placed && placed.error().code == Error::Code::Unavailable)
            return fail(placed.error());
        rows.results.append(std::move(placed));
    }
    if (auto written = writeStagedBids(rows); !written)
        return fail(written.error());
    return std::move(rows.results);
}

Result<void> AuctionService::writeStagedBids(BidBatchRows& rows)
{
    if (rows.unwritten.isEmpty())
        return {};
    BidWrites writes;
    writes.bids = rows.unwritten;
    for (const qint64 id : rows.touched) {
        const Item& lot = rows.lots[id];
        writes.lots.append({id, lot.winningBidId, rows.added[id], lot.leaderCeiling->cents(),
                            centsOf(lot.runnerUpCeiling)});
    }
    auto ids = m_storage.writeBids(writes);
    if (!ids)
        return fail(ids.error());
    const auto written = [&](qint64 id) { return id < 0 ? (*ids)[-id - 1] : id; };
    for (qsizetype i = 0; i < rows.changes.size(); ++i)
        m_pending[rows.changes[i]].id = (*ids)[i];
    for (const qint64 id : rows.touched) {
        Item& lot = rows.lots[id];
        lot.winningBidId = written(*lot.winningBidId);
    }
    for (auto& result : rows.results) {
        if (result && result->bid.id < 0)
            result->bid.id = written(result->bid.id);
    }
    rows.unwritten.clear();
    rows.changes.clear();
    rows.touched.clear();
    rows.added.clear();
    return {};
}

qint64 AuctionService::stageBid(BidBatchRows& rows, const Bid& bid)
{
    // Recorded now, in the order of the decisions, like every other change; the id follows
    // when the batch is written.
    record(EntityKind::Bid, Change::Action::Added, 0, bid.itemId, bid.userId);
    return rows.stage(bid, m_pending.size() - 1);
}

Result<QString> AuctionService::bidderName(const BidBatchRows& rows, const Item& lot, qint64 userId)
{
    // An automatic bid is for the bidder who just bid or for the lot's leader: both known.
    if (const auto known = rows.bidders.constFind(userId); known != rows.bidders.cend())
        return *known;
    if (lot.winnerUserId == userId)
        return lot.winnerName;
    auto found = m_storage.findUser(userId);
    if (!found)
        return fail(found.error());
    return *found ? (*found)->name : QString();
}

Result<BidPlacement> AuctionService::placeBidLocked(const BidRequest& request,
                                                    const AuctionSettings& settings,
                                                    BidBatchRows& rows)
{
    if (request.value && request.maxValue && *request.maxValue < *request.value)
        return fail(Error::invalid(
            QStringLiteral("Maximum %1 is below the value %2: a maximum must be at least the bid")
                .arg(request.maxValue->toString(), request.value->toString()),
            QStringLiteral("max_value")));
    if (!request.value && !request.maxValue)
        return fail(Error::invalid(QStringLiteral("Missing required parameter value"),
                                   QStringLiteral("value")));
    // The lot's row was locked when the batch began (PostgreSQL; SQLite's write lock already
    // covers it): racing bids on it, and its close, are judged one after the other, so a bid
    // and the close never both win.
    // Whether the lot and the bidder exist was read as the batch began: one created by
    // another station since then is unknown to this batch, as if the bid had come first.
    const auto lotRow = rows.lots.find(request.itemId);
    if (lotRow == rows.lots.end())
        return fail(unknown(EntityKind::Item, request.itemId));
    Item& target = *lotRow;
    const auto bidder = rows.bidders.constFind(request.userId);
    if (bidder == rows.bidders.cend())
        return fail(unknown(EntityKind::User, request.userId));
    const QString now = utcTimestampNow();
    if (auto closed = closedRefusal(target, settings, now))
        return fail(std::move(*closed));

    auto decided = deciderFor(m_storage, target, settings);
    if (!decided)
        return fail(decided.error());
    Rules::LotDecider& lot = *decided;
    const bool leads = lot.hasBids() && lot.standing().leader == request.userId;
    if (!request.value && leads)
        return raiseMaximum(request, target, lot, settings, now, rows);

    // The one lowest-acceptable rule the window's hint and the API's messages use too.
    const Money lowest = lowestAcceptable(target, settings.increments);
    const Money value = request.value.value_or(lowest);
    if (value < lowest)
        return fail(
            Error::refused(Error::Reason::BelowMinimum,
                           target.winningValue
                               ? QStringLiteral("Bid of %1 on %2 is too low: the winning bid is "
                                                "%3 and the lowest acceptable bid is %4")
                                     .arg(value.toString(), itemId(target.id),
                                          target.winningValue->toString(), lowest.toString())
                               : QStringLiteral("Bid of %1 on %2 is below the starting price: "
                                                "the item has no bids yet and the lowest "
                                                "acceptable bid is %3")
                                     .arg(value.toString(), itemId(target.id), lowest.toString()))
                .with(QStringLiteral("item"), itemId(target.id))
                .with(QStringLiteral("value"), moneyFact(value))
                .with(QStringLiteral("minimum"), moneyFact(lowest))
                .with(QStringLiteral("winning_value"), moneyFact(target.winningValue)));
    if (request.maxValue && *request.maxValue < value)
        return fail(Error::invalid(
            QStringLiteral("Maximum %1 is below the value %2: a maximum must be at least the "
                           "bid")
                .arg(request.maxValue->toString(), value.toString()),
            QStringLiteral("max_value")));

    const auto automatic =
        lot.apply({request.userId, value.cents(), centsOf(request.maxValue).value_or(0), false});
    if (automatic)
        lot.apply(*automatic);
    Bid bid;
    bid.itemId = request.itemId;
    bid.userId = request.userId;
    bid.value = value;
    bid.placedAt = now;
    bid.itemName = target.name;
    bid.userName = *bidder;
    if (request.maxValue && *request.maxValue > value)
        bid.maxValue = request.maxValue;
    bid.id = stageBid(rows, bid);
    int added = 1;
    if (automatic) {
        Bid answer;
        answer.itemId = target.id;
        answer.userId = automatic->bidder;
        answer.value = Money::fromCents(automatic->valueCents);
        answer.placedAt = now;
        answer.itemName = target.name;
        auto name = bidderName(rows, target, automatic->bidder);
        if (!name)
            return fail(name.error());
        answer.userName = *name;
        answer.automatic = true;
        answer.id = stageBid(rows, answer);
        keepWinner(target, answer);
        ++added;
    } else if (lot.standing().leader == request.userId) {
        keepWinner(target, bid);
    }
    keepStanding(target, lot.standing(), added);
    if (auto ok = extendSoftClose(target, settings, now); !ok)
        return fail(ok.error());
    return BidPlacement{bid, true}; // its id comes when the batch is written
}

Result<BidPlacement> AuctionService::raiseMaximum(const BidRequest& request, Item& target,
                                                  Rules::LotDecider& lot,
                                                  const AuctionSettings& settings,
                                                  const QString& now, BidBatchRows& rows)
{
    // A leader's maximum alone: no bid, a raise kept in commit order (see schema v4).
    // The raise goes after the lot's last bid, so the bids decided before it are written
    // first (raises are rare: the batch's other bids are still written together).
    if (auto written = writeStagedBids(rows); !written)
        return fail(written.error());
    // A raise never lowers a maximum (RULES.md 2), and one at or below the maximum held
    // changes nothing yet answers exactly as a raise does: the lot's winning bid. A refusal
    // here would tell anyone with a token whether a guess is above the secret maximum.
    if (request.maxValue->cents() <= lot.standing().leaderCeilingCents) {
        auto winning = this->bid(*target.winningBidId);
        if (!winning)
            return fail(winning.error());
        return BidPlacement{*winning, false};
    }
    auto last = m_storage.lastBidOf(target.id);
    if (!last)
        return fail(last.error());
    MaximumRaise raise{0, target.id, request.userId, *request.maxValue, now, last->value_or(0)};
    auto raiseId = m_storage.insertMaximum(raise);
    if (!raiseId)
        return fail(raiseId.error());
    // Nothing but the lot changed (its leader's maximum, which the window shows).
    record(EntityKind::Item, Change::Action::Updated, target.id);
    // A raise that reaches the reserve lifts the price to it: the auction bids for the leader.
    const auto automatic = lot.apply({request.userId, 0, request.maxValue->cents(), false});
    int added = 0;
    if (automatic) {
        lot.apply(*automatic);
        auto placed = addAutomaticBid(target, automatic->bidder, automatic->valueCents, now);
        if (!placed)
            return fail(placed.error());
        keepWinner(target, *placed);
        added = 1;
    }
    const Rules::LotStanding& standing = lot.standing();
    if (auto ok = m_storage.setItemStanding(target.id, target.winningBidId, added,
                                            standing.leaderCeilingCents, standing.runnerUpCents);
        !ok)
        return fail(ok.error());
    keepStanding(target, standing, added);
    if (auto ok = extendSoftClose(target, settings, now); !ok)
        return fail(ok.error());
    // The answer is the lot's winning bid as it now stands.
    auto winning = this->bid(*target.winningBidId);
    if (!winning)
        return fail(winning.error());
    return BidPlacement{*winning, false, *raiseId};
}

Result<void> AuctionService::extendSoftClose(Item& target, const AuctionSettings& settings,
                                             const QString& now)
{
    const QString moved = extendedClosesAt(target, settings.softClose, now);
    if (moved.isEmpty())
        return {};
    if (auto ok = m_storage.setItemClosesAt(target.id, moved); !ok)
        return fail(ok.error());
    target.closesAt = moved;
    record(EntityKind::Item, Change::Action::Updated, target.id);
    return {};
}

} // namespace BidTracker::Model
