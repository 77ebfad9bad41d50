// AuctionService: bids and the bidding rule.
#include "auctionservice.h"

#include "auctionservice_transaction.h"
#include "lotrules.h"
#include "storage/database.h"

namespace BidTracker::Model {

namespace {

QString itemId(qint64 id)
{
    return formatId(EntityKind::Item, id);
}

Error bidNotFound(qint64 id)
{
    return Error::notFound(
        QStringLiteral("Bid %1 does not exist").arg(formatId(EntityKind::Bid, id)));
}

} // namespace

namespace {

/// The lot's decider, picked up from the standing the lot row keeps (O(1)), or worked out
/// from its history when that is unknown.
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
    for (const LotHistoryEntry& e : *history)
        decider.apply({e.userId, e.valueCents, e.maximumCents, e.automatic});
    return decider;
}

std::optional<qint64> centsOf(const std::optional<Money>& money)
{
    return money ? std::optional<qint64>(money->cents()) : std::nullopt;
}

} // namespace

Result<Bid> AuctionService::addAutomaticBid(const Item& item, qint64 userId, qint64 cents,
                                            const QString& now)
{
    Bid bid;
    bid.itemId = item.id;
    bid.userId = userId;
    bid.value = Money::fromCents(cents);
    bid.placedAt = now;
    bid.itemName = item.name;
    bid.automatic = true;
    auto id = m_storage.insertBid(bid);
    if (!id)
        return fail(id.error());
    bid.id = *id;
    auto name = m_storage.addToUserBidCount(userId, 1);
    if (!name)
        return fail(name.error());
    bid.userName = *name;
    record(EntityKind::Bid, Change::Action::Added, bid.id, bid.itemId, bid.userId);
    return bid;
}

/// The rows a batch of bids is judged on, read once as it starts: its lots, locked for the
/// transaction and kept as each bid leaves them (nobody else can change them meanwhile), and
/// the names of its bidders.
struct AuctionService::BidBatchRows
{
    QHash<qint64, Item> lots;
    QHash<qint64, QString> bidders;
};

namespace {

/// What the lot row says once a decision is written: the winner, the count and the ceilings
/// (SqlStorage::setItemStanding), so the next bid of the batch is judged on it as if read.
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
    QList<Result<BidPlacement>> results;
    results.reserve(requests.size());
    for (const BidRequest& request : requests) {
        auto placed = placeBidLocked(request, settings, rows);
        if (!placed && placed.error().code == Error::Code::Unavailable)
            return fail(placed.error());
        results.append(std::move(placed));
    }
    return results;
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
    const auto lotRow = rows.lots.find(request.itemId);
    if (lotRow == rows.lots.end())
        return fail(requireItem(request.itemId).error()); // the lot's "does not exist"
    Item& target = *lotRow;
    const auto bidder = rows.bidders.constFind(request.userId);
    if (bidder == rows.bidders.cend())
        return fail(requireUser(request.userId).error());
    if (target.status == ItemStatus::Closed)
        return fail(Error::conflict(QStringLiteral("Item %1 is closed").arg(itemId(target.id))));
    const QString now = utcTimestampNow();
    if (const QString closes = closingTime(target, settings); !closes.isEmpty() && now >= closes)
        return fail(
            Error::conflict(QStringLiteral("Item %1 closed at %2").arg(itemId(target.id), closes)));

    auto decided = deciderFor(m_storage, target, settings);
    if (!decided)
        return fail(decided.error());
    Rules::LotDecider& lot = *decided;
    const bool leads = lot.hasBids() && lot.standing().leader == request.userId;
    if (!request.value && leads)
        return raiseMaximum(request, target, lot, settings, now);

