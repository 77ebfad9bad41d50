// AuctionService: the auction's settings (RULES.md 1).
#include "auctionservice.h"
#include "auditfields.h"

#include "auctionservice_transaction.h"
#include "command.h"
#include "storage/database.h"

namespace BidTracker::Model {

Result<AuctionSettings> AuctionService::settings()
{
    return m_storage.readSettings();
}

Result<SettingsVersion> AuctionService::settingsVersion()
{
    return m_storage.readSettingsVersion();
}

Result<AuctionSettings> AuctionService::updateSettings(const AuctionSettings& settings,
                                                       std::optional<qint64> ifVersion)
{
    if (auto allowed = allow(Permission::Administer); !allowed)
        return fail(allowed.error());
    auto checked = checkSettings(settings);
    if (!checked)
        return fail(checked.error());
    return writeTransaction([&]() -> Result<AuctionSettings> {
        if (ifVersion) {
            auto current = m_storage.readSettingsVersion();
            if (!current)
                return fail(current.error());
            if (current->version != *ifVersion)
                return fail(staleRefusal(EntityKind::Settings, 1, current->version,
                                         current->changedAt, QStringLiteral("changed")));
        }
        auto before = m_storage.readSettings();
        if (!before)
            return fail(before.error());
        if (auto ok = m_storage.writeSettings(*checked); !ok)
            return fail(ok.error());
        record(EntityKind::Settings, Change::Action::Updated, 1);
        audit(auditChange(QStringLiteral("settings.update"), QStringLiteral("settings"),
                          auditFields(*before), auditFields(*checked)));
        if (before->increments != checked->increments)
            if (auto ok = redecideOpenLots(*checked); !ok)
                return fail(ok.error());
        return *checked;
    });
}

Result<void> AuctionService::redecideOpenLots(const AuctionSettings& settings)
{
    // RULES.md 3: a new increment table re-decides every open lot with bids at once, in the
    // settings' own transaction; their rows are locked first, as a bid would lock them.
    if (auto ok = m_storage.lockOpenItems(); !ok)
        return ok;
    constexpr int Slice = 1000;
    for (qint64 next = 1;;) {
        auto slice = m_storage.itemsFrom(next, Slice);
        if (!slice)
            return fail(slice.error());
        for (const Item& lot : std::as_const(*slice)) {
            next = lot.id + 1;
            if (lot.status != ItemStatus::Open || lot.bidCount == 0)
                continue;
            if (auto ok = reworkLot(lot, 0, false, settings); !ok)
                return ok;
            record(EntityKind::Item, Change::Action::Updated, lot.id);
        }
        if (slice->size() < Slice)
            return {};
    }
}

} // namespace BidTracker::Model
