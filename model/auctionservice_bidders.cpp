// AuctionService: bidders with paddle numbers and contact fields, and check-in (RULES.md 4).
#include "auctionservice.h"
#include "auditfields.h"
#include "refusals.h"

#include "auctionservice_transaction.h"
#include "command.h"
#include "contact.h"
#include "fieldchanges.h"
#include "names.h"
#include "storage/database.h"

#include <QSet>

namespace BidTracker::Model {

/// Applies the fields of `changes` that are set to `user`, checking each: the one place a
/// bidder's fields are validated, for creation, edits and imports alike.
Result<void> applyUserChanges(User& user, const UserChanges& changes)
{
    if (changes.name) {
        auto name = checkName(*changes.name);
        if (!name)
            return fail(name.error());
        user.name = *name;
    }
    if (changes.number) {
        auto number = checkBidderNumber(*changes.number);
        if (!number)
            return fail(number.error());
        user.number = *number;
    }
    if (changes.phone) {
        auto phone = checkPhone(*changes.phone);
        if (!phone)
            return fail(phone.error());
        user.phone = *phone;
    }
    if (changes.email) {
        auto email = checkEmail(*changes.email);
        if (!email)
            return fail(email.error());
        user.email = *email;
    }
    if (changes.taxExempt)
        user.taxExempt = *changes.taxExempt;
    return {};
}

namespace {

Error numberTaken(qint64 number, const User& holder)
{
    return Error::refused(Error::Reason::NumberTaken,
                          QStringLiteral("Bidder number %1 is already %2 (%3)")
                              .arg(number)
                              .arg(holder.name, formatId(EntityKind::User, holder.id)))
        .with(QStringLiteral("number"), number)
        .with(QStringLiteral("user"), formatId(EntityKind::User, holder.id));
}

Error userNotFound(qint64 id)
{
    return unknown(EntityKind::User, id);
}

} // namespace

/// Refuses a paddle number another bidder holds (`self` may keep their own).
Result<void> requireFreeNumber(Storage& storage, qint64 number, qint64 self)
{
    auto holder = storage.findUserByNumber(number);
    if (!holder)
        return fail(holder.error());
    if (*holder && (*holder)->id != self)
        return fail(numberTaken(number, **holder));
    return {};
}

Result<User> AuctionService::createUser(const UserChanges& changes)
{
    if (auto allowed = allow(Permission::EditBidders); !allowed)
        return fail(allowed.error());
    if (!changes.name)
        return fail(Error::invalid(QStringLiteral("Missing required parameter name"),
                                   QStringLiteral("name")));
    User created;
    if (auto ok = applyUserChanges(created, changes); !ok)
        return fail(ok.error());
    return writeTransaction([&]() -> Result<User> {
        if (auto ok = m_storage.lockBidderNumbers(); !ok)
            return fail(ok.error());
        if (created.number != 0)
            if (auto free = requireFreeNumber(m_storage, created.number, 0); !free)
                return fail(free.error());
        User row = created;
        row.createdAt = utcTimestampNow();
        auto id = m_storage.insertUser(row);
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

Result<User> AuctionService::updateUser(qint64 id, const UserChanges& changes,
                                        std::optional<qint64> ifVersion)
{
    if (auto allowed = allow(Permission::EditBidders); !allowed)
        return fail(allowed.error());
    // Refused before any transaction when the fields themselves are wrong.
    User probe;
    if (auto ok = applyUserChanges(probe, changes); !ok)
        return fail(ok.error());
    return writeTransaction([&]() -> Result<User> {
        if (changes.number)
            if (auto ok = m_storage.lockBidderNumbers(); !ok)
                return fail(ok.error());
        if (auto ok = m_storage.lockUser(id); !ok)
            return fail(ok.error());
        auto current = user(id);
        if (!current)
            return current;
        if (ifVersion && current->version != *ifVersion)
            return fail(staleRefusal(EntityKind::User, id, current->version, current->changedAt,
                                     QStringLiteral("changed")));
        User changed = *current;
        if (auto ok = applyUserChanges(changed, changes); !ok)
            return fail(ok.error());
        if (changed.number != current->number)
            if (auto free = requireFreeNumber(m_storage, changed.number, id); !free)
                return fail(free.error());
        auto found = m_storage.updateUser(changed);
        if (!found)
            return fail(found.error());
        if (!*found)
            return fail(userNotFound(id));
        record(EntityKind::User, Change::Action::Updated, id);
        audit(auditChange(QStringLiteral("user.update"), formatId(EntityKind::User, id),
                          auditFields(*current), auditFields(changed)));
        return user(id); // with the version the change left
    });
}

Result<std::optional<User>> AuctionService::userByNumber(qint64 number)
{
    return m_storage.findUserByNumber(number);
}

Result<User> AuctionService::checkIn(qint64 id)
{
    if (auto allowed = allow(Permission::EditBidders); !allowed)
        return fail(allowed.error());
    return writeTransaction([&]() -> Result<User> {
        if (auto ok = m_storage.lockUser(id); !ok)
            return fail(ok.error());
        auto current = user(id);
        if (!current)
            return current;
        User changed = *current;
        changed.checkedInAt = utcTimestampNow();
        if (auto ok = m_storage.updateUser(changed); !ok)
            return fail(ok.error());
        record(EntityKind::User, Change::Action::Updated, id);
        audit(auditChange(QStringLiteral("user.check_in"), formatId(EntityKind::User, id),
                          auditFields(*current), auditFields(changed)));
        return changed;
    });
}

namespace {

/// Each user of the import checked as createUser() checks it, without keeping any: the
/// paddle numbers the rows ask for (the rows without one must pass over them).
Result<QSet<qint64>> checkImportedUsers(const ImportRows<UserChanges>& rows)
{
    if (auto ok = rows.rewind(); !ok)
        return fail(ok.error());
    QSet<qint64> numbers;
    qint64 index = 0;
    for (;;) {
        auto chunk = rows.next();
        if (!chunk)
            return fail(chunk.error());
        if (chunk->isEmpty())
            return numbers;
        for (const UserChanges& changes : std::as_const(*chunk)) {
            ++index;
            if (!changes.name)
                return fail(
                    Error::invalid(QStringLiteral("User %1 of the import has no name").arg(index),
                                   QStringLiteral("name")));
            User row;
            if (auto ok = applyUserChanges(row, changes); !ok)
                return fail(ok.error());
            if (row.number != 0 && numbers.contains(row.number))
                return fail(Error::refused(Error::Reason::NumberTaken,
                                           QStringLiteral("Bidder number %1 is given twice in "
                                                          "the import")
                                               .arg(row.number))
                                .with(QStringLiteral("number"), row.number));
            if (row.number != 0)
                numbers.insert(row.number);
        }
    }
}

} // namespace

Result<qint64> AuctionService::importUsers(const QList<UserChanges>& users, QList<qint64>* ids)
{
    return importUsers(importRowsOf(users), ids);
}

Result<qint64> AuctionService::importUsers(const ImportRows<UserChanges>& rows, QList<qint64>* ids)
{
    if (auto allowed = allow(Permission::Administer); !allowed)
        return fail(allowed.error());
    // Checked whole before the transaction, so a bad row refuses the file without a write;
    // read again inside it, a chunk at a time: 100,000 rows are never all held.
    const auto numbers = checkImportedUsers(rows);
    if (!numbers)
        return fail(numbers.error());
    QList<qint64> added;
    auto imported = writeTransaction([&]() -> Result<qint64> {
        added.clear();
        if (auto ok = m_storage.lockBidderNumbers(); !ok)
            return fail(ok.error());
        auto settings = m_storage.readSettings();
        if (!settings)
            return fail(settings.error());
        if (auto ok = rows.rewind(); !ok)
            return fail(ok.error());
        // Rows without a number take the lowest free ones from the first bidder number,
        // passing over the numbers later rows of the file ask for; ids follow the file.
        qint64 candidate = settings->firstBidderNumber;
        const QString now = utcTimestampNow();
        qint64 count = 0;
        for (;;) {
            auto chunk = rows.next();
            if (!chunk)
                return fail(chunk.error());
            if (chunk->isEmpty())
                break;
            for (const UserChanges& changes : std::as_const(*chunk)) {
                User row;
                if (auto ok = applyUserChanges(row, changes); !ok)
                    return fail(ok.error()); // the source changed since it was checked
                auto id = insertImportedUser(row, *numbers, candidate, *settings, now);
                if (!id)
                    return fail(id.error());
                if (ids)
                    added.append(*id);
                ++count;
            }
        }
        record(EntityKind::User, Change::Action::Reset, 0);
        return count;
    });
    if (imported && ids)
        *ids = added;
    return imported;
}

Result<qint64> AuctionService::insertImportedUser(User& row, const QSet<qint64>& asked,
                                                  qint64& candidate,
                                                  const AuctionSettings& settings,
                                                  const QString& now)
{
    if (row.number != 0) {
        if (auto free = requireFreeNumber(m_storage, row.number, 0); !free)
            return fail(free.error());
    } else {
        for (;; ++candidate) {
            if (candidate > MaxBidderNumber)
                return fail(Error::refused(Error::Reason::NumberTaken,
                                           QStringLiteral("User %1 of the import gets no paddle "
                                                          "number: every number from %2 to %3 "
                                                          "is taken")
                                               .arg(row.name)
                                               .arg(settings.firstBidderNumber)
                                               .arg(MaxBidderNumber))
                                .with(QStringLiteral("from"), settings.firstBidderNumber)
                                .with(QStringLiteral("to"), MaxBidderNumber));
            if (asked.contains(candidate))
                continue;
            auto holder = m_storage.findUserByNumber(candidate);
            if (!holder)
                return fail(holder.error());
            if (!*holder)
                break;
        }
        row.number = candidate++;
    }
    row.createdAt = now;
    return m_storage.insertUser(row);
}

} // namespace BidTracker::Model
