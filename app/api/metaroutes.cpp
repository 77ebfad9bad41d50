// Routes about the API itself: health, the OpenAPI document, the API page and metrics.
#include "metrics.h"
#include "model/auctionservice.h"
#include "requestinput.h"
#include "routecontext.h"

#include "model/csv/csvexport.h"

#include <QBuffer>
#include <QFile>
#include <QJsonObject>

namespace BidTracker::Api {

namespace {

/// A file compiled into the program (resources/), answered as is.
ApiResponse resourceFile(const QString& path, const QByteArray& contentType)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ApiResponse::error(404,
                                  QStringLiteral("%1 is not part of this build").arg(path.mid(2)));
    return ApiResponse::raw(200, contentType, file.readAll());
}

} // namespace

void addMetaRoutes(Router& router, RouteContext& context)
{
    auto& service = context.service;
    auto& metrics = context.metrics;

    router.add(
        "GET", apiPrefix + QStringLiteral("/health"),
        [&service](const ApiRequest&, const Router::Params&) {
            // One indexed read proves the file can be read through this connection.
            const auto probe = service.users(Model::Page{0, 0});
            // Retry-After as on every other 503: a balancer backs off the same way.
            if (!probe)
                return ApiResponse::json(
                           503,
                           QJsonObject{{QStringLiteral("status"), QStringLiteral("unavailable")},
                                       {QStringLiteral("message"), probe.error().message},
                                       {QStringLiteral("error"),
                                        QJsonObject{{QStringLiteral("code"),
                                                     Model::reasonCode(probe.error())}}}})
                    .withHeader("Retry-After", "1");
            return ApiResponse::json(200,
                                     QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}});
        });

    router.add("GET", apiPrefix + QStringLiteral("/openapi.json"),
               [](const ApiRequest&, const Router::Params&) {
                   return resourceFile(QStringLiteral(":/api/openapi.json"),
                                       QByteArrayLiteral("application/json"));
               });

    router.add(
        "GET", apiPrefix + QStringLiteral("/export/{file}"),
        [&context](const ApiRequest&, const Router::Params& params) {
            const QString& file = params[0];
            const auto kind = file.endsWith(QStringLiteral(".csv"))
                                  ? Model::parseCsvKind(QStringView(file).chopped(4))
                                  : std::nullopt;
            if (!kind)
                return ApiResponse::error(
                    404, QStringLiteral("No such export: %1; there are items.csv, users.csv, "
                                        "bids.csv and results.csv")
                             .arg(file.left(64)));
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            if (auto written = Model::exportCsv(context.db, *kind, buffer); !written)
                return Input::fromError(written.error());
            return ApiResponse::raw(200, QByteArrayLiteral("text/csv; charset=utf-8"),
                                    buffer.data())
                .withHeader("Content-Disposition", "attachment; filename=\"" + file.toUtf8() + '"');
        });

    router.add("GET", QStringLiteral("/apidocs"), [](const ApiRequest&, const Router::Params&) {
        return resourceFile(QStringLiteral(":/apidocs/index.html"),
                            QByteArrayLiteral("text/html; charset=utf-8"));
    });
    router.add("GET", QStringLiteral("/apidocs/{file}"),
               [](const ApiRequest&, const Router::Params& params) {
                   // Only the page's own two assets; no path ever reaches the file system.
                   if (params[0] == u"swagger-ui-bundle.js")
                       return resourceFile(QStringLiteral(":/apidocs/swagger-ui-bundle.js"),
                                           QByteArrayLiteral("text/javascript; charset=utf-8"));
                   if (params[0] == u"swagger-ui.css")
                       return resourceFile(QStringLiteral(":/apidocs/swagger-ui.css"),
                                           QByteArrayLiteral("text/css; charset=utf-8"));
                   return ApiResponse::error(
                       404, QStringLiteral("No such file: /apidocs/%1").arg(params[0].left(64)));
               });

    router.add(
        "GET", QStringLiteral("/metrics"), [&metrics](const ApiRequest&, const Router::Params&) {
            return ApiResponse::raw(
                200, QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"), metrics.text());
        });
}

} // namespace BidTracker::Api
