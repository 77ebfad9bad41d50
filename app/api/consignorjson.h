#pragma once

#include "jsonformat.h"

#include "model/consignor.h"

#include <QJsonArray>
#include <QJsonObject>

// The JSON shapes of consignors, payouts and settlements (API.md "Consignors").
namespace BidTracker::Api::Json {

namespace Key {
inline const QString consignor = QStringLiteral("consignor");
inline const QString consignorId = QStringLiteral("consignor_id");
inline const QString commission = QStringLiteral("commission");
inline const QString lotFee = QStringLiteral("lot_fee");
inline const QString unsoldFee = QStringLiteral("unsold_fee");
inline const QString address = QStringLiteral("address");
inline const QString payout = QStringLiteral("payout");
inline const QString payoutId = QStringLiteral("payout_id");
inline const QString cashier = QStringLiteral("cashier");
inline const QString station = QStringLiteral("station");
inline const QString settlement = QStringLiteral("settlement");
inline const QString lines = QStringLiteral("lines");
inline const QString pending = QStringLiteral("pending");
inline const QString hammer = QStringLiteral("hammer");
inline const QString fee = QStringLiteral("fee");
inline const QString fees = QStringLiteral("fees");
inline const QString net = QStringLiteral("net");
inline const QString collected = QStringLiteral("collected");
inline const QString returned = QStringLiteral("returned");
inline const QString payableNow = QStringLiteral("payable_now");
inline const QString paid = QStringLiteral("paid");
inline const QString balance = QStringLiteral("balance");
inline const QString payouts = QStringLiteral("payouts");
} // namespace Key

/// {"consignor_id", "consignor": {"number", "name", "commission" (null: the auction's
/// commission_rate), "lot_fee", "unsold_fee"}}, with "phone", "email", "address" only when
/// `personal` is Shown (API.md "Personal data").
QJsonObject consignor(const Model::Consignor& consignor, Personal personal);
QJsonArray consignorArray(const QList<Model::Consignor>& consignors, Personal personal);
/// {"payout_id", "payout": {"consignor", "amount", "method", "reference", "cashier",
/// "station", "paid_at", "voided", "voided_at", "void_reason"}}.
QJsonObject payout(const Model::Payout& payout);
QJsonArray payoutArray(const QList<Model::Payout>& payouts);
/// {"settlement": {...}} as API.md shows it, with the payouts.
QJsonObject settlement(const Model::Settlement& settlement);

} // namespace BidTracker::Api::Json