    // The one lowest-acceptable rule the window's hint and the API's messages use too.
    const Money lowest = lowestAcceptable(target, settings.increments);
    const Money value = request.value.value_or(lowest);
    if (!target.winningValue) {
        if (value < lowest)
            return fail(Error::conflict(
                QStringLiteral("Bid of %1 on %2 is below the starting price: the item has no "
                               "bids yet and the lowest acceptable bid is %3")
                    .arg(value.toString(), itemId(target.id), lowest.toString())));
    } else if (value < lowest) {
        return fail(Error::conflict(
            QStringLiteral("Bid of %1 on %2 is too low: the winning bid is %3 and the lowest "
                           "acceptable bid is %4")
                .arg(value.toString(), itemId(target.id), target.winningValue->toString(),
                     lowest.toString())));
    }
    if (request.maxValue && *request.maxValue < value)
        return fail(Error::invalid(
            QStringLiteral("Maximum %1 is below the value %2: a maximum must be at least the "
                           "bid")
                .arg(request.maxValue->toString(), value.toString()),
            QStringLiteral("max_value")));

    // Decided before anything is written, so each bid is one write.
    const auto automatic =
        lot.apply({request.userId, value.cents(), centsOf(request.maxValue).value_or(0), false});
    if (automatic)
        lot.apply(*automatic);
    const Rules::LotStanding& standing = lot.standing();
    LotAfterBid after;
    after.leaderCeilingCents = standing.leaderCeilingCents;
    after.runnerUpCents = standing.runnerUpCents;
    after.newBidWins = !automatic && standing.leader == request.userId;
    after.winningBidId = target.winningBidId;

    Bid bid;
    bid.itemId = request.itemId;
    bid.userId = request.userId;
    bid.value = value;
    bid.placedAt = now;
    bid.itemName = target.name;
    if (request.maxValue && *request.maxValue > value)
        bid.maxValue = request.maxValue;
    auto recorded = m_storage.recordBid(bid, after);
    if (!recorded)
        return fail(recorded.error());
    bid.id = recorded->id;
    bid.userName = recorded->userName;
    record(EntityKind::Bid, Change::Action::Added, bid.id, bid.itemId, bid.userId);
    keepStanding(target, standing, 1);
    if (after.newBidWins)
        keepWinner(target, bid);

