// The service's side of RULES.md 5: the role check before a change and the audit entries
// written in its transaction.
#include "auctionservice.h"
#include "auditfields.h"
#include "ids.h"
#include "storage/database.h"
#include "storage/staffstorage.h"

#include <QDateTime>

namespace BidTracker::Model {

namespace {

QJsonValue amount(const std::optional<Money>& money)
{
    return money ? QJsonValue(money->toDouble()) : QJsonValue(QJsonValue::Null);
}

QString verb(Change::Action action)
{
    switch (action) {
    case Change::Action::Added:
        return QStringLiteral("add");
    case Change::Action::Updated:
        return QStringLiteral("update");
    case Change::Action::Removed:
        return QStringLiteral("delete");
    case Change::Action::Reset:
        return QStringLiteral("reset");
    }
    return QStringLiteral("update");
}

} // namespace

QJsonObject auditFields(const Item& item)
{
    return {{QStringLiteral("name"), item.name},
            {QStringLiteral("status"), statusName(item.status)},
            {QStringLiteral("starting_price"), item.startingPrice.toDouble()},
            {QStringLiteral("min_increment"), item.minIncrement.toDouble()},
            {QStringLiteral("description"), item.description},
            {QStringLiteral("donor"), item.donor},
            {QStringLiteral("fair_market_value"), amount(item.fairMarketValue)},
            {QStringLiteral("reserve"), amount(item.reserve)},
            {QStringLiteral("buy_now"), amount(item.buyNow)},
            {QStringLiteral("closes_at"), item.originalClosesAt},
            {QStringLiteral("closed_at"), item.closedAt}};
}

QJsonObject auditFields(const User& user)
{
    return {{QStringLiteral("name"), user.name},
            {QStringLiteral("number"), user.number},
            {QStringLiteral("phone"), user.phone},
            {QStringLiteral("email"), user.email},
            {QStringLiteral("tax_exempt"), user.taxExempt},
            {QStringLiteral("checked_in_at"), user.checkedInAt}};
}

QJsonObject auditFields(const Bid& bid)
{
    return {{QStringLiteral("item"), formatId(EntityKind::Item, bid.itemId)},
            {QStringLiteral("user"), formatId(EntityKind::User, bid.userId)},
            {QStringLiteral("value"), bid.value.toDouble()},
            {QStringLiteral("max_value"), amount(bid.maxValue)}};
}

QJsonObject auditFields(const Payment& payment)
{
    return {{QStringLiteral("user"), formatId(EntityKind::User, payment.userId)},
            {QStringLiteral("amount"), payment.amount.toDouble()},
            {QStringLiteral("method"), paymentMethodName(payment.method)},
            {QStringLiteral("reference"), payment.reference},
            {QStringLiteral("voided_at"), payment.voidedAt},
            {QStringLiteral("void_reason"), payment.voidReason}};
}

QJsonObject auditFields(const Donation& donation)
{
    return {{QStringLiteral("user"), formatId(EntityKind::User, donation.userId)},
            {QStringLiteral("amount"), donation.amount.toDouble()},
            {QStringLiteral("note"), donation.note}};
}

QJsonObject auditFields(const AuctionSettings& settings)
{
    return {{QStringLiteral("name"), settings.name},
            {QStringLiteral("currency"), settings.currency},
            {QStringLiteral("buyers_premium"), formatRate(settings.buyersPremium)},
            {QStringLiteral("tax_rate"), formatRate(settings.taxRate)},
            {QStringLiteral("increments"), encodeIncrements(settings.increments)},
            {QStringLiteral("soft_close_window"), settings.softClose.windowSeconds},
            {QStringLiteral("soft_close_extend"), settings.softClose.extendSeconds},
            {QStringLiteral("soft_close_max_extend"), settings.softClose.maxExtendSeconds},
            {QStringLiteral("first_bidder_number"), settings.firstBidderNumber},
            {QStringLiteral("close_all_at"), settings.closeAllAt}};
}

Result<void> AuctionService::allow(Permission permission) const
{
    return authorize(m_actor, permission);
}

Result<void> AuctionService::mayVoid(const Payment& payment)
{
    if (m_actor.role == Role::Admin)
        return {};
    const QString id = formatId(EntityKind::Payment, payment.id);
    auto taker = StaffStorage(m_db).paymentTaker(payment.id);
    if (!taker)
        return fail(taker.error());
    if (!*taker || (*taker)->first.compare(m_actor.name, Qt::CaseInsensitive) != 0)
        return fail(Error::refused(Error::Reason::NotOwnPayment,
                                   QStringLiteral("%1 may void only the payments they took: %2 "
                                                  "was taken by %3")
                                       .arg(m_actor.name, id,
                                            *taker ? (*taker)->first : QStringLiteral("another")))
                        .with(QStringLiteral("payment"), id)
                        .with(QStringLiteral("needs"), QStringList{roleName(Role::Admin)}));
    const QDateTime taken = QDateTime::fromString((*taker)->second, Qt::ISODateWithMs);
    const QDateTime now = QDateTime::fromString(utcTimestampNow(), Qt::ISODateWithMs);
    if (!taken.isValid() || taken.secsTo(now) > OwnVoidWindowSeconds)
        return fail(Error::refused(Error::Reason::VoidWindowPassed,
                                   QStringLiteral("%1 was taken more than 15 minutes ago: an "
                                                  "admin may void it")
                                       .arg(id))
                        .with(QStringLiteral("payment"), id)
                        .with(QStringLiteral("needs"), QStringList{roleName(Role::Admin)}));
    return {};
}

Result<void> AuctionService::writeAudit()
{
    if (m_auditNotes.isEmpty()) {
        // A change no note describes still leaves its trace: what changed, by whom.
        for (const Change& change : std::as_const(m_pending)) {
            const QString kind = idPrefix(change.kind).toString();
            const QString object =
                change.kind == EntityKind::Settings ? kind : formatId(change.kind, change.id);
            m_auditNotes.append(AuditNote{kind + u'.' + verb(change.action), object, {}, {}});
        }
    }
    auto written = StaffStorage(m_db).appendAudit(m_actor.name, m_actor.station, m_auditNotes);
    m_auditNotes.clear();
    return written;
}

} // namespace BidTracker::Model
