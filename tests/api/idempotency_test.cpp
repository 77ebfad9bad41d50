// API.md "Versions and safe retries": every POST may carry an Idempotency-Key. The first
// request is carried out and its finished answer kept with its change; a repeat with the same
// body gets that answer again (Idempotent-Replayed: true), another body 409.
#include "apitestserver.h"
#include "app/api/apiserver.h"
#include "rawsocket.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QThread>

using namespace BidTracker;
using Testing::ApiTestServer;
using Testing::isRefusal;

namespace {

QString api(const char* path)
{
    return QStringLiteral("/api/v1") + QString::fromUtf8(path);
}

const QByteArray aBid = R"({"bid": {"item": "item1", "value": 5000, "user": "user1"}})";

Testing::HttpReply keyed(ApiTestServer& server, const char* path, const QByteArray& body,
                         const QByteArray& key)
{
    return server.request("POST", api(path), body, {{"Idempotency-Key", key}});
}

qint64 bidsOn(ApiTestServer& server, qint64 item)
{
    return server.auction().service().item(item)->bidCount;
}

qint64 usersIn(ApiTestServer& server)
{
    return server.auction().service().users({})->total;
}

/// Runs one SQL statement on the server's database file through a connection of its own.
qint64 sqlOnFile(const QString& path, const QString& sql)
{
    qint64 result = -1;
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("aside"));
        db.setDatabaseName(path);
        EXPECT_TRUE(db.open());
        QSqlQuery query(db);
        EXPECT_TRUE(query.exec(sql));
        result = query.next() ? query.value(0).toLongLong() : query.numRowsAffected();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("aside"));
    return result;
}

} // namespace

TEST(ApiIdempotency, ARepeatedBidIsAnsweredAgainAndPlacedOnce)
{
    ApiTestServer server;
    const qint64 before = bidsOn(server, 1);
    // GIVEN a bid placed with a key
    const auto first = keyed(server, "/bids", aBid, "bid-0001");
    ASSERT_EQ(first.status, 201) << first.body.toStdString();
    EXPECT_TRUE(first.header("Idempotent-Replayed").isEmpty());
    // WHEN the client, which never heard that answer, sends it again
    const auto again = keyed(server, "/bids", aBid, "bid-0001");
    // THEN it gets the same answer, said to be a replay, and the lot has one bid more
    EXPECT_EQ(again.status, 201);
    EXPECT_EQ(again.body, first.body);
    EXPECT_EQ(again.header("Location"), first.header("Location"));
    EXPECT_EQ(again.header("Idempotent-Replayed"), "true");
    EXPECT_TRUE(again.header("Content-Type").startsWith("application/json"));
    EXPECT_EQ(bidsOn(server, 1), before + 1);
}

TEST(ApiIdempotency, ARepeatedNewBidderIsCreatedOnce)
{
    ApiTestServer server;
    const qint64 before = usersIn(server);
    const QByteArray body = R"({"name": "Ada Once"})";
    const auto first = keyed(server, "/users", body, "user-1");
    ASSERT_EQ(first.status, 201) << first.body.toStdString();
    const auto again = keyed(server, "/users", body, "user-1");
    EXPECT_EQ(again.status, 201);
    EXPECT_EQ(again.body, first.body);
    EXPECT_EQ(again.header("Idempotent-Replayed"), "true");
    EXPECT_EQ(usersIn(server), before + 1);
    // AND the same key on another path is another request: carried out
    const auto lot = keyed(server, "/items", R"({"item": {"name": "Vase"}})", "user-1");
    EXPECT_EQ(lot.status, 201) << lot.body.toStdString();
    EXPECT_TRUE(lot.header("Idempotent-Replayed").isEmpty());
}

