// Every route of API.md with its shapes and statuses, against the sample auction.
#include "apitestserver.h"
#include "app/api/answercache.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QThread>

using BidTracker::Testing::ApiTestServer;
using BidTracker::Testing::isRefusal;

namespace {

QString api(const char* path)
{
    return QStringLiteral("/api/v1") + QString::fromUtf8(path);
}

} // namespace

TEST(ApiUsers, ListsUsersAsAMapById)
{
    ApiTestServer server;
    const auto reply = server.get(api("/users"));
    EXPECT_EQ(reply.status, 200);
    EXPECT_EQ(reply.header("Content-Type"), "application/json");
    EXPECT_EQ(reply.header("X-Total-Count"), "3");
    const QJsonObject users = reply.object();
    EXPECT_EQ(users.size(), 3);
    EXPECT_EQ(users["user1"]["name"].toString(), QStringLiteral("Albert"));
    EXPECT_EQ(users["user3"]["name"].toString(), QStringLiteral("Constance"));
}

TEST(ApiUsers, CreatesAUserWithLocation)
{
    ApiTestServer server;
    const auto reply = server.post(api("/users"), R"({"name": "David"})");
    EXPECT_EQ(reply.status, 201);
    EXPECT_EQ(reply.object()["name"].toString(), QStringLiteral("David"));
    EXPECT_EQ(reply.object()["user_id"].toString(), QStringLiteral("user4"));
    EXPECT_EQ(reply.header("Location"), "/api/v1/users/user4");
    EXPECT_EQ(server.get(api("/users/user4")).object()["name"].toString(), QStringLiteral("David"));
}

TEST(ApiUsers, GetsRenamesAndDeletesAUser)
{
    ApiTestServer server;
    auto one = server.get(api("/users/user1"));
    EXPECT_EQ(one.status, 200);
    EXPECT_EQ(one.object()["user_id"].toString(), QStringLiteral("user1"));
    auto renamed = server.request("PUT", api("/users/user3"), R"({"name": "Connie"})");
    EXPECT_EQ(renamed.status, 200);
    EXPECT_EQ(renamed.object()["name"].toString(), QStringLiteral("Connie"));
    EXPECT_EQ(server.request("DELETE", api("/users/user3")).status, 204);
    EXPECT_TRUE(isRefusal(server.get(api("/users/user3")), 404, "unknown_user"));
}

TEST(ApiUsers, RefusesToDeleteAUserWithBids)
{
    ApiTestServer server;
    const auto reply = server.request("DELETE", api("/users/user1"));
    EXPECT_TRUE(isRefusal(reply, 409, "has_bids"));
    EXPECT_EQ(reply.fact(QStringLiteral("user")).toString(), QStringLiteral("user1"));
    EXPECT_EQ(reply.fact(QStringLiteral("bid_count")).toInt(), 1);
    EXPECT_TRUE(reply.object()["message"].toString().contains(QStringLiteral("user1")));
    EXPECT_EQ(server.get(api("/users/user1")).status, 200);
}

TEST(ApiUsers, ListsTheItemsAUserBidOnOnce)
{
    ApiTestServer server;
    ASSERT_EQ(
        server.post(api("/bids"), R"({"bid": {"item": "item1", "value": 1500, "user": "user1"}})")
            .status,
        201);
    const auto reply = server.get(api("/users/user1/items"));
    EXPECT_EQ(reply.status, 200);
    EXPECT_EQ(reply.object()["name"].toString(), QStringLiteral("Albert"));
    EXPECT_EQ(reply.object()["items_bid"].toArray(), QJsonArray{QStringLiteral("item1")});
    EXPECT_EQ(server.get(api("/users/user3/items")).object()["items_bid"].toArray(), QJsonArray{});
}

