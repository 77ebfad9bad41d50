// Placing a batch of bids, as both engines can run it: a statement per row. SQLite runs in
// the process, where a statement costs microseconds; PostgresStorage puts each step in one
// round trip to the server instead (postgresstorage_placing.cpp).
#include "sqlstorage.h"

#include <QMap>
#include <algorithm>

namespace BidTracker::Model {

Result<QHash<qint64, Item>> SqlStorage::lockItems(QList<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    QHash<qint64, Item> items;
    for (const qint64 id : ids) {
        auto found = findItem(id, Lock::ForUpdate);
        if (!found)
            return fail(found.error());
        if (*found)
            items.insert(id, **found);
    }
    return items;
}

Result<QHash<qint64, QString>> SqlStorage::userNames(const QList<qint64>& ids)
{
    QHash<qint64, QString> names;
    for (const qint64 id : ids) {
        if (names.contains(id))
            continue;
        auto found = findUser(id);
        if (!found)
            return fail(found.error());
        if (*found)
            names.insert(id, (*found)->name);
    }
    return names;
}

Result<QList<qint64>> SqlStorage::writeBids(const BidWrites& writes)
{
    QList<qint64> ids;
    ids.reserve(writes.bids.size());
    QMap<qint64, int> perBidder; // in id order: bidders' rows always locked alike
    for (const Bid& bid : writes.bids) {
        auto id = insertBid(bid);
        if (!id)
            return fail(id.error());
        ids.append(*id);
        ++perBidder[bid.userId];
    }
    for (auto bidder = perBidder.cbegin(); bidder != perBidder.cend(); ++bidder) {
        if (auto ok = addToUserBidCount(bidder.key(), bidder.value()); !ok)
            return fail(ok.error());
    }
    for (const BidWrites::Lot& lot : writes.lots) {
        std::optional<qint64> winner = lot.winningBidId;
        if (winner && *winner < 0)
            winner = ids[-*winner - 1];
        if (auto ok = setItemStanding(lot.itemId, winner, lot.addedBids, lot.leaderCeilingCents,
                                      lot.runnerUpCents);
            !ok)
            return fail(ok.error());
    }
    return ids;
}

} // namespace BidTracker::Model