TEST(ApiIdempotency, TheSameKeyWithAnotherBodyIsRefusedAndChangesNothing)
{
    ApiTestServer server;
    ASSERT_EQ(keyed(server, "/bids", aBid, "k-reused").status, 201);
    const QString before = server.snapshot();
    const auto other =
        keyed(server, "/bids", R"({"bid": {"item": "item1", "value": 6000, "user": "user1"}})",
              "k-reused");
    EXPECT_TRUE(isRefusal(other, 409, "idempotency_key_reused"));
    EXPECT_EQ(other.fact(QStringLiteral("key")).toString(), QStringLiteral("k-reused"));
    EXPECT_EQ(server.snapshot(), before);
    // AND so on a route answered at once
    ASSERT_EQ(keyed(server, "/users", R"({"name": "Bo"})", "k-user").status, 201);
    EXPECT_TRUE(isRefusal(keyed(server, "/users", R"({"name": "Bea"})", "k-user"), 409,
                          "idempotency_key_reused"));
}

TEST(ApiIdempotency, AMalformedKeyIs400NamingTheHeaderAndChangesNothing)
{
    ApiTestServer server;
    const QString before = server.snapshot();
    const QList<QByteArray> bad{
        "", QByteArray(65, 'k'), "tab\there", "bell\x07", "caf\xc3\xa9", "with space", "del\x7f"};
    for (const QByteArray& key : bad) {
        Testing::RawSocket socket(server.port());
        ASSERT_TRUE(socket.send(
            Testing::rawPost("/api/v1/bids", aBid, "Idempotency-Key: " + key + "\r\n")));
        const auto answers = Testing::splitAnswers(socket.readUntil(
            [](const QByteArray& got) { return !Testing::splitAnswers(got).isEmpty(); }, 5000));
        ASSERT_EQ(answers.size(), 1) << key.toStdString();
        EXPECT_EQ(answers[0].status, 400) << key.toStdString();
        // (control characters other than tab are refused as the head is read, the others by
        // the key's rule: both 400 `invalid` naming the header)
        const QJsonObject body = QJsonDocument::fromJson(answers[0].body).object();
        EXPECT_EQ(body["error"]["code"].toString(), QStringLiteral("invalid"));
        EXPECT_TRUE(answers[0].body.contains("Idempotency-Key")) << answers[0].body.toStdString();
    }
    // Twice is refused too
    {
        Testing::RawSocket socket(server.port());
        ASSERT_TRUE(socket.send(Testing::rawPost("/api/v1/bids", aBid,
                                                 "Idempotency-Key: a\r\nIdempotency-Key: a\r\n")));
        const auto answers = Testing::splitAnswers(socket.readUntil(
            [](const QByteArray& got) { return !Testing::splitAnswers(got).isEmpty(); }, 5000));
        ASSERT_EQ(answers.size(), 1);
        EXPECT_EQ(answers[0].status, 400);
    }
    EXPECT_EQ(server.snapshot(), before);
    // AND 64 visible characters are a key
    const QByteArray longest = QByteArray(63, 'x') + '~';
    EXPECT_EQ(keyed(server, "/bids", aBid, longest).status, 201);
    EXPECT_EQ(keyed(server, "/bids", aBid, longest).header("Idempotent-Replayed"), "true");
}

TEST(ApiIdempotency, ARefusalIsKeptAndReplayedEvenWhenTheRequestWouldNowSucceed)
{
    ApiTestServer server;
    // GIVEN a bid for paddle 555, which nobody holds yet: 404
    const QByteArray body = R"({"bid": {"item": "item1", "value": 5000, "user": 555}})";
    const auto first = keyed(server, "/bids", body, "late-paddle");
    ASSERT_EQ(first.status, 404) << first.body.toStdString();
    // WHEN paddle 555 is added and the same request is sent again
    ASSERT_EQ(server.post(api("/users"), R"({"name": "Late", "number": 555})").status, 201);
    const auto again = keyed(server, "/bids", body, "late-paddle");
    // THEN it is the first answer again: the refusal was the request's outcome
    EXPECT_EQ(again.status, 404);
    EXPECT_EQ(again.body, first.body);
    EXPECT_EQ(again.header("Idempotent-Replayed"), "true");
    // AND with a new key the bid is placed
    EXPECT_EQ(keyed(server, "/bids", body, "late-paddle-2").status, 201);
}

