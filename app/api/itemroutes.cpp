// Routes of /api/v1/items.
#include "jsonformat.h"
#include "jsonwriter.h"
#include "metrics.h"
#include "model/auctionservice.h"
#include "requestbodies.h"
#include "requestinput.h"
#include "routecontext.h"
#include "versiontags.h"

namespace BidTracker::Api {

using Model::EntityKind;
using Model::formatId;

namespace {

QJsonArray idArray(EntityKind kind, const QList<qint64>& ids)
{
    QJsonArray array;
    for (const qint64 id : ids)
        array.append(formatId(kind, id));
    return array;
}

} // namespace

void addItemRoutes(Router& router, RouteContext& context)
{
    auto& service = context.service;
    const QString items = apiPrefix + QStringLiteral("/items");
    const QString oneItem = items + QStringLiteral("/{item_id}");

    router.add("GET", items, [&service](const ApiRequest& request, const Router::Params&) {
        // The original's list: everything, up to MaxPageRows rows.
        const auto page = Input::page(request.query, Input::MaxPageRows);
        if (!page)
            return page.error();
        const auto listing = service.items(*page);
        if (!listing)
            return Input::fromError(listing.error());
        const auto settings = service.settings();
        if (!settings)
            return Input::fromError(settings.error());
        QHash<qint64, QList<qint64>> bidIds;
        if (!listing->rows.isEmpty()) {
            const auto ids =
                service.bidIdsByItem(listing->rows.constFirst().id, listing->rows.constLast().id);
            if (!ids)
                return Input::fromError(ids.error());
            bidIds = *ids;
        }
        JsonMap map;
        for (const Model::Item& item : listing->rows) {
            map.add(formatId(EntityKind::Item, item.id),
                    QJsonObject{{Json::Key::item,
                                 Json::itemBody(item, *settings,
                                                idArray(EntityKind::Bid, bidIds.value(item.id)))}});
        }
        return listResponse(map.finish(), listing->total, request, *page, listing->rows.size());
    });

    router.add("POST", items, [&service, items](const ApiRequest& request, const Router::Params&) {
        const auto changes = Body::item(request.body, /*nameRequired=*/true);
        if (!changes)
            return changes.error();
        const auto item = service.createItem(*changes);
        if (!item)
            return Input::fromError(item.error());
        const auto settings = service.settings();
        if (!settings)
            return Input::fromError(settings.error());
        return Versions::tagged(created(Json::item(*item, *settings, {}),
                                        items + u'/' + formatId(EntityKind::Item, item->id)),
                                item->version);
    });

    router.add("GET", oneItem, [&service](const ApiRequest& request, const Router::Params& params) {
        const auto id = Input::pathId(EntityKind::Item, params[0]);
        if (!id)
            return id.error();
        const auto winningOnly = Input::flag(request.query, QStringLiteral("winningOnly"));
        if (!winningOnly)
            return winningOnly.error();
        const auto complete = Input::flag(request.query, QStringLiteral("complete"));
        if (!complete)
            return complete.error();
        const auto item = service.item(*id);
        if (!item)
            return Input::fromError(item.error());
        const auto settings = service.settings();
        if (!settings)
            return Input::fromError(settings.error());
        // The original answered {"item": {...}} here; item_id is this project's addition.
        if (*winningOnly)
            return Versions::tagged(
                ApiResponse::json(200, Json::item(*item, *settings, {}, /*withBids=*/false)),
                item->version);
        QJsonArray bids;
        if (*complete) {
            const auto listing = service.bidsForItem(*id);
            if (!listing)
                return Input::fromError(listing.error());
            bids = Json::bidArray(listing->rows);
        } else {
            const auto ids = service.bidIdsByItem(*id, *id);
            if (!ids)
                return Input::fromError(ids.error());
            bids = idArray(EntityKind::Bid, ids->value(*id));
        }
        return Versions::tagged(ApiResponse::json(200, Json::item(*item, *settings, bids)),
                                item->version);
    });

    router.add("PUT", oneItem, [&service](const ApiRequest& request, const Router::Params& params) {
        const auto id = Input::pathId(EntityKind::Item, params[0]);
        if (!id)
            return id.error();
        if (auto exists = service.item(*id); !exists)
            return Input::fromError(exists.error());
        const auto ifVersion = Versions::ifMatch(request);
        if (!ifVersion)
            return ifVersion.error();
        const auto changes = Body::item(request.body, /*nameRequired=*/false);
        if (!changes)
            return changes.error();
        // Its bids are read first (an edit does not change them): a failed read is answered
        // as the failure it is, before anything changed, never as a lot without bids.
        const auto ids = service.bidIdsByItem(*id, *id);
        if (!ids)
            return Input::fromError(ids.error());
        const auto settings = service.settings();
        if (!settings)
            return Input::fromError(settings.error());
        const auto item = service.updateItem(*id, *changes, *ifVersion);
        if (!item)
            return Versions::preconditionFailed(item.error())
                .value_or(Input::fromError(item.error()));
        return Versions::tagged(
            ApiResponse::json(
                200, Json::item(*item, *settings, idArray(EntityKind::Bid, ids->value(*id)))),
            item->version);
    });

    router.add("DELETE", oneItem, [&service](const ApiRequest&, const Router::Params& params) {
        const auto id = Input::pathId(EntityKind::Item, params[0]);
        if (!id)
            return id.error();
        const auto deleted = service.deleteItem(*id);
        return deleted ? ApiResponse::noContent() : Input::fromError(deleted.error());
    });

    router.add("GET", oneItem + QStringLiteral("/bids"),
               [&service](const ApiRequest& request, const Router::Params& params) {
                   const auto id = Input::pathId(EntityKind::Item, params[0]);
                   if (!id)
                       return id.error();
                   const auto page = Input::page(request.query);
                   if (!page)
                       return page.error();
                   const auto bids = service.bidsForItem(*id, *page);
                   if (!bids)
                       return Input::fromError(bids.error());
                   return listResponse(writeJson(Json::bidArray(bids->rows)), bids->total, request,
                                       *page, bids->rows.size());
               });

    router.add("GET", oneItem + QStringLiteral("/winning"),
               [&service](const ApiRequest&, const Router::Params& params) {
                   const auto id = Input::pathId(EntityKind::Item, params[0]);
                   if (!id)
                       return id.error();
                   const auto bid = service.winningBid(*id);
                   return bid ? ApiResponse::json(200, Json::bid(*bid))
                              : Input::fromError(bid.error());
               });

    router.add("POST", oneItem + QStringLiteral("/buy"),
               [&service, &metrics = context.metrics](const ApiRequest& request,
                                                      const Router::Params& params) {
                   const auto id = Input::pathId(EntityKind::Item, params[0]);
                   if (!id)
                       return id.error();
                   const auto buyer = Body::buyer(request.body);
                   if (!buyer)
                       return buyer.error();
                   const auto user = buyer->userNumber != 0
                                         ? bidderIdByNumber(service, buyer->userNumber)
                                         : Input::pathId(EntityKind::User, buyer->user);
                   if (!user)
                       return user.error();
                   const auto bid = service.buyNow(*id, *user);
                   metrics.countBid(bid.has_value());
                   if (!bid)
                       return Input::fromError(bid.error());
                   return created(Json::bid(*bid), apiPrefix + QStringLiteral("/bids/") +
                                                       formatId(EntityKind::Bid, bid->id));
               });

    // Registered after /items/{item_id}, which the path also matches (for other methods).
    router.add("POST", items + QStringLiteral("/close-all"),
               [&service](const ApiRequest&, const Router::Params&) {
                   const auto closed = service.closeAll();
                   if (!closed)
                       return Input::fromError(closed.error());
                   return ApiResponse::json(
                       200, QJsonObject{{Json::Key::closed, static_cast<qint64>(closed->size())}});
               });
}

} // namespace BidTracker::Api
