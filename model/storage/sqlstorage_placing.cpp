// Placing a batch of bids, as both engines can run it: a statement per row. SQLite runs in
// the process, where a statement costs microseconds; PostgresStorage puts each step in one
// round trip to the server instead (postgresstorage_placing.cpp).
#include "sqlstorage.h"

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

Result<RecordedBid> SqlStorage::recordBid(const Bid& bid, const LotAfterBid& lot)
{
    RecordedBid recorded;
    auto id = insertBid(bid);
    if (!id)
        return fail(id.error());
    recorded.id = *id;
    auto name = addToUserBidCount(bid.userId, 1);
    if (!name)
        return fail(name.error());
    recorded.userName = *name;
    if (auto ok = setItemStanding(bid.itemId, lot.newBidWins ? *id : lot.winningBidId, 1,
                                  lot.leaderCeilingCents, lot.runnerUpCents);
        !ok)
        return fail(ok.error());
    return recorded;
}

} // namespace BidTracker::Model
