// Routes of the whole auction night: settings, check-in, invoices, payments, donations, the
// summary and the checkout exports (API.md). Thin: each reads the request, calls the
// service once and writes its answer.
#include "checkoutbodies.h"
#include "checkoutjson.h"
#include "jsonformat.h"
#include "model/auctionservice.h"
#include "model/csv/checkoutcsv.h"
#include "requestinput.h"
#include "routecontext.h"
#include "versiontags.h"

#include <QBuffer>

namespace BidTracker::Api {

using Model::EntityKind;

std::expected<qint64, ApiResponse> bidderIdByNumber(Model::AuctionService& service, qint64 number)
{
    const auto found = service.userByNumber(number);
    if (!found)
        return std::unexpected(Input::fromError(found.error()));
    if (!*found)
        return std::unexpected(
            ApiResponse::error(404, QStringLiteral("No bidder has number %1").arg(number),
                               QStringLiteral("unknown_user"), {{Json::Key::number, number}}));
    return (*found)->id;
}

namespace {

void addSettingsRoutes(Router& router, Model::AuctionService& service)
{
    const QString path = apiPrefix + QStringLiteral("/settings");
    // Answered with the row's version as `version` and ETag (API.md "Versions").
    const auto answer = [&service](const Model::Result<Model::AuctionSettings>& settings) {
        if (!settings)
            return Versions::preconditionFailed(settings.error())
                .value_or(Input::fromError(settings.error()));
        const auto version = service.settingsVersion();
        if (!version)
            return Input::fromError(version.error());
        return Versions::tagged(ApiResponse::json(200, Json::settings(*settings, version->version)),
                                version->version);
    };
    router.add("GET", path, [&service, answer](const ApiRequest&, const Router::Params&) {
        return answer(service.settings());
    });
    router.add("PUT", path, [&service, answer](const ApiRequest& request, const Router::Params&) {
        const auto ifVersion = Versions::ifMatch(request);
        if (!ifVersion)
            return ifVersion.error();
        const auto current = service.settings();
        if (!current)
            return Input::fromError(current.error());
        const auto wanted = Body::settings(request.body, *current);
        if (!wanted)
            return wanted.error();
        return answer(service.updateSettings(*wanted, *ifVersion));
    });
}

void addBidderRoutes(Router& router, Model::AuctionService& service)
{
    const QString oneUser = apiPrefix + QStringLiteral("/users/{user_id}");
    router.add("POST", oneUser + QStringLiteral("/check-in"),
               [&service](const ApiRequest& request, const Router::Params& params) {
                   const auto id = Input::pathId(EntityKind::User, params[0]);
                   if (!id)
                       return id.error();
                   const auto user = service.checkIn(*id);
                   return user ? ApiResponse::json(200,
                                                   Json::user(*user, showsContacts(request)
                                                                         ? Json::Personal::Shown
                                                                         : Json::Personal::LeftOut))
                               : Input::fromError(user.error());
               });
    router.add("GET", oneUser + QStringLiteral("/invoice"),
               [&service](const ApiRequest&, const Router::Params& params) {
                   const auto id = Input::pathId(EntityKind::User, params[0]);
                   if (!id)
                       return id.error();
                   const auto invoice = service.invoice(*id);
                   return invoice ? ApiResponse::json(200, Json::invoice(*invoice))
                                  : Input::fromError(invoice.error());
               });
}

void addPaymentRoutes(Router& router, Model::AuctionService& service)
{
    const QString ofUser = apiPrefix + QStringLiteral("/users/{user_id}/payments");
    router.add("GET", ofUser, [&service](const ApiRequest&, const Router::Params& params) {
        const auto id = Input::pathId(EntityKind::User, params[0]);
        if (!id)
            return id.error();
        const auto payments = service.payments(*id);
        return payments ? ApiResponse::json(200, Json::paymentArray(*payments))
                        : Input::fromError(payments.error());
    });
    router.add("POST", ofUser, [&service](const ApiRequest& request, const Router::Params& params) {
        const auto id = Input::pathId(EntityKind::User, params[0]);
        if (!id)
            return id.error();
        const auto fields = Body::payment(request.body);
        if (!fields)
            return fields.error();
        const auto payment =
            service.addPayment(*id, fields->amount, fields->method, fields->reference);
        return payment ? ApiResponse::json(201, Json::payment(*payment))
                       : Input::fromError(payment.error());
    });
    router.add("DELETE", apiPrefix + QStringLiteral("/payments/{payment_id}"),
               [&service](const ApiRequest& request, const Router::Params& params) {
                   const auto id = Input::pathId(EntityKind::Payment, params[0]);
                   if (!id)
                       return id.error();
                   // Why it was voided may ride along: DELETE has no body.
                   const QString reason =
                       request.query.queryItemValue(Json::Key::reason, QUrl::FullyDecoded);
                   const auto voided = service.voidPayment(*id, reason);
                   return voided ? ApiResponse::noContent() : Input::fromError(voided.error());
               });
}

void addDonationRoutes(Router& router, Model::AuctionService& service)
{
    const QString ofUser = apiPrefix + QStringLiteral("/users/{user_id}/donations");
    router.add("GET", ofUser, [&service](const ApiRequest&, const Router::Params& params) {
        const auto id = Input::pathId(EntityKind::User, params[0]);
        if (!id)
            return id.error();
        const auto donations = service.donations(*id);
        return donations ? ApiResponse::json(200, Json::donationArray(*donations))
                         : Input::fromError(donations.error());
    });
    router.add("POST", ofUser, [&service](const ApiRequest& request, const Router::Params& params) {
        const auto id = Input::pathId(EntityKind::User, params[0]);
        if (!id)
            return id.error();
        const auto fields = Body::donation(request.body);
        if (!fields)
            return fields.error();
        const auto donation = service.addDonation(*id, fields->amount, fields->note);
        return donation ? ApiResponse::json(201, Json::donation(*donation))
                        : Input::fromError(donation.error());
    });
    router.add("DELETE", apiPrefix + QStringLiteral("/donations/{donation_id}"),
               [&service](const ApiRequest&, const Router::Params& params) {
                   const auto id = Input::pathId(EntityKind::Donation, params[0]);
                   if (!id)
                       return id.error();
                   const auto deleted = service.deleteDonation(*id);
                   return deleted ? ApiResponse::noContent() : Input::fromError(deleted.error());
               });
}

void addReportRoutes(Router& router, Model::AuctionService& service)
{
    router.add("GET", apiPrefix + QStringLiteral("/reports/summary"),
               [&service](const ApiRequest&, const Router::Params&) {
                   const auto summary = service.summary();
                   return summary ? ApiResponse::json(200, Json::summary(*summary))
                                  : Input::fromError(summary.error());
               });
    for (const QString& file : {QStringLiteral("invoices.csv"), QStringLiteral("payments.csv")}) {
        router.add("GET", apiPrefix + QStringLiteral("/export/") + file,
                   [&service, file](const ApiRequest&, const Router::Params&) {
                       QBuffer buffer;
                       buffer.open(QIODevice::WriteOnly);
                       const auto kind = *Model::parseCheckoutCsvFile(file);
                       if (auto written = Model::exportCheckoutCsv(service, kind, buffer); !written)
                           return Input::fromError(written.error());
                       return ApiResponse::raw(200, QByteArrayLiteral("text/csv; charset=utf-8"),
                                               buffer.data())
                           .withHeader("Content-Disposition",
                                       "attachment; filename=\"" + file.toUtf8() + '"');
                   });
    }
}

} // namespace

void addCheckoutRoutes(Router& router, RouteContext& context)
{
    addSettingsRoutes(router, context.service);
    addBidderRoutes(router, context.service);
    addPaymentRoutes(router, context.service);
    addDonationRoutes(router, context.service);
    addReportRoutes(router, context.service);
}

} // namespace BidTracker::Api
