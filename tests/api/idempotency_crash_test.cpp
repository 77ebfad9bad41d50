// Idempotency-Key across a crash (API.md "Versions and safe retries"): the answer is kept in
// the same transaction as the bid, so a real server process killed with SIGKILL and started
// again replays it, and the bid is there once.
#include "headlessprocess.h"
#include "keyedpost.h"
#include "support/testauction.h"

#include <QProcess>
#include <QTemporaryDir>
#include <csignal>

using namespace BidTracker;

namespace {

const QByteArray token = "idempotency-crash-token";

qint64 bidsStored(const QString& db)
{
    auto database = Testing::openDatabase(db);
    Model::AuctionService service(*database);
    return service.bids({})->total;
}

void killHard(QProcess& server)
{
    ::kill(static_cast<pid_t>(server.processId()), SIGKILL);
    server.waitForFinished(5000);
}

} // namespace

TEST(IdempotencyDurability, AKeptAnswerSurvivesSigkillAndARestartAndTheBidIsPlacedOnce)
{
    // GIVEN a headless server on an SQLite file with one bidder and one lot
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("keys.sqlite"));
    {
        auto database = Testing::openDatabase(db);
        Model::AuctionService service(*database);
        ASSERT_TRUE(service.createUser(QStringLiteral("Bidder")).has_value());
        ASSERT_TRUE(service.createItem({.name = QStringLiteral("Lot")}).has_value());
    }
    QProcess server;
    quint16 port = Testing::startHeadless(server, dir.path(), db, token);
    ASSERT_NE(port, 0);
    const QByteArray body = R"({"bid": {"item": "item1", "value": 25, "user": "user1"}})";
    // WHEN a keyed bid is answered and the server is killed with SIGKILL at once
    const auto first = Testing::keyedPost(port, token, "/api/v1/bids", body, "kiosk-7-0042");
    ASSERT_EQ(first.status, 201) << first.head.toStdString() << first.body.toStdString();
    killHard(server);
    // AND the server is started again and the client, unsure, sends the same request
    QProcess restarted;
    port = Testing::startHeadless(restarted, dir.path(), db, token);
    ASSERT_NE(port, 0);
    const auto again = Testing::keyedPost(port, token, "/api/v1/bids", body, "kiosk-7-0042");
    // THEN it is the first answer, replayed, and there is one bid
    EXPECT_EQ(again.status, 201);
    EXPECT_EQ(again.body, first.body);
    EXPECT_EQ(again.header("Idempotent-Replayed"), "true");
    EXPECT_EQ(again.header("Location"), first.header("Location"));
    killHard(restarted);
    EXPECT_EQ(bidsStored(db), 1);
}