TEST(ApiUsers, ListsAUsersBidsOldestFirst)
{
    ApiTestServer server;
    ASSERT_EQ(
        server.post(api("/bids"), R"({"bid": {"item": "item1", "value": 1500, "user": "user1"}})")
            .status,
        201);
    const auto reply = server.get(api("/users/user1/bids"));
    EXPECT_EQ(reply.status, 200);
    EXPECT_EQ(reply.header("X-Total-Count"), "2");
    const QJsonArray bids = reply.json().array();
    ASSERT_EQ(bids.size(), 2);
    EXPECT_EQ(bids[0]["bid_id"].toString(), QStringLiteral("bid1"));
    EXPECT_EQ(bids[1]["bid"]["value"].toDouble(), 1500.0);
}

TEST(ApiItems, ListsItemsInTheOriginalShape)
{
    ApiTestServer server;
    const auto reply = server.get(api("/items"));
    EXPECT_EQ(reply.status, 200);
    const QJsonObject item1 = reply.object()["item1"]["item"].toObject();
    EXPECT_EQ(item1["name"].toString(), QString::fromUtf8("Item Nº 1"));
    EXPECT_EQ(item1["winning"].toString(), QStringLiteral("bid2"));
    EXPECT_EQ(item1["bids"].toArray(),
              (QJsonArray{QStringLiteral("bid1"), QStringLiteral("bid2")}));
    EXPECT_TRUE(reply.object()["item2"]["item"]["winning"].isNull());
    // Money is a JSON number written with its decimal point, as the original did.
    EXPECT_TRUE(reply.body.contains("\"winning_value\":1000.0"));
}

TEST(ApiItems, CreatesAnItemWithLocation)
{
    ApiTestServer server;
    const auto reply = server.post(api("/items"), R"({"item": {"name": "Item Nº 3"}})");
    EXPECT_EQ(reply.status, 201);
    EXPECT_EQ(reply.object()["item_id"].toString(), QStringLiteral("item3"));
    EXPECT_EQ(reply.object()["item"]["name"].toString(), QString::fromUtf8("Item Nº 3"));
    EXPECT_TRUE(reply.object()["item"]["winning"].isNull());
    EXPECT_EQ(reply.object()["item"]["bids"].toArray(), QJsonArray{});
    EXPECT_EQ(reply.header("Location"), "/api/v1/items/item3");
}

TEST(ApiItems, GetsAnItemPlainWinningOnlyAndComplete)
{
    ApiTestServer server;
    const auto plain = server.get(api("/items/item1"));
    EXPECT_EQ(plain.status, 200);
    EXPECT_EQ(plain.object()["item"]["bids"].toArray().size(), 2);
    const auto winningOnly = server.get(api("/items/item1?winningOnly=1"));
    EXPECT_EQ(winningOnly.object()["item"]["winning"].toString(), QStringLiteral("bid2"));
    EXPECT_FALSE(winningOnly.object()["item"].toObject().contains(QStringLiteral("bids")));
    const auto complete = server.get(api("/items/item1?complete=1"));
    const QJsonArray bids = complete.object()["item"]["bids"].toArray();
    ASSERT_EQ(bids.size(), 2);
    EXPECT_EQ(bids[0]["bid_id"].toString(), QStringLiteral("bid1"));
    EXPECT_EQ(bids[0]["bid"]["user"].toString(), QStringLiteral("user1"));
    EXPECT_EQ(bids[1]["bid"]["value"].toDouble(), 1000.0);
}

TEST(ApiItems, UpdatesOnlyTheFieldsSent)
{
    ApiTestServer server;
    const auto reply = server.request("PUT", api("/items/item2"),
                                      R"({"item": {"status": "closed", "min_increment": 5}})");
    EXPECT_EQ(reply.status, 200);
    const QJsonObject item = reply.object()["item"].toObject();
    EXPECT_EQ(item["status"].toString(), QStringLiteral("closed"));
    EXPECT_EQ(item["min_increment"].toDouble(), 5.0);
    EXPECT_EQ(item["name"].toString(), QString::fromUtf8("Item Nº 2"));
}

