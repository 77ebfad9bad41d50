// AuctionService: items.
#include "auctionservice.h"

#include "auctionservice_transaction.h"
#include "names.h"
#include "storage/database.h"

namespace BidTracker::Model {

namespace {

Error itemNotFound(qint64 id)
{
    return Error::notFound(
        QStringLiteral("Item %1 does not exist").arg(formatId(EntityKind::Item, id)));
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
    auto name = checkName(*changes.name);
    if (!name)
        return fail(name.error());
    Item item;
    item.name = *name;
    item.startingPrice = changes.startingPrice.value_or(Money::fromCents(1));
    item.minIncrement = changes.minIncrement.value_or(Money::fromCents(1));
    item.status = changes.status.value_or(ItemStatus::Open);
    item.createdAt = utcTimestampNow();
    auto id = m_storage.insertItem(item);
    if (!id)
        return fail(id.error());
    item.id = *id;
    return item;
}

Result<Item> AuctionService::createItem(const ItemChanges& changes)
{
    return writeTransaction([&]() -> Result<Item> {
        auto created = insertItem(changes);
        if (!created)
            return created;
        record(EntityKind::Item, Change::Action::Added, created->id);
        return created;
    });
}

Result<Item> AuctionService::updateItem(qint64 id, const ItemChanges& changes)
{
    std::optional<QString> name;
    if (changes.name) {
        auto checked = checkName(*changes.name);
        if (!checked)
            return fail(checked.error());
        name = *checked;
    }
    return writeTransaction([&]() -> Result<Item> {
        auto current = requireItem(id, true);
        if (!current)
            return current;
        Item changed = *current;
        changed.name = name.value_or(current->name);
        changed.status = changes.status.value_or(current->status);
        changed.startingPrice = changes.startingPrice.value_or(current->startingPrice);
        changed.minIncrement = changes.minIncrement.value_or(current->minIncrement);
        if (auto ok = m_storage.updateItem(changed); !ok)
            return fail(ok.error());
        record(EntityKind::Item, Change::Action::Updated, id);
        return changed;
    });
}

Result<void> AuctionService::deleteItem(qint64 id)
{
    return writeTransaction([&]() -> Result<void> {
        auto found = requireItem(id, true);
        if (!found)
            return fail(found.error());
        if (found->bidCount > 0)
            return fail(
                Error::conflict(QStringLiteral("Item %1 has %2 bid(s) and cannot be deleted")
                                    .arg(formatId(EntityKind::Item, id))
                                    .arg(found->bidCount)));
        if (auto ok = m_storage.deleteItem(id); !ok)
            return ok;
        record(EntityKind::Item, Change::Action::Removed, id);
        return {};
    });
}

Result<Item> AuctionService::item(qint64 id)
{
    return requireItem(id);
}

Result<Listing<Item>> AuctionService::items(Page page)
{
    return m_storage.listItems(page);
}

Result<Money> AuctionService::lowestAcceptableBid(qint64 id)
{
    auto found = item(id);
    if (!found)
        return fail(found.error());
    if (!found->winningValue)
        return found->startingPrice;
    return *found->winningValue + found->minIncrement;
}

} // namespace BidTracker::Model
