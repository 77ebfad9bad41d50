// AuctionService: items.
#include "auctionservice.h"
#include "auditfields.h"

#include "auctionservice_transaction.h"
#include "command.h"
#include "fieldchanges.h"
#include "names.h"
#include "refusals.h"
#include "storage/database.h"

#include <QDateTime>

namespace BidTracker::Model {

namespace {

Error itemNotFound(qint64 id)
{
    return unknown(EntityKind::Item, id);
}

/// Why the lot may not be deleted, or nothing: deleteItem()'s and mayDeleteItem()'s rule.
std::optional<Error> deleteRefusal(const Item& item)
{
    const QString lot = formatId(EntityKind::Item, item.id);
    if (item.bidCount > 0)
        return Error::refused(Error::Reason::HasBids,
                              QStringLiteral("Item %1 has %2 bid(s) and cannot be deleted")
                                  .arg(lot)
                                  .arg(item.bidCount))
            .with(QStringLiteral("item"), lot)
            .with(QStringLiteral("bid_count"), item.bidCount);
    return std::nullopt;
}

/// Lot descriptions are longer than names: a bid sheet prints a paragraph or two.
constexpr qsizetype MaxDescriptionLength = 4000;

Result<QString> checkText(const QString& text, const QString& field, qsizetype maxLength)
{
    const QString trimmed = text.trimmed();
    if (trimmed.size() > maxLength)
        return fail(Error::invalid(
            QStringLiteral("%1 is longer than %2 characters").arg(field).arg(maxLength), field));
    for (const QChar c : trimmed) {
        // Line breaks are fine in a description; other control characters never are.
        if (c.category() == QChar::Other_Control && c != u'\n')
            return fail(Error::invalid(QStringLiteral("%1 contains a control character").arg(field),
                                       field));
    }
    return trimmed;
}

bool isUtcTimestamp(const QString& text)
{
    return text.endsWith(u'Z') && QDateTime::fromString(text, Qt::ISODateWithMs).isValid();
}

} // namespace

/// Applies the fields of `changes` that are set to `item`, checking each: the one place a
/// lot's fields are validated, for creation, edits and imports alike.
Result<void> applyItemChanges(Item& item, const ItemChanges& changes)
{
    if (changes.name) {
        auto name = checkName(*changes.name);
        if (!name)
            return fail(name.error());
        item.name = *name;
    }
    if (changes.status && *changes.status != item.status) {
        item.status = *changes.status;
        item.closedAt = item.status == ItemStatus::Closed ? utcTimestampNow() : QString();
    }
    item.startingPrice = changes.startingPrice.value_or(item.startingPrice);
    item.minIncrement = changes.minIncrement.value_or(item.minIncrement);
    if (changes.description) {
        auto text =
            checkText(*changes.description, QStringLiteral("description"), MaxDescriptionLength);
        if (!text)
            return fail(text.error());
        item.description = *text;
    }
    if (changes.donor) {
        auto text = checkText(*changes.donor, QStringLiteral("donor"), MaxNameLength);
        if (!text)
            return fail(text.error());
        item.donor = text->simplified();
    }
    if (changes.fairMarketValue)
        item.fairMarketValue = *changes.fairMarketValue;
    if (changes.consignorId)
        item.consignorId = *changes.consignorId;
    const auto positive = [](const std::optional<Money>& amount, const QString& field,
                             const QString& label) -> Result<void> {
        if (amount && amount->cents() <= 0)
            return fail(Error::invalid(
                QStringLiteral("%1 must be a positive amount of money").arg(label), field));
        return {};
    };
    if (changes.reserve) {
        if (auto ok =
                positive(*changes.reserve, QStringLiteral("reserve"), QStringLiteral("Reserve"));
            !ok)
            return ok;
        item.reserve = *changes.reserve;
    }
    if (changes.buyNow) {
        if (auto ok = positive(*changes.buyNow, QStringLiteral("buy_now"),
                               QStringLiteral("Buy-now price"));
            !ok)
            return ok;
        item.buyNow = *changes.buyNow;
    }
    if (changes.closesAt) {
        if (!changes.closesAt->isEmpty() && !isUtcTimestamp(*changes.closesAt))
            return fail(
                Error::invalid(QStringLiteral("closes_at must be an ISO 8601 UTC time such as"
                                              " 2026-12-05T21:00:00.000Z"),
                               QStringLiteral("closes_at")));
        // A time set by hand is the lot's own closing time again: soft close counts from it.
        const QString normalized = changes.closesAt->isEmpty()
                                       ? QString()
                                       : QDateTime::fromString(*changes.closesAt, Qt::ISODateWithMs)
                                             .toUTC()
                                             .toString(Qt::ISODateWithMs);
        // A closing time already past would close the lot the moment it is saved, and a
        // time unchanged is no new time (an edit that sends the lot back as it was); a lot
        // already closed keeps the time it closed at (a catalogue imported back whole).
        if (!normalized.isEmpty() && normalized != item.closesAt &&
            item.status != ItemStatus::Closed && normalized <= utcTimestampNow())
            return fail(
                Error::invalid(QStringLiteral("closes_at %1 is in the past").arg(normalized),
                               QStringLiteral("closes_at")));
        if (normalized != item.closesAt) {
            item.closesAt = normalized;
            item.originalClosesAt = normalized;
        }
    }
    return {};
}

namespace {

/// Whether the changes touch what decides the lot: its reserve, starting price, increment,
/// buy-now price or closing time (RULES.md 3).
bool changesTerms(const ItemChanges& changes)
{
    return changes.reserve || changes.startingPrice || changes.minIncrement || changes.buyNow ||
           changes.closesAt;
}

} // namespace

Result<Item> AuctionService::requireItem(qint64 id, bool lock)
{
    auto found = m_storage.findItem(id, lock ? Storage::Lock::ForUpdate : Storage::Lock::None);
    if (!found)
        return fail(found.error());
    if (!*found)
        return fail(itemNotFound(id));
    return **found;
}

Result<Item> AuctionService::insertItem(const ItemChanges& changes)
{
    if (!changes.name)
        return fail(Error::invalid(QStringLiteral("Missing required parameter name"),
                                   QStringLiteral("name")));
    Item item;
    if (auto ok = applyItemChanges(item, changes); !ok)
        return fail(ok.error());
    if (auto ok = requireConsignorOf(changes); !ok)
        return fail(ok.error());
    item.createdAt = utcTimestampNow();
    auto id = m_storage.insertItem(item);
    if (!id)
        return fail(id.error());
    item.id = *id;
    item.version = FirstVersion;
    return item;
}

Result<void> AuctionService::checkNewItem(const ItemChanges& changes)
{
    Item item;
    return applyItemChanges(item, changes);
}

Result<Item> AuctionService::createItem(const ItemChanges& changes)
{
    if (auto allowed = allow(Permission::EditLots); !allowed)
        return fail(allowed.error());
    return writeTransaction([&]() -> Result<Item> {
        auto created = insertItem(changes);
        if (!created)
            return created;
        record(EntityKind::Item, Change::Action::Added, created->id);
        audit(auditChange(QStringLiteral("item.add"), formatId(EntityKind::Item, created->id), {},
                          auditFields(*created)));
        return created;
    });
}

Result<Item> AuctionService::updateItem(qint64 id, const ItemChanges& changes,
                                        std::optional<qint64> ifVersion)
{
    if (auto allowed = allow(Permission::EditLots); !allowed)
        return fail(allowed.error());
    // Refused before any transaction when the fields themselves are wrong.
    // (But for the closing time, which is judged against the lot's own: unchanged, a time
    // already past is fine.)
    ItemChanges fields = changes;
    fields.closesAt.reset();
    Item probe;
    if (auto ok = applyItemChanges(probe, fields); !ok)
        return fail(ok.error());
    return writeTransaction([&]() -> Result<Item> {
        auto current = requireItem(id, true);
        if (!current)
            return current;
        if (ifVersion && current->version != *ifVersion)
            return fail(staleLot(*current));
        Item changed = *current;
        if (auto ok = applyItemChanges(changed, changes); !ok)
            return fail(ok.error());
        if (auto ok = requireConsignorOf(changes); !ok)
            return fail(ok.error());
        if (auto ok = m_storage.updateItem(changed); !ok)
            return fail(ok.error());
        record(EntityKind::Item, Change::Action::Updated, id);
        audit(auditChange(QStringLiteral("item.update"), formatId(EntityKind::Item, id),
                          auditFields(*current), auditFields(changed)));
        if (!changesTerms(changes) || changed.status != ItemStatus::Open || changed.bidCount == 0)
            return requireItem(id); // with the version the change left
        // RULES.md 3: the lot follows its new terms at once (price, leader, reserve met), in
        // this transaction, not at its next bid.
        auto settings = m_storage.readSettings();
        if (!settings)
            return fail(settings.error());
        if (auto ok = reworkLot(changed, 0, false, *settings); !ok)
            return fail(ok.error());
        return requireItem(id);
    });
}

Result<void> AuctionService::deleteItem(qint64 id)
{
    if (auto allowed = allow(Permission::Administer); !allowed)
        return fail(allowed.error());
    return writeTransaction([&]() -> Result<void> {
        auto found = requireItem(id, true);
        if (!found)
            return fail(found.error());
        if (auto refused = deleteRefusal(*found))
            return fail(std::move(*refused));
        if (auto ok = m_storage.deleteItem(id); !ok)
            return ok;
        record(EntityKind::Item, Change::Action::Removed, id);
        audit(auditChange(QStringLiteral("item.delete"), formatId(EntityKind::Item, id),
                          auditFields(*found), {}));
        return {};
    });
}

Result<void> AuctionService::mayDeleteItem(qint64 id)
{
    auto found = requireItem(id);
    if (!found)
        return fail(found.error());
    if (auto refused = deleteRefusal(*found))
        return fail(std::move(*refused));
    return {};
}

Result<Item> AuctionService::item(qint64 id)
{
    return requireItem(id);
}

Result<Listing<Item>> AuctionService::items(Page page)
{
    return m_storage.listItems(page);
}

Result<QList<Item>> AuctionService::itemsWithIds(const QList<qint64>& ids)
{
    return m_storage.itemsWithIds(ids);
}

} // namespace BidTracker::Model
