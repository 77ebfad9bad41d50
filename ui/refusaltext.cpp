#include "refusaltext.h"

#include "model/auctionservice.h"
#include "model/tables/tablesupport.h"

#include <QCoreApplication>

namespace BidTracker::Gui {

namespace {

QString tr(const char* text, int n = -1)
{
    return QCoreApplication::translate("Refusal", text, nullptr, n);
}

std::optional<Model::Money> moneyOf(const QVariant& fact)
{
    if (fact.metaType() != QMetaType::fromType<Model::Money>())
        return std::nullopt;
    return fact.value<Model::Money>();
}

/// "lot item2 “Clock”", or "lot item2" when it cannot be read.
QString lotWords(const QString& id, Model::AuctionService& service)
{
    const auto number = Model::parseId(Model::EntityKind::Item, id);
    const auto item = number ? service.item(*number) : Model::Result<Model::Item>();
    return item ? tr("lot %1 “%2”").arg(id, item->name) : tr("lot %1").arg(id);
}

QString belowMinimum(const Model::Error& error, const QString& lot, Model::AuctionService& service)
{
    const auto value = moneyOf(error.facts.value(QStringLiteral("value")));
    const auto minimum = moneyOf(error.facts.value(QStringLiteral("minimum")));
    const auto winning = moneyOf(error.facts.value(QStringLiteral("winning_value")));
    if (!value || !minimum)
        return error.message;
    if (!winning)
        return tr("%1 is too low for %2: it has no bids yet and starts at %3.")
            .arg(Model::displayMoney(*value), lot, Model::displayMoney(*minimum));
    const auto number = Model::parseId(Model::EntityKind::Item,
                                       error.facts.value(QStringLiteral("item")).toString());
    const auto item = number ? service.item(*number) : Model::Result<Model::Item>();
    const QString leader = item && !item->winnerName.isEmpty() ? item->winnerName : QString();
    if (leader.isEmpty())
        return tr("%1 is too low for %2: the leading bid is %3, so the lowest acceptable bid "
                  "is %4.")
            .arg(Model::displayMoney(*value), lot, Model::displayMoney(*winning),
                 Model::displayMoney(*minimum));
    return tr("%1 is too low for %2: the leading bid is %3 by %4, so the lowest acceptable bid "
              "is %5.")
        .arg(Model::displayMoney(*value), lot, Model::displayMoney(*winning), leader,
             Model::displayMoney(*minimum));
}

} // namespace

QString refusalText(const Model::Error& error, Model::AuctionService& service)
{
    using Reason = Model::Error::Reason;
    const QString item = error.facts.value(QStringLiteral("item")).toString();
    const QString user = error.facts.value(QStringLiteral("user")).toString();
    switch (error.reason) {
    case Reason::UnknownItem:
        return tr("There is no lot %1.").arg(item);
    case Reason::UnknownUser:
        return tr("There is no bidder %1.").arg(user);
    case Reason::ItemClosed: {
        const QString closedAt = error.facts.value(QStringLiteral("closed_at")).toString();
        const QString lot = lotWords(item, service);
        if (closedAt.isEmpty())
            return tr("The %1 is closed: it takes no more bids.").arg(lot);
        return tr("The %1 closed at %2: it takes no more bids.")
            .arg(lot, Model::displayTime(closedAt));
    }
    case Reason::BelowMinimum:
        return belowMinimum(error, lotWords(item, service), service);
    case Reason::BuyNowUnavailable: {
        const QString lot = lotWords(item, service);
        const auto buyNow = moneyOf(error.facts.value(QStringLiteral("buy_now")));
        if (!buyNow)
            return tr("The %1 has no buy-now price.").arg(lot);
        const auto price = moneyOf(error.facts.value(QStringLiteral("winning_value")));
        return tr("The %1 can no longer be bought now: its price %2 reached the buy-now price "
                  "%3.")
            .arg(lot, Model::displayMoney(price.value_or(*buyNow)), Model::displayMoney(*buyNow));
    }
    case Reason::HasBids: {
        const int count = error.facts.value(QStringLiteral("bid_count")).toInt();
        if (!item.isEmpty())
            return tr("Lot %1 has %n bid(s) and cannot be deleted. Delete its bids first, or "
                      "close the lot.",
                      count)
                .arg(item);
        return tr("Bidder %1 has %n bid(s) and cannot be deleted.", count).arg(user);
    }
    default:
        return error.message;
    }
}

} // namespace BidTracker::Gui