TEST(ApiItems, DeletesAnItemWithoutBidsButNotOneWithBids)
{
    ApiTestServer server;
    const auto refused = server.request("DELETE", api("/items/item1"));
    EXPECT_TRUE(isRefusal(refused, 409, "has_bids"));
    EXPECT_EQ(refused.fact(QStringLiteral("item")).toString(), QStringLiteral("item1"));
    EXPECT_EQ(refused.fact(QStringLiteral("bid_count")).toInt(), 2);
    EXPECT_EQ(server.request("DELETE", api("/items/item2")).status, 204);
    EXPECT_TRUE(isRefusal(server.get(api("/items/item2")), 404, "unknown_item"));
}

TEST(ApiItems, ListsAnItemsBidsAndItsWinner)
{
    ApiTestServer server;
    const auto bids = server.get(api("/items/item1/bids"));
    EXPECT_EQ(bids.status, 200);
    EXPECT_EQ(bids.json().array().size(), 2);
    EXPECT_EQ(bids.header("X-Total-Count"), "2");
    const auto winning = server.get(api("/items/item1/winning"));
    EXPECT_EQ(winning.status, 200);
    EXPECT_EQ(winning.object()["bid_id"].toString(), QStringLiteral("bid2"));
    const auto none = server.get(api("/items/item2/winning"));
    EXPECT_TRUE(isRefusal(none, 404, "no_bids"));
    EXPECT_EQ(none.object()["message"].toString(), QStringLiteral("Item item2 has no bids"));
}

TEST(ApiBids, ListsBidsAsAMapById)
{
    ApiTestServer server;
    const auto reply = server.get(api("/bids"));
    EXPECT_EQ(reply.status, 200);
    const QJsonObject bid1 = reply.object()["bid1"].toObject();
    EXPECT_EQ(bid1["bid_id"].toString(), QStringLiteral("bid1"));
    EXPECT_EQ(bid1["bid"]["item"].toString(), QStringLiteral("item1"));
    EXPECT_EQ(bid1["bid"]["user"].toString(), QStringLiteral("user1"));
    EXPECT_EQ(bid1["bid"]["value"].toDouble(), 500.0);
    EXPECT_TRUE(reply.body.contains("\"value\":500.0"));
}

TEST(ApiBids, PlacesABidFromANumberOrANumericString)
{
    ApiTestServer server;
    const auto first =
        server.post(api("/bids"), R"({"bid": {"item": "item2", "value": 650.5, "user": "user1"}})");
    EXPECT_EQ(first.status, 201);
    EXPECT_EQ(first.object()["bid_id"].toString(), QStringLiteral("bid3"));
    EXPECT_EQ(first.object()["bid"]["value"].toDouble(), 650.5);
    EXPECT_EQ(first.header("Location"), "/api/v1/bids/bid3");
    EXPECT_TRUE(first.object()["bid"]["placed_at"].toString().endsWith(u'Z'));
    const auto second = server.post(
        api("/bids"), R"({"bid": {"item": "item2", "value": "100000", "user": "user2"}})");
    EXPECT_EQ(second.status, 201);
    EXPECT_EQ(server.get(api("/items/item2/winning")).object()["bid_id"].toString(),
              QStringLiteral("bid4"));
}

TEST(ApiBids, RejectsALowBidWithTheLowestAcceptable)
{
    ApiTestServer server;
    const QString before = server.snapshot();
    const auto reply =
        server.post(api("/bids"), R"({"bid": {"item": "item1", "value": 600, "user": "user3"}})");
    EXPECT_TRUE(isRefusal(reply, 409, "below_minimum"));
    // The facts as data, money as the API's other money: numbers with their decimal point.
    EXPECT_EQ(reply.fact(QStringLiteral("minimum")).toDouble(), 1000.01);
    EXPECT_EQ(reply.fact(QStringLiteral("winning_value")).toDouble(), 1000.0);
    EXPECT_EQ(reply.fact(QStringLiteral("item")).toString(), QStringLiteral("item1"));
    EXPECT_TRUE(reply.body.contains("\"winning_value\":1000.0")) << reply.body.toStdString();
    EXPECT_TRUE(reply.body.contains("\"value\":600.0")) << reply.body.toStdString();
    const QString message = reply.object()["message"].toString();
    EXPECT_TRUE(message.contains(QStringLiteral("1000.00")) &&
                message.contains(QStringLiteral("1000.01")))
        << message.toStdString();
    EXPECT_EQ(server.snapshot(), before);
}

