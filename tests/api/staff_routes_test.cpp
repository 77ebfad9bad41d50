// Staff, roles and the audit log over HTTP (API.md "Staff", RULES.md 5): a real server on a
// socket over a real database.
#include "apitestserver.h"
#include "model/staffservice.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkReply>
#include <QTest>
#include <QTimer>

using namespace BidTracker;
using Testing::ApiTestServer;
using Testing::HttpReply;
using Testing::isRefusal;

namespace {

QByteArray bearer(const QString& token)
{
    return "Bearer " + token.toUtf8();
}

/// Adds an account with the server's (admin) token and makes a token for it.
QString tokenFor(ApiTestServer& server, const QString& name, const QString& role)
{
    const HttpReply added =
        server.post(QStringLiteral("/api/v1/staff"),
                    QStringLiteral(R"({"staff": {"name": "%1", "role": "%2", "pin": "4821"}})")
                        .arg(name, role)
                        .toUtf8());
    EXPECT_EQ(added.status, 201) << added.body.toStdString();
    const QString id = added.object()[QStringLiteral("staff_id")].toString();
    const HttpReply token = server.post(QStringLiteral("/api/v1/staff/%1/tokens").arg(id),
                                        R"({"token": {"name": "kiosk"}})");
    EXPECT_EQ(token.status, 201) << token.body.toStdString();
    return token.object()[QStringLiteral("token")].toString();
}

struct Cell
{
    const char* what;
    QByteArray method;
    QString path;
    QByteArray body;
    QStringList needs;
};

} // namespace

TEST(StaffRoutes, EveryCellOfTheRoleTableOverTheApi)
{
    ApiTestServer server;
    const QStringList roles{"viewer", "check-in", "clerk", "cashier", "admin"};
    QHash<QString, QString> tokens;
    for (const QString& role : roles)
        tokens[role] = tokenFor(server, QStringLiteral("Staff ") + role, role);
    // One request per row of RULES.md 5 that a route serves; `needs` as the table says.
    const QList<Cell> cells = {
        {"add and edit bidders",
         "POST",
         "/api/v1/users/user1/check-in",
         {},
         {"check-in", "cashier", "admin"}},
        {"place and delete bids", "DELETE", "/api/v1/bids/bid999", {}, {"clerk", "admin"}},
        {"add and edit lots",
         "PUT",
         "/api/v1/items/item2",
         R"({"item": {"description": "x"}})",
         {"clerk", "admin"}},
        {"read invoices", "GET", "/api/v1/users/user1/invoice", {}, {"cashier", "admin"}},
        {"take payments, add donations",
         "POST",
         "/api/v1/users/user1/donations",
         R"({"donation": {"amount": 5}})",
         {"cashier", "admin"}},
        {"void a payment", "DELETE", "/api/v1/payments/payment999", {}, {"cashier", "admin"}},
        {"staff", "GET", "/api/v1/staff", {}, {"admin"}},
        {"audit log", "GET", "/api/v1/audit", {}, {"admin"}},
        {"audit export", "GET", "/api/v1/export/audit.csv", {}, {"admin"}},
        {"settings", "PUT", "/api/v1/settings", R"({"settings": {"name": "Gala"}})", {"admin"}},
    };
    for (const Cell& cell : cells) {
        for (const QString& role : roles) {
            const HttpReply reply = server.request(cell.method, cell.path, cell.body,
                                                   {{"Authorization", bearer(tokens[role])}});
            const std::string where = std::string(cell.what) + " as " + role.toStdString();
            if (cell.needs.contains(role)) {
                EXPECT_NE(reply.status, 403) << where << ": " << reply.body.toStdString();
                EXPECT_NE(reply.status, 401) << where;
                continue;
            }
            EXPECT_TRUE(isRefusal(reply, 403, "forbidden_role")) << where;
            QStringList needs;
            for (const QJsonValue& needed : reply.fact(QStringLiteral("needs")).toArray())
                needs.append(needed.toString());
            EXPECT_EQ(needs, cell.needs) << where;
        }
    }
    // Reading bidders' contacts: the field is there for the roles that may read it only.
    for (const QString& role : roles) {
        const HttpReply user = server.request("GET", QStringLiteral("/api/v1/users/user1"), {},
                                              {{"Authorization", bearer(tokens[role])}});
        ASSERT_EQ(user.status, 200);
        const bool shown = role == u"check-in" || role == u"cashier" || role == u"admin";
        EXPECT_EQ(user.body.contains("\"phone\""), shown) << role.toStdString();
    }
}

