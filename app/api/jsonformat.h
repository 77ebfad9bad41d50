#pragma once

#include "model/auctionsettings.h"
#include "model/records.h"

#include <QJsonArray>
#include <QJsonObject>

// The JSON shapes of API version 1, kept as the original Flask API had them; fields this
// project adds come after the original ones and never replace them.
namespace BidTracker::Api::Json {

namespace Key {
inline const QString name = QStringLiteral("name");
inline const QString userId = QStringLiteral("user_id");
inline const QString itemId = QStringLiteral("item_id");
inline const QString bidId = QStringLiteral("bid_id");
inline const QString version = QStringLiteral("version");
inline const QString item = QStringLiteral("item");
inline const QString user = QStringLiteral("user");
inline const QString bid = QStringLiteral("bid");
inline const QString bids = QStringLiteral("bids");
inline const QString value = QStringLiteral("value");
inline const QString winning = QStringLiteral("winning");
inline const QString winningValue = QStringLiteral("winning_value");
inline const QString status = QStringLiteral("status");
inline const QString startingPrice = QStringLiteral("starting_price");
inline const QString minIncrement = QStringLiteral("min_increment");
inline const QString placedAt = QStringLiteral("placed_at");
inline const QString bidCount = QStringLiteral("bid_count");
inline const QString itemsBid = QStringLiteral("items_bid");
inline const QString message = QStringLiteral("message");
// The whole auction night (API.md)
inline const QString number = QStringLiteral("number");
inline const QString phone = QStringLiteral("phone");
inline const QString email = QStringLiteral("email");
inline const QString taxExempt = QStringLiteral("tax_exempt");
inline const QString checkedInAt = QStringLiteral("checked_in_at");
inline const QString description = QStringLiteral("description");
inline const QString donor = QStringLiteral("donor");
inline const QString fairMarketValue = QStringLiteral("fair_market_value");
inline const QString maxValue = QStringLiteral("max_value");
inline const QString automatic = QStringLiteral("auto");
inline const QString reserve = QStringLiteral("reserve");
inline const QString reserveMet = QStringLiteral("reserve_met");
inline const QString buyNow = QStringLiteral("buy_now");
inline const QString closesAt = QStringLiteral("closes_at");
inline const QString closesEffectiveAt = QStringLiteral("closes_effective_at");
inline const QString closed = QStringLiteral("closed");
} // namespace Key

/// {"name": "Albert", "user_id": "user1", "bid_count": 2, "number": 100, "phone": "",
/// "email": "", "tax_exempt": false, "checked_in_at": null}
/// Whether an answer may carry a bidder's personal data (phone, email, tax_exempt,
/// checked_in_at): only to a request with the token (API.md "Personal data").
enum class Personal { LeftOut, Shown };
QJsonObject user(const Model::User& user, Personal personal);

/// The inner object of an item: {"name", "winning", "bids", "status", "starting_price",
/// "min_increment", "winning_value", "bid_count", "description", "donor",
/// "fair_market_value", "buy_now", "closes_at", "closes_effective_at", "reserve_met"}: never
/// the reserve itself, nor any maximum (RULES.md 2: they are secret). `closes_at` is the
/// lot's own; `closes_effective_at` the closing time that applies under `settings` (the lot
/// view's). `bids` holds ids or full bid objects; left out when `withBids` is false
/// (winningOnly).
QJsonObject itemBody(const Model::Item& item, const Model::AuctionSettings& settings,
                     const QJsonArray& bids, bool withBids = true);
/// {"item": {...}, "item_id": "item1"}
QJsonObject item(const Model::Item& item, const Model::AuctionSettings& settings,
                 const QJsonArray& bids, bool withBids = true);

/// {"bid_id": "bid1", "bid": {"item": "item1", "value": 500.0, "user": "user1",
/// "placed_at": "...", "auto": false}}: never the maximum it carried.
QJsonObject bid(const Model::Bid& bid);
QJsonArray bidArray(const QList<Model::Bid>& bids);

} // namespace BidTracker::Api::Json
