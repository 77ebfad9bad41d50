// AuctionService: working a lot out again when its history changes (a bid deleted or put
// back), and the lowest acceptable bid (RULES.md 2).
#include "auctionservice.h"

#include "auctionservice_transaction.h"
#include "lotrules.h"
#include "storage/database.h"

#include <QHash>
#include <algorithm>

namespace BidTracker::Model {

Result<void> AuctionService::reworkLot(const Item& item, qint64 fromBidId, bool removed,
                                       const AuctionSettings& settings)
{
    auto history = m_storage.lotHistory(item.id);
    if (!history)
        return fail(history.error());
    // The history as it now stands: without the deleted bid (a raise with no bid of its
    // bidder before it then stops counting, and stays on record for the bid's undo).
    qint64 removedUser = 0;
    QList<LotHistoryEntry> remaining;
    remaining.reserve(history->size());
    for (const LotHistoryEntry& e : *history) {
        if (removed && e.bidId == fromBidId)
            removedUser = e.userId;
        else
            remaining.append(e);
    }
    // The whole lot is decided again from its bids and raises alone. The automatic bids the
    // rules call for now are matched with the stored ones by bidder and value (a lot's prices
    // only rise, so that pair names one): those that still match stay, with their ids, the
    // others go, and the missing ones are placed. Stored automatic bids cannot be replayed in
    // place: one placed again by an earlier rework has an id after every bid of its time.
    Rules::LotDecider lot(lotTerms(item, settings));
    QHash<std::pair<qint64, qint64>, LotHistoryEntry> stored;
    QList<Rules::LotEntry> wanted;
    struct Placed
    {
        qint64 bidId = 0;
        qint64 userId = 0;
        qint64 cents = 0;
    };
    QList<Placed> bids; // every bid the lot keeps
    for (const LotHistoryEntry& e : countedEntries(remaining)) {
        if (e.automatic) {
            stored.insert({e.userId, e.valueCents}, e);
            continue;
        }
        if (e.bidId != 0)
            bids.append({e.bidId, e.userId, e.valueCents});
        const auto automatic = lot.apply({e.userId, e.valueCents, e.maximumCents, false});
        if (!automatic)
            continue;
        lot.apply(*automatic);
        wanted.append(*automatic);
    }
    const QString now = utcTimestampNow();
    int bidCountDelta = removed ? -1 : 0;
    for (const Rules::LotEntry& automatic : wanted) {
        if (const auto kept = stored.constFind({automatic.bidder, automatic.valueCents});
            kept != stored.cend()) {
            bids.append({kept->bidId, kept->userId, kept->valueCents});
            stored.erase(kept);
            continue;
        }
        auto placed = addAutomaticBid(item, automatic.bidder, automatic.valueCents, now);
        if (!placed)
            return fail(placed.error());
        bids.append({placed->id, placed->userId, automatic.valueCents});
        ++bidCountDelta;
    }
    bidCountDelta -= static_cast<int>(stored.size());
    // The winning bid: the leader's highest, the first that reached it.
    std::sort(bids.begin(), bids.end(),
              [](const Placed& a, const Placed& b) { return a.bidId < b.bidId; });
    const Rules::LotStanding& standing = lot.standing();
    std::optional<qint64> winner;
    qint64 winnerCents = 0;
    for (const Placed& bid : bids) {
        if (standing.leader && bid.userId == *standing.leader && bid.cents > winnerCents) {
            winner = bid.bidId;
            winnerCents = bid.cents;
        }
    }
    // The winner first: the lot row refers to a bid, so the bids go after it moved.
    if (auto ok =
            winner ? m_storage.setItemStanding(item.id, winner, bidCountDelta,
                                               standing.leaderCeilingCents, standing.runnerUpCents)
                   : m_storage.setItemStanding(item.id, std::nullopt, bidCountDelta, std::nullopt,
                                               std::nullopt);
        !ok)
        return ok;
    for (const LotHistoryEntry& e : std::as_const(stored)) {
        if (auto name = m_storage.addToUserBidCount(e.userId, -1); !name)
            return fail(name.error());
        if (auto ok = m_storage.deleteBid(e.bidId); !ok)
            return ok;
        record(EntityKind::Bid, Change::Action::Removed, e.bidId, item.id, e.userId);
    }
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
