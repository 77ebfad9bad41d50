// AuctionService: the shared pieces and the users. Items and bids are in
// auctionservice_items.cpp and auctionservice_bids.cpp.
#include "auctionservice.h"
#include "auditfields.h"

#include "auctionservice_transaction.h"
#include "changenotifier.h"
#include "names.h"
#include "refusals.h"
#include "storage/database.h"

#include <QDateTime>

namespace BidTracker::Model {

QString utcTimestampNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

AuctionService::AuctionService(Database& db, ChangeNotifier* notifier)
    : m_db(db), m_storage(db.storage()), m_notifier(notifier)
{
}

Result<AuctionService::ChangeStamp> AuctionService::changeStamp()
{
    // This connection's own commits are counted in announcePending().
    auto version = m_storage.externalChangeVersion();
    if (!version)
        return fail(version.error());
    return ChangeStamp{*version, m_ownChanges};
}

void AuctionService::record(EntityKind kind, Change::Action action, qint64 id, qint64 itemId,
                            qint64 userId)
{
    m_pending.append(Change{kind, action, id, itemId, userId});
}

void AuctionService::announcePending()
{
    for (const Change& change : std::as_const(m_pending)) {
        ++m_ownChanges;
        if (m_notifier)
            m_notifier->announce(change);
    }
    m_pending.clear();
}

Result<void> AuctionService::requireUser(qint64 id)
{
    auto found = user(id);
    if (!found)
        return fail(found.error());
    return {};
}

Result<User> AuctionService::createUser(const QString& name)
{
    if (auto allowed = allow(Permission::EditBidders); !allowed)
        return fail(allowed.error());
    auto checked = checkName(name);
    if (!checked)
        return fail(checked.error());
    return writeTransaction([&]() -> Result<User> {
        if (auto ok = m_storage.lockBidderNumbers(); !ok)
            return fail(ok.error());
        User created;
        created.name = *checked;
        created.createdAt = utcTimestampNow();
        auto id = m_storage.insertUser(created);
        if (!id)
            return fail(id.error());
        record(EntityKind::User, Change::Action::Added, *id);
        auto made = user(*id);
        if (made)
            audit(auditChange(QStringLiteral("user.add"), formatId(EntityKind::User, *id), {},
                              auditFields(*made)));
        return made;
    });
}

Result<User> AuctionService::renameUser(qint64 id, const QString& name)
{
    if (auto allowed = allow(Permission::EditBidders); !allowed)
        return fail(allowed.error());
    auto checked = checkName(name);
    if (!checked)
        return fail(checked.error());
    auto renamed = writeTransaction([&]() -> Result<void> {
        auto found = m_storage.renameUser(id, *checked);
        if (!found)
            return fail(found.error());
        if (!*found)
            return fail(unknown(EntityKind::User, id));
        audit(auditChange(QStringLiteral("user.update"), formatId(EntityKind::User, id), {},
                          {{QStringLiteral("name"), *checked}}));
        record(EntityKind::User, Change::Action::Updated, id);
        return {};
    });
    if (!renamed)
        return fail(renamed.error());
    return user(id);
}

Result<void> AuctionService::mayDeleteUser(qint64 id)
{
    auto found = user(id);
    if (!found)
        return fail(found.error());
    const QString bidder = formatId(EntityKind::User, id);
    if (found->bidCount > 0)
        return fail(Error::refused(Error::Reason::HasBids,
                                   QStringLiteral("User %1 has %2 bid(s) and cannot be deleted")
                                       .arg(bidder)
                                       .arg(found->bidCount))
                        .with(QStringLiteral("user"), bidder)
                        .with(QStringLiteral("bid_count"), found->bidCount));
    // Money taken or given stays on record with its bidder.
    auto payments = m_storage.paymentsOfUser(id);
    if (!payments)
        return fail(payments.error());
    auto donations = m_storage.donationsOfUser(id);
    if (!donations)
        return fail(donations.error());
    if (!payments->isEmpty() || !donations->isEmpty())
        return fail(
            Error::refused(
                Error::Reason::HasPayments,
                QStringLiteral("User %1 has %2 payment(s) and %3 donation(s) and cannot be deleted")
                    .arg(bidder)
                    .arg(payments->size())
                    .arg(donations->size()))
                .with(QStringLiteral("user"), bidder)
                .with(QStringLiteral("payment_count"), qint64(payments->size()))
                .with(QStringLiteral("donation_count"), qint64(donations->size())));
    return {};
}

Result<void> AuctionService::deleteUser(qint64 id)
{
    if (auto allowed = allow(Permission::Administer); !allowed)
        return fail(allowed.error());
    return writeTransaction([&]() -> Result<void> {
        if (auto ok = mayDeleteUser(id); !ok)
            return ok;
        auto gone = user(id);
        if (!gone)
            return fail(gone.error());
        if (auto ok = m_storage.deleteUser(id); !ok)
            return ok;
        audit(auditChange(QStringLiteral("user.delete"), formatId(EntityKind::User, id),
                          auditFields(*gone), {}));
        record(EntityKind::User, Change::Action::Removed, id);
        return {};
    });
}

Result<User> AuctionService::user(qint64 id)
{
    auto found = m_storage.findUser(id);
    if (!found)
        return fail(found.error());
    if (!*found)
        return fail(unknown(EntityKind::User, id));
    return **found;
}

Result<Listing<User>> AuctionService::users(Page page)
{
    return m_storage.listUsers(page);
}

Result<QList<User>> AuctionService::usersWithIds(const QList<qint64>& ids)
{
    return m_storage.usersWithIds(ids);
}

} // namespace BidTracker::Model
