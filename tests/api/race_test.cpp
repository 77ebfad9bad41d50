// Racing bids over HTTP: many clients at once, and the window's own connection bidding
// on the same items from another thread.
#include "apitestserver.h"
#include "httpclients.h"
#include "support/databasesnapshot.h"

#include <QJsonObject>
#include <QThread>
#include <map>
#include <thread>

using namespace BidTracker;
using Testing::ApiTestServer;
using Testing::bidBody;
using Testing::HttpClients;

TEST(HttpBidRace, TwentyClientsWithTheSameAmountGetExactlyOne201)
{
    // GIVEN item2 with no bids and 20 connected clients
    ApiTestServer server;
    HttpClients clients(server.port(), 20);
    // WHEN all post the same amount at once
    for (int i = 0; i < clients.size(); ++i)
        clients.send(
            i, "POST", QStringLiteral("/api/v1/bids"),
            bidBody(QStringLiteral("item2"), 5000, QStringLiteral("user%1").arg(1 + i % 3)),
            ApiTestServer::Token.toUtf8());
    const auto answers = clients.collect(10'000);
    // THEN exactly one is accepted and the others are told it is too low, against the
    // winning bid of the same amount
    int created = 0;
    int conflicts = 0;
    for (const auto& [status, body] : answers) {
        created += status == 201;
        if (status != 409)
            continue;
        ++conflicts;
        const QString message =
            QJsonDocument::fromJson(body).object()[QStringLiteral("message")].toString();
        EXPECT_TRUE(message.startsWith(QStringLiteral("Bid of 50.00 on item2 is too low")) &&
                    message.contains(QStringLiteral("the winning bid is 50.00")) &&
                    message.contains(QStringLiteral("the lowest acceptable bid is 50.")))
            << message.toStdString();
    }
    EXPECT_EQ(created, 1);
    EXPECT_EQ(conflicts, 19);
    // AND the database holds exactly one row for it (counted, not the stored bid_count)
    EXPECT_EQ(Testing::countRows(server.auction().path(), QStringLiteral("bids"),
                                 QStringLiteral("item_id = 2")),
              1);
}

TEST(HttpBidRace, ManyClientsAndTheWindowNeverBothWin)
{
    // GIVEN 8 HTTP clients and a second connection (as the window has) in another thread
    ApiTestServer server;
    constexpr int Rounds = 40;
    HttpClients clients(server.port(), 8);
    std::atomic<bool> done{false};
    QList<qint64> windowBids;
    // std::thread, joined: a join ThreadSanitizer can see (QThread::wait() synchronises
    // inside Qt, which is not built with it).
    std::thread window([&] {
        auto db = Testing::openDatabase(server.auction().path());
        Model::AuctionService service(*db);
        while (!done) {
            const auto lowest = service.lowestAcceptableBid(2);
            if (lowest) {
                if (auto placed = service.placeBid(2, 3, *lowest))
                    windowBids.append(placed->id);
            }
            QThread::msleep(1);
        }
    });
    // WHEN every client keeps bidding a little over what it last saw
    std::map<qint64, qint64> acceptedValueById;
    qint64 next = 100;
    for (int round = 0; round < Rounds; ++round) {
        for (int i = 0; i < clients.size(); ++i) {
            next += 1 + (i % 3);
            clients.send(i, "POST", QStringLiteral("/api/v1/bids"),
                         bidBody(QStringLiteral("item2"), next * 100, QStringLiteral("user1")),
                         ApiTestServer::Token.toUtf8());
        }
        for (const auto& [status, body] : clients.collect(10'000)) {
            ASSERT_TRUE(status == 201 || status == 409) << status << " " << body.toStdString();
            if (status == 201) {
                const QJsonObject bid = QJsonDocument::fromJson(body).object();
                const qint64 id =
                    Model::parseId(Model::EntityKind::Bid, bid["bid_id"].toString()).value();
                acceptedValueById[id] = qRound64(bid["bid"]["value"].toDouble() * 100);
            }
        }
    }
    done = true;
    window.join();
    // THEN every accepted bid is stored, values rose strictly in acceptance order, and the
    // winner is the last and highest
    auto& service = server.auction().service();
    const auto all = service.bidsForItem(2);
    ASSERT_TRUE(all.has_value());
    EXPECT_EQ(all->total, static_cast<qint64>(acceptedValueById.size() + windowBids.size()));
    qint64 previous = 0;
    for (const Model::Bid& bid : all->rows) {
        EXPECT_GT(bid.value.cents(), previous) << "bid" << bid.id;
        previous = bid.value.cents();
        if (auto it = acceptedValueById.find(bid.id); it != acceptedValueById.end()) {
            EXPECT_EQ(it->second, bid.value.cents());
        }
    }
    EXPECT_EQ(service.winningBid(2)->id, all->rows.constLast().id);
    EXPECT_GT(acceptedValueById.size(), 0u);
    // AND the window's bids were placed too, each stored as its own (user3's) bid
    EXPECT_GT(windowBids.size(), 0);
    for (const qint64 id : windowBids) {
        const auto bid = service.bid(id);
        ASSERT_TRUE(bid.has_value()) << "window bid" << id << " is missing";
        EXPECT_EQ(bid->userId, 3);
        EXPECT_EQ(bid->itemId, 2);
        EXPECT_EQ(acceptedValueById.count(id), 0u) << "bid" << id << " claimed by both";
    }
    EXPECT_EQ(Testing::countRows(server.auction().path(), QStringLiteral("bids"),
                                 QStringLiteral("item_id = 2")),
              all->total);
}
