// Routes of /api/v1/users.
#include "jsonformat.h"
#include "jsonwriter.h"
#include "model/auctionservice.h"
#include "requestbodies.h"
#include "requestinput.h"
#include "routecontext.h"

namespace BidTracker::Api {

using Model::EntityKind;
using Model::formatId;

void addUserRoutes(Router& router, RouteContext& context)
{
    auto& service = context.service;
    const QString users = apiPrefix + QStringLiteral("/users");
    const QString oneUser = users + QStringLiteral("/{user_id}");

    router.add("GET", users, [&service](const ApiRequest& request, const Router::Params&) {
        // The original's list: everything, up to MaxPageRows rows.
        const auto page = Input::page(request.query, Input::MaxPageRows);
        if (!page)
            return page.error();
        const auto listing = service.users(*page);
        if (!listing)
            return Input::fromError(listing.error());
        JsonMap map;
        for (const Model::User& user : listing->rows)
            map.add(formatId(EntityKind::User, user.id), Json::user(user));
        return listResponse(map.finish(), listing->total, request, *page, listing->rows.size());
    });

    router.add("POST", users, [&service, users](const ApiRequest& request, const Router::Params&) {
        const auto name = Body::userName(request.body);
        if (!name)
            return name.error();
        const auto user = service.createUser(*name);
        if (!user)
            return Input::fromError(user.error());
        return created(Json::user(*user), users + u'/' + formatId(EntityKind::User, user->id));
    });

    router.add("GET", oneUser, [&service](const ApiRequest&, const Router::Params& params) {
        const auto id = Input::pathId(EntityKind::User, params[0]);
        if (!id)
            return id.error();
        const auto user = service.user(*id);
        return user ? ApiResponse::json(200, Json::user(*user)) : Input::fromError(user.error());
    });

    router.add("PUT", oneUser, [&service](const ApiRequest& request, const Router::Params& params) {
        const auto id = Input::pathId(EntityKind::User, params[0]);
        if (!id)
            return id.error();
        if (auto exists = service.user(*id); !exists)
            return Input::fromError(exists.error());
        const auto name = Body::userName(request.body);
        if (!name)
            return name.error();
        const auto user = service.renameUser(*id, *name);
        return user ? ApiResponse::json(200, Json::user(*user)) : Input::fromError(user.error());
    });

    router.add("DELETE", oneUser, [&service](const ApiRequest&, const Router::Params& params) {
        const auto id = Input::pathId(EntityKind::User, params[0]);
        if (!id)
            return id.error();
        const auto deleted = service.deleteUser(*id);
        return deleted ? ApiResponse::noContent() : Input::fromError(deleted.error());
    });

    router.add("GET", oneUser + QStringLiteral("/items"),
               [&service](const ApiRequest&, const Router::Params& params) {
                   const auto id = Input::pathId(EntityKind::User, params[0]);
                   if (!id)
                       return id.error();
                   const auto user = service.user(*id);
                   if (!user)
                       return Input::fromError(user.error());
                   const auto items = service.itemsBidByUser(*id);
                   if (!items)
                       return Input::fromError(items.error());
                   QJsonArray ids;
                   for (const Model::UserItem& entry : *items)
                       ids.append(formatId(EntityKind::Item, entry.itemId));
                   return ApiResponse::json(200, QJsonObject{{Json::Key::name, user->name},
                                                             {Json::Key::itemsBid, ids},
                                                             {Json::Key::userId, params[0]}});
               });

    router.add("GET", oneUser + QStringLiteral("/bids"),
               [&service](const ApiRequest& request, const Router::Params& params) {
                   const auto id = Input::pathId(EntityKind::User, params[0]);
                   if (!id)
                       return id.error();
                   const auto page = Input::page(request.query);
                   if (!page)
                       return page.error();
                   const auto bids = service.bidsByUser(*id, *page);
                   if (!bids)
                       return Input::fromError(bids.error());
                   return listResponse(writeJson(Json::bidArray(bids->rows)), bids->total, request,
                                       *page, bids->rows.size());
               });
}

} // namespace BidTracker::Api
