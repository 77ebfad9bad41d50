#include "entrypick.h"

#include "model/auctionservice.h"

#include <QObject>

namespace BidTracker::Gui {

namespace {

constexpr int ShownMatches = 6;

/// The pick among `found`: the one whose id the text is, else the only one.
template <typename Record, typename Label>
EntryPick pickAmong(const QList<Record>& found, qint64 typedId, Label label, const QString& text,
                    const QString& none, const QString& many)
{
    EntryPick pick;
    for (qsizetype i = 0; i < found.size() && i < ShownMatches; ++i)
        pick.matches.append(label(found[i]));
    const bool exactId = !found.isEmpty() && found.first().id == typedId;
    if (found.size() == 1 || exactId) {
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

/// The id a bare number or a full id stands for, as the service's lookup reads it.
qint64 typedNumber(Model::EntityKind kind, const QString& text)
{
    if (const auto id = Model::parseId(kind, text))
        return *id;
    bool ok = false;
    const qint64 number = text.toLongLong(&ok);
    return ok ? number : 0;
}

} // namespace

QString lotLabel(qint64 itemId, const QString& name)
{
    return QStringLiteral("%1 · %2").arg(Model::formatId(Model::EntityKind::Item, itemId), name);
}

QString bidderLabel(qint64 userId, const QString& name)
{
    return QStringLiteral("%1 (%2)").arg(name, Model::formatId(Model::EntityKind::User, userId));
}

EntryPick pickLot(Model::AuctionService& service, const QString& text)
{
    const QString typed = text.trimmed();
    if (typed.isEmpty())
        return {0, {}, QObject::tr("Type a lot: its number, id or name."), {}};
    const auto found = service.findLots(typed, ShownMatches + 1, /*openOnly=*/true);
    if (!found)
        return {0, {}, found.error().message, {}};
    const auto label = [](const Model::Item& item) { return lotLabel(item.id, item.name); };
    return pickAmong(*found, typedNumber(Model::EntityKind::Item, typed), label, typed,
                     QObject::tr("No open lot matches “%1”."),
                     QObject::tr("%1 open lots match “%2”: type more of the name, or the lot "
                                 "number."));
}

EntryPick pickBidder(Model::AuctionService& service, const QString& text)
{
    const QString typed = text.trimmed();
    if (typed.isEmpty())
        return {0, {}, QObject::tr("Type a bidder: their number, id or name."), {}};
    const auto found = service.findBidders(typed, ShownMatches + 1);
    if (!found)
        return {0, {}, found.error().message, {}};
    const auto label = [](const Model::User& user) { return bidderLabel(user.id, user.name); };
    return pickAmong(*found, typedNumber(Model::EntityKind::User, typed), label, typed,
                     QObject::tr("No bidder matches “%1”."),
                     QObject::tr("%1 bidders match “%2”: type more of the name, or the bidder "
                                 "number."));
}

} // namespace BidTracker::Gui
