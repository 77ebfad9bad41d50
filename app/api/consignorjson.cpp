#include "consignorjson.h"

#include "checkoutjson.h"
#include "jsonwriter.h"

namespace BidTracker::Api::Json {

using Model::EntityKind;
using Model::formatId;

namespace {

QJsonValue nullOr(const QString& text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject line(const Model::Settlement& settlement, const Model::Rules::SettlementLine& line)
{
    const Model::ConsignedLotRow& lot = settlement.lots.at(line.lot);
    QJsonObject object{{Key::itemId, formatId(EntityKind::Item, lot.itemId)},
                       {Key::name, lot.name},
                       {Key::fee, exactMoney(line.fee)}};
    if (line.returned) {
        object.insert(Key::returned, true);
        return object;
    }
    object.insert(Key::hammer, exactMoney(line.hammer));
    object.insert(Key::commission, exactMoney(line.commission));
    object.insert(Key::collected, line.collected);
    return object;
}

} // namespace

QJsonObject consignor(const Model::Consignor& consignor, Personal personal)
{
    QJsonObject body{
        {Key::number, consignor.number},
        {Key::name, consignor.name},
        {Key::commission, consignor.commission ? QJsonValue(double(*consignor.commission) / 100.0)
                                               : QJsonValue(QJsonValue::Null)},
        {Key::lotFee, exactMoney(consignor.lotFee.cents())},
        {Key::unsoldFee, exactMoney(consignor.unsoldFee.cents())},
    };
    if (personal == Personal::Shown) {
        body.insert(Key::phone, consignor.phone);
        body.insert(Key::email, consignor.email);
        body.insert(Key::address, consignor.address);
    }
    return QJsonObject{{Key::consignorId, formatId(EntityKind::Consignor, consignor.id)},
                       {Key::consignor, body}};
}

QJsonArray consignorArray(const QList<Model::Consignor>& consignors, Personal personal)
{
    QJsonArray array;
    for (const Model::Consignor& entry : consignors)
        array.append(consignor(entry, personal));
    return array;
}

QJsonObject payout(const Model::Payout& payout)
{
    return QJsonObject{
        {Key::payoutId, formatId(EntityKind::Payout, payout.id)},
        {Key::payout,
         QJsonObject{{Key::consignor, formatId(EntityKind::Consignor, payout.consignorId)},
                     {Key::amount, exactMoney(payout.amount.cents())},
                     {Key::method, Model::payoutMethodName(payout.method)},
                     {Key::reference, payout.reference},
                     {Key::cashier, payout.desk.cashier},
                     {Key::station, payout.desk.station},
                     {Key::paidAt, payout.paidAt},
                     {Key::voided, payout.voided()},
                     {Key::voidedAt, nullOr(payout.voidedAt)},
                     {Key::voidReason, payout.voidReason}}}};
}

QJsonArray payoutArray(const QList<Model::Payout>& payouts)
{
    QJsonArray array;
    for (const Model::Payout& entry : payouts)
        array.append(payout(entry));
    return array;
}

QJsonObject settlement(const Model::Settlement& settlement)
{
    const Model::Rules::SettlementSums& sums = settlement.sums;
    QJsonArray lines;
    for (const Model::Rules::SettlementLine& entry : sums.lines)
        lines.append(line(settlement, entry));
    QJsonArray pending;
    for (int index : sums.pending) {
        const Model::ConsignedLotRow& lot = settlement.lots.at(index);
        pending.append(QJsonObject{{Key::itemId, formatId(EntityKind::Item, lot.itemId)},
                                   {Key::name, lot.name}});
    }
    const Model::Consignor& who = settlement.consignor;
    return QJsonObject{{Key::settlement,
                        QJsonObject{{Key::consignorId, formatId(EntityKind::Consignor, who.id)},
                                    {Key::number, who.number},
                                    {Key::name, who.name},
                                    {Key::commissionRate, double(settlement.commission) / 100.0},
                                    {Key::lines, lines},
                                    {Key::pending, pending},
                                    {Key::hammer, exactMoney(sums.hammer)},
                                    {Key::commission, exactMoney(sums.commission)},
                                    {Key::fees, exactMoney(sums.fees)},
                                    {Key::net, exactMoney(sums.net)},
                                    {Key::payableNow, exactMoney(sums.payableNow)},
                                    {Key::paid, exactMoney(sums.paid)},
                                    {Key::balance, exactMoney(sums.balance)},
                                    {Key::status, Model::Rules::settlementStatusName(sums.status)},
                                    {Key::payouts, payoutArray(settlement.payouts)}}}};
}

} // namespace BidTracker::Api::Json
