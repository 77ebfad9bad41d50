// Routes of /api/v1/bids.
#include "bidbatcher.h"
#include "idempotentwrites.h"
#include "jsonformat.h"
#include "metrics.h"
#include "model/auctionservice.h"
#include "requestbodies.h"
#include "requestinput.h"
#include "routecontext.h"

namespace BidTracker::Api {

using Model::EntityKind;
using Model::formatId;

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

    router.addDeferred(
        "POST", bids,
        [&metrics, &service, &batcher = context.bids](const ApiRequest& request,
                                                      const Router::Params&, Reply reply) {
            // A refusal given at once is kept under the request's Idempotency-Key too.
            const auto refuse = [&](const ApiResponse& refusal) {
                metrics.countBid(false);
                if (!request.idempotency)
                    return reply(refusal);
                reply(
                    Idempotency::carryOut(service, *request.idempotency, [&] { return refusal; }));
            };
            const auto fields = Body::bid(request.body);
            if (!fields)
                return refuse(fields.error());
            const auto item = Input::pathId(EntityKind::Item, fields->item);
            const auto user = fields->userNumber != 0
                                  ? bidderIdByNumber(service, fields->userNumber)
                                  : Input::pathId(EntityKind::User, fields->user);
            if (!item || !user)
                return refuse(item ? user.error() : item.error());
            // Answered 201 only after the batch it joins has committed (group
            // commit); 200 with the winning bid for a leader's maximum alone.
            batcher.enqueue(Model::BidRequest{*item, *user, fields->value, fields->maxValue},
                            std::move(reply), request.clientConnected, request.actor,
                            request.idempotency);
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
