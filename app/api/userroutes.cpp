// Routes of /api/v1/users.
#include "checkoutbodies.h"
#include "jsonformat.h"
#include "jsonwriter.h"
#include "model/auctionservice.h"
#include "model/auctionsettings.h"
#include "requestbodies.h"
#include "requestinput.h"
#include "routecontext.h"
#include "versiontags.h"

namespace BidTracker::Api {

using Model::EntityKind;
using Model::formatId;

namespace {

Json::Personal personal(const ApiRequest& request)
{
    return showsContacts(request) ? Json::Personal::Shown : Json::Personal::LeftOut;
}

} // namespace

void addUserRoutes(Router& router, RouteContext& context)
{
    auto& service = context.service;
    const QString users = apiPrefix + QStringLiteral("/users");
    const QString oneUser = users + QStringLiteral("/{user_id}");

    router.add("GET", users, [&service](const ApiRequest& request, const Router::Params&) {
        // ?number=105: the map holding just that bidder, or an empty one.
        if (request.query.hasQueryItem(Json::Key::number)) {
            const QString text =
                request.query.queryItemValue(Json::Key::number, QUrl::FullyDecoded);
            bool ok = false;
            const qint64 number = text.toLongLong(&ok);
            if (!ok || number < 1 || number > Model::MaxBidderNumber || !text.front().isDigit())
                return Input::invalidField(
                    Json::Key::number,
                    QStringLiteral("number must be a paddle number from 1 to %1, not \"%2\"")
                        .arg(Model::MaxBidderNumber)
                        .arg(text.left(40)));
            const auto found = service.userByNumber(number);
            if (!found)
                return Input::fromError(found.error());
            JsonMap map;
            if (*found)
                map.add(formatId(EntityKind::User, (*found)->id),
                        Json::user(**found, personal(request)));
            return listResponse(map.finish(), *found ? 1 : 0, request, Model::Page{},
                                *found ? 1 : 0);
        }
        // The original's list: everything, up to MaxPageRows rows.
        const auto page = Input::page(request.query, Input::MaxPageRows);
        if (!page)
            return page.error();
        const auto listing = service.users(*page);
        if (!listing)
            return Input::fromError(listing.error());
        JsonMap map;
        for (const Model::User& user : listing->rows)
            map.add(formatId(EntityKind::User, user.id), Json::user(user, personal(request)));
        return listResponse(map.finish(), listing->total, request, *page, listing->rows.size());
    });

    router.add("POST", users, [&service, users](const ApiRequest& request, const Router::Params&) {
        const auto changes = Body::user(request.body, true);
        if (!changes)
            return changes.error();
        const auto user = service.createUser(*changes);
        if (!user)
            return Input::fromError(user.error());
        return Versions::tagged(created(Json::user(*user, personal(request)),
                                        users + u'/' + formatId(EntityKind::User, user->id)),
                                user->version);
    });

    router.add("GET", oneUser, [&service](const ApiRequest& request, const Router::Params& params) {
        const auto id = Input::pathId(EntityKind::User, params[0]);
        if (!id)
            return id.error();
        const auto user = service.user(*id);
        return user ? Versions::tagged(ApiResponse::json(200, Json::user(*user, personal(request))),
                                       user->version)
                    : Input::fromError(user.error());
    });

    router.add("PUT", oneUser, [&service](const ApiRequest& request, const Router::Params& params) {
        const auto id = Input::pathId(EntityKind::User, params[0]);
        if (!id)
            return id.error();
        if (auto exists = service.user(*id); !exists)
            return Input::fromError(exists.error());
        const auto ifVersion = Versions::ifMatch(request);
        if (!ifVersion)
            return ifVersion.error();
        const auto changes = Body::user(request.body, false);
        if (!changes)
            return changes.error();
        const auto user = service.updateUser(*id, *changes, *ifVersion);
        if (!user)
            return Versions::preconditionFailed(user.error())
                .value_or(Input::fromError(user.error()));
        return Versions::tagged(ApiResponse::json(200, Json::user(*user, personal(request))),
                                user->version);
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
