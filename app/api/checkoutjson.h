#pragma once

#include "model/auctionsettings.h"
#include "model/invoice.h"
#include "model/records.h"

#include <QJsonArray>
#include <QJsonObject>

// The JSON shapes of the whole auction night (API.md, "Routes for the whole auction night").
namespace BidTracker::Api::Json {

namespace Key {
inline const QString settings = QStringLiteral("settings");
inline const QString currency = QStringLiteral("currency");
inline const QString buyersPremium = QStringLiteral("buyers_premium");
inline const QString taxRate = QStringLiteral("tax_rate");
inline const QString commissionRate = QStringLiteral("commission_rate");
inline const QString increments = QStringLiteral("increments");
inline const QString from = QStringLiteral("from");
inline const QString step = QStringLiteral("step");
inline const QString softClose = QStringLiteral("soft_close");
inline const QString windowSeconds = QStringLiteral("window_seconds");
inline const QString extendSeconds = QStringLiteral("extend_seconds");
inline const QString maxExtendSeconds = QStringLiteral("max_extend_seconds");
inline const QString firstBidderNumber = QStringLiteral("first_bidder_number");
inline const QString closeAllAt = QStringLiteral("close_all_at");
inline const QString payment = QStringLiteral("payment");
inline const QString paymentId = QStringLiteral("payment_id");
inline const QString amount = QStringLiteral("amount");
inline const QString method = QStringLiteral("method");
inline const QString reference = QStringLiteral("reference");
inline const QString paidAt = QStringLiteral("paid_at");
inline const QString voided = QStringLiteral("voided");
inline const QString voidedAt = QStringLiteral("voided_at");
inline const QString voidReason = QStringLiteral("void_reason");
inline const QString reason = QStringLiteral("reason");
inline const QString donation = QStringLiteral("donation");
inline const QString donationId = QStringLiteral("donation_id");
inline const QString note = QStringLiteral("note");
inline const QString createdAt = QStringLiteral("created_at");
inline const QString invoice = QStringLiteral("invoice");
} // namespace Key

/// {"settings": {"name", "currency", "buyers_premium": 15.0, "tax_rate": 8.25, "increments":
/// [{"from": 0.0, "step": 0.05}], "soft_close": {...}, "first_bidder_number", "close_all_at"}}
QJsonObject settings(const Model::AuctionSettings& settings, qint64 version);

/// {"payment_id": "payment1", "payment": {"user", "amount", "method", "reference", "paid_at",
/// "voided", "voided_at", "void_reason"}}
QJsonObject payment(const Model::Payment& payment);
QJsonArray paymentArray(const QList<Model::Payment>& payments);

/// {"donation_id": "donation1", "donation": {"user", "amount", "note", "created_at"}}
QJsonObject donation(const Model::Donation& donation);
QJsonArray donationArray(const QList<Model::Donation>& donations);

/// {"invoice": {...}} exactly as API.md shows it.
QJsonObject invoice(const Model::Invoice& invoice);

/// {"summary": {"lots": {...}, "hammer", ..., "paid": {...}, "outstanding", ...}}
QJsonObject summary(const Model::AuctionSummary& summary);

} // namespace BidTracker::Api::Json
