// AuctionService: reading and deleting bids (placing them: auctionservice_placing.cpp).
#include "auctionservice.h"
#include "auditfields.h"
#include "refusals.h"

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
    return unknown(EntityKind::Bid, id);
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
    if (auto allowed = allow(Permission::Bidding); !allowed) {
        for (qsizetype i = 0; i < requests.size(); ++i)
            results.append(fail(allowed.error()));
        return results;
    }
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
        for (const auto& placement : std::as_const(results)) {
            if (!placement)
                continue;
            if (placement->added)
                audit(auditChange(QStringLiteral("bid.place"),
                                  formatId(EntityKind::Bid, placement->bid.id), {},
                                  auditFields(placement->bid)));
            else
                audit(auditChange(QStringLiteral("bid.raise_maximum"),
                                  formatId(EntityKind::Item, placement->bid.itemId), {},
                                  {{QStringLiteral("maximum"),
                                    formatId(EntityKind::Bid, placement->maximumId)}}));
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
    if (auto allowed = allow(Permission::Bidding); !allowed)
        return fail(allowed.error());
    return writeTransaction([&]() -> Result<void> {
        auto found = bid(id);
        if (!found)
            return fail(found.error());
        auto locked = requireItem(found->itemId, true);
        if (!locked)
            return fail(locked.error());
        // RULES.md 3: a sale that an invoice or a payment may rest on never moves silently.
        // Any bid counts, not only the winning one: a losing bid's maximum sets the price.
        if (locked->status == ItemStatus::Closed)
            return fail(
                Error::refused(Error::Reason::LotClosedReopenFirst,
                               QStringLiteral("Bid %1 is on %2, which is closed: reopen the lot "
                                              "before deleting its bids")
                                   .arg(formatId(EntityKind::Bid, id), itemId(locked->id)))
                    .with(QStringLiteral("item"), itemId(locked->id))
                    .with(QStringLiteral("bid"), formatId(EntityKind::Bid, id))
                    .with(QStringLiteral("closed_at"), locked->closedAt));
        if (found->automatic)
            return fail(Error::refused(Error::Reason::AutoBid,
                                       QStringLiteral("Bid %1 was placed by the auction for a "
                                                      "maximum: delete the bid that carried the "
                                                      "maximum instead")
                                           .arg(formatId(EntityKind::Bid, id)))
                            .with(QStringLiteral("bid"), formatId(EntityKind::Bid, id)));
        auto settings = m_storage.readSettings();
        if (!settings)
            return fail(settings.error());
        audit(auditChange(QStringLiteral("bid.delete"), formatId(EntityKind::Bid, id),
                          auditFields(*found), {}));
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
        return fail(Error::refused(Error::Reason::NoBids,
                                   QStringLiteral("Item %1 has no bids").arg(itemId(id)))
                        .with(QStringLiteral("item"), itemId(id)));
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
