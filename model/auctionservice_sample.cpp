// AuctionService: bulk additions (the sample auction and CSV imports).
#include "auctionservice.h"

#include "database.h"
#include "names.h"
#include "writetransaction.h"

namespace BidTracker::Model {

Result<void> AuctionService::loadSampleAuction()
{
    {
        WriteTransaction transaction(m_db);
        if (auto ok = transaction.begin(); !ok)
            return ok;
        // sqlite_sequence remembers every id ever handed out, so a database that once held
        // rows would give the sample other ids than the documented ones.
        auto used = m_db.scalar(QStringLiteral(
            "SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM items)"
            " + (SELECT count(*) FROM bids) + (SELECT count(*) FROM sqlite_sequence)"));
        if (!used)
            return fail(used.error());
        if (*used > 0)
            return fail(Error::conflict(QStringLiteral(
                "The sample auction can only be loaded into a new, empty database")));
        for (const auto* name : {"Albert", "Berry", "Constance"}) {
            auto run =
                m_db.run(QStringLiteral("INSERT INTO users (name, created_at) VALUES (?, ?)"),
                         {QString::fromUtf8(name), utcTimestampNow()});
            if (!run)
                return fail(run.error());
        }
        for (const auto* name : {"Item Nº 1", "Item Nº 2"}) {
            if (auto created = insertItem(ItemChanges{QString::fromUtf8(name), {}, {}, {}});
                !created)
                return fail(created.error());
        }
        for (const BidRequest& request : {BidRequest{1, 1, Money::fromCents(50000)},
                                          BidRequest{1, 2, Money::fromCents(100000)}}) {
            if (auto placed = placeBidLocked(request); !placed)
                return fail(placed.error());
        }
        if (auto ok = transaction.commit(); !ok)
            return ok;
    }
    announce(EntityKind::Item, Change::Action::Reset, 0);
    return {};
}

Result<qint64> AuctionService::importItems(const QList<ItemChanges>& items)
{
    {
        WriteTransaction transaction(m_db);
        if (auto ok = transaction.begin(); !ok)
            return fail(ok.error());
        for (const ItemChanges& item : items) {
            if (auto created = insertItem(item); !created)
                return fail(created.error());
        }
        if (auto ok = transaction.commit(); !ok)
            return fail(ok.error());
    }
    announce(EntityKind::Item, Change::Action::Reset, 0);
    return items.size();
}

Result<qint64> AuctionService::importUsers(const QStringList& names)
{
    {
        WriteTransaction transaction(m_db);
        if (auto ok = transaction.begin(); !ok)
            return fail(ok.error());
        for (const QString& name : names) {
            auto checked = checkName(name);
            if (!checked)
                return fail(checked.error());
            if (auto run =
                    m_db.run(QStringLiteral("INSERT INTO users (name, created_at) VALUES (?, ?)"),
                             {*checked, utcTimestampNow()});
                !run)
                return fail(run.error());
        }
        if (auto ok = transaction.commit(); !ok)
            return fail(ok.error());
    }
    announce(EntityKind::User, Change::Action::Reset, 0);
    return names.size();
}

} // namespace BidTracker::Model
