// The routes and fields of the rules of real sales (API.md, RULES.md 2 and 3) over real HTTP,
// against the sample auction (item1: bids of 500 by user1 and 1000 by user2; item2: none).
#include "apitestserver.h"

#include <QDateTime>
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

TEST(ApiSaleRules, AMaximumBidsForTheBidderAndIsNeverReadBack)
{
    // GIVEN the sample auction WHEN user3 bids 1100 with a maximum of 2000
    ApiTestServer server;
    auto placed = server.post(api("/bids"),
                              R"({"bid": {"item": "item1", "value": 1100, "max_value": 2000,
                                          "user": "user3"}})");
    ASSERT_EQ(placed.status, 201) << placed.body.toStdString();
    EXPECT_EQ(placed.object()["bid"]["auto"], false);
    EXPECT_FALSE(placed.object()["bid"].toObject().contains("max_value"));
    // AND user2 bids 1500
    ASSERT_EQ(
        server.post(api("/bids"), R"({"bid": {"item": "item1", "value": 1500, "user": "user2"}})")
            .status,
        201);
    // THEN user3 leads at 1500.01 through an automatic bid
    const auto winning = server.get(api("/items/item1/winning"));
    ASSERT_EQ(winning.status, 200);
    EXPECT_EQ(winning.object()["bid"]["user"], QStringLiteral("user3"));
    EXPECT_EQ(winning.object()["bid"]["value"].toDouble(), 1500.01);
    EXPECT_EQ(winning.object()["bid"]["auto"], true);
    // AND no read shows the maximum
    for (const char* path :
         {"/bids", "/items/item1?complete=1", "/items/item1/bids", "/users/user3/bids"})
        EXPECT_FALSE(server.get(api(path)).body.contains("max_value")) << path;
    EXPECT_FALSE(server.get(api("/bids")).body.contains("2000"));
}

TEST(ApiSaleRules, ALeadersMaximumAloneIsAnsweredWithTheWinningBid)
{
    ApiTestServer server;
    const QString before = server.snapshot();
    // WHEN user2, who leads item1 at 1000, sends a maximum alone
    const auto raised = server.post(
        api("/bids"), R"({"bid": {"item": "item1", "max_value": 3000, "user": "user2"}})");
    // THEN 200 with the lot's winning bid, and no bid was added
    ASSERT_EQ(raised.status, 200) << raised.body.toStdString();
    EXPECT_EQ(raised.object()["bid_id"], QStringLiteral("bid2"));
    EXPECT_EQ(server.get(api("/items/item1")).object()["item"]["bids"].toArray().size(), 2);
    EXPECT_NE(server.snapshot(), before); // the maximum itself is stored
    // AND the raised maximum counts: user3 bidding 2000 leaves user2 leading at 2000.01
    ASSERT_EQ(
        server.post(api("/bids"), R"({"bid": {"item": "item1", "value": 2000, "user": "user3"}})")
            .status,
        201);
    const auto item = server.get(api("/items/item1")).object()["item"];
    EXPECT_EQ(item["winning_value"].toDouble(), 2000.01);
    // AND a maximum alone from someone not leading is a bid at the lowest acceptable value
    const auto asBid = server.post(
        api("/bids"), R"({"bid": {"item": "item1", "max_value": 5000, "user": "user1"}})");
    ASSERT_EQ(asBid.status, 201) << asBid.body.toStdString();
    EXPECT_EQ(asBid.object()["bid"]["value"].toDouble(), 2000.02);
}

TEST(ApiSaleRules, ABinarySearchOnALeadersSecretMaximumLearnsNothing)
{
    // GIVEN user2 leading item1 at 1000 with a secret maximum of 3000 (issue 21.11)
    ApiTestServer server;
    ASSERT_EQ(
        server
            .post(api("/bids"), R"({"bid": {"item": "item1", "max_value": 3000, "user": "user2"}})")
            .status,
        200);
    // WHEN a token holder sends maximums alone for user2 around it
    QList<QPair<int, QByteArray>> answers;
    for (const char* guess : {"1500", "2999.99", "3000", "1000.01", "3000.01"}) {
        const auto reply =
            server.post(api("/bids"), QStringLiteral(R"({"bid": {"item": "item1", "max_value": %1,
                                                      "user": "user2"}})")
                                          .arg(QString::fromUtf8(guess))
                                          .toUtf8());
        answers.append({reply.status, reply.body + server.get(api("/items/item1/winning")).body});
    }
    // THEN every answer is the same 200 and the lot the same: nothing tells where it lies
    for (const auto& answer : answers) {
        EXPECT_EQ(answer.first, 200);
        EXPECT_EQ(answer, answers.front());
    }
    // AND deleting the winning bid once the lot closed is refused: reopen first (21.4)
    ASSERT_EQ(server.post(api("/items/close-all"), "").status, 200);
    const auto refused = server.request("DELETE", api("/bids/bid2"));
    EXPECT_EQ(refused.status, 409) << refused.body.toStdString();
    EXPECT_EQ(server.get(api("/items/item1/winning")).object()["bid_id"], QStringLiteral("bid2"));
}