TEST(ApiBids, RejectsABidOnAClosedItem)
{
    ApiTestServer server;
    ASSERT_EQ(
        server.request("PUT", api("/items/item2"), R"({"item": {"status": "closed"}})").status,
        200);
    const auto reply =
        server.post(api("/bids"), R"({"bid": {"item": "item2", "value": 10, "user": "user3"}})");
    EXPECT_TRUE(isRefusal(reply, 409, "item_closed"));
    EXPECT_EQ(reply.object()["message"].toString(), QStringLiteral("Item item2 is closed"));
    EXPECT_EQ(reply.fact(QStringLiteral("closed_at")).toString(),
              server.auction().service().item(2)->closedAt);
}

TEST(ApiBids, GetsAndDeletesABidAndTheWinnerFallsBack)
{
    ApiTestServer server;
    EXPECT_EQ(server.get(api("/bids/bid2")).object()["bid"]["user"].toString(),
              QStringLiteral("user2"));
    EXPECT_EQ(server.request("DELETE", api("/bids/bid2")).status, 204);
    EXPECT_EQ(server.get(api("/items/item1")).object()["item"]["winning"].toString(),
              QStringLiteral("bid1"));
    EXPECT_EQ(server.request("DELETE", api("/bids/bid1")).status, 204);
    EXPECT_TRUE(server.get(api("/items/item1")).object()["item"]["winning"].isNull());
}

TEST(ApiLists, PageWithLimitAndOffset)
{
    ApiTestServer server;
    const auto reply = server.get(api("/users?limit=1&offset=1"));
    EXPECT_EQ(reply.status, 200);
    EXPECT_EQ(reply.header("X-Total-Count"), "3");
    EXPECT_EQ(reply.object().keys(), QStringList{QStringLiteral("user2")});
    EXPECT_EQ(server.get(api("/bids?offset=1")).object().keys(),
              QStringList{QStringLiteral("bid2")});
    EXPECT_EQ(server.get(api("/items/item1/bids?limit=1")).json().array().size(), 1);
}

