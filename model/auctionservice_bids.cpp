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

Result<BidPlacement> AuctionService::placeBidLocked(const BidRequest& request,
                                                    const AuctionSettings& settings)
{
    if (request.value && request.maxValue && *request.maxValue < *request.value)
        return fail(Error::invalid(
            QStringLiteral("Maximum %1 is below the value %2: a maximum must be at least the bid")
                .arg(request.maxValue->toString(), request.value->toString()),
            QStringLiteral("max_value")));
    if (!request.value && !request.maxValue)
        return fail(Error::invalid(QStringLiteral("Missing required parameter value"),
                                   QStringLiteral("value")));
    // The lot's row is locked for the rest of the transaction (PostgreSQL; SQLite's write
    // lock already covers it): racing bids on it, and its close, are judged one after the
    // other, so a bid and the close never both win.
    auto target = requireItem(request.itemId, true);
    if (!target)
        return fail(target.error());
    if (auto ok = requireUser(request.userId); !ok)
        return fail(ok.error());
    if (target->status == ItemStatus::Closed)
        return fail(Error::conflict(QStringLiteral("Item %1 is closed").arg(itemId(target->id))));
    const QString now = utcTimestampNow();
    if (const QString closes = closingTime(*target, settings); !closes.isEmpty() && now >= closes)
        return fail(Error::conflict(
            QStringLiteral("Item %1 closed at %2").arg(itemId(target->id), closes)));

    auto decided = deciderFor(m_storage, *target, settings);
    if (!decided)
        return fail(decided.error());
    Rules::LotDecider& lot = *decided;
    const bool leads = lot.hasBids() && lot.standing().leader == request.userId;
    std::optional<qint64> placedId;
    Bid bid;
    if (!request.value && leads) {
        // A leader's maximum alone: no bid, a raise kept in commit order (see schema v4).
        if (request.maxValue->cents() <= lot.standing().leaderCeilingCents)
            return fail(Error::conflict(
                QStringLiteral("Maximum of %1 on %2 is not above the maximum %3 already holds "
                               "there")
                    .arg(request.maxValue->toString(), itemId(target->id),
                         formatId(EntityKind::User, request.userId))));
        auto last = m_storage.lastBidOf(target->id);
        if (!last)
            return fail(last.error());
        MaximumRaise raise{0,   target->id,       request.userId, *request.maxValue,
                           now, last->value_or(0)};
        if (auto id = m_storage.insertMaximum(raise); !id)
            return fail(id.error());
        // Nothing but the lot changed (its leader's maximum, which the window shows).
        record(EntityKind::Item, Change::Action::Updated, target->id);
    } else {
        // The one lowest-acceptable rule the window's hint and the API's messages use too.
        const Money lowest = lowestAcceptable(*target, settings.increments);
        const Money value = request.value.value_or(lowest);
        if (!target->winningValue) {
            if (value < lowest)
                return fail(Error::conflict(
                    QStringLiteral("Bid of %1 on %2 is below the starting price: the item has no "
                                   "bids yet and the lowest acceptable bid is %3")
                        .arg(value.toString(), itemId(target->id), lowest.toString())));
        } else if (value < lowest) {
            return fail(Error::conflict(
                QStringLiteral("Bid of %1 on %2 is too low: the winning bid is %3 and the lowest "
                               "acceptable bid is %4")
                    .arg(value.toString(), itemId(target->id), target->winningValue->toString(),
                         lowest.toString())));
        }
        if (request.maxValue && *request.maxValue < value)
            return fail(Error::invalid(
                QStringLiteral("Maximum %1 is below the value %2: a maximum must be at least the "
                               "bid")
                    .arg(request.maxValue->toString(), value.toString()),
                QStringLiteral("max_value")));
        bid.itemId = request.itemId;
        bid.userId = request.userId;
        bid.value = value;
        bid.placedAt = now;
        bid.itemName = target->name;
        if (request.maxValue && *request.maxValue > value)
            bid.maxValue = request.maxValue;
        auto id = m_storage.insertBid(bid);
        if (!id)
            return fail(id.error());
        bid.id = *id;
        placedId = bid.id;
        auto name = m_storage.addToUserBidCount(bid.userId, 1);
        if (!name)
            return fail(name.error());
        bid.userName = *name;
        record(EntityKind::Bid, Change::Action::Added, bid.id, bid.itemId, bid.userId);
    }

    const auto automatic = lot.apply({request.userId, placedId ? bid.value.cents() : 0,
                                      centsOf(request.maxValue).value_or(0), false});
    std::optional<qint64> winner = target->winningBidId;
    int added = placedId ? 1 : 0;
    if (automatic) {
        lot.apply(*automatic);
        auto placed = addAutomaticBid(*target, automatic->bidder, automatic->valueCents, now);
        if (!placed)
            return fail(placed.error());
        winner = placed->id;
        ++added;
    } else if (placedId && lot.standing().leader == request.userId) {
        winner = placedId;
    }
    const Rules::LotStanding& standing = lot.standing();
    if (auto ok = m_storage.setItemStanding(target->id, winner, added, standing.leaderCeilingCents,
                                            standing.runnerUpCents);
        !ok)
        return fail(ok.error());
    if (const QString moved = extendedClosesAt(*target, settings.softClose, now);
        !moved.isEmpty()) {
        if (auto ok = m_storage.setItemClosesAt(target->id, moved); !ok)
            return fail(ok.error());
        record(EntityKind::Item, Change::Action::Updated, target->id);
    }
    if (placedId)
        return BidPlacement{bid, true};
    // A raise alone: the answer is the lot's winning bid as it now stands.
    auto winning = this->bid(*winner);
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
        for (const BidRequest& request : requests) {
            auto placed = placeBidLocked(request, *settings);
            if (!placed && placed.error().code == Error::Code::Unavailable)
                return fail(placed.error());
            results.append(std::move(placed));
        }
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
