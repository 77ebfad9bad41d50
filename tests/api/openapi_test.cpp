// The OpenAPI document and the metrics text, checked against the real server and by the
// standard tools (the document's validity itself is the openapi_valid test: swagger-parser).
#include "apitestserver.h"
#include "app/api/apiserver.h"

#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryFile>

using namespace BidTracker;
using Testing::ApiTestServer;
using Testing::isRefusal;

TEST(OpenApi, DocumentsEveryRouteTheServerHas)
{
    // GIVEN the router of a real API server and the served document
    Testing::TestAuction auction;
    Api::ApiServer api(auction.service(), auction.db(), ApiTestServer::defaultSettings());
    ApiTestServer server;
    const QJsonObject paths =
        server.get(QStringLiteral("/api/v1/openapi.json")).object()["paths"].toObject();
    // THEN every route is in it, under its path relative to /api/v1 (or the root)
    for (const auto& [method, pattern] : api.router().routes()) {
        if (pattern == u"/apidocs/{file}")
            continue; // the page's own assets
        QString path = pattern;
        if (path.startsWith(QStringLiteral("/api/v1")))
            path = path.mid(7);
        EXPECT_TRUE(paths[path].toObject().contains(QString::fromLatin1(method.toLower())))
            << method.toStdString() << " " << pattern.toStdString() << " is not documented";
    }
}

TEST(OpenApi, EveryDocumentedRouteExists)
{
    // GIVEN the router of a real API server and the served document
    Testing::TestAuction auction;
    Api::ApiServer api(auction.service(), auction.db(), ApiTestServer::defaultSettings());
    QSet<QString> served;
    for (const auto& [method, pattern] : api.router().routes())
        served.insert(QString::fromLatin1(method) + u' ' + pattern);
    ApiTestServer server;
    const auto document = server.get(QStringLiteral("/api/v1/openapi.json"));
    ASSERT_EQ(document.status, 200);
    const QJsonObject paths = document.object()["paths"].toObject();
    ASSERT_FALSE(paths.isEmpty());
    // THEN every operation it documents is a route of the server, under /api/v1 or the root
    int operations = 0;
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        for (const QString& method : path->toObject().keys()) {
            // A path item also holds parameters, servers, summary...: only methods count.
            static const QSet<QString> methods{QStringLiteral("get"),     QStringLiteral("put"),
                                               QStringLiteral("post"),    QStringLiteral("delete"),
                                               QStringLiteral("patch"),   QStringLiteral("head"),
                                               QStringLiteral("options"), QStringLiteral("trace")};
            if (!methods.contains(method))
                continue;
            ++operations;
            const QString upper = method.toUpper();
            EXPECT_TRUE(served.contains(upper + QStringLiteral(" /api/v1") + path.key()) ||
                        served.contains(upper + u' ' + path.key()))
                << upper.toStdString() << " " << path.key().toStdString()
                << " is documented but the server has no such route";
        }
    }
    EXPECT_GE(operations, served.size() - 1); // all but the page's own assets
}

TEST(Metrics, PassesPromtoolCheck)
{
    // GIVEN a server that answered some requests, accepted a bid and refused another
    ApiTestServer server;
    EXPECT_EQ(server.get(QStringLiteral("/api/v1/items")).status, 200);
    EXPECT_TRUE(isRefusal(server.get(QStringLiteral("/api/v1/nope")), 404, "not_found"));
    EXPECT_EQ(server
                  .post(QStringLiteral("/api/v1/bids"),
                        R"({"bid": {"item": "item2", "value": 5, "user": "user1"}})")
                  .status,
              201);
    EXPECT_TRUE(isRefusal(server.post(QStringLiteral("/api/v1/bids"),
                                      R"({"bid": {"item": "item2", "value": 5, "user": "user1"}})"),
                          409, "below_minimum"));
    const QByteArray text = server.get(QStringLiteral("/metrics")).body;
    EXPECT_TRUE(text.contains("bidtracker_bids_total{outcome=\"accepted\"} 1"));
    EXPECT_TRUE(text.contains("bidtracker_bids_total{outcome=\"rejected\"} 1"));
    EXPECT_TRUE(text.contains("route=\"unmatched\",method=\"GET\",status=\"404\""));
    EXPECT_TRUE(text.contains("bidtracker_http_request_duration_seconds_bucket{le=\"+Inf\"}"));
    EXPECT_TRUE(text.contains("bidtracker_uptime_seconds "));
    // WHEN promtool reads it THEN it finds no problem
    QProcess promtool;
    promtool.start(QStringLiteral("promtool"),
                   {QStringLiteral("check"), QStringLiteral("metrics")});
    ASSERT_TRUE(promtool.waitForStarted(5000)) << "promtool is missing (Debian package prometheus)";
    promtool.write(text);
    promtool.closeWriteChannel();
    ASSERT_TRUE(promtool.waitForFinished(10'000));
    EXPECT_EQ(promtool.exitCode(), 0) << promtool.readAll().toStdString();
}
