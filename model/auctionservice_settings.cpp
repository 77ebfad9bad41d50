// AuctionService: the auction's settings (RULES.md 1).
#include "auctionservice.h"

#include "auctionservice_transaction.h"
#include "storage/database.h"

namespace BidTracker::Model {

Result<AuctionSettings> AuctionService::settings()
{
    return m_storage.readSettings();
}

Result<AuctionSettings> AuctionService::updateSettings(const AuctionSettings& settings)
{
    auto checked = checkSettings(settings);
    if (!checked)
        return fail(checked.error());
    return writeTransaction([&]() -> Result<AuctionSettings> {
        if (auto ok = m_storage.writeSettings(*checked); !ok)
            return fail(ok.error());
        record(EntityKind::Settings, Change::Action::Updated, 1);
        return *checked;
    });
}

} // namespace BidTracker::Model
