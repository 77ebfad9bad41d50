#include "auctioncopy.h"

#include "storage/database.h"
#include "storage/staffstorage.h"

namespace BidTracker::Model {

namespace {

constexpr int Slice = 5000; // rows read at a time: a big auction never sits in memory whole

/// Reads `fetch` slice by slice from id 1 on and hands every row to `put`.
template <typename Fetch, typename Put> Result<qint64> eachRow(Fetch fetch, Put put)
{
    qint64 next = 1;
    qint64 rows = 0;
    for (;;) {
        auto slice = fetch(next, Slice);
        if (!slice)
            return fail(slice.error());
        for (const auto& row : *slice) {
            if (auto ok = put(row); !ok)
                return fail(ok.error());
            next = row.id + 1;
            ++rows;
        }
        if (slice->size() < Slice)
            return rows;
    }
}

} // namespace

Result<CopyCounts> copyAuction(Database& from, Database& to)
{
    Storage& source = from.storage();
    Storage& target = to.storage();
    auto used = target.everHeldRows();
    if (!used)
        return fail(used.error());
    if (*used)
        return fail(Error::refused(Error::Reason::NotEmpty,
                                   QStringLiteral("%1 is not empty: an auction is copied only "
                                                  "into a new, empty database. Nothing was "
                                                  "changed.")
                                       .arg(to.displayName())));
    // One snapshot of the source for every table: a live auction (a backup during the night)
    // would otherwise be copied torn between two commits, a bid without its lot's count.
    if (auto ok = source.beginRead(); !ok)
        return fail(ok.error());
    if (auto ok = target.beginWrite(); !ok) {
        source.rollback();
        return fail(ok.error());
    }
    const auto copy = [&]() -> Result<CopyCounts> {
        CopyCounts counts;
        QList<Item> items; // their winners are set once the bids are in
        auto users = eachRow([&](qint64 first, int n) { return source.usersFrom(first, n); },
                             [&](const User& user) -> Result<void> {
                                 auto id = target.insertUser(user);
                                 if (!id)
                                     return fail(id.error());
                                 return {};
                             });
        if (!users)
            return fail(users.error());
        counts.users = *users;
        auto itemRows = eachRow([&](qint64 first, int n) { return source.itemsFrom(first, n); },
                                [&](const Item& item) -> Result<void> {
                                    items.append(item);
                                    auto id = target.insertItem(item);
                                    if (!id)
                                        return fail(id.error());
                                    return {};
                                });
        if (!itemRows)
            return fail(itemRows.error());
        counts.items = *itemRows;
        auto bids = eachRow([&](qint64 first, int n) { return source.bidsFrom(first, n); },
                            [&](const Bid& bid) -> Result<void> {
                                auto id = target.insertBid(bid);
                                if (!id)
                                    return fail(id.error());
                                return {};
                            });
        if (!bids)
            return fail(bids.error());
        counts.bids = *bids;
        // Raised maximums after the bids they follow; the lots' standings after both, so
        // that the copy decides its next bid from what the original would.
        auto maximums = eachRow([&](qint64 first, int n) { return source.maximumsFrom(first, n); },
                                [&](const MaximumRaise& raise) -> Result<void> {
                                    auto id = target.insertMaximumAsIs(raise);
                                    if (!id)
                                        return fail(id.error());
                                    return {};
                                });
        if (!maximums)
            return fail(maximums.error());
        counts.maximums = *maximums;
        const auto cents = [](const std::optional<Money>& money) {
            return money ? std::optional<qint64>(money->cents()) : std::nullopt;
        };
        for (const Item& item : std::as_const(items)) {
            if (item.bidCount == 0)
                continue;
            if (auto ok = target.setItemStanding(
                    item.id, item.winningBidId, static_cast<int>(item.bidCount),
                    cents(item.leaderCeiling), cents(item.runnerUpCeiling));
                !ok)
                return fail(ok.error());
        }
        auto counted = eachRow([&](qint64 first, int n) { return source.usersFrom(first, n); },
                               [&](const User& user) -> Result<void> {
                                   if (user.bidCount == 0)
                                       return {};
                                   auto name = target.addToUserBidCount(
                                       user.id, static_cast<int>(user.bidCount));
                                   if (!name)
                                       return fail(name.error());
                                   return {};
                               });
        if (!counted)
            return fail(counted.error());
        auto payments = eachRow([&](qint64 first, int n) { return source.paymentsFrom(first, n); },
                                [&](const Payment& payment) -> Result<void> {
                                    auto id = target.insertPayment(payment);
                                    if (!id)
                                        return fail(id.error());
                                    return {};
                                });
        if (!payments)
            return fail(payments.error());
        counts.payments = *payments;
        auto donations =
            eachRow([&](qint64 first, int n) { return source.donationsFrom(first, n); },
                    [&](const Donation& donation) -> Result<void> {
                        auto id = target.insertDonation(donation);
                        if (!id)
                            return fail(id.error());
                        return {};
                    });
        if (!donations)
            return fail(donations.error());
        counts.donations = *donations;
        auto settings = source.readSettings();
        if (!settings)
            return fail(settings.error());
        if (auto ok = target.writeSettings(*settings); !ok)
            return fail(ok.error());
        if (auto ok = target.syncIdGenerators(); !ok)
            return fail(ok.error());
        // The staff and the audit log, so the copy's chain verifies as the original's.
        auto entries = StaffStorage(to).copyFrom(from);
        if (!entries)
            return fail(entries.error());
        counts.auditEntries = *entries;
        if (auto ok = target.commit(); !ok)
            return fail(ok.error());
        return counts;
    }();
    if (!copy)
        target.rollback();
    source.rollback(); // ends the read snapshot; nothing was written there
    return copy;
}

} // namespace BidTracker::Model
