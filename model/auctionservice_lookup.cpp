// AuctionService: finding lots and bidders from what a clerk types.
#include "auctionservice.h"

#include "database.h"
#include "rowreaders.h"

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

/// "%text%" for LIKE, with LIKE's own characters taken literally.
QString containsPattern(QString text)
{
    text.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'%', QStringLiteral("\\%"))
        .replace(u'_', QStringLiteral("\\_"));
    return u'%' + text + u'%';
}

} // namespace

Result<QList<Item>> AuctionService::findLots(const QString& text, int limit, bool openOnly)
{
    const QString typed = text.trimmed();
    if (typed.isEmpty())
        return QList<Item>();
    const qint64 id = typedId(EntityKind::Item, typed);
    const QString like = containsPattern(typed);
    const QString prefix = like.mid(1);
    auto run = m_db.run(
        Rows::itemSelect +
            QStringLiteral(" WHERE (i.id = ? OR i.name LIKE ? ESCAPE '\\')"
                           " AND (? = 0 OR i.status = 'open')"
                           " ORDER BY i.id = ? DESC, i.name LIKE ? ESCAPE '\\' DESC, i.name, i.id"
                           " LIMIT ?"),
        {id, like, openOnly ? 1 : 0, id, prefix, limit});
    if (!run)
        return fail(run.error());
    QList<Item> found;
    while ((*run)->next())
        found.append(Rows::readItem(**run));
    return found;
}

Result<QList<User>> AuctionService::findBidders(const QString& text, int limit)
{
    // TODO: paddle numbers (another issue) are looked up here first, so every door that
    // finds a bidder by what a clerk types learns them at once.
    const QString typed = text.trimmed();
    if (typed.isEmpty())
        return QList<User>();
    const qint64 id = typedId(EntityKind::User, typed);
    const QString like = containsPattern(typed);
    const QString prefix = like.mid(1);
    auto run = m_db.run(Rows::userSelect +
                            QStringLiteral(" WHERE u.id = ? OR u.name LIKE ? ESCAPE '\\'"
                                           " ORDER BY u.id = ? DESC, u.name LIKE ? ESCAPE '\\' "
                                           "DESC, u.name, u.id LIMIT ?"),
                        {id, like, id, prefix, limit});
    if (!run)
        return fail(run.error());
    QList<User> found;
    while ((*run)->next())
        found.append(Rows::readUser(**run));
    return found;
}

} // namespace BidTracker::Model
