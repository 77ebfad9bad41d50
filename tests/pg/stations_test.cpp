// Several stations on one PostgreSQL database, as on auction night: real `bidtracker
// --headless` processes on the test cluster, real clients on loopback sockets.
#include "api/headlessprocess.h"
#include "api/httpclients.h"
#include "pg/owncluster.h"
#include "pg/sharedauction.h"
#include "support/testauction.h"
#include "support/testpostgres.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QThread>
#include <algorithm>
#include <csignal>

using namespace BidTracker;
using Testing::bidBody;
using Testing::HttpClients;
using Testing::SharedAuction;
using Testing::startHeadless;

namespace {

const QByteArray token = "stations-test-token";

/// The bids of a lot as stored, in commit order (ids are handed out under the lot's lock).
QList<std::pair<qint64, qint64>> storedBids(const QString& url, qint64 item)
{
    QList<std::pair<qint64, qint64>> bids;
    auto db = Testing::openDatabase(url);
    QSqlQuery query(db->connection());
    EXPECT_TRUE(
        query.exec(QStringLiteral("SELECT id, value_cents FROM bids WHERE item_id = %1 ORDER BY id")
                       .arg(item)));
    while (query.next())
        bids.append({query.value(0).toLongLong(), query.value(1).toLongLong()});
    return bids;
}

qint64 bidIdOf(const QByteArray& body)
{
    return Model::parseId(Model::EntityKind::Bid,
                          QJsonDocument::fromJson(body).object()["bid_id"].toString())
        .value_or(0);
}

struct TwoStations
{
    explicit TwoStations(const SharedAuction& auction)
    {
        ports[0] = startHeadless(processes[0], auction.dir(), auction.url(), token);
        ports[1] = startHeadless(processes[1], auction.dir(), auction.url(), token);
    }
    ~TwoStations()
    {
        for (QProcess& process : processes) {
            process.terminate();
            process.waitForFinished(5000);
        }
    }
    QProcess processes[2];
    quint16 ports[2] = {0, 0};
};

} // namespace

TEST(Stations, TwentyEqualBidsThroughTwoServersHaveExactlyOneWinner)
{
    // GIVEN two servers on one shared database with one lot
    SharedAuction auction(1, 20);
    TwoStations stations(auction);
    ASSERT_NE(stations.ports[0], 0);
    ASSERT_NE(stations.ports[1], 0);
    // WHEN 20 bidders send the same bid at once, half through each server
    HttpClients first(stations.ports[0], 10);
    HttpClients second(stations.ports[1], 10);
    for (int i = 0; i < 10; ++i) {
        first.send(i, "POST", QStringLiteral("/api/v1/bids"),
                   bidBody(QStringLiteral("item1"), 5000, QStringLiteral("user%1").arg(i + 1)),
                   token);
        second.send(i, "POST", QStringLiteral("/api/v1/bids"),
                    bidBody(QStringLiteral("item1"), 5000, QStringLiteral("user%1").arg(i + 11)),
                    token);
    }
    auto answers = first.collect(10'000) + second.collect(10'000);
    // THEN exactly one is accepted, the other 19 are told why, and one bid is stored
    int accepted = 0;
    int refused = 0;
    for (const auto& [status, body] : answers) {
        if (status == 201)
            ++accepted;
        if (status == 409) {
            ++refused;
            EXPECT_TRUE(body.contains("is too low")) << body.toStdString();
        }
    }
    EXPECT_EQ(accepted, 1);
    EXPECT_EQ(refused, 19);
    EXPECT_EQ(storedBids(auction.url(), 1).size(), 1);
}

