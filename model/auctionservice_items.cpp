// AuctionService: items.
#include "auctionservice.h"

#include "database.h"
#include "names.h"
#include "rowreaders.h"
#include "writetransaction.h"

namespace BidTracker::Model {

namespace {

Error itemNotFound(qint64 id)
{
    return Error::notFound(
        QStringLiteral("Item %1 does not exist").arg(formatId(EntityKind::Item, id)));
}

} // namespace

Result<Item> AuctionService::insertItem(const ItemChanges& changes)
{
    if (!changes.name)
        return fail(Error::invalid(QStringLiteral("Missing required parameter name"),
                                   QStringLiteral("name")));
    auto name = checkName(*changes.name);
    if (!name)
        return fail(name.error());
    const Money start = changes.startingPrice.value_or(Money::fromCents(1));
    const Money increment = changes.minIncrement.value_or(Money::fromCents(1));
    const ItemStatus status = changes.status.value_or(ItemStatus::Open);
    auto run =
        m_db.run(QStringLiteral("INSERT INTO items (name, status, starting_price_cents,"
                                " min_increment_cents, created_at) VALUES (?, ?, ?, ?, ?)"),
                 {*name, statusName(status), start.cents(), increment.cents(), utcTimestampNow()});
    if (!run)
        return fail(run.error());
    const qint64 id = (*run)->lastInsertId().toLongLong();
    return item(id);
}

Result<Item> AuctionService::createItem(const ItemChanges& changes)
{
    auto created = insertItem(changes);
    if (created)
        announce(EntityKind::Item, Change::Action::Added, created->id);
    return created;
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
    {
        WriteTransaction transaction(m_db);
        if (auto ok = transaction.begin(); !ok)
            return fail(ok.error());
        auto current = item(id);
        if (!current)
            return fail(current.error());
        auto run = m_db.run(
            QStringLiteral("UPDATE items SET name = ?, status = ?, starting_price_cents = ?,"
                           " min_increment_cents = ? WHERE id = ?"),
            {name.value_or(current->name), statusName(changes.status.value_or(current->status)),
             changes.startingPrice.value_or(current->startingPrice).cents(),
             changes.minIncrement.value_or(current->minIncrement).cents(), id});
        if (!run)
            return fail(run.error());
        if (auto ok = transaction.commit(); !ok)
            return fail(ok.error());
    }
    announce(EntityKind::Item, Change::Action::Updated, id);
    return item(id);
}

Result<void> AuctionService::deleteItem(qint64 id)
{
    {
        WriteTransaction transaction(m_db);
        if (auto ok = transaction.begin(); !ok)
            return ok;
        auto found = item(id);
        if (!found)
            return fail(found.error());
        if (found->bidCount > 0)
            return fail(
                Error::conflict(QStringLiteral("Item %1 has %2 bid(s) and cannot be deleted")
                                    .arg(formatId(EntityKind::Item, id))
                                    .arg(found->bidCount)));
        if (auto run = m_db.run(QStringLiteral("DELETE FROM items WHERE id = ?"), {id}); !run)
            return fail(run.error());
        if (auto ok = transaction.commit(); !ok)
            return ok;
    }
    announce(EntityKind::Item, Change::Action::Removed, id);
    return {};
}

Result<Item> AuctionService::item(qint64 id)
{
    auto run = m_db.run(Rows::itemSelect + QStringLiteral(" WHERE i.id = ?"), {id});
    if (!run)
        return fail(run.error());
    if (!(*run)->next())
        return fail(itemNotFound(id));
    return Rows::readItem(**run);
}

Result<Listing<Item>> AuctionService::items(Page page)
{
    Listing<Item> listing;
    {
        auto run = m_db.run(Rows::itemSelect + QStringLiteral(" ORDER BY i.id") + Rows::pageClause,
                            {Rows::pageLimit(page), Rows::pageOffset(page)});
        if (!run)
            return fail(run.error());
        while ((*run)->next())
            listing.rows.append(Rows::readItem(**run));
    }
    auto total = m_db.scalar(QStringLiteral("SELECT count(*) FROM items"));
    if (!total)
        return fail(total.error());
    listing.total = *total;
    return listing;
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
