// Idempotency-Key across stations (API.md "Versions and safe retries"): two real `bidtracker
// --headless` servers on one PostgreSQL auction; a key used through one is known to the other.
#include "api/headlessprocess.h"
#include "api/keyedpost.h"
#include "pg/sharedauction.h"
#include "support/testauction.h"

#include <QProcess>
#include <thread>

using namespace BidTracker;
using Testing::keyedPost;
using Testing::SharedAuction;

namespace {

const QByteArray token = "idempotency-stations-token";

struct TwoServers
{
    explicit TwoServers(const SharedAuction& auction)
    {
        for (int i = 0; i < 2; ++i)
            ports[i] = Testing::startHeadless(processes[i], auction.dir(), auction.url(), token);
    }
    ~TwoServers()
    {
        for (QProcess& process : processes) {
            process.terminate();
            process.waitForFinished(5000);
        }
    }
    QProcess processes[2];
    quint16 ports[2] = {0, 0};
};

qint64 bidsOn(const QString& url, qint64 item)
{
    auto db = Testing::openDatabase(url);
    Model::AuctionService service(*db);
    return service.item(item)->bidCount;
}

} // namespace

TEST(IdempotencyStations, AKeyUsedOnOneServerIsReplayedByTheOther)
{
    // GIVEN two servers on one auction
    SharedAuction auction(1, 2);
    TwoServers servers(auction);
    ASSERT_NE(servers.ports[0], 0);
    ASSERT_NE(servers.ports[1], 0);
    const QByteArray body = R"({"bid": {"item": "item1", "value": 12, "user": "user1"}})";
    // WHEN a kiosk's bid is answered by the first and, after a network switch, sent to the second
    const auto first = keyedPost(servers.ports[0], token, "/api/v1/bids", body, "phone-3-17");
    ASSERT_EQ(first.status, 201) << first.body.toStdString();
    const auto again = keyedPost(servers.ports[1], token, "/api/v1/bids", body, "phone-3-17");
    // THEN the second replays the first's answer, and the lot has one bid
    EXPECT_EQ(again.status, 201);
    EXPECT_EQ(again.body, first.body);
    EXPECT_EQ(again.header("Idempotent-Replayed"), "true");
    EXPECT_EQ(bidsOn(auction.url(), 1), 1);
    // AND another body under that key is refused there too
    const auto other =
        keyedPost(servers.ports[1], token, "/api/v1/bids",
                  R"({"bid": {"item": "item1", "value": 13, "user": "user1"}})", "phone-3-17");
    EXPECT_EQ(other.status, 409);
    EXPECT_TRUE(other.body.contains("idempotency_key_reused")) << other.body.toStdString();
    // AND a new bidder made through the second is replayed by the first
    const QByteArray bidder = R"({"name": "Walk-in"})";
    const auto made = keyedPost(servers.ports[1], token, "/api/v1/users", bidder, "desk-1");
    ASSERT_EQ(made.status, 201) << made.body.toStdString();
    const auto remade = keyedPost(servers.ports[0], token, "/api/v1/users", bidder, "desk-1");
    EXPECT_EQ(remade.body, made.body);
    EXPECT_EQ(remade.header("Idempotent-Replayed"), "true");
}

TEST(IdempotencyStations, TheSameKeyThroughBothServersAtOnceIsCarriedOutOnce)
{
    SharedAuction auction(1, 2);
    TwoServers servers(auction);
    ASSERT_NE(servers.ports[0], 0);
    ASSERT_NE(servers.ports[1], 0);
    // WHEN the same keyed bids go to both servers at the same moment, ten times
    for (int round = 0; round < 10; ++round) {
        const QByteArray body =
            QStringLiteral(R"({"bid": {"item": "item1", "value": %1, "user": "user%2"}})")
                .arg(10 + round)
                .arg(1 + round % 2)
                .toUtf8();
        const QByteArray key = "race-" + QByteArray::number(round);
        Testing::KeyedAnswer answers[2];
        std::thread a(
            [&] { answers[0] = keyedPost(servers.ports[0], token, "/api/v1/bids", body, key); });
        std::thread b(
            [&] { answers[1] = keyedPost(servers.ports[1], token, "/api/v1/bids", body, key); });
        a.join();
        b.join();
        // THEN both get the one answer; exactly one of them is the replay
        EXPECT_EQ(answers[0].status, 201) << answers[0].body.toStdString();
        EXPECT_EQ(answers[1].status, 201) << answers[1].body.toStdString();
        EXPECT_EQ(answers[0].body, answers[1].body);
        EXPECT_EQ(int(answers[0].header("Idempotent-Replayed") == "true") +
                      int(answers[1].header("Idempotent-Replayed") == "true"),
                  1);
    }
    // AND the lot has one bid per round
    EXPECT_EQ(bidsOn(auction.url(), 1), 10);
}