TEST(ApiIdempotency, ARateLimitedRequestKeepsNothingAndTheKeyIsFreeAgain)
{
    auto settings = ApiTestServer::defaultSettings();
    settings.rateLimitPerSecond = 1;
    ApiTestServer server(settings);
    // GIVEN a client that used up its requests (reads, which carry no key)
    for (int i = 0; i < 5 && server.get(api("/items/item1")).status != 429; ++i) {
    }
    const qint64 before = usersIn(server);
    // WHEN it sends a keyed request at once: 429, nothing made
    const auto limited = keyed(server, "/users", R"({"name": "Ann"})", "limited");
    ASSERT_EQ(limited.status, 429);
    EXPECT_EQ(usersIn(server), before);
    // THEN the same request a second later is carried out, not answered 429 from a kept answer
    QThread::msleep(1100);
    const auto again = keyed(server, "/users", R"({"name": "Ann"})", "limited");
    EXPECT_EQ(again.status, 201) << again.body.toStdString();
    EXPECT_TRUE(again.header("Idempotent-Replayed").isEmpty());
    EXPECT_EQ(usersIn(server), before + 1);
}

TEST(ApiIdempotency, AnUnavailableDatabaseKeepsNothingAndTheRetryIsCarriedOut)
{
    ApiTestServer server;
    const qint64 bids = bidsOn(server, 1);
    const qint64 users = usersIn(server);
    {
        // GIVEN another program holds the write lock longer than the busy timeout
        auto locker =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("locker"));
        locker.setDatabaseName(server.auction().path());
        ASSERT_TRUE(locker.open());
        QSqlQuery lock(locker);
        ASSERT_TRUE(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        // WHEN a keyed bid and a keyed new bidder are sent: 503
        EXPECT_TRUE(isRefusal(keyed(server, "/bids", aBid, "during-lock"), 503, "unavailable"));
        EXPECT_TRUE(isRefusal(keyed(server, "/users", R"({"name": "Dee"})", "during-lock"), 503,
                              "unavailable"));
        lock.exec(QStringLiteral("ROLLBACK"));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("locker"));
    // THEN the retries with the same keys are carried out, not answered 503 again
    const auto bid = keyed(server, "/bids", aBid, "during-lock");
    EXPECT_EQ(bid.status, 201) << bid.body.toStdString();
    EXPECT_TRUE(bid.header("Idempotent-Replayed").isEmpty());
    const auto user = keyed(server, "/users", R"({"name": "Dee"})", "during-lock");
    EXPECT_EQ(user.status, 201) << user.body.toStdString();
    EXPECT_EQ(bidsOn(server, 1), bids + 1);
    EXPECT_EQ(usersIn(server), users + 1);
}

TEST(ApiIdempotency, AKeyOlderThanADayIsForgottenAndPruned)
{
    ApiTestServer server;
    const QByteArray body = R"({"name": "Old Timer"})";
    ASSERT_EQ(keyed(server, "/users", body, "yesterday").status, 201);
    ASSERT_EQ(keyed(server, "/users", R"({"name": "Other"})", "other-old").status, 201);
    // GIVEN both keys were kept 24 hours and a second ago
    const QString path = server.auction().path();
    EXPECT_EQ(sqlOnFile(path, QStringLiteral("UPDATE idempotency_keys SET created_at = "
                                             "strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-86401 "
                                             "seconds')")),
              2);
    const qint64 users = usersIn(server);
    // WHEN the first is sent again
    const auto again = keyed(server, "/users", body, "yesterday");
    // THEN it is a new request (a second bidder of that name), and the expired key is gone
    EXPECT_EQ(again.status, 201);
    EXPECT_TRUE(again.header("Idempotent-Replayed").isEmpty());
    EXPECT_EQ(usersIn(server), users + 1);
    EXPECT_EQ(sqlOnFile(path, QStringLiteral("SELECT count(*) FROM idempotency_keys")), 1);
}

namespace {

/// An API server without a socket, so that requests can be queued before their batch runs.
struct QueuedServer
{
    Testing::TestAuction auction;
    Api::ApiServer api{auction.service(), auction.db(), ApiTestServer::defaultSettings()};

    QueuedServer() { EXPECT_TRUE(auction.service().loadSampleAuction().has_value()); }

