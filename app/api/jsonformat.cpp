#include "jsonformat.h"

#include "consignorjson.h"

#include "model/rules/lotview.h"

namespace BidTracker::Api::Json {

using Model::EntityKind;
using Model::formatId;

QJsonObject user(const Model::User& user, Personal personal)
{
    QJsonObject object{{Key::name, user.name},
                       {Key::userId, formatId(EntityKind::User, user.id)},
                       {Key::bidCount, user.bidCount},
                       {Key::number, user.number}};
    // API.md "Personal data": a reader without the token gets these four fields only; the
    // version (which moves with a check-in) goes with the rest.
    if (personal == Personal::Shown) {
        object.insert(Key::version, user.version);
        object.insert(Key::phone, user.phone);
        object.insert(Key::email, user.email);
        object.insert(Key::taxExempt, user.taxExempt);
        object.insert(Key::checkedInAt, user.checkedInAt.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                   : QJsonValue(user.checkedInAt));
    }
    return object;
}

QJsonObject itemBody(const Model::Item& item, const Model::AuctionSettings& settings,
                     const QJsonArray& bids, bool withBids)
{
    QJsonObject body{
        {Key::name, item.name},
        {Key::winning, item.winningBidId ? QJsonValue(formatId(EntityKind::Bid, *item.winningBidId))
                                         : QJsonValue(QJsonValue::Null)},
        {Key::status, Model::statusName(item.status)},
        {Key::startingPrice, item.startingPrice.toDouble()},
        {Key::minIncrement, item.minIncrement.toDouble()},
        {Key::winningValue, item.winningValue ? QJsonValue(item.winningValue->toDouble())
                                              : QJsonValue(QJsonValue::Null)},
        {Key::bidCount, item.bidCount},
        {Key::description, item.description},
        {Key::donor, item.donor},
        {Key::fairMarketValue, item.fairMarketValue ? QJsonValue(item.fairMarketValue->toDouble())
                                                    : QJsonValue(QJsonValue::Null)},
        {Key::buyNow,
         item.buyNow ? QJsonValue(item.buyNow->toDouble()) : QJsonValue(QJsonValue::Null)},
        {Key::closesAt,
         item.closesAt.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(item.closesAt)},
    };
    body.insert(Key::consignor, item.consignorId
                                    ? QJsonValue(formatId(EntityKind::Consignor, *item.consignorId))
                                    : QJsonValue(QJsonValue::Null));
    body.insert(Key::version, item.version);
    // The lot view's closing time and reserve_met; nothing that depends on the clock, so an
    // answer kept in the cache stays true.
    const Model::LotView lot = Model::lotView(item, settings, QDateTime::currentDateTimeUtc());
    body.insert(Key::closesEffectiveAt,
                lot.closesAt.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(lot.closesAt));
    body.insert(Key::reserveMet,
                lot.reserveMet ? QJsonValue(*lot.reserveMet) : QJsonValue(QJsonValue::Null));
    if (withBids)
        body.insert(Key::bids, bids);
    return body;
}

QJsonObject item(const Model::Item& item, const Model::AuctionSettings& settings,
                 const QJsonArray& bids, bool withBids)
{
    return QJsonObject{{Key::item, itemBody(item, settings, bids, withBids)},
                       {Key::itemId, formatId(EntityKind::Item, item.id)}};
}

QJsonObject bid(const Model::Bid& bid)
{
    return QJsonObject{
        {Key::bidId, formatId(EntityKind::Bid, bid.id)},
        {Key::bid, QJsonObject{{Key::item, formatId(EntityKind::Item, bid.itemId)},
                               {Key::value, bid.value.toDouble()},
                               {Key::user, formatId(EntityKind::User, bid.userId)},
                               {Key::placedAt, bid.placedAt},
                               {Key::automatic, bid.automatic}}},
    };
}

QJsonArray bidArray(const QList<Model::Bid>& bids)
{
    QJsonArray array;
    for (const Model::Bid& entry : bids)
        array.append(bid(entry));
    return array;
}

} // namespace BidTracker::Api::Json
