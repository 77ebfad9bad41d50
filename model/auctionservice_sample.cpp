// AuctionService: bulk additions (the sample auction and CSV imports).
#include "auctionservice.h"

#include "auctionservice_transaction.h"
#include "names.h"
#include "storage/database.h"

namespace BidTracker::Model {

Result<void> AuctionService::loadSampleAuction()
{
    if (auto allowed = allow(Permission::Administer); !allowed)
        return fail(allowed.error());
    return writeTransaction([&]() -> Result<void> {
        // Ids are never handed out twice, so a database that once held rows would give the
        // sample other ids than the documented ones.
        auto used = m_storage.everHeldRows();
        if (!used)
            return fail(used.error());
        if (*used)
            return fail(Error::refused(
                Error::Reason::NotEmpty,
                QStringLiteral(
                    "The sample auction can only be loaded into a new, empty database")));
        for (const auto* name : {"Albert", "Berry", "Constance"}) {
            User user;
            user.name = QString::fromUtf8(name);
            user.createdAt = utcTimestampNow();
            if (auto id = m_storage.insertUser(user); !id)
                return fail(id.error());
        }
        for (const auto* name : {"Item Nº 1", "Item Nº 2"}) {
            ItemChanges item;
            item.name = QString::fromUtf8(name);
            if (auto created = insertItem(item); !created)
                return fail(created.error());
        }
        auto settings = m_storage.readSettings();
        if (!settings)
            return fail(settings.error());
        auto placed = placeBidsLocked({BidRequest{1, 1, Money::fromCents(50000), {}},
                                       BidRequest{1, 2, Money::fromCents(100000), {}}},
                                      *settings);
        if (!placed)
            return fail(placed.error());
        for (const auto& bid : *placed) {
            if (!bid)
                return fail(bid.error());
        }
        // One reset instead of the bids' own announcements: everything is new.
        m_pending.clear();
        record(EntityKind::Item, Change::Action::Reset, 0);
        return {};
    });
}

Result<qint64> AuctionService::importItems(const QList<ItemChanges>& items, QList<qint64>* ids)
{
    return importItems(importRowsOf(items), ids);
}

Result<qint64> AuctionService::importItems(const ImportRows<ItemChanges>& rows, QList<qint64>* ids)
{
    if (auto allowed = allow(Permission::Administer); !allowed)
        return fail(allowed.error());
    // A chunk at a time: each lot is checked as it is inserted, and any refusal rolls the
    // whole import back.
    QList<qint64> added;
    auto imported = writeTransaction([&]() -> Result<qint64> {
        added.clear();
        if (auto ok = rows.rewind(); !ok)
            return fail(ok.error());
        qint64 count = 0;
        for (;;) {
            auto chunk = rows.next();
            if (!chunk)
                return fail(chunk.error());
            if (chunk->isEmpty())
                break;
            for (const ItemChanges& item : std::as_const(*chunk)) {
                auto created = insertItem(item);
                if (!created)
                    return fail(created.error());
                if (ids)
                    added.append(created->id);
                ++count;
            }
        }
        record(EntityKind::Item, Change::Action::Reset, 0);
        return count;
    });
    if (imported && ids)
        *ids = added;
    return imported;
}

Result<qint64> AuctionService::importUsers(const QStringList& names, QList<qint64>* ids)
{
    if (auto allowed = allow(Permission::Administer); !allowed)
        return fail(allowed.error());
    QList<qint64> added;
    auto imported = writeTransaction([&]() -> Result<qint64> {
        added.clear();
        for (const QString& name : names) {
            auto checked = checkName(name);
            if (!checked)
                return fail(checked.error());
            User user;
            user.name = *checked;
            user.createdAt = utcTimestampNow();
            auto id = m_storage.insertUser(user);
            if (!id)
                return fail(id.error());
            added.append(*id);
        }
        record(EntityKind::User, Change::Action::Reset, 0);
        return names.size();
    });
    if (imported && ids)
        *ids = added;
    return imported;
}

} // namespace BidTracker::Model
