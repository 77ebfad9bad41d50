#include "support/testauction.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QThread>

using namespace BidTracker::Model;
using BidTracker::Testing::openDatabase;
using BidTracker::Testing::TestAuction;

TEST(ChangeNotifier, AnnouncesEachChangeOnceWithWhatChanged)
{
    TestAuction auction;
    QSignalSpy spy(&auction.notifier(), &ChangeNotifier::changed);
    const qint64 user = auction.addUser();
    const qint64 item = auction.addItem();
    const qint64 bid = auction.bid(item, user, 100);
    ASSERT_TRUE(auction.service().deleteBid(bid).has_value());
    // A refused change announces nothing.
    EXPECT_FALSE(auction.service().deleteBid(bid).has_value());

    ASSERT_EQ(spy.size(), 4);
    const auto change = [&](int i) { return spy.at(i).at(0).value<Change>(); };
    EXPECT_EQ(change(0).kind, EntityKind::User);
    EXPECT_EQ(change(0).action, Change::Action::Added);
    EXPECT_EQ(change(1).kind, EntityKind::Item);
    EXPECT_EQ(change(2).kind, EntityKind::Bid);
    EXPECT_EQ(change(2).id, bid);
    EXPECT_EQ(change(2).itemId, item);
    EXPECT_EQ(change(2).userId, user);
    EXPECT_EQ(change(3).action, Change::Action::Removed);
}

TEST(ChangeNotifier, DeliversChangesFromAnotherThreadInTheListenersThread)
{
    // GIVEN a listener in this thread and a service on another thread's connection
    TestAuction auction;
    const qint64 user = auction.addUser();
    const qint64 item = auction.addItem();
    QList<Qt::HANDLE> seenIn;
    QObject listener;
    QObject::connect(&auction.notifier(), &ChangeNotifier::changed, &listener,
                     [&](const Change&) { seenIn.append(QThread::currentThreadId()); });
    // WHEN the other thread places bids
    std::unique_ptr<QThread> worker(QThread::create([&] {
        auto db = openDatabase(auction.path());
        AuctionService service(*db, &auction.notifier());
        for (int i = 1; i <= 10; ++i)
            (void)service.placeBid(item, user, Money::fromCents(i * 100));
    }));
    worker->start();
    ASSERT_TRUE(worker->wait(30'000));
    QCoreApplication::processEvents();
    // THEN each arrives once, in this thread
    ASSERT_EQ(seenIn.size(), 10);
    for (Qt::HANDLE thread : seenIn)
        EXPECT_EQ(thread, QThread::currentThreadId());
}
