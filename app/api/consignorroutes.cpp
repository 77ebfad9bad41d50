// Consignors, their settlements and payouts, and the consignor exports (API.md
// "Consignors"). Thin: each reads the request, calls the service once and writes its answer.
#include "checkoutjson.h"
#include "consignorbodies.h"
#include "consignorjson.h"
#include "model/auctionservice.h"
#include "model/csv/consignorcsv.h"
#include "requestinput.h"
#include "routecontext.h"

#include <QBuffer>

namespace BidTracker::Api {

using Model::EntityKind;

namespace {

Json::Personal personal(const ApiRequest& request)
{
    return request.authorized ? Json::Personal::Shown : Json::Personal::LeftOut;
}

const QString consignors = apiPrefix + QStringLiteral("/consignors");
const QString oneConsignor = consignors + QStringLiteral("/{consignor_id}");

void addConsignorRecordRoutes(Router& router, Model::AuctionService& service)
{
    router.add("GET", consignors, [&service](const ApiRequest& request, const Router::Params&) {
        const auto all = service.consignors();
        return all ? ApiResponse::json(200, Json::consignorArray(*all, personal(request)))
                   : Input::fromError(all.error());
    });
    router.add("POST", consignors, [&service](const ApiRequest& request, const Router::Params&) {
        const auto changes = Body::consignor(request.body, true);
        if (!changes)
            return changes.error();
        const auto made = service.createConsignor(*changes);
        if (!made)
            return Input::fromError(made.error());
        return created(Json::consignor(*made, personal(request)),
                       consignors + u'/' + Model::formatId(EntityKind::Consignor, made->id));
    });
    router.add("GET", oneConsignor,
               [&service](const ApiRequest& request, const Router::Params& params) {
                   const auto id = Input::pathId(EntityKind::Consignor, params[0]);
                   if (!id)
                       return id.error();
                   const auto found = service.consignor(*id);
                   return found ? ApiResponse::json(200, Json::consignor(*found, personal(request)))
                                : Input::fromError(found.error());
               });
    router.add(
        "PUT", oneConsignor, [&service](const ApiRequest& request, const Router::Params& params) {
            const auto id = Input::pathId(EntityKind::Consignor, params[0]);
            if (!id)
                return id.error();
            const auto changes = Body::consignor(request.body, false);
            if (!changes)
                return changes.error();
            const auto changed = service.updateConsignor(*id, *changes);
            return changed ? ApiResponse::json(200, Json::consignor(*changed, personal(request)))
                           : Input::fromError(changed.error());
        });
    router.add("DELETE", oneConsignor, [&service](const ApiRequest&, const Router::Params& params) {
        const auto id = Input::pathId(EntityKind::Consignor, params[0]);
        if (!id)
            return id.error();
        const auto deleted = service.deleteConsignor(*id);
        return deleted ? ApiResponse::noContent() : Input::fromError(deleted.error());
    });
}

void addSettlementRoutes(Router& router, Model::AuctionService& service)
{
    router.add("GET", oneConsignor + QStringLiteral("/settlement"),
               [&service](const ApiRequest&, const Router::Params& params) {
                   const auto id = Input::pathId(EntityKind::Consignor, params[0]);
                   if (!id)
                       return id.error();
                   const auto settled = service.settlement(*id);
                   return settled ? ApiResponse::json(200, Json::settlement(*settled))
                                  : Input::fromError(settled.error());
               });
    const QString payouts = oneConsignor + QStringLiteral("/payouts");
    router.add("GET", payouts, [&service](const ApiRequest&, const Router::Params& params) {
        const auto id = Input::pathId(EntityKind::Consignor, params[0]);
        if (!id)
            return id.error();
        const auto all = service.payouts(*id);
        return all ? ApiResponse::json(200, Json::payoutArray(*all))
                   : Input::fromError(all.error());
    });
    router.add(
        "POST", payouts, [&service](const ApiRequest& request, const Router::Params& params) {
            const auto id = Input::pathId(EntityKind::Consignor, params[0]);
            if (!id)
                return id.error();
            const auto fields = Body::payout(request.body);
            if (!fields)
                return fields.error();
            // Until staff accounts name the cashier, the request may; the station is the API's
            // and the caller's address unless said.
            const Model::PayoutDesk desk{
                fields->cashier.value_or(QString()),
                fields->station.value_or(QStringLiteral("API ") + request.peer.toString())};
            const auto payout =
                service.addPayout(*id, fields->amount, fields->method, fields->reference, desk);
            return payout ? ApiResponse::json(201, Json::payout(*payout))
                          : Input::fromError(payout.error());
        });
    router.add("DELETE", apiPrefix + QStringLiteral("/payouts/{payout_id}"),
               [&service](const ApiRequest& request, const Router::Params& params) {
                   const auto id = Input::pathId(EntityKind::Payout, params[0]);
                   if (!id)
                       return id.error();
                   const QString reason =
                       request.query.queryItemValue(Json::Key::reason, QUrl::FullyDecoded);
                   const auto voided = service.voidPayout(*id, reason);
                   return voided ? ApiResponse::noContent() : Input::fromError(voided.error());
               });
}

void addConsignorExports(Router& router, Model::AuctionService& service)
{
    for (const QString& file :
         {QStringLiteral("consignors.csv"), QStringLiteral("settlements.csv")}) {
        router.add("GET", apiPrefix + QStringLiteral("/export/") + file,
                   [&service, file](const ApiRequest&, const Router::Params&) {
                       QBuffer buffer;
                       buffer.open(QIODevice::WriteOnly);
                       const auto kind = *Model::parseConsignorCsvFile(file);
                       if (auto written = Model::exportConsignorCsv(service, kind, buffer);
                           !written)
                           return Input::fromError(written.error());
                       return ApiResponse::raw(200, QByteArrayLiteral("text/csv; charset=utf-8"),
                                               buffer.data())
                           .withHeader("Content-Disposition",
                                       "attachment; filename=\"" + file.toUtf8() + '"');
                   });
    }
}

} // namespace

void addConsignorRoutes(Router& router, RouteContext& context)
{
    addConsignorRecordRoutes(router, context.service);
    addSettlementRoutes(router, context.service);
    addConsignorExports(router, context.service);
}

} // namespace BidTracker::Api
