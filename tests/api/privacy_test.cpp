// API.md "Personal data" and two rules of "Versions and safe retries" (an empty POST needs
// no Content-Type; query values are trimmed), over a real server on a socket.
#include "apitestserver.h"
#include "rawsocket.h"

#include <QJsonArray>
#include <QSet>

using BidTracker::Testing::ApiTestServer;
using BidTracker::Testing::HttpReply;

namespace {

QString api(const char* path)
{
    return QStringLiteral("/api/v1") + QString::fromUtf8(path);
}

QSet<QString> keysOf(const QJsonObject& object)
{
    const QStringList keys = object.keys();
    return {keys.begin(), keys.end()};
}

const QSet<QString> publicKeys{QStringLiteral("user_id"), QStringLiteral("name"),
                               QStringLiteral("number"), QStringLiteral("bid_count")};

/// The sample auction with Albert's phone, email and check-in on record.
struct Venue
{
    ApiTestServer server;
    Venue()
    {
        const auto put = server.request(
            "PUT", api("/users/user1"),
            R"({"phone": "+1 555 0100", "email": "albert@example.org", "tax_exempt": true})");
        EXPECT_EQ(put.status, 200) << put.body.toStdString();
        EXPECT_EQ(server.post(api("/users/user1/check-in"), {}).status, 200);
    }
};

} // namespace

TEST(ApiPersonalData, UsersReadWithoutATokenCarryOnlyTheirPublicFields)
{
    Venue venue;
    const qint64 number = venue.server.auction().service().user(1)->number;
    const auto one = venue.server.getPublic(api("/users/user1"));
    ASSERT_EQ(one.status, 200);
    EXPECT_EQ(keysOf(one.object()), publicKeys) << one.body.toStdString();
    EXPECT_EQ(one.object()["name"].toString(), u"Albert");
    const auto all = venue.server.getPublic(api("/users"));
    ASSERT_EQ(all.status, 200);
    for (const QJsonValue& user : all.object())
        EXPECT_EQ(keysOf(user.toObject()), publicKeys) << all.body.toStdString();
    const auto byNumber = venue.server.getPublic(api("/users?number=") + QString::number(number));
    ASSERT_EQ(byNumber.status, 200);
    EXPECT_EQ(keysOf(byNumber.object()["user1"].toObject()), publicKeys);
    EXPECT_FALSE(all.body.contains("albert@example.org"));
    EXPECT_FALSE(all.body.contains("555 0100"));
    // AND with the token the same reads carry them
    const auto staff = venue.server.get(api("/users/user1"));
    EXPECT_EQ(staff.object()["email"].toString(), u"albert@example.org");
    EXPECT_EQ(staff.object()["phone"].toString(), u"+1 555 0100");
    EXPECT_TRUE(staff.object()["tax_exempt"].toBool());
    EXPECT_TRUE(staff.object()["checked_in_at"].isString());
}

TEST(ApiPersonalData, TheAnswerCacheNeverServesOneReadersAnswerToAnother)
{
    Venue venue;
    // The staff's answer first, then the public one, then the staff's again: each as its own
    for (const char* path : {"/users/user1", "/users", "/users/user1/bids"}) {
        const auto staff = venue.server.get(api(path));
        const auto anyone = venue.server.getPublic(api(path));
        const auto staffAgain = venue.server.get(api(path));
        ASSERT_EQ(anyone.status, 200);
        EXPECT_FALSE(anyone.body.contains("albert@example.org")) << path;
        EXPECT_EQ(staff.body, staffAgain.body) << path;
    }
    EXPECT_TRUE(venue.server.get(api("/users")).body.contains("albert@example.org"));
}

TEST(ApiPersonalData, InvoicesPaymentsDonationsSummaryAndPersonalExportsNeedTheToken)
{
    Venue venue;
    for (const char* path : {"/users/user1/invoice", "/users/user1/payments",
                             "/users/user1/donations", "/reports/summary", "/export/users.csv",
                             "/export/invoices.csv", "/export/payments.csv"}) {
        const auto anyone = venue.server.getPublic(api(path));
        EXPECT_EQ(anyone.status, 401) << path;
        EXPECT_TRUE(anyone.header("WWW-Authenticate").startsWith("Bearer")) << path;
        EXPECT_FALSE(anyone.body.contains("Albert")) << path;
        const auto wrong =
            venue.server.request("GET", api(path), {}, {{"Authorization", "Bearer not-the-token"}});
        EXPECT_EQ(wrong.status, 401) << path;
        EXPECT_EQ(venue.server.get(api(path)).status, 200) << path;
    }
}

