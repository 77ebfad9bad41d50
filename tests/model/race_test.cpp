#include "support/testauction.h"

#include <QRandomGenerator>
#include <QThread>
#include <algorithm>
#include <map>
#include <thread>

using namespace BidTracker::Model;
using BidTracker::Testing::openDatabase;
using BidTracker::Testing::TestAuction;

namespace {

struct Accepted
{
    qint64 id;
    qint64 itemId;
    qint64 cents;
};

constexpr int ItemCount = 4;
constexpr int BidsPerThread = 1500;

/// Places bids as fast as it can, each one at the lowest value it last saw as acceptable
/// plus a little, so the two threads keep overtaking each other on the same items.
QList<Accepted> bidFromOwnConnection(const QString& path, qint64 userId, quint32 seed,
                                     int* rejected)
{
    QList<Accepted> accepted;
    auto db = openDatabase(path);
    if (!db)
        return accepted;
    AuctionService service(*db);
    QRandomGenerator random(seed);
    for (int i = 0; i < BidsPerThread; ++i) {
        const qint64 itemId = 1 + random.bounded(ItemCount);
        const auto lowest = service.lowestAcceptableBid(itemId);
        if (!lowest)
            continue;
        const Money value = Money::fromCents(lowest->cents() + random.bounded(3));
        auto placed = service.placeBid(itemId, userId, value);
        if (placed)
            accepted.append({placed->id, itemId, value.cents()});
        else if (placed.error().code == Error::Code::Conflict)
            ++*rejected;
        else
            ADD_FAILURE() << placed.error().message.toStdString();
    }
    return accepted;
}

} // namespace

TEST(BidRace, TwoConnectionsNeverBothWinAndNothingIsLost)
{
    // GIVEN items and two bidders, each bidding from its own thread and connection
    TestAuction auction;
    for (int i = 0; i < ItemCount; ++i)
        auction.addItem(QStringLiteral("Lot %1").arg(i));
    const qint64 alice = auction.addUser(QStringLiteral("Alice"));
    const qint64 bob = auction.addUser(QStringLiteral("Bob"));

    // WHEN both place bids as fast as they can on the same items
    QList<Accepted> fromAlice;
    QList<Accepted> fromBob;
    int rejectedAlice = 0;
    int rejectedBob = 0;
    // std::thread, joined: a join ThreadSanitizer can see (QThread::wait() synchronises
    // inside Qt, which is not built with it).
    std::thread a(
        [&] { fromAlice = bidFromOwnConnection(auction.path(), alice, 1, &rejectedAlice); });
    std::thread b([&] { fromBob = bidFromOwnConnection(auction.path(), bob, 2, &rejectedBob); });
    a.join();
    b.join();

    // THEN every accepted bid is stored, each item's bids rose strictly in the order they
    // were accepted, and the winner is the highest of them
    QList<Accepted> all = fromAlice + fromBob;
    EXPECT_EQ(all.size() + rejectedAlice + rejectedBob, 2 * BidsPerThread);
    EXPECT_GT(rejectedAlice + rejectedBob, 0) << "the threads never raced";
    EXPECT_EQ(auction.service().bids()->total, all.size());
    std::sort(all.begin(), all.end(), [](auto& l, auto& r) { return l.id < r.id; });
    std::map<qint64, Accepted> highest;
    for (const Accepted& bid : all) {
        auto stored = auction.service().bid(bid.id);
        ASSERT_TRUE(stored.has_value()) << "lost bid " << bid.id;
        EXPECT_EQ(stored->value.cents(), bid.cents);
        if (auto it = highest.find(bid.itemId); it != highest.end()) {
            EXPECT_GT(bid.cents, it->second.cents)
                << "bid " << bid.id << " did not beat the winner";
        }
        highest[bid.itemId] = bid;
    }
    for (const auto& [itemId, top] : highest)
        EXPECT_EQ(auction.service().winningBid(itemId)->id, top.id);
}
