// Routes of /api/v1/bids.
#include "bidbatcher.h"
#include "jsonformat.h"
#include "metrics.h"
#include "model/auctionservice.h"
#include "requestinput.h"
#include "routecontext.h"

namespace BidTracker::Api {

using Model::EntityKind;
using Model::formatId;

namespace {

struct BidFields
{
    QString item;
    QString user;
    Model::Money value;
};

/// {"bid": {"item": "item1", "value": 650.0, "user": "user1"}}, every field checked.
Input::Parsed<BidFields> bidFields(const QByteArray& body)
{
    auto object = Input::jsonObject(body);
    if (!object)
        return std::unexpected(object.error());
    const QJsonValue inner = object->value(Json::Key::bid);
    if (inner.isUndefined())
        return std::unexpected(Input::bundled(
            {{Json::Key::bid, QStringLiteral("Missing required parameter in the JSON body")}}));
    if (!inner.isObject())
        return std::unexpected(
            Input::bundled({{Json::Key::bid, QStringLiteral("Bid must be a JSON object")}}));
    const QJsonObject fields = inner.toObject();
    const QString missing = QStringLiteral("Missing required parameter in bid");

    BidFields result;
    QJsonObject problems;
    const auto idField = [&](const QString& key, const QString& example, QString& target) {
        const QJsonValue value = fields.value(key);
        if (value.isUndefined())
            problems.insert(key, missing);
        else if (!value.isString())
            problems.insert(key, QStringLiteral("%1 must be a string id such as %2")
                                     .arg(key == Json::Key::item ? QStringLiteral("Item")
                                                                 : QStringLiteral("User"),
                                          example));
        else
            target = value.toString();
    };
    idField(Json::Key::item, QStringLiteral("item1"), result.item);
    idField(Json::Key::user, QStringLiteral("user1"), result.user);
    const QJsonValue value = fields.value(Json::Key::value);
    if (value.isUndefined()) {
        problems.insert(Json::Key::value, missing);
    } else if (const auto amount = Input::money(value, QStringLiteral("Value"))) {
        result.value = *amount;
    } else {
        problems.insert(Json::Key::value, amount.error());
    }
    if (!problems.isEmpty())
        return std::unexpected(Input::bundled(problems));
    return result;
}

} // namespace

void addBidRoutes(Router& router, RouteContext& context)
{
    auto& service = context.service;
    auto& metrics = context.metrics;
    const QString bids = apiPrefix + QStringLiteral("/bids");
    const QString oneBid = bids + QStringLiteral("/{bid_id}");

    router.add("GET", bids, [&service](const ApiRequest& request, const Router::Params&) {
        // The original's list: everything, up to MaxPageRows rows.
        const auto page = Input::page(request.query, Input::MaxPageRows);
        if (!page)
            return page.error();
        const auto listing = service.bids(*page);
        if (!listing)
            return Input::fromError(listing.error());
        JsonMap map;
        for (const Model::Bid& bid : listing->rows)
            map.add(formatId(EntityKind::Bid, bid.id), Json::bid(bid));
        return listResponse(map.finish(), listing->total, request, *page, listing->rows.size());
    });

    router.addDeferred("POST", bids,
                       [&metrics, &batcher = context.bids](const ApiRequest& request,
                                                           const Router::Params&, Reply reply) {
                           const auto fields = bidFields(request.body);
                           if (!fields) {
                               metrics.countBid(false);
                               return reply(fields.error());
                           }
                           const auto item = Input::pathId(EntityKind::Item, fields->item);
                           const auto user = Input::pathId(EntityKind::User, fields->user);
                           if (!item || !user) {
                               metrics.countBid(false);
                               return reply(item ? user.error() : item.error());
                           }
                           // Answered 201 only after the batch it joins has committed (group
                           // commit).
                           batcher.enqueue(Model::BidRequest{*item, *user, fields->value},
                                           std::move(reply), request.clientConnected);
                       });

    router.add("GET", oneBid, [&service](const ApiRequest&, const Router::Params& params) {
        const auto id = Input::pathId(EntityKind::Bid, params[0]);
        if (!id)
            return id.error();
        const auto bid = service.bid(*id);
        return bid ? ApiResponse::json(200, Json::bid(*bid)) : Input::fromError(bid.error());
    });

    router.add("DELETE", oneBid, [&service](const ApiRequest&, const Router::Params& params) {
        const auto id = Input::pathId(EntityKind::Bid, params[0]);
        if (!id)
            return id.error();
        const auto deleted = service.deleteBid(*id);
        return deleted ? ApiResponse::noContent() : Input::fromError(deleted.error());
    });
}

} // namespace BidTracker::Api
