// AuctionService: bids and the bidding rule.
#include "auctionservice.h"

#include "auctionservice_transaction.h"
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

Result<Bid> AuctionService::placeBidLocked(const BidRequest& request)
{
    // The lot's row is locked for the rest of the transaction (PostgreSQL; SQLite's write
    // lock already covers it): racing bids on it are judged one after the other.
    auto target = requireItem(request.itemId, true);
    if (!target)
        return fail(target.error());
    if (auto ok = requireUser(request.userId); !ok)
        return fail(ok.error());
    if (target->status == ItemStatus::Closed)
        return fail(Error::conflict(QStringLiteral("Item %1 is closed").arg(itemId(target->id))));
    if (!target->winningValue) {
        if (request.value < target->startingPrice)
            return fail(Error::conflict(
                QStringLiteral("Bid of %1 on %2 is below the starting price: the item has no "
                               "bids yet and the lowest acceptable bid is %3")
                    .arg(request.value.toString(), itemId(target->id),
                         target->startingPrice.toString())));
    } else {
        const Money lowest = *target->winningValue + target->minIncrement;
        if (request.value < lowest)
            return fail(Error::conflict(
                QStringLiteral("Bid of %1 on %2 is too low: the winning bid is %3 and the lowest "
                               "acceptable bid is %4")
                    .arg(request.value.toString(), itemId(target->id),
                         target->winningValue->toString(), lowest.toString())));
    }

    Bid bid;
    bid.itemId = request.itemId;
    bid.userId = request.userId;
    bid.value = request.value;
    bid.placedAt = utcTimestampNow();
    bid.itemName = target->name;
    auto id = m_storage.insertBid(bid);
    if (!id)
        return fail(id.error());
    bid.id = *id;
    if (auto ok = m_storage.setItemWinner(bid.itemId, bid.id, 1); !ok)
        return fail(ok.error());
    auto name = m_storage.addToUserBidCount(bid.userId, 1);
    if (!name)
        return fail(name.error());
    bid.userName = *name;
    record(EntityKind::Bid, Change::Action::Added, bid.id, bid.itemId, bid.userId);
    return bid;
}

Result<Bid> AuctionService::placeBid(qint64 itemId, qint64 userId, Money value)
{
    auto results = placeBids({BidRequest{itemId, userId, value}});
    return results.front();
}

QList<Result<Bid>> AuctionService::placeBids(const QList<BidRequest>& requests)
{
    QList<Result<Bid>> results;
    // The batch is one transaction; a rule that says no leaves nothing written for that
    // request, while a database failure may have written half a bid, so then the whole
    // batch is rolled back (and run again when a retry can cure it) or reported.
    auto batch = writeTransaction([&]() -> Result<void> {
        results.clear();
        results.reserve(requests.size());
        for (const BidRequest& request : requests) {
            auto placed = placeBidLocked(request);
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
        if (auto locked = requireItem(found->itemId, true); !locked)
            return fail(locked.error());
        // Bids on an item only ever rise, so the highest remaining one is the winner; the
        // earliest of equal values would win.
        auto next = m_storage.highestBidOf(found->itemId, id);
        if (!next)
            return fail(next.error());
        if (auto ok = m_storage.setItemWinner(found->itemId, *next, -1); !ok)
            return ok;
        if (auto name = m_storage.addToUserBidCount(found->userId, -1); !name)
            return fail(name.error());
        if (auto ok = m_storage.deleteBid(id); !ok)
            return ok;
        record(EntityKind::Bid, Change::Action::Removed, id, found->itemId, found->userId);
        return {};
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
