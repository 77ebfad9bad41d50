// AuctionService: the auction's settings (RULES.md 1).
#include "auctionservice.h"

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
        if (auto ok = m_storage.writeSettings(*checked); !ok)
            return fail(ok.error());
        record(EntityKind::Settings, Change::Action::Updated, 1);
        return *checked;
    });
}

} // namespace BidTracker::Model
