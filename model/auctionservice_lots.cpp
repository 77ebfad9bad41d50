// AuctionService: working a lot out again when its history changes (a bid deleted or put
// back), and the lowest acceptable bid (RULES.md 2).
#include "auctionservice.h"

#include "auctionservice_transaction.h"
#include "lotrules.h"
#include "storage/database.h"

#include <QSet>

namespace BidTracker::Model {

Result<void> AuctionService::reworkLot(const Item& item, qint64 fromBidId, bool removed,
                                       const AuctionSettings& settings)
{
    auto history = m_storage.lotHistory(item.id);
    if (!history)
        return fail(history.error());
    qint64 removedUser = 0;
    Rules::LotDecider lot(lotTerms(item, settings));
    // Each bidder's highest bid, the first that reached it: the leader's is the winning bid.
    struct Highest
    {
        qint64 cents = 0;
        qint64 bidId = 0;
    };
    QHash<qint64, Highest> highest;
    const auto noteBid = [&](qint64 userId, qint64 cents, qint64 bidId) {
        Highest& own = highest[userId];
        if (cents > own.cents)
            own = {cents, bidId};
    };
    QSet<qint64> withBid;
    QList<LotHistoryEntry> droppedAutos;
    QList<qint64> droppedRaises;
    const QString now = utcTimestampNow();
    int bidCountDelta = 0;
    bool after = false;
    for (const LotHistoryEntry& e : *history) {
        if (e.bidId != 0 && e.bidId >= fromBidId)
            after = true; // from here on, the rules decide again
        if (removed && e.bidId == fromBidId) {
            removedUser = e.userId;
            continue;
        }
        if (e.maximumId != 0 && !withBid.contains(e.userId)) {
            // A raise belongs with its bidder's bids: with none left before it, it goes too.
            droppedRaises.append(e.maximumId);
            continue;
        }
        if (e.automatic && after) {
            droppedAutos.append(e);
            continue;
        }
        if (e.bidId != 0) {
            noteBid(e.userId, e.valueCents, e.bidId);
            if (!e.automatic)
                withBid.insert(e.userId);
        }
        const auto automatic = lot.apply({e.userId, e.valueCents, e.maximumCents, e.automatic});
        if (!automatic || !after)
            continue; // before the change, the automatic bids stored are the ones decided
        lot.apply(*automatic);
        auto placed = addAutomaticBid(item, automatic->bidder, automatic->valueCents, now);
        if (!placed)
            return fail(placed.error());
        noteBid(placed->userId, automatic->valueCents, placed->id);
        ++bidCountDelta;
    }
    const Rules::LotStanding& standing = lot.standing();
    std::optional<qint64> winner;
    if (standing.leader && highest.value(*standing.leader).bidId != 0)
        winner = highest.value(*standing.leader).bidId;
    bidCountDelta -= static_cast<int>(droppedAutos.size()) + (removed ? 1 : 0);
    // The winner first: the lot row refers to a bid, so the bids go after it moved.
    if (auto ok =
            winner ? m_storage.setItemStanding(item.id, winner, bidCountDelta,
                                               standing.leaderCeilingCents, standing.runnerUpCents)
                   : m_storage.setItemStanding(item.id, std::nullopt, bidCountDelta, std::nullopt,
                                               std::nullopt);
        !ok)
        return ok;
    for (const LotHistoryEntry& e : droppedAutos) {
        if (auto name = m_storage.addToUserBidCount(e.userId, -1); !name)
            return fail(name.error());
        if (auto ok = m_storage.deleteBid(e.bidId); !ok)
            return ok;
        record(EntityKind::Bid, Change::Action::Removed, e.bidId, item.id, e.userId);
    }
    for (const qint64 raise : droppedRaises)
        if (auto ok = m_storage.deleteMaximum(raise); !ok)
            return ok;
    if (removed) {
        if (auto name = m_storage.addToUserBidCount(removedUser, -1); !name)
            return fail(name.error());
        if (auto ok = m_storage.deleteBid(fromBidId); !ok)
            return ok;
        record(EntityKind::Bid, Change::Action::Removed, fromBidId, item.id, removedUser);
    }
    return {};
}

Result<Money> AuctionService::lowestAcceptableBid(qint64 id)
{
    auto found = item(id);
    if (!found)
        return fail(found.error());
    auto current = settings();
    if (!current)
        return fail(current.error());
    return lowestAcceptable(*found, current->increments);
}

} // namespace BidTracker::Model