TEST(Stations, RisingBidsThroughTwoServersRiseInCommitOrderAndTheHighestWins)
{
    // GIVEN two servers on one lot
    SharedAuction auction(1, 8);
    TwoStations stations(auction);
    ASSERT_NE(stations.ports[0], 0);
    ASSERT_NE(stations.ports[1], 0);
    HttpClients clients[2] = {HttpClients(stations.ports[0], 4), HttpClients(stations.ports[1], 4)};
    // WHEN 8 clients bid rising amounts through both for two seconds, racing each other
    QList<std::pair<qint64, qint64>> acknowledged;
    qint64 cents = 100;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 2000) {
        for (int c = 0; c < 8; ++c)
            clients[c / 4].send(c % 4, "POST", QStringLiteral("/api/v1/bids"),
                                bidBody(QStringLiteral("item1"), cents + (c % 3) * 100,
                                        QStringLiteral("user%1").arg(c + 1)),
                                token);
        cents += 200;
        for (HttpClients& side : clients)
            for (const auto& [status, body] : side.collect(5000))
                if (status == 201)
                    acknowledged.append({bidIdOf(body), 0});
    }
    // THEN the stored bids rise strictly in commit order, all acknowledged ones are there,
    // and the lot's winner is the highest
    const auto stored = storedBids(auction.url(), 1);
    ASSERT_GT(stored.size(), 20);
    EXPECT_EQ(stored.size(), acknowledged.size());
    for (qsizetype i = 1; i < stored.size(); ++i)
        EXPECT_GT(stored[i].second, stored[i - 1].second) << "bid " << stored[i].first;
    auto db = Testing::openDatabase(auction.url());
    Model::AuctionService service(*db);
    EXPECT_EQ(service.winningBid(1)->id, stored.last().first);
}

TEST(Stations, KillingOneServerLosesNoAcknowledgedBid)
{
    // GIVEN two servers on four lots
    SharedAuction auction(4, 1);
    TwoStations stations(auction);
    ASSERT_NE(stations.ports[0], 0);
    ASSERT_NE(stations.ports[1], 0);
    HttpClients clients[2] = {HttpClients(stations.ports[0], 2), HttpClients(stations.ports[1], 2)};
    // WHEN clients post through both and the first server is killed with requests in flight
    QList<std::pair<qint64, qint64>> acknowledged;
    qint64 cents = 100;
    for (int round = 0; round < 120; ++round) {
        for (int c = 0; c < 4; ++c)
            clients[c / 2].send(
                c % 2, "POST", QStringLiteral("/api/v1/bids"),
                bidBody(QStringLiteral("item%1").arg(c + 1), cents, QStringLiteral("user1")),
                token);
        cents += 100;
        if (round == 80)
            ::kill(static_cast<pid_t>(stations.processes[0].processId()), SIGKILL);
        for (HttpClients& side : clients)
            for (const auto& [status, body] : side.collect(round >= 80 ? 1000 : 5000))
                if (status == 201)
                    acknowledged.append(
                        {bidIdOf(body),
                         qRound64(QJsonDocument::fromJson(body)["bid"]["value"].toDouble() * 100)});
    }
    // THEN every acknowledged bid is stored with its value
    ASSERT_GT(acknowledged.size(), 300);
    auto db = Testing::openDatabase(auction.url());
    Model::AuctionService service(*db);
    for (const auto& [id, value] : acknowledged) {
        const auto bid = service.bid(id);
        ASSERT_TRUE(bid.has_value()) << "lost bid " << id;
        EXPECT_EQ(bid->value.cents(), value);
    }
}

TEST(Stations, ABidThroughOneServerIsReadThroughTheOtherWithin100Milliseconds)
{
    // GIVEN two servers on one lot, the second with its answer cache warm
    SharedAuction auction(1, 1);
    TwoStations stations(auction);
    ASSERT_NE(stations.ports[0], 0);
    ASSERT_NE(stations.ports[1], 0);
    HttpClients writer(stations.ports[0], 1);
    HttpClients reader(stations.ports[1], 1);
    QList<qint64> latencies;
    // WHEN a bid is posted through the first 100 times
    for (int i = 1; i <= 100; ++i) {
        writer.send(0, "POST", QStringLiteral("/api/v1/bids"),
                    bidBody(QStringLiteral("item1"), 100 * i, QStringLiteral("user1")), token);
        const auto posted = writer.collect(5000).front();
        ASSERT_EQ(posted.first, 201) << posted.second.toStdString();
        const QByteArray expected =
            "\"winning\": \"" +
            Model::formatId(Model::EntityKind::Bid, bidIdOf(posted.second)).toUtf8() + '"';
        // THEN the second answers with it soon after (polled every millisecond)
        QElapsedTimer timer;
        timer.start();
        bool seen = false;
        while (!seen && timer.elapsed() < 2000) {
            reader.send(0, "GET", QStringLiteral("/api/v1/items/item1?winningOnly=1"), {}, {});
            const auto answer = reader.collect(2000).front();
            seen = answer.second.contains(expected) ||
                   answer.second.contains(QByteArray(expected).replace(" ", ""));
            if (!seen)
                QThread::msleep(1);
        }
        ASSERT_TRUE(seen) << "bid " << i << " never showed through the other server";
        latencies.append(timer.elapsed());
    }
    std::sort(latencies.begin(), latencies.end());
    const qint64 p95 = latencies[94];
    std::printf("read-through-the-other-station latency: p50 %lld ms, p95 %lld ms, max %lld ms\n",
                static_cast<long long>(latencies[49]), static_cast<long long>(p95),
                static_cast<long long>(latencies.last()));
    EXPECT_LT(p95, 100);
}