TEST(StaffRoutes, AccountsTokensAndTheAuditLogOverHttp)
{
    ApiTestServer server;
    // The PIN is checked, never answered.
    EXPECT_TRUE(
        isRefusal(server.post(QStringLiteral("/api/v1/staff"),
                              R"({"staff": {"name": "Ann", "role": "admin", "pin": "12"}})"),
                  400, "invalid"));
    EXPECT_TRUE(
        isRefusal(server.post(QStringLiteral("/api/v1/staff"),
                              R"({"staff": {"name": "Ann", "role": "boss", "pin": "1234"}})"),
                  400, "invalid"));
    EXPECT_TRUE(isRefusal(
        server.post(QStringLiteral("/api/v1/staff"),
                    R"({"staff": {"name": "Ann", "role": "admin", "pin": "1234", "x": 1}})"),
        400, "invalid"));
    const HttpReply ann =
        server.post(QStringLiteral("/api/v1/staff"),
                    R"({"staff": {"name": "Ann", "role": "admin", "pin": "4821"}})");
    ASSERT_EQ(ann.status, 201);
    EXPECT_FALSE(ann.body.contains("4821"));
    EXPECT_EQ(ann.object()["staff"].toObject()["role"].toString(), QStringLiteral("admin"));
    const QString annId = ann.object()["staff_id"].toString();
    EXPECT_TRUE(isRefusal(server.request("DELETE", QStringLiteral("/api/v1/staff/") + annId), 409,
                          "last_admin"));
    EXPECT_TRUE(isRefusal(server.request("DELETE", QStringLiteral("/api/v1/staff/staff99")), 404,
                          "unknown_staff"));

    const QString clerk = tokenFor(server, QStringLiteral("Cy"), QStringLiteral("clerk"));
    const HttpReply bid =
        server.request("POST", QStringLiteral("/api/v1/bids"),
                       R"({"bid": {"item": "item1", "value": 9000, "user": "user1"}})",
                       {{"Authorization", bearer(clerk)}});
    ASSERT_EQ(bid.status, 201) << bid.body.toStdString();

    // The entry names the token's account and what changed.
    const HttpReply audit = server.get(QStringLiteral("/api/v1/audit?action=bid.place"));
    ASSERT_EQ(audit.status, 200) << audit.body.toStdString();
    EXPECT_EQ(audit.header("X-Total-Count"), "1");
    const QJsonObject entry = audit.json().array().first().toObject();
    EXPECT_EQ(entry["staff"].toString(), QStringLiteral("api:kiosk"));
    EXPECT_EQ(entry["object"].toString(), bid.object()["bid_id"].toString());
    EXPECT_EQ(entry["after"].toObject()["value"].toDouble(), 9000.0);
    EXPECT_EQ(entry["hash"].toString().size(), 64);
    const HttpReply byStaff = server.get(QStringLiteral("/api/v1/audit?staff=ann&limit=1"));
    EXPECT_EQ(byStaff.json().array().size(), 0);
    const HttpReply all = server.get(QStringLiteral("/api/v1/audit?limit=2&offset=1"));
    EXPECT_EQ(all.json().array().size(), 2);
    EXPECT_GE(all.header("X-Total-Count").toInt(), 4);
    const HttpReply csv = server.get(QStringLiteral("/api/v1/export/audit.csv"));
    ASSERT_EQ(csv.status, 200);
    EXPECT_TRUE(
        csv.body.startsWith("entry_id,at,staff,station,action,object,before,after,hash\r\n"));
    EXPECT_TRUE(csv.body.contains("bid.place"));
    EXPECT_EQ(server.getPublic(QStringLiteral("/api/v1/audit")).status, 401);

    // Revoked: refused at the next request.
    const HttpReply tokenList = server.post(QStringLiteral("/api/v1/staff/%1/tokens").arg(annId),
                                            R"({"token": {"name": "script"}})");
    ASSERT_EQ(tokenList.status, 201);
    const QString script = tokenList.object()["token"].toString();
    EXPECT_EQ(server
                  .request("GET", QStringLiteral("/api/v1/staff"), {},
                           {{"Authorization", bearer(script)}})
                  .status,
              200);
    EXPECT_EQ(server
                  .request("DELETE", QStringLiteral("/api/v1/tokens/") +
                                         tokenList.object()["token_id"].toString())
                  .status,
              204);
    EXPECT_TRUE(isRefusal(server.request("GET", QStringLiteral("/api/v1/staff"), {},
                                         {{"Authorization", bearer(script)}}),
                          401, "unauthorized"));
}

