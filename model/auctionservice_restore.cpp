// AuctionService: rows put back under their old ids and taken out again (the window's undo
// of an addition, a deletion or an import), as parts of a command (commandrunner.h).
#include "auctionservice.h"
#include "refusals.h"

#include "auctionservice_transaction.h"
#include "commandrunner.h"
#include "names.h"
#include "storage/database.h"

namespace BidTracker::Model {

namespace {

Error taken(EntityKind kind, qint64 id)
{
    return Error::refused(Error::Reason::IdTaken,
                          QStringLiteral("%1 already exists").arg(formatId(kind, id)))
        .with(idPrefix(kind).toString(), formatId(kind, id));
}

Error hasBids(EntityKind kind, qint64 id, qint64 count)
{
    return Error::refused(Error::Reason::HasBids,
                          QStringLiteral("%1 has %2 bid(s) since; nothing changed")
                              .arg(formatId(kind, id))
                              .arg(count))
        .with(idPrefix(kind).toString(), formatId(kind, id))
        .with(QStringLiteral("bid_count"), count);
}

} // namespace

Result<User> AuctionService::restoreUser(const User& user)
{
    if (auto allowed = allow(Permission::EditBidders); !allowed)
        return fail(allowed.error());
    Command command;
    command.restoreUsers.append(user);
    if (auto done = apply(command); !done)
        return fail(done.error());
    return this->user(user.id);
}

Result<Item> AuctionService::restoreItem(const Item& item)
{
    if (auto allowed = allow(Permission::EditLots); !allowed)
        return fail(allowed.error());
    Command command;
    command.restoreItems.append(item);
    if (auto done = apply(command); !done)
        return fail(done.error());
    return this->item(item.id);
}

Result<Bid> AuctionService::restoreBid(const Bid& bid)
{
    if (auto allowed = allow(Permission::Bidding); !allowed)
        return fail(allowed.error());
    Command command;
    command.restoreBids.append(bid);
    if (auto done = apply(command); !done)
        return fail(done.error());
    return this->bid(bid.id);
}

Result<void> CommandRunner::putBackUser(const User& user)
{
    auto name = checkName(user.name);
    if (!name)
        return fail(name.error());
    auto found = m_storage.findUser(user.id);
    if (!found)
        return fail(found.error());
    if (*found)
        return fail(taken(EntityKind::User, user.id));
    User row = user;
    row.name = *name;
    if (row.createdAt.isEmpty())
        row.createdAt = utcTimestampNow();
    // The paddle number comes back too, unless someone took it meanwhile.
    if (row.number != 0) {
        auto holder = m_storage.findUserByNumber(row.number);
        if (!holder)
            return fail(holder.error());
        if (*holder)
            row.number = 0;
    }
    if (auto id = m_storage.insertUser(row); !id)
        return fail(id.error());
    m_service.record(EntityKind::User, Change::Action::Added, user.id);
    m_inverse.removeUsers.append({user.id, FirstVersion});
    moved(EntityKind::User, user.id, user.version, FirstVersion);
    return {};
}

Result<void> CommandRunner::putBackItem(const Item& item)
{
    auto name = checkName(item.name);
    if (!name)
        return fail(name.error());
    auto found = m_storage.findItem(item.id);
    if (!found)
        return fail(found.error());
    if (*found)
        return fail(taken(EntityKind::Item, item.id));
    Item row = item;
    row.name = *name;
    if (row.createdAt.isEmpty())
        row.createdAt = utcTimestampNow();
    if (auto id = m_storage.insertItem(row); !id)
        return fail(id.error());
    m_service.record(EntityKind::Item, Change::Action::Added, item.id);
    m_inverse.removeItems.append({item.id, FirstVersion});
    moved(EntityKind::Item, item.id, item.version, FirstVersion);
    return {};
}

Result<void> CommandRunner::putBackBid(const Bid& bid)
{
    auto found = m_storage.findBid(bid.id);
    if (!found)
        return fail(found.error());
    if (*found)
        return fail(taken(EntityKind::Bid, bid.id));
    if (auto ok = m_service.requireUser(bid.userId); !ok)
        return fail(ok.error());
    auto target = m_service.requireItem(bid.itemId, true);
    if (!target)
        return fail(target.error());
    if (bid.automatic)
        return fail(Error::refused(Error::Reason::AutoBid,
                                   QStringLiteral("Bid %1 was placed by the auction for a "
                                                  "maximum: the rules place such bids again by "
                                                  "themselves")
                                       .arg(formatId(EntityKind::Bid, bid.id)))
                        .with(QStringLiteral("bid"), formatId(EntityKind::Bid, bid.id)));
    if (auto id = m_storage.insertBid(bid); !id)
        return fail(id.error());
    if (auto name = m_storage.addToUserBidCount(bid.userId, 1); !name)
        return fail(name.error());
    if (auto ok = m_storage.setItemWinner(bid.itemId, target->winningBidId, 1); !ok)
        return ok;
    // The lot is worked out again from the bid on, as if it had never been deleted.
    auto settings = m_storage.readSettings();
    if (!settings)
        return fail(settings.error());
    if (auto ok = m_service.reworkLot(*target, bid.id, false, *settings); !ok)
        return ok;
    m_service.record(EntityKind::Bid, Change::Action::Added, bid.id, bid.itemId, bid.userId);
    m_inverse.removeBids.append(bid.id);
    return {};
}

Result<void> CommandRunner::takeOutBid(qint64 bidId)
{
    auto found = m_storage.findBid(bidId);
    if (!found)
        return fail(found.error());
    if (!*found)
        return fail(missing(EntityKind::Bid, bidId, 1));
    const Bid bid = **found;
    auto lot = m_service.requireItem(bid.itemId, true);
    if (!lot)
        return fail(lot.error());
    if (bid.automatic)
        return fail(Error::refused(Error::Reason::AutoBid,
                                   QStringLiteral("Bid %1 was placed by the auction for a "
                                                  "maximum: delete the bid that carried the "
                                                  "maximum instead")
                                       .arg(formatId(EntityKind::Bid, bidId)))
                        .with(QStringLiteral("bid"), formatId(EntityKind::Bid, bidId)));
    auto settings = m_storage.readSettings();
    if (!settings)
        return fail(settings.error());
    // The automatic bids made for others after it go with it (reworkLot).
    if (auto ok = m_service.reworkLot(*lot, bidId, true, *settings); !ok)
        return ok;
    m_inverse.restoreBids.append(bid);
    return {};
}

Result<std::optional<MaximumRaise>> CommandRunner::findRaise(qint64 raiseId)
{
    auto rows = m_storage.maximumsFrom(raiseId, 1);
    if (!rows)
        return fail(rows.error());
    if (rows->isEmpty() || rows->constFirst().id != raiseId)
        return std::optional<MaximumRaise>();
    return std::optional<MaximumRaise>(rows->constFirst());
}

Result<void> CommandRunner::putBackRaise(const MaximumRaise& raise)
{
    auto lot = m_service.requireItem(raise.itemId, true);
    if (!lot)
        return fail(lot.error());
    auto found = findRaise(raise.id);
    if (!found)
        return fail(found.error());
    if (*found)
        return fail(
            Error::refused(Error::Reason::IdTaken,
                           QStringLiteral("The raise %1 is on record already").arg(raise.id)));
    if (auto id = m_storage.insertMaximumAsIs(raise); !id)
        return fail(id.error());
    auto settings = m_storage.readSettings();
    if (!settings)
        return fail(settings.error());
    if (auto ok = m_service.reworkLot(*lot, 0, false, *settings); !ok)
        return ok;
    m_service.record(EntityKind::Item, Change::Action::Updated, raise.itemId);
    m_inverse.removeRaises.append(raise.id);
    return {};
}

Result<void> CommandRunner::takeOutRaise(qint64 raiseId)
{
    auto found = findRaise(raiseId);
    if (!found)
        return fail(found.error());
    if (!*found)
        return fail(Error::refused(Error::Reason::Stale,
                                   QStringLiteral("The raised maximum was taken out since; "
                                                  "nothing changed"))
                        .with(QStringLiteral("change"), QStringLiteral("deleted")));
    const MaximumRaise raise = **found;
    auto lot = m_service.requireItem(raise.itemId, true);
    if (!lot)
        return fail(lot.error());
    if (auto ok = m_storage.deleteMaximum(raiseId); !ok)
        return ok;
    // The lot is decided again without the raise (an automatic bid it made goes too).
    auto settings = m_storage.readSettings();
    if (!settings)
        return fail(settings.error());
    if (auto ok = m_service.reworkLot(*lot, 0, false, *settings); !ok)
        return ok;
    m_service.record(EntityKind::Item, Change::Action::Updated, raise.itemId);
    m_inverse.restoreRaises.append(raise);
    return {};
}

Result<void> CommandRunner::takeOutItem(const Command::Row& row)
{
    auto lot = lotAt(row.id, row.version);
    if (!lot)
        return fail(lot.error());
    if (lot->bidCount > 0)
        return fail(hasBids(EntityKind::Item, row.id, lot->bidCount));
    if (auto ok = m_storage.deleteItem(row.id); !ok)
        return ok;
    m_service.record(EntityKind::Item, Change::Action::Removed, row.id);
    m_inverse.restoreItems.append(*lot);
    return {};
}

Result<void> CommandRunner::takeOutUser(const Command::Row& row)
{
    if (auto ok = m_storage.lockUser(row.id); !ok)
        return ok;
    auto found = m_storage.findUser(row.id);
    if (!found)
        return fail(found.error());
    if (!*found)
        return fail(missing(EntityKind::User, row.id, row.version));
    const User user = **found;
    if (row.version != 0 && user.version != row.version)
        return fail(staleRefusal(EntityKind::User, user.id, user.version, user.changedAt,
                                 QStringLiteral("changed")));
    if (user.bidCount > 0)
        return fail(hasBids(EntityKind::User, row.id, user.bidCount));
    // Money taken or given stays on record with its bidder (as deleteUser() rules).
    auto payments = m_storage.paymentsOfUser(row.id);
    if (!payments)
        return fail(payments.error());
    auto donations = m_storage.donationsOfUser(row.id);
    if (!donations)
        return fail(donations.error());
    if (!payments->isEmpty() || !donations->isEmpty())
        return fail(Error::refused(Error::Reason::HasPayments,
                                   QStringLiteral("%1 has payments or donations since; nothing "
                                                  "changed")
                                       .arg(formatId(EntityKind::User, row.id)))
                        .with(QStringLiteral("user"), formatId(EntityKind::User, row.id)));
    if (auto ok = m_storage.deleteUser(row.id); !ok)
        return ok;
    m_service.record(EntityKind::User, Change::Action::Removed, row.id);
    m_inverse.restoreUsers.append(user);
    return {};
}

} // namespace BidTracker::Model
