// AuctionService: finding lots and bidders from what a clerk types.
#include "auctionservice.h"

#include "storage/database.h"

namespace BidTracker::Model {

namespace {

/// The id a clerk's text can stand for: "item12" (or "user3") or the bare number "12".
qint64 typedId(EntityKind kind, const QString& text)
{
    if (const auto id = parseId(kind, text))
        return *id;
    bool ok = false;
    const qint64 number = text.toLongLong(&ok);
    return ok && number > 0 && text.front().isDigit() ? number : 0;
}

} // namespace

Result<QList<Item>> AuctionService::findLots(const QString& text, int limit, bool openOnly)
{
    const QString typed = text.trimmed();
    if (typed.isEmpty())
        return QList<Item>();
    return m_storage.findItems(typedId(EntityKind::Item, typed), typed, openOnly, limit);
}

Result<QList<User>> AuctionService::findBidders(const QString& text, int limit)
{
    // TODO: paddle numbers (another issue) are looked up here first, so every door that
    // finds a bidder by what a clerk types learns them at once.
    const QString typed = text.trimmed();
    if (typed.isEmpty())
        return QList<User>();
    return m_storage.findUsers(typedId(EntityKind::User, typed), typed, limit);
}

} // namespace BidTracker::Model
