#pragma once

#include "apirequest.h"
#include "apiresponse.h"
#include "model/records.h"
#include "router.h"

#include <QJsonArray>
#include <expected>

namespace BidTracker::Model {
class AuctionService;
class Database;
} // namespace BidTracker::Model

namespace BidTracker::Api {

class BidBatcher;
class Metrics;

/// What the route handlers of one server thread share.
struct RouteContext
{
    Model::AuctionService& service;
    Model::Database& db; // for streaming exports, which read rather than rule
    Metrics& metrics;
    BidBatcher& bids;
};

/// The API's path prefix.
inline const QString apiPrefix = QStringLiteral("/api/v1");

void addUserRoutes(Router& router, RouteContext& context);
void addItemRoutes(Router& router, RouteContext& context);
void addBidRoutes(Router& router, RouteContext& context);
void addMetaRoutes(Router& router, RouteContext& context);
/// Settings, check-in, invoices, payments, donations, the summary and the checkout exports
/// (API.md, "Routes for the whole auction night"; checkoutroutes.cpp).
void addCheckoutRoutes(Router& router, RouteContext& context);
/// Staff accounts, tokens and the audit log (API.md "Staff"; staffroutes.cpp).
void addStaffRoutes(Router& router, RouteContext& context);
/// Whether the request may see bidders' phone, email and check-in time: a token whose role
/// may read them (API.md "Personal data").
bool showsContacts(const ApiRequest& request);
/// Consignors, settlements, payouts and their exports (API.md "Consignors";
/// consignorroutes.cpp).
void addConsignorRoutes(Router& router, RouteContext& context);

/// The id of the bidder with paddle number `number`; 404 naming the number when none has it.
std::expected<qint64, ApiResponse> bidderIdByNumber(Model::AuctionService& service, qint64 number);

/// A list answer with its X-Total-Count header, and a Link header to the next page when
/// `rows` rows from `page` do not reach the end; `body` is already JSON.
ApiResponse listResponse(QByteArray body, qint64 total, const ApiRequest& request,
                         const Model::Page& page, qint64 rows);
/// A JSON object whose keys are ids, built in list order (QJsonObject would sort them).
class JsonMap
{
public:
    void add(const QString& key, const QJsonValue& value);
    QByteArray finish();

private:
    QByteArray m_body = "{";
};
/// 201 with a Location header.
ApiResponse created(const QJsonValue& body, const QString& location);

} // namespace BidTracker::Api