    /// Sends a bid; its answer lands in `*answer` when it comes.
    void bid(const QByteArray& body, const QByteArray& key, Api::ApiResponse* answer)
    {
        Api::ApiRequest request;
        request.method = "POST";
        request.path = api_path;
        request.body = body;
        request.headers = {{"Host", "127.0.0.1"},
                           {"Content-Type", "application/json"},
                           {"Authorization", "Bearer " + ApiTestServer::Token.toUtf8()}};
        if (!key.isEmpty())
            request.headers.append({"Idempotency-Key", key});
        answer->status = 0;
        api.handle(request, [answer](Api::ApiResponse response) { *answer = response; });
    }
    const QString api_path = QStringLiteral("/api/v1/bids");
};

} // namespace

TEST(ApiIdempotency, ARepeatWhileTheFirstWaitsForItsBatchIsInFlight)
{
    QueuedServer server;
    const qint64 before = server.auction.service().item(1)->bidCount;
    // GIVEN a keyed bid waiting for its batch's commit, with an unkeyed and another keyed one
    Api::ApiResponse first, plain, other, repeat;
    server.bid(aBid, "in-flight", &first);
    server.bid(R"({"bid": {"item": "item2", "value": 5000, "user": "user2"}})", {}, &plain);
    server.bid(R"({"bid": {"item": "item2", "value": 6000, "user": "user3"}})", "other", &other);
    EXPECT_EQ(first.status, 0);
    // WHEN the same request comes again before the batch commits
    server.bid(aBid, "in-flight", &repeat);
    // THEN it is refused at once as in flight
    EXPECT_EQ(repeat.status, 409);
    EXPECT_TRUE(repeat.body.contains("idempotency_key_in_flight")) << repeat.body.toStdString();
    // AND once the batch commits, every bid of it is answered and placed once
    server.api.flushPending();
    EXPECT_EQ(first.status, 201);
    EXPECT_EQ(plain.status, 201);
    EXPECT_EQ(other.status, 201);
    EXPECT_EQ(server.auction.service().item(1)->bidCount, before + 1);
    // AND a repeat now is the kept answer
    server.bid(aBid, "in-flight", &repeat);
    EXPECT_EQ(repeat.status, 201);
    EXPECT_EQ(repeat.body, first.body);
    EXPECT_EQ(repeat.header("Idempotent-Replayed"), "true");
}

TEST(ApiIdempotency, ABatchKeepsEachBidsOwnAnswerRefusalsIncluded)
{
    QueuedServer server;
    Api::ApiResponse placed, low, replay;
    server.bid(aBid, "batch-a", &placed);
    server.bid(R"({"bid": {"item": "item1", "value": 1, "user": "user2"}})", "batch-b", &low);
    server.api.flushPending();
    ASSERT_EQ(placed.status, 201);
    ASSERT_EQ(low.status, 409) << low.body.toStdString();
    server.bid(R"({"bid": {"item": "item1", "value": 1, "user": "user2"}})", "batch-b", &replay);
    server.api.flushPending();
    EXPECT_EQ(replay.status, 409);
    EXPECT_EQ(replay.body, low.body);
    EXPECT_EQ(replay.header("Idempotent-Replayed"), "true");
}

TEST(ApiIdempotency, ADatabaseFailureInsideTheTransactionKeepsNothing)
{
    ApiTestServer server;
    // GIVEN the bidders' name column is gone from under the server, so a new bidder fails
    // half way through its transaction (503)
    const QString path = server.auction().path();
    sqlOnFile(path, QStringLiteral("ALTER TABLE users RENAME COLUMN name TO full_name"));
    const auto failed = keyed(server, "/users", R"({"name": "Eve"})", "mid-failure");
    ASSERT_EQ(failed.status, 503) << failed.body.toStdString();
    // WHEN the column is back and the client retries with the same key
    sqlOnFile(path, QStringLiteral("ALTER TABLE users RENAME COLUMN full_name TO name"));
    const auto again = keyed(server, "/users", R"({"name": "Eve"})", "mid-failure");
    // THEN the retry is carried out, not the 503 replayed
    EXPECT_EQ(again.status, 201) << again.body.toStdString();
    EXPECT_TRUE(again.header("Idempotent-Replayed").isEmpty());
}