    if (automatic) {
        Bid answer;
        answer.itemId = target.id;
        answer.userId = automatic->bidder;
        answer.value = Money::fromCents(automatic->valueCents);
        answer.placedAt = now;
        answer.itemName = target.name;
        answer.automatic = true;
        after.newBidWins = true;
        auto placed = m_storage.recordBid(answer, after);
        if (!placed)
            return fail(placed.error());
        answer.id = placed->id;
        answer.userName = placed->userName;
        record(EntityKind::Bid, Change::Action::Added, answer.id, answer.itemId, answer.userId);
        keepStanding(target, standing, 1);
        keepWinner(target, answer);
    }
    if (auto ok = extendSoftClose(target, settings, now); !ok)
        return fail(ok.error());
    return BidPlacement{bid, true};
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

Result<BidPlacement> AuctionService::raiseMaximum(const BidRequest& request, Item& target,
                                                  Rules::LotDecider& lot,
                                                  const AuctionSettings& settings,
                                                  const QString& now)
{
    // A leader's maximum alone: no bid, a raise kept in commit order (see schema v4).
    if (request.maxValue->cents() <= lot.standing().leaderCeilingCents)
        return fail(Error::conflict(
            QStringLiteral("Maximum of %1 on %2 is not above the maximum %3 already holds "
                           "there")
                .arg(request.maxValue->toString(), itemId(target.id),
                     formatId(EntityKind::User, request.userId))));
    auto last = m_storage.lastBidOf(target.id);
    if (!last)
        return fail(last.error());
    MaximumRaise raise{0, target.id, request.userId, *request.maxValue, now, last->value_or(0)};
    if (auto id = m_storage.insertMaximum(raise); !id)
        return fail(id.error());
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
    return BidPlacement{*winning, false};
}

Result<Bid> AuctionService::placeBid(qint64 itemId, qint64 userId, Money value)
{
    auto results = placeBids({BidRequest{itemId, userId, value, std::nullopt}});
    return results.front();
}

Result<BidPlacement> AuctionService::placeBid(const BidRequest& request)
{
    return placeBidBatch({request}).front();
}

QList<Result<Bid>> AuctionService::placeBids(const QList<BidRequest>& requests)
{
    QList<Result<Bid>> results;
    results.reserve(requests.size());
    for (auto& placed : placeBidBatch(requests)) {
        if (placed)
            results.append(std::move(placed->bid));
        else
            results.append(fail(placed.error()));
    }
    return results;
}

QList<Result<BidPlacement>> AuctionService::placeBidBatch(const QList<BidRequest>& requests)
{
    QList<Result<BidPlacement>> results;
    // The batch is one transaction; a rule that says no leaves nothing written for that
    // request, while a database failure may have written half a bid, so then the whole
    // batch is rolled back (and run again when a retry can cure it) or reported.
    auto batch = writeTransaction([&]() -> Result<void> {
        results.clear();
        results.reserve(requests.size());
        // Read once per batch, inside its transaction: the increments and closing times the
        // batch is judged by.
        auto settings = m_storage.readSettings();
        if (!settings)
            return fail(settings.error());
        auto placed = placeBidsLocked(requests, *settings);
        if (!placed)
            return fail(placed.error());
        results = std::move(*placed);
        return {};
    });
    if (!batch) {
        results.clear();
        for (qsizetype i = 0; i < requests.size(); ++i)
            results.append(fail(batch.error()));
    }
    return results;
}

Result<void> AuctionService::deleteBid(qint64 id)
{
    return writeTransaction([&]() -> Result<void> {
        auto found = bid(id);
        if (!found)
            return fail(found.error());
        auto locked = requireItem(found->itemId, true);
        if (!locked)
            return fail(locked.error());
        if (found->automatic)
            return fail(Error::conflict(
                QStringLiteral("Bid %1 was placed by the auction for a maximum: delete the bid "
                               "that carried the maximum instead")
                    .arg(formatId(EntityKind::Bid, id))));
        auto settings = m_storage.readSettings();
        if (!settings)
            return fail(settings.error());
        return reworkLot(*locked, id, true, *settings);
    });
}

Result<Bid> AuctionService::bid(qint64 id)
{
    auto found = m_storage.findBid(id);
    if (!found)
        return fail(found.error());
    if (!*found)
        return fail(bidNotFound(id));
    return **found;
}

Result<Listing<Bid>> AuctionService::bids(Page page)
{
    return m_storage.listBids(page);
}

Result<qint64> AuctionService::countBids(const BidQuery& query)
{
    return m_storage.countBids(query);
}

Result<QList<Bid>> AuctionService::bidsWindow(const BidQuery& query, qint64 offset, qint64 limit)
{
    return m_storage.bidsWindow(query, offset, limit);
}

Result<std::optional<qint64>> AuctionService::bidRow(const BidQuery& query, qint64 bidId)
{
    return m_storage.bidRow(query, bidId);
}

Result<QHash<qint64, QList<qint64>>> AuctionService::bidIdsByItem(qint64 firstItemId,
                                                                  qint64 lastItemId)
{
    return m_storage.bidIdsByItem(firstItemId, lastItemId);
}

Result<Bid> AuctionService::winningBid(qint64 id)
{
    auto found = item(id);
    if (!found)
        return fail(found.error());
    if (!found->winningBidId)
        return fail(Error::notFound(QStringLiteral("Item %1 has no bids").arg(itemId(id))));
    return bid(*found->winningBidId);
}

Result<Listing<Bid>> AuctionService::bidsForItem(qint64 id, Page page)
{
    auto found = item(id);
    if (!found)
        return fail(found.error());
    return m_storage.bidsOfItem(id, found->bidCount, page);
}

Result<Listing<Bid>> AuctionService::bidsByUser(qint64 id, Page page)
{
    auto found = user(id);
    if (!found)
        return fail(found.error());
    return m_storage.bidsOfUser(id, found->bidCount, page);
}

Result<QList<UserItem>> AuctionService::itemsBidByUser(qint64 id)
{
    if (auto ok = requireUser(id); !ok)
        return fail(ok.error());
    return m_storage.itemsBidByUser(id);
}

} // namespace BidTracker::Model