TEST(ApiSaleRules, TheReserveIsWriteOnlyAndReadsTellWhetherItIsMet)
{
    ApiTestServer server;
    const auto created =
        server.post(api("/items"), R"({"item": {"name": "Painting", "reserve": 800, "buy_now": 2500,
                                               "closes_at": "2036-12-05T21:00:00Z"}})");
    ASSERT_EQ(created.status, 201) << created.body.toStdString();
    const QJsonObject item = created.object()["item"].toObject();
    EXPECT_FALSE(item.contains("reserve"));
    EXPECT_EQ(item["reserve_met"], false);
    EXPECT_EQ(item["buy_now"].toDouble(), 2500.0);
    EXPECT_EQ(item["closes_at"], QStringLiteral("2036-12-05T21:00:00.000Z"));
    EXPECT_EQ(server.get(api("/items/item1")).object()["item"]["reserve_met"], QJsonValue());
    ASSERT_EQ(
        server.post(api("/bids"), R"({"bid": {"item": "item3", "value": 900, "user": "user1"}})")
            .status,
        201);
    const auto read = server.get(api("/items/item3"));
    EXPECT_EQ(read.object()["item"]["reserve_met"], true);
    EXPECT_FALSE(read.body.contains("800"));
    // AND null clears it
    const auto cleared =
        server.request("PUT", api("/items/item3"), R"({"item": {"reserve": null}})");
    ASSERT_EQ(cleared.status, 200);
    EXPECT_EQ(cleared.object()["item"]["reserve_met"], QJsonValue());
}

TEST(ApiSaleRules, BuyNowRecordsTheBidAndClosesTheLotThenRefuses)
{
    ApiTestServer server;
    ASSERT_EQ(server.request("PUT", api("/items/item1"), R"({"item": {"buy_now": 1200}})").status,
              200);
    // WHEN user3 buys item1 now THEN 201 with the bid at the buy-now price, and it is closed
    const auto bought = server.post(api("/items/item1/buy"), R"({"user": "user3"})");
    ASSERT_EQ(bought.status, 201) << bought.body.toStdString();
    EXPECT_EQ(bought.object()["bid"]["value"].toDouble(), 1200.0);
    EXPECT_EQ(bought.header("Location"),
              "/api/v1/bids/" + bought.object()["bid_id"].toString().toUtf8());
    const auto item = server.get(api("/items/item1")).object()["item"];
    EXPECT_EQ(item["status"], QStringLiteral("closed"));
    EXPECT_EQ(item["winning"], bought.object()["bid_id"]);
    // AND again: 409
    const auto again = server.post(api("/items/item1/buy"), R"({"user": "user1"})");
    EXPECT_TRUE(isRefusal(again, 409, "item_closed"));
    // GIVEN a lot whose price passed its buy-now price THEN 409 in words
    ASSERT_EQ(server.request("PUT", api("/items/item2"), R"({"item": {"buy_now": 200}})").status,
              200);
    ASSERT_EQ(
        server.post(api("/bids"), R"({"bid": {"item": "item2", "value": 250, "user": "user1"}})")
            .status,
        201);
    const QString before = server.snapshot();
    const auto late = server.post(api("/items/item2/buy"), R"({"user": "user3"})");
    EXPECT_TRUE(isRefusal(late, 409, "buy_now_unavailable"));
    EXPECT_EQ(late.fact(QStringLiteral("buy_now")).toDouble(), 200.0);
    EXPECT_EQ(late.fact(QStringLiteral("winning_value")).toDouble(), 250.0);
    EXPECT_EQ(
        late.object()["message"],
        QStringLiteral("Buy now is no longer possible on item2: the price 250.00 passed 200.00"));
    EXPECT_EQ(server.snapshot(), before);
}

TEST(ApiSaleRules, BuyNowTakesTheBuyersPaddleNumberAsABidDoes)
{
    ApiTestServer server;
    ASSERT_EQ(server.request("PUT", api("/items/item2"), R"({"item": {"buy_now": 300}})").status,
              200);
    const qint64 number = server.get(api("/users/user3")).object()["number"].toInteger();
    ASSERT_GT(number, 0);
    // WHEN the clerk types the buyer's paddle number THEN the lot is bought by user3
    const auto bought = server.post(api("/items/item2/buy"),
                                    QStringLiteral(R"({"user": %1})").arg(number).toUtf8());
    ASSERT_EQ(bought.status, 201) << bought.body.toStdString();
    EXPECT_EQ(bought.object()["bid"]["user"], QStringLiteral("user3"));
    EXPECT_EQ(bought.object()["bid"]["value"].toDouble(), 300.0);
}

