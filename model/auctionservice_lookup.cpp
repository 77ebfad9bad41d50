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
    const QString typed = text.trimmed();
    if (typed.isEmpty() || limit <= 0)
        return QList<User>();
    // A number is a paddle number first ("105"), then an id ("user3" or "3"), then a name.
    std::optional<User> paddle;
    bool digits = false;
    const qint64 number = typed.toLongLong(&digits);
    if (digits && number > 0 && typed.front().isDigit()) {
        auto found = m_storage.findUserByNumber(number);
        if (!found)
            return fail(found.error());
        paddle = *found;
    }
    auto found = m_storage.findUsers(typedId(EntityKind::User, typed), typed, limit);
    if (!found || !paddle)
        return found;
    QList<User> bidders{*paddle};
    for (const User& user : std::as_const(*found))
        if (user.id != paddle->id && bidders.size() < limit)
            bidders.append(user);
    return bidders;
}

} // namespace BidTracker::Model
