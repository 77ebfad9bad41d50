// AuctionService: the window's undo of a check-in (RULES.md 4: checked_in_at).
#include "auctionservice.h"

#include "auctionservice_transaction.h"
#include "storage/storage.h"

namespace BidTracker::Model {

Result<User> AuctionService::restoreCheckIn(qint64 id, const QString& checkedInAt)
{
    if (auto allowed = allow(Permission::EditBidders); !allowed)
        return fail(allowed.error());
    return writeTransaction([&]() -> Result<User> {
        auto found = this->user(id);
        if (!found)
            return fail(found.error());
        User user = *found;
        user.checkedInAt = checkedInAt;
        if (auto ok = m_storage.updateUser(user); !ok)
            return fail(ok.error());
        record(EntityKind::User, Change::Action::Updated, id);
        return user;
    });
}

} // namespace BidTracker::Model
