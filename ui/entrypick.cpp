#include "entrypick.h"

#include "model/auctionservice.h"
#include "model/tables/tablesupport.h"

#include <QObject>

namespace BidTracker::Gui {

namespace {

constexpr int ShownMatches = 6;

/// The pick among `found`: the only one (a paddle, an id or a lot number always finds one).
template <typename Record, typename Label>
EntryPick pickAmong(const QList<Record>& found, Label label, const QString& text,
                    const QString& none, const QString& many)
{
    EntryPick pick;
    for (qsizetype i = 0; i < found.size() && i < ShownMatches; ++i)
        pick.matches.append(label(found[i]));
    if (found.size() == 1) {
        pick.id = found.first().id;
        pick.label = label(found.first());
    } else if (found.isEmpty()) {
        pick.problem = none.arg(text);
    } else {
        pick.problem =
            many.arg(found.size() > ShownMatches ? QStringLiteral("%1+").arg(ShownMatches)
                                                 : QString::number(found.size()),
                     text);
    }
    return pick;
}

} // namespace

QString lotLabel(qint64 itemId, const QString& name)
{
    return QStringLiteral("%1 · %2").arg(Model::formatId(Model::EntityKind::Item, itemId), name);
}

QString bidderLabel(const QString& name, qint64 number)
{
    return Model::displayBidder(name, number);
}

EntryPick pickLot(Model::AuctionService& service, const QString& text)
{
    const QString typed = text.trimmed();
    if (typed.isEmpty())
        return {0, {}, QObject::tr("Type a lot: its number, id or name."), {}};
    const auto found = service.findLots(typed, ShownMatches + 1, /*openOnly=*/true);
    if (!found)
        return {0,
                {},
                found.error().message,
                {},
                found.error().code == Model::Error::Code::Unavailable};
    const auto label = [](const Model::Item& item) { return lotLabel(item.id, item.name); };
    return pickAmong(*found, label, typed, QObject::tr("No open lot matches “%1”."),
                     QObject::tr("%1 open lots match “%2”: type more of the name, or the lot "
                                 "number."));
}

EntryPick pickBidder(Model::AuctionService& service, const QString& text)
{
    const QString typed = text.trimmed();
    if (typed.isEmpty())
        return {0, {}, QObject::tr("Type a bidder: their paddle number, id or name."), {}};
    // Where a bid or a payment is recorded: a number is a paddle and only that.
    const auto found = service.findBidders(typed, ShownMatches + 1,
                                           Model::AuctionService::BidderLookup::Recording);
    if (!found)
        return {0,
                {},
                found.error().message,
                {},
                found.error().code == Model::Error::Code::Unavailable};
    const auto label = [](const Model::User& user) { return bidderLabel(user.name, user.number); };
    return pickAmong(*found, label, typed, QObject::tr("No bidder matches “%1”."),
                     QObject::tr("%1 bidders match “%2”: type more of the name, or the paddle "
                                 "number."));
}

namespace {

/// The rows whose id (`kind`N or a bare number that `number` reads) or name matches `typed`.
template <typename Record, typename Number>
QList<Record> matchingRows(const QList<Record>& rows, const QString& typed, Model::EntityKind kind,
                           Number number)
{
    bool isNumber = false;
    const qint64 wanted = typed.toLongLong(&isNumber);
    const auto id = Model::parseId(kind, typed);
    QList<Record> found;
    for (const Record& row : rows) {
        const bool matches = isNumber ? number(row) == wanted
                             : id     ? row.id == *id
                                      : row.name.contains(typed, Qt::CaseInsensitive);
        if (matches)
            found.append(row);
    }
    return found;
}

} // namespace

EntryPick pickLotFrom(const QList<Model::Item>& lots, const QString& text)
{
    const QString typed = text.trimmed();
    QList<Model::Item> open;
    for (const Model::Item& item : lots) {
        if (item.status != Model::ItemStatus::Closed)
            open.append(item);
    }
    const auto found = matchingRows(open, typed, Model::EntityKind::Item,
                                    [](const Model::Item& item) { return item.id; });
    const auto label = [](const Model::Item& item) { return lotLabel(item.id, item.name); };
    return pickAmong(found, label, typed, QObject::tr("No open lot matches “%1”."),
                     QObject::tr("%1 open lots match “%2”: type more of the name, or the lot "
                                 "number."));
}

EntryPick pickBidderFrom(const QList<Model::User>& bidders, const QString& text)
{
    const QString typed = text.trimmed();
    const auto found = matchingRows(bidders, typed, Model::EntityKind::User,
                                    [](const Model::User& user) { return user.number; });
    const auto label = [](const Model::User& user) { return bidderLabel(user.name, user.number); };
    return pickAmong(found, label, typed, QObject::tr("No bidder matches “%1”."),
                     QObject::tr("%1 bidders match “%2”: type more of the name, or the paddle "
                                 "number."));
}

} // namespace BidTracker::Gui
