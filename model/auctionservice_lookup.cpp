// AuctionService: finding lots and bidders from what a clerk types.
#include "auctionservice.h"

#include "lotrules.h"
#include "rules/lotview.h"
#include "storage/database.h"

#include <QRegularExpression>
#include <QSet>

namespace BidTracker::Model {

namespace {

/// The whole text as a positive number ("105"), else 0: digits only, no sign, no spaces.
qint64 typedNumber(const QString& text)
{
    if (text.isEmpty() || !text.front().isDigit())
        return 0;
    bool ok = false;
    const qint64 number = text.toLongLong(&ok);
    return ok && number > 0 ? number : 0;
}

/// Why a closed lot takes no bid, with what became of it: "sold to paddle 107 at 240.00".
QString closedOutcome(const Item& item)
{
    switch (outcomeOf(item)) {
    case LotOutcome::Sold:
        return item.winnerNumber > 0 ? QStringLiteral("sold to paddle %1 at %2")
                                           .arg(item.winnerNumber)
                                           .arg(item.winningValue.value_or(Money()).toString())
                                     : QStringLiteral("sold at %1")
                                           .arg(item.winningValue.value_or(Money()).toString());
    case LotOutcome::Unsold:
        return QStringLiteral("unsold: the reserve was not met");
    case LotOutcome::NoBids:
    case LotOutcome::Pending:
        break;
    }
    return QStringLiteral("no bids");
}

} // namespace

Result<QList<Item>> AuctionService::findLots(const QString& text, int limit, bool openOnly)
{
    const QString typed = text.trimmed();
    if (typed.isEmpty() || limit <= 0)
        return QList<Item>();
    // A lot number or id means that lot: never another whose name holds the digits.
    const qint64 number = typedNumber(typed);
    const qint64 id = number > 0 ? number : parseId(EntityKind::Item, typed).value_or(0);
    if (id == 0)
        return m_storage.findItems(0, typed, openOnly, limit);
    auto lot = item(id);
    if (!lot) {
        if (lot.error().code != Error::Code::NotFound)
            return fail(lot.error());
        return fail(Error::refused(Error::Reason::UnknownItem, QStringLiteral("No lot %1").arg(id))
                        .with(QStringLiteral("item"), formatId(EntityKind::Item, id)));
    }
    if (openOnly && lot->status == ItemStatus::Closed)
        return fail(
            Error::refused(Error::Reason::ItemClosed,
                           QStringLiteral("Lot %1 is closed (%2)").arg(id).arg(closedOutcome(*lot)))
                .with(QStringLiteral("item"), formatId(EntityKind::Item, id))
                .with(QStringLiteral("closed_at"), lot->closedAt));
    return QList<Item>{*lot};
}

Result<QList<User>> AuctionService::findBidders(const QString& text, int limit, BidderLookup mode)
{
    const QString typed = text.trimmed();
    if (typed.isEmpty() || limit <= 0)
        return QList<User>();
    const bool search = mode == BidderLookup::Search;
    std::optional<User> exact;
    if (const qint64 number = typedNumber(typed)) {
        auto found = userByNumber(number);
        if (!found)
            return fail(found.error());
        if (!*found && !search)
            return fail(Error::refused(Error::Reason::UnknownUser,
                                       QStringLiteral("No paddle %1").arg(number))
                            .with(QStringLiteral("number"), number));
        exact = *found;
    } else if (const auto id = parseId(EntityKind::User, typed)) {
        auto found = user(*id);
        if (!found && (found.error().code != Error::Code::NotFound || !search))
            return fail(found.error());
        if (found)
            exact = *found;
    }
    if (exact && !search)
        return QList<User>{*exact};
    // Names (and in the check-in search, phone numbers and e-mail addresses) holding the text.
    auto found = m_storage.findUsers(0, typed, limit, /*contacts=*/search);
    if (!found || !exact)
        return found;
    QList<User> bidders{*exact};
    for (const User& bidder : std::as_const(*found))
        if (bidder.id != exact->id && bidders.size() < limit)
            bidders.append(bidder);
    return bidders;
}

Result<QList<qint64>> AuctionService::biddersByPaddles(const QString& text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    static const QRegularExpression range(QStringLiteral("^(\\d+)-(\\d+)$"));
    auto everyone = users();
    if (!everyone)
        return fail(everyone.error());
    QMap<qint64, qint64> byNumber; // paddle -> id, in paddle order
    for (const User& bidder : std::as_const(everyone->rows))
        byNumber.insert(bidder.number, bidder.id);
    QList<qint64> ids;
    QSet<qint64> seen;
    const auto add = [&](qint64 id) {
        if (!seen.contains(id)) {
            seen.insert(id);
            ids.append(id);
        }
    };
    for (const QString& entry : text.split(separators, Qt::SkipEmptyParts)) {
        if (const auto match = range.match(entry); match.hasMatch()) {
            const qint64 first = typedNumber(match.captured(1));
            const qint64 last = typedNumber(match.captured(2));
            if (first == 0 || last < first)
                return fail(Error::invalid(
                    QStringLiteral("\"%1\" is not a range of paddle numbers such as 101-125")
                        .arg(entry.left(40))));
            for (auto at = byNumber.cbegin(); at != byNumber.cend(); ++at)
                if (at.key() >= first && at.key() <= last)
                    add(at.value());
            continue;
        }
        auto found = findBidders(entry, 2, BidderLookup::Recording);
        if (!found)
            return fail(found.error());
        if (found->size() != 1 || (typedNumber(entry) == 0 && !parseId(EntityKind::User, entry)))
            return fail(Error::invalid(
                QStringLiteral("\"%1\" is not a paddle number such as 107, a range such as "
                               "101-125, or an id such as user12")
                    .arg(entry.left(40))));
        add(found->first().id);
    }
    return ids;
}

Result<QList<User>> AuctionService::namesakes(qint64 userId)
{
    auto bidder = user(userId);
    if (!bidder)
        return fail(bidder.error());
    const QString name = bidder->name.trimmed();
    // Names starting with it, enough of them to hold every namesake of a big auction.
    auto found = m_storage.findUsers(0, name, 1000, /*contacts=*/false);
    if (!found)
        return fail(found.error());
    QList<User> same;
    for (const User& other : std::as_const(*found))
        if (other.id != userId && other.name.trimmed().compare(name, Qt::CaseInsensitive) == 0)
            same.append(other);
    std::sort(same.begin(), same.end(),
              [](const User& a, const User& b) { return a.number < b.number; });
    return same;
}

} // namespace BidTracker::Model
