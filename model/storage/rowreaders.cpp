#include "rowreaders.h"

#include <QVariant>
#include <algorithm>
#include <limits>

namespace BidTracker::Model::Rows {

namespace {

std::optional<Money> optionalMoney(const QSqlQuery& query, int column)
{
    if (query.isNull(column))
        return std::nullopt;
    return Money::fromCents(query.value(column).toLongLong());
}

} // namespace

const QString itemSelectList = QStringLiteral(
    "SELECT i.id, i.name, i.status, i.starting_price_cents, i.min_increment_cents,"
    " i.created_at, i.bid_count, i.winning_bid_id, w.value_cents, w.user_id, wu.name,"
    " wu.number, i.description, i.donor, i.fair_market_value_cents,"
    " i.reserve_cents, i.buy_now_cents, i.closes_at, i.original_closes_at,"
    " i.closed_at, i.leader_ceiling_cents, i.runner_up_cents, i.version, i.changed_at,"
    " i.consignor_id");

const QString itemSelect =
    itemSelectList + QStringLiteral(" FROM items i LEFT JOIN bids w ON w.id ="
                                    " i.winning_bid_id LEFT JOIN users wu ON"
                                    " wu.id = w.user_id");

Item readItem(const QSqlQuery& query)
{
    Item item;
    item.id = query.value(0).toLongLong();
    item.name = query.value(1).toString();
    item.status = parseStatus(query.value(2).toString()).value_or(ItemStatus::Open);
    item.startingPrice = Money::fromCents(query.value(3).toLongLong());
    item.minIncrement = Money::fromCents(query.value(4).toLongLong());
    item.createdAt = query.value(5).toString();
    item.bidCount = query.value(6).toLongLong();
    if (!query.isNull(7)) {
        item.winningBidId = query.value(7).toLongLong();
        item.winningValue = Money::fromCents(query.value(8).toLongLong());
        item.winnerUserId = query.value(9).toLongLong();
        item.winnerName = query.value(10).toString();
        item.winnerNumber = query.value(11).toLongLong();
    }
    item.description = query.value(12).toString();
    item.donor = query.value(13).toString();
    item.fairMarketValue = optionalMoney(query, 14);
    item.reserve = optionalMoney(query, 15);
    item.buyNow = optionalMoney(query, 16);
    item.closesAt = query.value(17).toString();
    item.originalClosesAt = query.value(18).toString();
    item.closedAt = query.value(19).toString();
    item.leaderCeiling = optionalMoney(query, 20);
    item.runnerUpCeiling = optionalMoney(query, 21);
    item.version = query.value(22).toLongLong();
    item.changedAt = query.value(23).toString();
    if (!query.isNull(24))
        item.consignorId = query.value(24).toLongLong();
    return item;
}

const QString bidSelect = QStringLiteral(
    "SELECT b.id, b.item_id, b.user_id, b.value_cents, b.placed_at, i.name, u.name,"
    " b.max_value_cents, b.auto, u.number"
    " FROM bids b JOIN items i ON i.id = b.item_id JOIN users u ON u.id = b.user_id");

Bid readBid(const QSqlQuery& query)
{
    Bid bid;
    bid.id = query.value(0).toLongLong();
    bid.itemId = query.value(1).toLongLong();
    bid.userId = query.value(2).toLongLong();
    bid.value = Money::fromCents(query.value(3).toLongLong());
    bid.placedAt = query.value(4).toString();
    bid.itemName = query.value(5).toString();
    bid.userName = query.value(6).toString();
    bid.maxValue = optionalMoney(query, 7);
    bid.automatic = query.value(8).toLongLong() != 0;
    bid.userNumber = query.value(9).toLongLong();
    return bid;
}

const QString userSelectList =
    QStringLiteral("SELECT u.id, u.name, u.bid_count, u.created_at, u.number, u.phone, u.email,"
                   " u.tax_exempt, u.checked_in_at, u.version, u.changed_at");

const QString userSelect = userSelectList + QStringLiteral(" FROM users u");

User readUser(const QSqlQuery& query)
{
    User user;
    user.id = query.value(0).toLongLong();
    user.name = query.value(1).toString();
    user.bidCount = query.value(2).toLongLong();
    user.createdAt = query.value(3).toString();
    user.number = query.value(4).toLongLong();
    user.phone = query.value(5).toString();
    user.email = query.value(6).toString();
    user.taxExempt = query.value(7).toLongLong() != 0;
    user.checkedInAt = query.value(8).toString();
    user.version = query.value(9).toLongLong();
    user.changedAt = query.value(10).toString();
    return user;
}

const QString paymentSelect =
    QStringLiteral("SELECT p.id, p.user_id, p.amount_cents, p.method, p.reference, p.paid_at,"
                   " p.voided_at, p.void_reason FROM payments p");

Payment readPayment(const QSqlQuery& query)
{
    Payment payment;
    payment.id = query.value(0).toLongLong();
    payment.userId = query.value(1).toLongLong();
    payment.amount = Money::fromCents(query.value(2).toLongLong());
    payment.method = parsePaymentMethod(query.value(3).toString()).value_or(PaymentMethod::Other);
    payment.reference = query.value(4).toString();
    payment.paidAt = query.value(5).toString();
    payment.voidedAt = query.value(6).toString();
    payment.voidReason = query.value(7).toString();
    return payment;
}

const QString donationSelect =
    QStringLiteral("SELECT d.id, d.user_id, d.amount_cents, d.note, d.created_at FROM donations d");

Donation readDonation(const QSqlQuery& query)
{
    Donation donation;
    donation.id = query.value(0).toLongLong();
    donation.userId = query.value(1).toLongLong();
    donation.amount = Money::fromCents(query.value(2).toLongLong());
    donation.note = query.value(3).toString();
    donation.createdAt = query.value(4).toString();
    return donation;
}

QVariant nullableCents(const std::optional<Money>& money)
{
    return money ? QVariant(money->cents()) : QVariant(QMetaType::fromType<qint64>());
}

QVariant plainText(const QString& text)
{
    return text.isNull() ? QVariant(QStringLiteral("")) : QVariant(text);
}

QVariant nullableText(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

const QString pageClause = QStringLiteral(" LIMIT ? OFFSET ?");

qint64 pageLimit(const Page& page)
{
    return page.limit < 0 ? std::numeric_limits<qint64>::max() : page.limit;
}

qint64 pageOffset(const Page& page)
{
    return std::max<qint64>(page.offset, 0);
}

} // namespace BidTracker::Model::Rows
