// The permissions and audit entries of AuctionService::apply()'s commands: the window's
// changes, undo and redo, buy now and close all.
#include "auditfields.h"
#include "command.h"
#include "ids.h"

namespace BidTracker::Model {

namespace {

QJsonValue amount(const std::optional<Money>& money)
{
    return money ? QJsonValue(money->toDouble()) : QJsonValue(QJsonValue::Null);
}

template <typename Part> const Part* partFor(const QList<Part>& parts, qint64 id, qint64 Part::*key)
{
    for (const Part& part : parts) {
        if (part.*key == id)
            return &part;
    }
    return nullptr;
}

void appendRows(QList<AuditNote>& notes, const Command& command)
{
    for (const Item& item : command.restoreItems)
        notes.append(auditChange(QStringLiteral("item.restore"),
                                 formatId(EntityKind::Item, item.id), {}, auditFields(item)));
    for (const User& user : command.restoreUsers)
        notes.append(auditChange(QStringLiteral("user.restore"),
                                 formatId(EntityKind::User, user.id), {}, auditFields(user)));
    for (const Bid& bid : command.restoreBids)
        notes.append(auditChange(QStringLiteral("bid.restore"), formatId(EntityKind::Bid, bid.id),
                                 {}, auditFields(bid)));
    for (const MaximumRaise& raise : command.restoreRaises)
        notes.append(auditChange(
            QStringLiteral("bid.restore_maximum"), formatId(EntityKind::Item, raise.itemId), {},
            {{QStringLiteral("user"), formatId(EntityKind::User, raise.userId)},
             {QStringLiteral("max_value"), raise.maxValue.toDouble()}}));
}

void appendRemovals(QList<AuditNote>& notes, const Command& command)
{
    const QJsonObject present{{QStringLiteral("deleted"), false}};
    const QJsonObject gone{{QStringLiteral("deleted"), true}};
    for (const qint64 id : command.removeBids)
        notes.append(auditChange(QStringLiteral("bid.delete"), formatId(EntityKind::Bid, id),
                                 present, gone));
    for (const qint64 id : command.removeRaises)
        notes.append(auditChange(QStringLiteral("bid.delete_maximum"),
                                 QStringLiteral("maximum%1").arg(id), present, gone));
    for (const Command::Row& row : command.removeItems)
        notes.append(auditChange(QStringLiteral("item.delete"), formatId(EntityKind::Item, row.id),
                                 present, gone));
    for (const Command::Row& row : command.removeUsers)
        notes.append(auditChange(QStringLiteral("user.delete"), formatId(EntityKind::User, row.id),
                                 present, gone));
}

} // namespace

QJsonObject auditFields(const ItemChanges& c)
{
    QJsonObject fields;
    if (c.name)
        fields.insert(QStringLiteral("name"), *c.name);
    if (c.status)
        fields.insert(QStringLiteral("status"), statusName(*c.status));
    if (c.startingPrice)
        fields.insert(QStringLiteral("starting_price"), c.startingPrice->toDouble());
    if (c.minIncrement)
        fields.insert(QStringLiteral("min_increment"), c.minIncrement->toDouble());
    if (c.description)
        fields.insert(QStringLiteral("description"), *c.description);
    if (c.donor)
        fields.insert(QStringLiteral("donor"), *c.donor);
    if (c.fairMarketValue)
        fields.insert(QStringLiteral("fair_market_value"), amount(*c.fairMarketValue));
    if (c.reserve)
        fields.insert(QStringLiteral("reserve"), amount(*c.reserve));
    if (c.buyNow)
        fields.insert(QStringLiteral("buy_now"), amount(*c.buyNow));
    if (c.closesAt)
        fields.insert(QStringLiteral("closes_at"), *c.closesAt);
    return fields;
}

QJsonObject auditFields(const UserChanges& c, const std::optional<QString>& checkedInAt)
{
    QJsonObject fields;
    if (c.name)
        fields.insert(QStringLiteral("name"), *c.name);
    if (c.number)
        fields.insert(QStringLiteral("number"), *c.number);
    if (c.phone)
        fields.insert(QStringLiteral("phone"), *c.phone);
    if (c.email)
        fields.insert(QStringLiteral("email"), *c.email);
    if (c.taxExempt)
        fields.insert(QStringLiteral("tax_exempt"), *c.taxExempt);
    if (checkedInAt)
        fields.insert(QStringLiteral("checked_in_at"), *checkedInAt);
    return fields;
}

QList<Permission> commandPermissions(const Command& c)
{
    QList<Permission> needed;
    const auto need = [&](bool when, Permission permission) {
        if (when && !needed.contains(permission))
            needed.append(permission);
    };
    need(c.settings.has_value() || c.closeAllOpen || !c.removeItems.isEmpty() ||
             !c.removeUsers.isEmpty(),
         Permission::Administer);
    need(c.purchase.has_value() || c.purchaseUndone.has_value() || !c.restoreBids.isEmpty() ||
             !c.restoreRaises.isEmpty() || !c.removeBids.isEmpty() || !c.removeRaises.isEmpty(),
         Permission::Bidding);
    need(!c.lots.isEmpty() || !c.restoreItems.isEmpty(), Permission::EditLots);
    need(!c.bidders.isEmpty() || !c.restoreUsers.isEmpty(), Permission::EditBidders);
    return needed;
}

QList<AuditNote> commandAudit(const Command& command, const Command& inverse)
{
    QList<AuditNote> notes;
    appendRows(notes, command);
    if (command.settings)
        notes.append(auditChange(QStringLiteral("settings.update"), QStringLiteral("settings"),
                                 auditFields(command.settings->from),
                                 auditFields(command.settings->to)));
    if (command.closeAllOpen)
        notes.append(auditChange(QStringLiteral("item.close_all"), QStringLiteral("items"), {},
                                 {{QStringLiteral("closed"), qint64(inverse.lots.size())}}));
    if (command.purchase && inverse.purchaseUndone)
        notes.append(auditChange(
            QStringLiteral("bid.buy_now"), formatId(EntityKind::Bid, inverse.purchaseUndone->bidId),
            {},
            {{QStringLiteral("item"), formatId(EntityKind::Item, command.purchase->itemId)},
             {QStringLiteral("user"), formatId(EntityKind::User, command.purchase->userId)}}));
    if (command.purchaseUndone)
        notes.append(auditChange(QStringLiteral("bid.buy_now_undo"),
                                 formatId(EntityKind::Bid, command.purchaseUndone->bidId),
                                 {{QStringLiteral("deleted"), false}},
                                 {{QStringLiteral("deleted"), true}}));
    for (const Command::LotFields& lot : command.lots) {
        const auto* back = partFor(inverse.lots, lot.itemId, &Command::LotFields::itemId);
        notes.append(
            auditChange(QStringLiteral("item.update"), formatId(EntityKind::Item, lot.itemId),
                        back ? auditFields(back->to) : QJsonObject(), auditFields(lot.to)));
    }
    for (const Command::BidderFields& bidder : command.bidders) {
        const auto* back = partFor(inverse.bidders, bidder.userId, &Command::BidderFields::userId);
        notes.append(auditChange(QStringLiteral("user.update"),
                                 formatId(EntityKind::User, bidder.userId),
                                 back ? auditFields(back->to, back->checkedInAt) : QJsonObject(),
                                 auditFields(bidder.to, bidder.checkedInAt)));
    }
    appendRemovals(notes, command);
    return notes;
}

} // namespace BidTracker::Model
