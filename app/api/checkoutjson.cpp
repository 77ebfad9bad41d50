#include "checkoutjson.h"

#include "jsonformat.h"
#include "jsonwriter.h"

namespace BidTracker::Api::Json {

using Model::EntityKind;
using Model::formatId;

namespace {

/// Cents as a JSON number in currency units, every digit exact however large the auction
/// (RULES.md 4); negative for a credit.
QJsonValue units(qint64 cents)
{
    return exactMoney(cents);
}

double rate(Model::Rules::BasisPoints basisPoints)
{
    return static_cast<double>(basisPoints) / 100.0;
}

QJsonValue timeOrNull(const QString& time)
{
    return time.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(time);
}

} // namespace

QJsonObject settings(const Model::AuctionSettings& settings, qint64 version)
{
    QJsonArray increments;
    for (const Model::Rules::IncrementRow& row : settings.increments)
        increments.append(
            QJsonObject{{Key::from, units(row.fromCents)}, {Key::step, units(row.stepCents)}});
    return QJsonObject{
        {Key::settings,
         QJsonObject{{Key::name, settings.name},
                     {Key::currency, settings.currency},
                     {Key::buyersPremium, rate(settings.buyersPremium)},
                     {Key::taxRate, rate(settings.taxRate)},
                     {Key::commissionRate, rate(settings.commissionRate)},
                     {Key::increments, increments},
                     {Key::softClose,
                      QJsonObject{{Key::windowSeconds, settings.softClose.windowSeconds},
                                  {Key::extendSeconds, settings.softClose.extendSeconds},
                                  {Key::maxExtendSeconds, settings.softClose.maxExtendSeconds}}},
                     {Key::firstBidderNumber, settings.firstBidderNumber},
                     {Key::closeAllAt, timeOrNull(settings.closeAllAt)},
                     {Key::version, version}}}};
}

QJsonObject payment(const Model::Payment& payment)
{
    return QJsonObject{
        {Key::paymentId, formatId(EntityKind::Payment, payment.id)},
        {Key::payment, QJsonObject{{Key::user, formatId(EntityKind::User, payment.userId)},
                                   {Key::amount, payment.amount.toDouble()},
                                   {Key::method, Model::paymentMethodName(payment.method)},
                                   {Key::reference, payment.reference},
                                   {Key::paidAt, payment.paidAt},
                                   {Key::voided, payment.voided()},
                                   {Key::voidedAt, timeOrNull(payment.voidedAt)},
                                   {Key::voidReason, payment.voidReason}}}};
}

QJsonArray paymentArray(const QList<Model::Payment>& payments)
{
    QJsonArray array;
    for (const Model::Payment& entry : payments)
        array.append(payment(entry));
    return array;
}

QJsonObject donation(const Model::Donation& donation)
{
    return QJsonObject{
        {Key::donationId, formatId(EntityKind::Donation, donation.id)},
        {Key::donation, QJsonObject{{Key::user, formatId(EntityKind::User, donation.userId)},
                                    {Key::amount, donation.amount.toDouble()},
                                    {Key::note, donation.note},
                                    {Key::createdAt, donation.createdAt}}}};
}

QJsonArray donationArray(const QList<Model::Donation>& donations)
{
    QJsonArray array;
    for (const Model::Donation& entry : donations)
        array.append(donation(entry));
    return array;
}

QJsonObject invoice(const Model::Invoice& invoice)
{
    QJsonArray lines;
    for (const Model::Invoice::Line& line : invoice.lines)
        lines.append(QJsonObject{{Key::itemId, formatId(EntityKind::Item, line.itemId)},
                                 {Key::name, line.name},
                                 {QStringLiteral("hammer"), units(line.hammer.cents())},
                                 {QStringLiteral("premium"), units(line.premium.cents())}});
    QJsonArray donations;
    for (const Model::Donation& donation : invoice.donations)
        donations.append(QJsonObject{{Key::donationId, formatId(EntityKind::Donation, donation.id)},
                                     {Key::amount, donation.amount.toDouble()},
                                     {Key::note, donation.note}});
    QJsonArray pending;
    for (const Model::Invoice::Pending& lot : invoice.pending)
        pending.append(QJsonObject{{Key::itemId, formatId(EntityKind::Item, lot.itemId)},
                                   {Key::name, lot.name},
                                   {Key::value, lot.value.toDouble()}});
    const Model::Rules::InvoiceSums& sums = invoice.sums;
    return QJsonObject{
        {Key::invoice, QJsonObject{{Key::userId, formatId(EntityKind::User, invoice.bidder.id)},
                                   {Key::number, invoice.bidder.number},
                                   {Key::name, invoice.bidder.name},
                                   {QStringLiteral("lines"), lines},
                                   {QStringLiteral("donations"), donations},
                                   {QStringLiteral("pending"), pending},
                                   {QStringLiteral("hammer"), units(sums.hammer)},
                                   {QStringLiteral("premium"), units(sums.premium)},
                                   {QStringLiteral("tax"), units(sums.tax)},
                                   {QStringLiteral("donations_total"), units(sums.donations)},
                                   {QStringLiteral("total"), units(sums.total)},
                                   {QStringLiteral("paid"), units(sums.paid)},
                                   {QStringLiteral("balance"), units(sums.balance)},
                                   {Key::status, Model::Rules::invoiceStatusName(sums.status)}}}};
}

QJsonObject summary(const Model::AuctionSummary& summary)
{
    return QJsonObject{
        {QStringLiteral("summary"),
         QJsonObject{
             {QStringLiteral("lots"), QJsonObject{{QStringLiteral("total"), summary.lotsTotal},
                                                  {QStringLiteral("open"), summary.lotsOpen},
                                                  {QStringLiteral("sold"), summary.lotsSold},
                                                  {QStringLiteral("unsold"), summary.lotsUnsold}}},
             {QStringLiteral("hammer"), units(summary.hammer)},
             {QStringLiteral("premium"), units(summary.premium)},
             {QStringLiteral("tax"), units(summary.tax)},
             {QStringLiteral("donations"), units(summary.donations)},
             {QStringLiteral("invoiced"), units(summary.invoiced)},
             {QStringLiteral("paid"),
              QJsonObject{{QStringLiteral("cash"), units(summary.paidCash)},
                          {QStringLiteral("check"), units(summary.paidCheck)},
                          {QStringLiteral("card"), units(summary.paidCard)},
                          {QStringLiteral("other"), units(summary.paidOther)},
                          {QStringLiteral("total"), units(summary.paidTotal)}}},
             {QStringLiteral("outstanding"), units(summary.outstanding)},
             {QStringLiteral("bidders_with_balance"), summary.biddersWithBalance}}}};
}

} // namespace BidTracker::Api::Json