TEST(StaffRoutes, AKeyedStaffChangeIsReplayedWithoutASecondEntry)
{
    ApiTestServer server;
    const QByteArray body = R"({"staff": {"name": "Ann", "role": "admin", "pin": "4821"}})";
    const QList<std::pair<QByteArray, QByteArray>> keyed{{"Idempotency-Key", "add-ann-1"}};
    // WHEN the same keyed POST /staff comes twice
    const HttpReply first = server.request("POST", QStringLiteral("/api/v1/staff"), body, keyed);
    ASSERT_EQ(first.status, 201) << first.body.toStdString();
    const HttpReply again = server.request("POST", QStringLiteral("/api/v1/staff"), body, keyed);
    // THEN the second gets the first's answer, and one account and one entry exist
    EXPECT_EQ(again.status, 201);
    EXPECT_EQ(again.header("Idempotent-Replayed"), "true");
    EXPECT_EQ(again.body, first.body);
    EXPECT_EQ(server.get(QStringLiteral("/api/v1/staff")).json().array().size(), 1);
    const HttpReply entries = server.get(QStringLiteral("/api/v1/audit?action=staff.add"));
    EXPECT_EQ(entries.header("X-Total-Count"), "1");
    // AND a keyed bid replayed leaves one bid.place entry too
    const QByteArray bid = R"({"bid": {"item": "item1", "value": 9000, "user": "user1"}})";
    const QList<std::pair<QByteArray, QByteArray>> bidKey{{"Idempotency-Key", "bid-1"}};
    EXPECT_EQ(server.request("POST", QStringLiteral("/api/v1/bids"), bid, bidKey).status, 201);
    const HttpReply bidAgain = server.request("POST", QStringLiteral("/api/v1/bids"), bid, bidKey);
    EXPECT_EQ(bidAgain.header("Idempotent-Replayed"), "true");
    EXPECT_EQ(server.get(QStringLiteral("/api/v1/audit?action=bid.place")).header("X-Total-Count"),
              "1");
    // AND the chain is whole
    auto verdict = Model::StaffService(server.auction().db(), Model::Actor{}).verifyAudit();
    ASSERT_TRUE(verdict);
    EXPECT_TRUE(verdict->whole) << verdict->problem.toStdString();
}

TEST(StaffRoutes, ANewTokenIsNeverKeptForAReplay)
{
    ApiTestServer server;
    const HttpReply ann =
        server.post(QStringLiteral("/api/v1/staff"),
                    R"({"staff": {"name": "Ann", "role": "admin", "pin": "4821"}})");
    ASSERT_EQ(ann.status, 201);
    const QString path =
        QStringLiteral("/api/v1/staff/%1/tokens").arg(ann.object()["staff_id"].toString());
    const QList<std::pair<QByteArray, QByteArray>> keyed{{"Idempotency-Key", "token-1"}};
    const HttpReply first = server.request("POST", path, R"({"token": {"name": "kiosk"}})", keyed);
    const HttpReply second = server.request("POST", path, R"({"token": {"name": "kiosk"}})", keyed);
    ASSERT_EQ(first.status, 201);
    ASSERT_EQ(second.status, 201);
    // THEN no answer was kept: each is a new token, and neither is stored anywhere
    EXPECT_TRUE(second.header("Idempotent-Replayed").isEmpty());
    const QString token = first.object()["token"].toString();
    EXPECT_NE(token, second.object()["token"].toString());
    EXPECT_FALSE(server.snapshot().contains(token));
}

namespace {

/// GET `path` on the server at `port` with `token`: the status.
int statusOf(quint16 port, const QString& path, const QString& token)
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
    request.setRawHeader("Authorization", bearer(token));
    QNetworkReply* reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10'000, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

} // namespace

TEST(StaffRoutes, ARevokedTokenIsRefusedByASecondStationWithinASecond)
{
    ApiTestServer first;
    const QString script = tokenFor(first, QStringLiteral("Ann"), QStringLiteral("admin"));
    // A second station's server on the same auction, that has just used the token.
    Api::ServerThread second(first.auction().path(), ApiTestServer::defaultSettings(), nullptr);
    QString error;
    ASSERT_TRUE(second.startServer(&error)) << error.toStdString();
    ASSERT_EQ(statusOf(second.port(), QStringLiteral("/api/v1/staff"), script), 200);
    // WHEN the first station revokes it
    const HttpReply tokens = first.get(QStringLiteral("/api/v1/audit?action=token.add"));
    const QString tokenId = tokens.json().array().last().toObject()["object"].toString();
    ASSERT_EQ(first.request("DELETE", QStringLiteral("/api/v1/tokens/") + tokenId).status, 204);
    QElapsedTimer since;
    since.start();
    // THEN the second refuses it within a second
    int status = 200;
    while (status == 200 && since.elapsed() < 2000) {
        status = statusOf(second.port(), QStringLiteral("/api/v1/staff"), script);
        if (status == 200)
            QTest::qWait(50);
    }
    EXPECT_EQ(status, 401);
    EXPECT_LT(since.elapsed(), 1000);
    second.stopServer();
}
