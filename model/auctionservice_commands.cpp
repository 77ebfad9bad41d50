// AuctionService::apply(): the window's undo and redo as commands (command.h), each one
// transaction that checks the versions the change left before it takes anything back.
#include "auctionservice_transaction.h"
#include "auditfields.h"
#include "commandrunner.h"
#include "fieldchanges.h"
#include "lotrules.h"

#include <functional>

namespace BidTracker::Model {

namespace {

/// The values `item` has now for the fields `fields` sets: what puts them back.
ItemChanges valuesOf(const Item& item, const ItemChanges& fields)
{
    ItemChanges values;
    if (fields.name)
        values.name = item.name;
    if (fields.status)
        values.status = item.status;
    if (fields.startingPrice)
        values.startingPrice = item.startingPrice;
    if (fields.minIncrement)
        values.minIncrement = item.minIncrement;
    if (fields.description)
        values.description = item.description;
    if (fields.donor)
        values.donor = item.donor;
    if (fields.fairMarketValue)
        values.fairMarketValue = item.fairMarketValue;
    if (fields.reserve)
        values.reserve = item.reserve;
    if (fields.buyNow)
        values.buyNow = item.buyNow;
    if (fields.closesAt)
        values.closesAt = item.closesAt;
    if (fields.consignorId)
        values.consignorId = item.consignorId;
    return values;
}

UserChanges valuesOf(const User& user, const UserChanges& fields)
{
    UserChanges values;
    if (fields.name)
        values.name = user.name;
    if (fields.number)
        values.number = user.number;
    if (fields.phone)
        values.phone = user.phone;
    if (fields.email)
        values.email = user.email;
    if (fields.taxExempt)
        values.taxExempt = user.taxExempt;
    return values;
}

/// `current` with the settings that differ between `from` and `to` set to `to`'s.
AuctionSettings withChanged(AuctionSettings current, const AuctionSettings& from,
                            const AuctionSettings& to)
{
    const auto take = [](auto& field, const auto& before, const auto& after) {
        if (before != after)
            field = after;
    };
    take(current.name, from.name, to.name);
    take(current.currency, from.currency, to.currency);
    take(current.buyersPremium, from.buyersPremium, to.buyersPremium);
    take(current.taxRate, from.taxRate, to.taxRate);
    take(current.commissionRate, from.commissionRate, to.commissionRate);
    take(current.increments, from.increments, to.increments);
    take(current.softClose, from.softClose, to.softClose);
    take(current.firstBidderNumber, from.firstBidderNumber, to.firstBidderNumber);
    take(current.closeAllAt, from.closeAllAt, to.closeAllAt);
    return current;
}

} // namespace

Error staleRefusal(EntityKind kind, qint64 id, qint64 version, const QString& changedAt,
                   const QString& change)
{
    const QString name =
        kind == EntityKind::Settings ? QStringLiteral("The settings") : formatId(kind, id);
    const QString when =
        changedAt.isEmpty() ? QStringLiteral(" since") : QStringLiteral(" at %1").arg(changedAt);
    Error error =
        Error::refused(Error::Reason::Stale,
                       QStringLiteral("%1 was %2%3; nothing changed").arg(name, change, when));
    error
        .with(kind == EntityKind::Settings ? QStringLiteral("settings") : idPrefix(kind).toString(),
              kind == EntityKind::Settings ? QVariant(true) : QVariant(formatId(kind, id)))
        .with(QStringLiteral("version"), version)
        .with(QStringLiteral("change"), change);
    if (!changedAt.isEmpty())
        error.with(QStringLiteral("changed_at"), changedAt);
    return error;
}

Error staleLot(const Item& item)
{
    // A lot closed last says so ("Lot 12 was closed at 21:04"): its close and its version's
    // time are the same moment (two clocks: compared to the second).
    const bool closedLast = item.status == ItemStatus::Closed && !item.closedAt.isEmpty() &&
                            item.closedAt.left(19) == item.changedAt.left(19);
    return staleRefusal(EntityKind::Item, item.id, item.version,
                        closedLast ? item.closedAt : item.changedAt,
                        closedLast ? QStringLiteral("closed") : QStringLiteral("changed"));
}

Error missing(EntityKind kind, qint64 id, qint64 version)
{
    // A change made the first time names a row that is not there; an undo, one deleted since.
    if (version != 0)
        return staleRefusal(kind, id, 0, {}, QStringLiteral("deleted"));
    const auto reason = kind == EntityKind::Item   ? Error::Reason::UnknownItem
                        : kind == EntityKind::User ? Error::Reason::UnknownUser
                                                   : Error::Reason::UnknownBid;
    const QString name = kind == EntityKind::Item   ? QStringLiteral("Item")
                         : kind == EntityKind::User ? QStringLiteral("User")
                                                    : QStringLiteral("Bid");
    return Error::refused(reason,
                          QStringLiteral("%1 %2 does not exist").arg(name, formatId(kind, id)))
        .with(idPrefix(kind).toString(), formatId(kind, id));
}

Command removalOfAdded(EntityKind kind, const QList<qint64>& ids)
{
    Command command;
    for (const qint64 id : ids) {
        if (kind == EntityKind::Item)
            command.removeItems.append({id, FirstVersion});
        else
            command.removeUsers.append({id, FirstVersion});
    }
    return command;
}

void rebase(Command& command, const QList<Command::Moved>& moved)
{
    for (const Command::Moved& move : moved) {
        const auto rename = [&move](EntityKind kind, qint64 id, qint64& version, qint64& previous) {
            if (kind != move.kind || id != move.id)
                return;
            if (version == move.from)
                version = move.to;
            if (previous == move.from)
                previous = move.to;
        };
        for (Command::LotFields& part : command.lots)
            rename(EntityKind::Item, part.itemId, part.version, part.previous);
        for (Command::BidderFields& part : command.bidders)
            rename(EntityKind::User, part.userId, part.version, part.previous);
        if (command.settings)
            rename(EntityKind::Settings, 1, command.settings->version, command.settings->previous);
        if (command.purchase)
            rename(EntityKind::Item, command.purchase->itemId, command.purchase->version,
                   command.purchase->previous);
        if (command.purchaseUndone)
            rename(EntityKind::Item, command.purchaseUndone->itemId,
                   command.purchaseUndone->version, command.purchaseUndone->previous);
        qint64 none = 0;
        for (Command::Row& row : command.removeItems)
            rename(EntityKind::Item, row.id, row.version, none);
        for (Command::Row& row : command.removeUsers)
            rename(EntityKind::User, row.id, row.version, none);
        for (Item& item : command.restoreItems)
            rename(EntityKind::Item, item.id, item.version, none);
        for (User& user : command.restoreUsers)
            rename(EntityKind::User, user.id, user.version, none);
    }
}

Result<Command> AuctionService::apply(const Command& command)
{
    for (const Permission permission : commandPermissions(command)) {
        if (auto allowed = allow(permission); !allowed)
            return fail(allowed.error());
    }
    return writeTransaction([&]() -> Result<Command> {
        auto inverse = CommandRunner(*this).run(command);
        if (inverse)
            for (AuditNote& note : commandAudit(command, *inverse))
                audit(std::move(note));
        return inverse;
    });
}

CommandRunner::CommandRunner(AuctionService& service)
    : m_service(service), m_storage(service.m_storage)
{
}

Result<Command> CommandRunner::run(const Command& c)
{
    const auto each = [](const auto& list, auto step) -> Result<void> {
        for (const auto& part : list)
            if (auto ok = step(part); !ok)
                return ok;
        return {};
    };
    using Step = std::function<Result<void>()>;
    const QList<Step> steps{
        [&] { return each(c.restoreItems, [&](const Item& i) { return putBackItem(i); }); },
        [&] { return each(c.restoreUsers, [&](const User& u) { return putBackUser(u); }); },
        [&] { return each(c.restoreBids, [&](const Bid& b) { return putBackBid(b); }); },
        [&] {
            return each(c.restoreRaises, [&](const MaximumRaise& r) { return putBackRaise(r); });
        },
        [&] { return c.settings ? setSettings(*c.settings) : Result<void>(); },
        [&] { return c.closeAllOpen ? closeAllOpenNow() : Result<void>(); },
        [&] { return c.purchase ? buy(*c.purchase) : Result<void>(); },
        [&] { return c.purchaseUndone ? unbuy(*c.purchaseUndone) : Result<void>(); },
        [&] { return each(c.lots, [&](const Command::LotFields& p) { return setLot(p); }); },
        [&] {
            return each(c.bidders, [&](const Command::BidderFields& p) { return setBidder(p); });
        },
        [&] { return each(c.removeBids, [&](qint64 id) { return takeOutBid(id); }); },
        [&] { return each(c.removeRaises, [&](qint64 id) { return takeOutRaise(id); }); },
        [&] { return each(c.removeItems, [&](const Command::Row& r) { return takeOutItem(r); }); },
        [&] { return each(c.removeUsers, [&](const Command::Row& r) { return takeOutUser(r); }); },
    };
    for (const Step& step : steps)
        if (auto ok = step(); !ok)
            return fail(ok.error());
    return m_inverse;
}

Result<Item> CommandRunner::lotAt(qint64 itemId, qint64 version)
{
    auto found = m_storage.findItem(itemId, Storage::Lock::ForUpdate);
    if (!found)
        return fail(found.error());
    if (!*found)
        return fail(missing(EntityKind::Item, itemId, version));
    if (version != 0 && (*found)->version != version)
        return fail(staleLot(**found));
    return **found;
}

void CommandRunner::moved(EntityKind kind, qint64 id, qint64 previous, qint64 now)
{
    if (previous != 0 && previous != now)
        m_inverse.moved.append({kind, id, previous, now});
}

Result<qint64> CommandRunner::versionOf(qint64 itemId)
{
    auto found = m_storage.findItem(itemId);
    if (!found)
        return fail(found.error());
    return *found ? (*found)->version : 0;
}

Result<void> CommandRunner::setSettings(const Command::SettingsFields& part)
{
    auto version = m_storage.readSettingsVersion();
    if (!version)
        return fail(version.error());
    if (part.version != 0 && version->version != part.version)
        return fail(staleRefusal(EntityKind::Settings, 1, version->version, version->changedAt,
                                 QStringLiteral("changed")));
    auto current = m_storage.readSettings();
    if (!current)
        return fail(current.error());
    auto checked = checkSettings(withChanged(*current, part.from, part.to));
    if (!checked)
        return fail(checked.error());
    if (auto ok = m_storage.writeSettings(*checked); !ok)
        return ok;
    auto after = m_storage.readSettingsVersion();
    if (!after)
        return fail(after.error());
    m_service.record(EntityKind::Settings, Change::Action::Updated, 1);
    m_inverse.settings =
        Command::SettingsFields{after->version, *checked, *current, false, version->version};
    moved(EntityKind::Settings, 1, part.previous, after->version);
    // A close-all time already come closes the open lots now, as the lot closer would a
    // moment later, so that undoing the change reopens exactly these.
    const QString closeAllAt = normalizedUtc(checked->closeAllAt);
    if (part.closeDueLots && !closeAllAt.isEmpty() && closeAllAt <= utcTimestampNow())
        return closeOpenLots(closeAllAt);
    return {};
}

Result<void> CommandRunner::closeAllOpenNow()
{
    // The locks first, the time after (RULES.md 3): a bid that held a lot's lock has committed
    // before the close reads the time, so none is placed after closed_at.
    if (auto locked = m_storage.lockOpenItems(); !locked)
        return fail(locked.error());
    return closeOpenLots(utcTimestampNow());
}

Result<void> CommandRunner::closeOpenLots(const QString& closedAt)
{
    auto closed = m_storage.closeOpenItems(closedAt);
    if (!closed)
        return fail(closed.error());
    auto locked = m_storage.lockItems(*closed);
    if (!locked)
        return fail(locked.error());
    for (const qint64 id : std::as_const(*closed)) {
        m_service.record(EntityKind::Item, Change::Action::Updated, id);
        ItemChanges reopen;
        reopen.status = ItemStatus::Open;
        // Closing changed the status, so the version grew by one (schema v5).
        const qint64 version = locked->value(id).version;
        m_inverse.lots.append({id, version, reopen, version - 1});
    }
    return {};
}

Result<void> CommandRunner::buy(const Command::Purchase& part)
{
    auto lot = lotAt(part.itemId, part.version);
    if (!lot)
        return fail(lot.error());
    auto bid = m_service.buyNowLocked(part.itemId, part.userId);
    if (!bid)
        return fail(bid.error());
    auto version = versionOf(part.itemId);
    if (!version)
        return fail(version.error());
    m_inverse.purchaseUndone =
        Command::PurchaseUndone{part.itemId, part.userId, bid->id, *version, lot->version};
    moved(EntityKind::Item, part.itemId, part.previous, *version);
    return {};
}

Result<void> CommandRunner::unbuy(const Command::PurchaseUndone& part)
{
    auto lot = lotAt(part.itemId, part.version);
    if (!lot)
        return fail(lot.error());
    if (lot->winningBidId != part.bidId)
        return fail(staleLot(*lot));
    // The lot reopens and the purchase goes; its bids decide it again (RULES.md 2).
    Item reopened = *lot;
    ItemChanges open;
    open.status = ItemStatus::Open;
    if (auto ok = applyItemChanges(reopened, open); !ok)
        return ok;
    if (auto ok = m_storage.updateItem(reopened); !ok)
        return ok;
    m_service.record(EntityKind::Item, Change::Action::Updated, part.itemId);
    auto settings = m_storage.readSettings();
    if (!settings)
        return fail(settings.error());
    if (auto ok = m_service.reworkLot(reopened, part.bidId, true, *settings); !ok)
        return ok;
    auto version = versionOf(part.itemId);
    if (!version)
        return fail(version.error());
    m_inverse.purchase = Command::Purchase{part.itemId, part.userId, *version, lot->version};
    moved(EntityKind::Item, part.itemId, part.previous, *version);
    return {};
}

Result<void> CommandRunner::setLot(const Command::LotFields& part)
{
    auto lot = lotAt(part.itemId, part.version);
    if (!lot)
        return fail(lot.error());
    Item changed = *lot;
    if (auto ok = applyItemChanges(changed, part.to); !ok)
        return ok;
    if (auto ok = m_storage.updateItem(changed); !ok)
        return ok;
    auto version = versionOf(part.itemId);
    if (!version)
        return fail(version.error());
    m_service.record(EntityKind::Item, Change::Action::Updated, part.itemId);
    m_inverse.lots.append({part.itemId, *version, valuesOf(*lot, part.to), lot->version});
    moved(EntityKind::Item, part.itemId, part.previous, *version);
    return {};
}

Result<void> CommandRunner::setBidder(const Command::BidderFields& part)
{
    if (auto ok = m_storage.lockUser(part.userId); !ok)
        return ok;
    auto found = m_storage.findUser(part.userId);
    if (!found)
        return fail(found.error());
    if (!*found)
        return fail(missing(EntityKind::User, part.userId, part.version));
    const User& user = **found;
    if (part.version != 0 && user.version != part.version)
        return fail(staleRefusal(EntityKind::User, user.id, user.version, user.changedAt,
                                 QStringLiteral("changed")));
    User changed = user;
    if (auto ok = applyUserChanges(changed, part.to); !ok)
        return ok;
    if (changed.number != user.number)
        if (auto free = requireFreeNumber(m_storage, changed.number, user.id); !free)
            return free;
    if (part.checkedInAt)
        changed.checkedInAt = *part.checkedInAt;
    if (auto ok = m_storage.updateUser(changed); !ok)
        return fail(ok.error());
    auto after = m_storage.findUser(user.id);
    if (!after)
        return fail(after.error());
    m_service.record(EntityKind::User, Change::Action::Updated, user.id);
    const qint64 now = *after ? (**after).version : 0;
    Command::BidderFields back{user.id, now, valuesOf(user, part.to), std::nullopt, user.version};
    if (part.checkedInAt)
        back.checkedInAt = user.checkedInAt;
    m_inverse.bidders.append(back);
    moved(EntityKind::User, user.id, part.previous, now);
    return {};
}

} // namespace BidTracker::Model
