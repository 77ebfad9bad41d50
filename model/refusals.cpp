#include "refusals.h"

#include "lotrules.h"

namespace BidTracker::Model {

namespace {

Error::Reason unknownReason(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Item:
        return Error::Reason::UnknownItem;
    case EntityKind::User:
        return Error::Reason::UnknownUser;
    case EntityKind::Bid:
        return Error::Reason::UnknownBid;
    case EntityKind::Payment:
        return Error::Reason::UnknownPayment;
    case EntityKind::Donation:
        return Error::Reason::UnknownDonation;
    case EntityKind::Consignor:
        return Error::Reason::UnknownConsignor;
    case EntityKind::Payout:
        return Error::Reason::UnknownPayout;
    case EntityKind::Settings:
        break;
    }
    return Error::Reason::Unspecified;
}

QString kindWord(EntityKind kind)
{
    QString word = idPrefix(kind).toString();
    if (!word.isEmpty())
        word[0] = word[0].toUpper();
    return word;
}

} // namespace

QString factKey(EntityKind kind)
{
    return idPrefix(kind).toString();
}

Error unknown(EntityKind kind, qint64 id)
{
    Error error = Error::refused(
        unknownReason(kind),
        QStringLiteral("%1 %2 does not exist").arg(kindWord(kind), formatId(kind, id)));
    if (error.reason == Error::Reason::Unspecified)
        error.code = Error::Code::NotFound;
    return std::move(error).with(factKey(kind), formatId(kind, id));
}

QVariant moneyFact(const std::optional<Money>& amount)
{
    return amount ? QVariant::fromValue(*amount) : QVariant();
}

std::optional<Error> closedRefusal(const Item& item, const AuctionSettings& settings,
                                   const QString& now)
{
    const QString closing = closingTime(item, settings);
    QString closedAt;
    bool onTime = true;
    if (item.status == ItemStatus::Closed) {
        closedAt = item.closedAt;
        // Closed by hand before any closing time came: the original's "is closed".
        onTime = !closing.isEmpty() && !closedAt.isEmpty() && closing <= closedAt;
    } else {
        if (closing.isEmpty() || now < closing)
            return std::nullopt;
        closedAt = closing; // the time has come; the lot closer has not been round yet
    }
    const QString lot = formatId(EntityKind::Item, item.id);
    return Error::refused(Error::Reason::ItemClosed,
                          onTime ? QStringLiteral("Item %1 closed at %2").arg(lot, closedAt)
                                 : QStringLiteral("Item %1 is closed").arg(lot))
        .with(QStringLiteral("item"), lot)
        .with(QStringLiteral("closed_at"), closedAt.isEmpty() ? QVariant() : QVariant(closedAt));
}

} // namespace BidTracker::Model