TEST(ApiSaleRules, CloseAllAnswersHowManyLotsItClosed)
{
    ApiTestServer server;
    const auto closed = server.post(api("/items/close-all"), {});
    ASSERT_EQ(closed.status, 200) << closed.body.toStdString();
    EXPECT_EQ(closed.object()["closed"], 2);
    EXPECT_EQ(server.get(api("/items/item2")).object()["item"]["status"], QStringLiteral("closed"));
    EXPECT_EQ(server.post(api("/items/close-all"), {}).object()["closed"], 0);
}

TEST(ApiSaleRules, ABidAfterTheClosingTimeIsRefusedWithTheTime)
{
    ApiTestServer server;
    const QString soon = QDateTime::currentDateTimeUtc().addMSecs(400).toString(Qt::ISODateWithMs);
    const auto set =
        server.request("PUT", api("/items/item2"),
                       QStringLiteral(R"({"item": {"closes_at": "%1"}})").arg(soon).toUtf8());
    ASSERT_EQ(set.status, 200) << set.body.toStdString();
    QThread::msleep(600);
    const QString before = server.snapshot();
    const auto late =
        server.post(api("/bids"), R"({"bid": {"item": "item2", "value": 5, "user": "user1"}})");
    EXPECT_TRUE(isRefusal(late, 409, "item_closed"));
    EXPECT_EQ(late.object()["message"], QStringLiteral("Item item2 closed at %1").arg(soon));
    EXPECT_EQ(late.fact(QStringLiteral("closed_at")).toString(), soon);
    EXPECT_EQ(late.fact(QStringLiteral("item")).toString(), QStringLiteral("item2"));
    EXPECT_EQ(server.snapshot(), before);
    // AND once the lot closer has been round (issue 27.6): the same refusal, the same time
    ASSERT_EQ(server.auction().service().closeDueLots().value_or(QList<qint64>()),
              QList<qint64>{2});
    const QString closedAt = server.auction().service().item(2)->closedAt;
    const auto later =
        server.post(api("/bids"), R"({"bid": {"item": "item2", "value": 5, "user": "user1"}})");
    EXPECT_TRUE(isRefusal(later, 409, "item_closed"));
    EXPECT_EQ(later.fact(QStringLiteral("closed_at")).toString(), closedAt);
    EXPECT_EQ(later.object()["message"], QStringLiteral("Item item2 closed at %1").arg(closedAt));
}

TEST(ApiSaleRules, ItemReadsCarryTheClosingTimeThatAppliesAndKeepTheLotsOwn)
{
    // GIVEN a lot closing at 21:00 and another closing by hand
    ApiTestServer server;
    ASSERT_EQ(server
                  .post(api("/items"), R"({"item": {"name": "Timed",
                                              "closes_at": "2036-12-05T21:00:00Z"}})")
                  .status,
              201);
    // WHILE the auction has no "close all at", the lot's own time applies
    auto read = server.get(api("/items/item3"));
    EXPECT_EQ(read.object()["item"]["closes_effective_at"],
              QStringLiteral("2036-12-05T21:00:00.000Z"));
    EXPECT_EQ(server.get(api("/items/item2")).object()["item"]["closes_effective_at"],
              QJsonValue());
    // WHEN the auction closes everything at 20:00
    ASSERT_EQ(server
                  .request("PUT", api("/settings"),
                           R"({"settings": {"close_all_at": "2036-12-05T20:00:00.000Z"}})")
                  .status,
              200);
    // THEN every read says 20:00 applies, and closes_at stays each lot's own
    const QString all = QStringLiteral("2036-12-05T20:00:00.000Z");
    for (const char* path :
         {"/items/item3", "/items/item3?winningOnly=1", "/items/item3?complete=1"}) {
        read = server.get(api(path));
        ASSERT_EQ(read.status, 200) << path;
        EXPECT_EQ(read.object()["item"]["closes_effective_at"], all) << path;
        EXPECT_EQ(read.object()["item"]["closes_at"], QStringLiteral("2036-12-05T21:00:00.000Z"))
            << path;
    }
    const QJsonObject list = server.get(api("/items")).object();
    EXPECT_EQ(list["item3"]["item"]["closes_effective_at"], all);
    EXPECT_EQ(list["item2"]["item"]["closes_effective_at"], all);
    EXPECT_EQ(list["item2"]["item"]["closes_at"], QJsonValue());
    // AND a write answers the same, without copying the auction's time into the lot
    const auto renamed =
        server.request("PUT", api("/items/item3"), R"({"item": {"name": "Timed, renamed"}})");
    ASSERT_EQ(renamed.status, 200);
    EXPECT_EQ(renamed.object()["item"]["closes_effective_at"], all);
    EXPECT_EQ(renamed.object()["item"]["closes_at"], QStringLiteral("2036-12-05T21:00:00.000Z"));
    // AND a lot whose own time comes first keeps it
    const auto early = server.post(
        api("/items"), R"({"item": {"name": "Early", "closes_at": "2036-12-05T19:30:00Z"}})");
    ASSERT_EQ(early.status, 201);
    EXPECT_EQ(early.object()["item"]["closes_effective_at"],
              QStringLiteral("2036-12-05T19:30:00.000Z"));
}