TEST(Stations, ADatabaseServerThatGoesAwayMeans503UntilItIsBackAndLosesNothing)
{
    // GIVEN a cluster of this test's own, a server on it and a bid already acknowledged
    Testing::OwnCluster cluster;
    ASSERT_TRUE(cluster.ready());
    const QString url = cluster.url();
    QProcess server;
    const quint16 port = startHeadless(server, cluster.dir(), url, token);
    ASSERT_NE(port, 0);
    HttpClients client(port, 1);
    const auto post = [&](qint64 cents) {
        client.send(0, "POST", QStringLiteral("/api/v1/bids"),
                    bidBody(QStringLiteral("item1"), cents, QStringLiteral("user1")), token);
        return client.collect(15'000).front();
    };
    const auto before = post(1000);
    ASSERT_EQ(before.first, 201);

    // WHEN the database server stops in the middle of the auction
    ASSERT_TRUE(cluster.pause());
    // THEN a bid and the health check are answered 503, never 500
    for (int i = 0; i < 3; ++i) {
        const auto refused = post(2000 + i);
        EXPECT_EQ(refused.first, 503) << refused.second.toStdString();
    }
    {
        // (read raw: the health check's 503 carries Retry-After like every other 503)
        QTcpSocket health;
        health.connectToHost(QHostAddress::LocalHost, port);
        ASSERT_TRUE(health.waitForConnected(5000));
        health.write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        QByteArray answer;
        while (!answer.contains("\r\n\r\n") && health.waitForReadyRead(15'000))
            answer += health.readAll();
        EXPECT_TRUE(answer.startsWith("HTTP/1.1 503")) << answer.toStdString();
        EXPECT_TRUE(answer.contains("\r\nRetry-After: 1\r\n")) << answer.toStdString();
    }

    // WHEN it comes back THEN bids are taken again and the first one is still there
    ASSERT_TRUE(cluster.resume());
    int status = 0;
    QElapsedTimer timer;
    timer.start();
    while (status != 201 && timer.elapsed() < 15'000) {
        status = post(5000).first;
        if (status != 201)
            QThread::msleep(100);
    }
    EXPECT_EQ(status, 201);
    // AND the station said it lost the server and then that it is back (its listener checks
    // every second, so this may come a moment after the first bid went through again)
    QString output;
    timer.restart();
    while (!(output.contains(QStringLiteral("Lost the connection")) &&
             output.contains(QStringLiteral("again"))) &&
           timer.elapsed() < 10'000) {
        server.waitForReadyRead(200);
        output += QString::fromUtf8(server.readAll());
    }
    while (server.waitForReadyRead(500))
        output += QString::fromUtf8(server.readAll());
    EXPECT_TRUE(output.contains(QStringLiteral("Lost the connection"))) << output.toStdString();
    EXPECT_TRUE(output.contains(QStringLiteral("again"))) << output.toStdString();
    // AND one line per problem: not one "Unable to free statement" per prepared statement
    EXPECT_FALSE(output.contains(QStringLiteral("Unable to free statement")))
        << output.toStdString();
    server.terminate();
    server.waitForFinished(5000);
    auto db = Testing::openDatabase(url);
    Model::AuctionService service(*db);
    EXPECT_TRUE(service.bid(bidIdOf(before.second)).has_value());
}

namespace {

using CommandRun = Testing::ProcessRun;

CommandRun bidtracker(const QStringList& arguments, const QString& dir)
{
    return Testing::runBidtracker(arguments, dir);
}

/// Every CSV export of a database, as bytes.
QList<QByteArray> exports(const QString& db, const QString& dir)
{
    QList<QByteArray> files;
    for (const char* kind : {"items", "users", "bids", "results"})
        files.append(bidtracker({"export", QString::fromLatin1(kind), "--db", db}, dir).out);
    return files;
}

} // namespace

TEST(Copy, CarriesAWholeAuctionToPostgresqlAndBackAndRefusesANonEmptyTarget)
{
    // GIVEN an SQLite auction with gaps in its ids (deleted rows) and a winner that fell back
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("night.sqlite"));
    {
        auto db = Testing::openDatabase(file);
        ASSERT_TRUE(db);
        Model::AuctionService service(*db);
        ASSERT_TRUE(service.loadSampleAuction().has_value());
        const auto extra = service.createUser(QStringLiteral("Dora, \"the\" =collector"));
        ASSERT_TRUE(extra.has_value());
        ASSERT_TRUE(service.deleteUser(extra->id).has_value());
        const auto david = service.createUser(QStringLiteral("David"));
        ASSERT_TRUE(david.has_value());
        const auto lot = service.createItem({.name = QStringLiteral("Lake cabin")});
        ASSERT_TRUE(lot.has_value());
        const auto bid = service.placeBid(lot->id, david->id, Model::Money::fromCents(25050));
        ASSERT_TRUE(bid.has_value());
        ASSERT_TRUE(service.placeBid(1, david->id, Model::Money::fromCents(150000)).has_value());
        ASSERT_TRUE(service.deleteBid(bid->id).has_value());
        ASSERT_TRUE(service.updateItem(2, {.status = Model::ItemStatus::Closed}).has_value());
    }
    const QList<QByteArray> original = exports(file, dir.path());
    ASSERT_TRUE(original[2].contains("1500.00"));
    const QString url = Testing::TestPostgres::createDatabase();

    // WHEN it is copied to PostgreSQL, and from there to a new SQLite file
    const CommandRun there = bidtracker({"copy", file, url}, dir.path());
    ASSERT_EQ(there.exitCode, 0) << there.err.toStdString();
    const QString back = dir.filePath(QStringLiteral("back.sqlite"));
    const CommandRun home = bidtracker({"copy", url, back}, dir.path());
    ASSERT_EQ(home.exitCode, 0) << home.err.toStdString();

    // THEN every export is byte for byte the same on all three
    EXPECT_EQ(exports(url, dir.path()), original);
    EXPECT_EQ(exports(back, dir.path()), original);
    // AND ids go on from where the original's would: the next bidder is not a reused id
    {
        auto db = Testing::openDatabase(url);
        Model::AuctionService service(*db);
        const auto next = service.createUser(QStringLiteral("Eve"));
        ASSERT_TRUE(next.has_value());
        EXPECT_GT(next->id, 5);
    }

    // WHEN a copy into a database that is not empty is asked for
    const QList<QByteArray> before = exports(back, dir.path());
    const CommandRun refused = bidtracker({"copy", file, back}, dir.path());
    // THEN it is refused with the reason and the target is unchanged
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(refused.err.contains("is not empty")) << refused.err.toStdString();
    EXPECT_EQ(exports(back, dir.path()), before);
    Testing::TestPostgres::dropDatabase(url);
}

TEST(Stations, ADatabaseThatCannotBeReachedIsOneLineOnStderr)
{
    // GIVEN the cluster's address with a database that does not exist on it
    const SharedAuction auction(0, 0);
    const QString url = auction.url().section(u'/', 0, -2) + QStringLiteral("/no_such_db_27");
    // WHEN the command line is pointed at it
    const auto run = Testing::runBidtracker({"export", "items", "--db", url}, auction.dir());
    // THEN it fails with one line saying why
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.err.trimmed().count('\n'), 0) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains("no_such_db_27")) << run.err.toStdString();
}