TEST(ApiPersonalData, TheOriginalsRoutesAndShapesNeedNoToken)
{
    ApiTestServer server;
    for (const char* path :
         {"/users", "/users/user1", "/users/user1/items", "/users/user1/bids", "/items",
          "/items/item1", "/items/item1?complete=1", "/items/item1/bids", "/items/item1/winning",
          "/bids", "/bids/bid1", "/export/items.csv", "/export/bids.csv", "/export/results.csv",
          "/settings", "/health"})
        EXPECT_EQ(server.getPublic(api(path)).status, 200) << path;
    const QJsonObject user = server.getPublic(api("/users/user2")).object();
    EXPECT_EQ(user["name"].toString(), u"Berry");
    EXPECT_EQ(user["user_id"].toString(), u"user2");
    const QJsonObject item = server.getPublic(api("/items/item1")).object()["item"].toObject();
    EXPECT_EQ(item["winning"].toString(), u"bid2");
    EXPECT_EQ(item["bids"].toArray(), (QJsonArray{"bid1", "bid2"}));
}

TEST(ApiPersonalData, WithoutAuthEveryReaderIsTrusted)
{
    // --no-auth: writes are open, so hiding reads would protect nothing (README, Security)
    auto settings = ApiTestServer::defaultSettings();
    settings.authRequired = false;
    ApiTestServer server(settings);
    ASSERT_EQ(server
                  .request("PUT", api("/users/user1"), R"({"email": "albert@example.org"})",
                           {{"Authorization", QByteArray()}})
                  .status,
              200);
    EXPECT_EQ(server.getPublic(api("/users/user1")).object()["email"].toString(),
              u"albert@example.org");
    EXPECT_EQ(server.getPublic(api("/reports/summary")).status, 200);
}

TEST(ApiRequests, AnEmptyPostNeedsNoContentType)
{
    // The README's check-in: curl -X POST -H "Authorization: Bearer ..." .../check-in
    ApiTestServer server;
    for (const QByteArray& path :
         {QByteArray("/api/v1/users/user1/check-in"), QByteArray("/api/v1/items/close-all")}) {
        BidTracker::Testing::RawSocket socket(server.port());
        ASSERT_TRUE(socket.connected());
        ASSERT_TRUE(socket.send(
            "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
            ApiTestServer::Token.toUtf8() + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
        const auto answers = BidTracker::Testing::splitAnswers(socket.readUntilClosed(5000));
        ASSERT_EQ(answers.size(), 1) << path.constData();
        EXPECT_EQ(answers.front().status, 200) << answers.front().body.toStdString();
    }
    EXPECT_FALSE(server.auction().service().user(1)->checkedInAt.isEmpty());
    // A body still has to say it is JSON
    const auto typed = server.request("POST", api("/users"), R"({"name": "Eve"})",
                                      {{"Content-Type", "text/plain"}});
    EXPECT_EQ(typed.status, 415);
}

TEST(ApiRequests, SpacesAroundAQueryValueAreRemovedEverywhere)
{
    ApiTestServer server(ApiTestServer::defaultSettings(), false);
    ASSERT_EQ(server.post(api("/users"), R"({"name": "Dora", "number": 5000})").status, 201);
    for (const char* query : {"?number=%205000", "?number=5000%20", "?number=%095000%20%20"}) {
        const auto found = server.get(api("/users") + QString::fromLatin1(query));
        EXPECT_EQ(found.status, 200) << query << " " << found.body.toStdString();
        EXPECT_EQ(found.object()["user1"].toObject()["name"].toString(), u"Dora") << query;
    }
    ASSERT_EQ(server.post(api("/items"), R"({"item": {"name": "Vase"}})").status, 201);
    ASSERT_EQ(server.post(api("/items"), R"({"item": {"name": "Clock"}})").status, 201);
    for (const char* query : {"?limit=%201", "?limit=1%20&offset=%200"}) {
        const auto page = server.get(api("/items") + QString::fromLatin1(query));
        EXPECT_EQ(page.status, 200) << query << " " << page.body.toStdString();
        EXPECT_EQ(page.object().size(), 1) << query;
        EXPECT_EQ(page.header("X-Total-Count"), "2") << query;
    }
    const auto winning = server.get(api("/items/item1?winningOnly=%201"));
    EXPECT_EQ(winning.status, 200) << winning.body.toStdString();
    EXPECT_FALSE(winning.object()["item"].toObject().contains("bids"));
}