TEST(ApiMeta, AnswersHealthMetricsDocsAndTheApiPage)
{
    ApiTestServer server;
    const auto health = server.get(api("/health"));
    EXPECT_EQ(health.status, 200);
    EXPECT_EQ(health.object()["status"].toString(), QStringLiteral("ok"));
    const auto openapi = server.get(api("/openapi.json"));
    EXPECT_EQ(openapi.status, 200);
    EXPECT_TRUE(openapi.object()["openapi"].toString().startsWith(u'3'));
    const auto page = server.get(QStringLiteral("/apidocs"));
    EXPECT_EQ(page.status, 200);
    EXPECT_TRUE(page.header("Content-Type").startsWith("text/html"));
    EXPECT_TRUE(page.body.contains("swagger-ui-bundle.js"));
    const auto bundle = server.get(QStringLiteral("/apidocs/swagger-ui-bundle.js"));
    EXPECT_EQ(bundle.status, 200);
    EXPECT_GT(bundle.body.size(), 100'000);
    EXPECT_TRUE(
        isRefusal(server.get(QStringLiteral("/apidocs/../../etc/passwd")), 404, "not_found"));
    const auto metrics = server.get(QStringLiteral("/metrics"));
    EXPECT_EQ(metrics.status, 200);
    EXPECT_TRUE(metrics.body.contains("bidtracker_http_requests_total{route=\"/api/v1/"
                                      "health\",method=\"GET\",status=\"200\"} 1"));
}

TEST(ApiMeta, SendsTheSecurityHeaders)
{
    ApiTestServer server;
    const auto reply = server.get(api("/items"));
    EXPECT_EQ(reply.header("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(reply.header("X-Frame-Options"), "DENY");
    EXPECT_EQ(reply.header("Cache-Control"), "no-store");
    EXPECT_TRUE(reply.header("Access-Control-Allow-Origin").isEmpty());
}

TEST(ApiMeta, AnswersAGetThatCarriesABody)
{
    ApiTestServer server;
    const auto reply = server.request("GET", api("/items/item1"), R"({"ignored": true})");
    EXPECT_EQ(reply.status, 200);
    EXPECT_EQ(reply.object()["item"]["winning"].toString(), QStringLiteral("bid2"));
}

TEST(ApiCache, AnswersReflectChangesFromAnotherConnectionAtOnce)
{
    // GIVEN an item read over the API (and so kept by the server's answer cache)
    ApiTestServer server;
    EXPECT_TRUE(server.get(api("/items/item2?winningOnly=1")).object()["item"]["winning"].isNull());
    // WHEN the window's own connection places a bid on it
    ASSERT_TRUE(
        server.auction().service().placeBid(2, 3, BidTracker::Model::Money::fromCents(700)));
    // THEN the next read shows it, and so does a read after a change made over the API
    EXPECT_EQ(server.get(api("/items/item2?winningOnly=1")).object()["item"]["winning"].toString(),
              QStringLiteral("bid3"));
    ASSERT_EQ(
        server.post(api("/bids"), R"({"bid": {"item": "item2", "value": 8, "user": "user1"}})")
            .status,
        201);
    EXPECT_EQ(server.get(api("/items/item2?winningOnly=1")).object()["item"]["winning"].toString(),
              QStringLiteral("bid4"));
}

TEST(ApiExport, ServesEachCsvAsAnAttachment)
{
    ApiTestServer server;
    const auto bids = server.get(api("/export/bids.csv"));
    EXPECT_EQ(bids.status, 200);
    EXPECT_EQ(bids.header("Content-Type"), "text/csv; charset=utf-8");
    EXPECT_EQ(bids.header("Content-Disposition"), "attachment; filename=\"bids.csv\"");
    EXPECT_TRUE(
        bids.body.startsWith("bid_id,item_id,item_name,user_id,user_name,value,placed_at\r\n"));
    EXPECT_TRUE(bids.body.contains("bid2,item1,Item Nº 1,user2,Berry,1000.00,"));
    for (const char* kind : {"items", "users", "results"})
        EXPECT_EQ(
            server.get(api("/export/") + QString::fromLatin1(kind) + QStringLiteral(".csv")).status,
            200);
    EXPECT_TRUE(isRefusal(server.get(api("/export/secrets.csv")), 404, "not_found"));
    EXPECT_TRUE(isRefusal(server.get(api("/export/bids.json")), 404, "not_found"));
}

TEST(ApiCache, AnswersReflectAChangeFromAnotherProcessWithinItsCheckInterval)
{
    // GIVEN a cached answer
    ApiTestServer server;
    EXPECT_TRUE(server.get(api("/items/item2?winningOnly=1")).object()["item"]["winning"].isNull());
    // WHEN a connection that announces nothing in this process (as another program's would)
    // places a bid
    auto other = BidTracker::Testing::openDatabase(server.auction().path());
    BidTracker::Model::AuctionService silent(*other);
    ASSERT_TRUE(silent.placeBid(2, 1, BidTracker::Model::Money::fromCents(900)).has_value());
    // THEN the API shows it once the data_version check interval has passed
    QThread::msleep(BidTracker::Api::AnswerCache::ExternalCheckMs + 10);
    EXPECT_EQ(server.get(api("/items/item2?winningOnly=1")).object()["item"]["winning"].toString(),
              QStringLiteral("bid3"));
}
