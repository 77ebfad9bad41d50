// AuctionService: the shared pieces and the users. Items and bids are in
// auctionservice_items.cpp and auctionservice_bids.cpp.
#include "auctionservice.h"

#include "changenotifier.h"
#include "database.h"
#include "names.h"
#include "rowreaders.h"
#include "writetransaction.h"

#include <QDateTime>

namespace BidTracker::Model {

QString utcTimestampNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

AuctionService::AuctionService(Database& db, ChangeNotifier* notifier)
    : m_db(db), m_notifier(notifier)
{
}

Result<AuctionService::ChangeStamp> AuctionService::changeStamp()
{
    // data_version moves only for commits of other connections; this one's own commits are
    // counted in announce().
    auto version = m_db.scalar(QStringLiteral("PRAGMA data_version"));
    if (!version)
        return fail(version.error());
    return ChangeStamp{*version, m_ownChanges};
}

void AuctionService::announce(EntityKind kind, Change::Action action, qint64 id, qint64 itemId,
                              qint64 userId)
{
    ++m_ownChanges;
    if (m_notifier)
        m_notifier->announce(Change{kind, action, id, itemId, userId});
}

Result<void> AuctionService::requireUser(qint64 id)
{
    auto run = m_db.run(QStringLiteral("SELECT 1 FROM users WHERE id = ?"), {id});
    if (!run)
        return fail(run.error());
    if (!(*run)->next())
        return fail(Error::notFound(
            QStringLiteral("User %1 does not exist").arg(formatId(EntityKind::User, id))));
    return {};
}

Result<User> AuctionService::createUser(const QString& name)
{
    auto checked = checkName(name);
    if (!checked)
        return fail(checked.error());
    qint64 id = 0;
    {
        auto run = m_db.run(QStringLiteral("INSERT INTO users (name, created_at) VALUES (?, ?)"),
                            {*checked, utcTimestampNow()});
        if (!run)
            return fail(run.error());
        id = (*run)->lastInsertId().toLongLong();
    }
    announce(EntityKind::User, Change::Action::Added, id);
    return User{id, *checked, 0};
}

Result<User> AuctionService::renameUser(qint64 id, const QString& name)
{
    auto checked = checkName(name);
    if (!checked)
        return fail(checked.error());
    {
        auto run =
            m_db.run(QStringLiteral("UPDATE users SET name = ? WHERE id = ?"), {*checked, id});
        if (!run)
            return fail(run.error());
        if ((*run)->numRowsAffected() == 0)
            return fail(Error::notFound(
                QStringLiteral("User %1 does not exist").arg(formatId(EntityKind::User, id))));
    }
    announce(EntityKind::User, Change::Action::Updated, id);
    return user(id);
}

Result<void> AuctionService::deleteUser(qint64 id)
{
    {
        WriteTransaction transaction(m_db);
        if (auto ok = transaction.begin(); !ok)
            return ok;
        auto found = user(id);
        if (!found)
            return fail(found.error());
        if (found->bidCount > 0)
            return fail(
                Error::conflict(QStringLiteral("User %1 has %2 bid(s) and cannot be deleted")
                                    .arg(formatId(EntityKind::User, id))
                                    .arg(found->bidCount)));
        if (auto run = m_db.run(QStringLiteral("DELETE FROM users WHERE id = ?"), {id}); !run)
            return fail(run.error());
        if (auto ok = transaction.commit(); !ok)
            return ok;
    }
    announce(EntityKind::User, Change::Action::Removed, id);
    return {};
}

Result<User> AuctionService::user(qint64 id)
{
    auto run = m_db.run(Rows::userSelect + QStringLiteral(" WHERE u.id = ?"), {id});
    if (!run)
        return fail(run.error());
    if (!(*run)->next())
        return fail(Error::notFound(
            QStringLiteral("User %1 does not exist").arg(formatId(EntityKind::User, id))));
    return Rows::readUser(**run);
}

Result<Listing<User>> AuctionService::users(Page page)
{
    Listing<User> listing;
    {
        auto run = m_db.run(Rows::userSelect + QStringLiteral(" ORDER BY u.id") + Rows::pageClause,
                            {Rows::pageLimit(page), Rows::pageOffset(page)});
        if (!run)
            return fail(run.error());
        while ((*run)->next())
            listing.rows.append(Rows::readUser(**run));
    }
    auto total = m_db.scalar(QStringLiteral("SELECT count(*) FROM users"));
    if (!total)
        return fail(total.error());
    listing.total = *total;
    return listing;
}

} // namespace BidTracker::Model
