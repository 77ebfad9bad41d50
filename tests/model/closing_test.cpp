// Closing (RULES.md 3) through the service on a real database (both engines): close all, on
// time with soft close and its cap (short times, in seconds), the auction's close-all time,
// a restart after a missed close, two closers on one database, a bid racing the close.
#include "model/lotcloser.h"
#include "model/lotrules.h"
#include "support/testauction.h"

#include <QDateTime>
#include <QThread>
#include <atomic>
#include <thread>

using namespace BidTracker::Model;
using BidTracker::Testing::openDatabase;
using BidTracker::Testing::TestAuction;

namespace {

QString inMs(qint64 ms)
{
    return QDateTime::currentDateTimeUtc().addMSecs(ms).toString(Qt::ISODateWithMs);
}

QDateTime parsed(const QString& text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

qint64 timedLot(TestAuction& auction, const QString& closesAt, const QString& name = "Lot")
{
    ItemChanges changes;
    changes.name = name;
    changes.closesAt = closesAt;
    auto created = auction.service().createItem(changes);
    EXPECT_TRUE(created) << created.error().message.toStdString();
    return created ? created->id : 0;
}

void sleepUntil(const QString& time, qint64 extraMs = 20)
{
    const qint64 wait = QDateTime::currentDateTimeUtc().msecsTo(parsed(time)) + extraMs;
    if (wait > 0)
        QThread::msleep(static_cast<unsigned long>(wait));
}

} // namespace

TEST(Closing, CloseAllClosesEveryOpenLotOnceAndNamesThem)
{
    TestAuction auction;
    const qint64 first = auction.addItem(QStringLiteral("One"));
    const qint64 second = auction.addItem(QStringLiteral("Two"));
    const qint64 third = auction.addItem(QStringLiteral("Three"));
    ItemChanges close;
    close.status = ItemStatus::Closed;
    ASSERT_TRUE(auction.service().updateItem(second, close));
    // WHEN every open lot is closed THEN the two open ones are, and a second time none
    const auto closed = auction.service().closeAll();
    ASSERT_TRUE(closed) << closed.error().message.toStdString();
    EXPECT_EQ(*closed, (QList<qint64>{first, third}));
    EXPECT_EQ(auction.service().item(third)->status, ItemStatus::Closed);
    EXPECT_FALSE(auction.service().item(third)->closedAt.isEmpty());
    EXPECT_TRUE(auction.service().closeAll()->isEmpty());
}

TEST(Closing, AClosingTimeMustBeAnIsoUtcTimeInTheFuture)
{
    TestAuction auction;
    ItemChanges changes;
    changes.name = QStringLiteral("Lot");
    changes.closesAt = QStringLiteral("2020-01-01T00:00:00.000Z");
    auto refused = auction.service().createItem(changes);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().field, QStringLiteral("closes_at"));
    changes.closesAt = QStringLiteral("tomorrow");
    refused = auction.service().createItem(changes);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().field, QStringLiteral("closes_at"));
    EXPECT_EQ(auction.service().items()->total, 0);
}

TEST(Closing, SoftCloseMovesTheCloseUpToTheCapThenTheLotClosesOnce)
{
    // GIVEN soft close: a bid less than 10 s before the close moves it to 2 s after the bid,
    // never beyond 3 s after the original close; a lot closing in 1.5 s
    TestAuction auction;
    AuctionSettings settings = *auction.service().settings();
    settings.softClose = {10, 2, 3};
    ASSERT_TRUE(auction.service().updateSettings(settings));
    const qint64 user = auction.addUser();
    const qint64 lot = timedLot(auction, inMs(1500));
    const QString original = auction.service().item(lot)->closesAt;
    const QDateTime cap = parsed(original).addSecs(3);
    // WHEN bids come every second THEN each moves the close to 2 s after it, up to the cap
    for (int i = 0; i < 4; ++i) {
        if (i > 0)
            QThread::msleep(1000);
        const auto lowest = *auction.service().lowestAcceptableBid(lot);
        const auto placed = auction.service().placeBid(lot, user, lowest);
        ASSERT_TRUE(placed) << i << placed.error().message.toStdString();
        const Item now = *auction.service().item(lot);
        const QDateTime expected = std::min(parsed(placed->placedAt).addSecs(2), cap);
        EXPECT_EQ(parsed(now.closesAt), expected) << "bid " << i;
        EXPECT_EQ(now.originalClosesAt, original);
    }
    const QString closesAt = auction.service().item(lot)->closesAt;
    EXPECT_EQ(parsed(closesAt), cap); // the last bid hit the cap
    // WHEN the time passes THEN a bid is refused even before any closer ran
    sleepUntil(closesAt);
    const auto late = auction.service().placeBid(lot, user, Money::fromCents(100000));
    ASSERT_FALSE(late);
    EXPECT_EQ(late.error().code, Error::Code::Conflict);
    EXPECT_EQ(late.error().message, QStringLiteral("Item item1 closed at %1").arg(closesAt));
    // AND the closer closes it once, at its closing time
    LotCloser closer(auction.service(), 50);
    EXPECT_EQ(*closer.closeDue(), QList<qint64>{lot});
    EXPECT_TRUE(closer.closeDue()->isEmpty());
    const Item closed = *auction.service().item(lot);
    EXPECT_EQ(closed.status, ItemStatus::Closed);
    EXPECT_EQ(closed.closedAt, closesAt);
    EXPECT_EQ(closed.bidCount, 4);
}

TEST(Closing, ARestartClosesTheLotsWhoseTimePassedAtTheirClosingTime)
{
    // GIVEN a lot closing in 300 ms, one closing tomorrow, and nothing running meanwhile
    TestAuction auction;
    const qint64 soon = timedLot(auction, inMs(300), QStringLiteral("Soon"));
    const qint64 later = timedLot(auction, inMs(86'400'000), QStringLiteral("Later"));
    const QString closesAt = auction.service().item(soon)->closesAt;
    sleepUntil(closesAt, 200);
    // WHEN the app starts again with its closer
    auction.reopen();
    LotCloser closer(auction.service(), 1000);
    QList<qint64> heard;
    QObject::connect(&closer, &LotCloser::lotsClosed,
                     [&](const QList<qint64>& ids) { heard += ids; });
    closer.start();
    // THEN the missed lot is closed at start-up, closed_at its closing time; the other not
    EXPECT_EQ(heard, QList<qint64>{soon});
    EXPECT_EQ(auction.service().item(soon)->closedAt, closesAt);
    EXPECT_EQ(auction.service().item(later)->status, ItemStatus::Open);
}

TEST(Closing, TheAuctionsCloseAllTimeClosesEveryOpenLot)
{
    TestAuction auction;
    const qint64 first = auction.addItem(QStringLiteral("One"));
    const qint64 second = timedLot(auction, inMs(86'400'000), QStringLiteral("Two"));
    AuctionSettings settings = *auction.service().settings();
    settings.closeAllAt = inMs(300);
    ASSERT_TRUE(auction.service().updateSettings(settings));
    const qint64 user = auction.addUser();
    EXPECT_TRUE(auction.service().placeBid(first, user, Money::fromCents(100)));
    sleepUntil(settings.closeAllAt);
    // WHEN the time passed THEN bids are refused and the closer closes both lots at it
    EXPECT_FALSE(auction.service().placeBid(first, user, Money::fromCents(500)));
    EXPECT_EQ(*auction.service().closeDueLots(), (QList<qint64>{first, second}));
    EXPECT_EQ(auction.service().item(second)->closedAt, normalizedUtc(settings.closeAllAt));
}

TEST(Closing, TwoClosersOnOneDatabaseCloseEachLotOnce)
{
    // GIVEN 20 lots closing in 1.5 s (time enough to create them on a slow, checked build)
    // and two connections, each with its own closer, as two processes on one database have
    TestAuction auction;
    const QString closesAt = inMs(1500);
    QList<qint64> lots;
    for (int i = 0; i < 20; ++i)
        lots.append(timedLot(auction, closesAt, QStringLiteral("Lot %1").arg(i)));
    const QDateTime until = parsed(closesAt).addMSecs(800);
    auto run = [&](QList<qint64>* closed) {
        auto db = openDatabase(auction.path());
        ASSERT_TRUE(db);
        AuctionService service(*db);
        LotCloser closer(service, 5);
        while (QDateTime::currentDateTimeUtc() < until) {
            if (auto ids = closer.closeDue(); ids)
                *closed += *ids;
            QThread::msleep(2);
        }
    };
    QList<qint64> one, two;
    std::thread first(run, &one);
    std::thread second(run, &two);
    first.join();
    second.join();
    // THEN every lot was closed exactly once, by one of them
    QList<qint64> all = one + two;
    std::sort(all.begin(), all.end());
    EXPECT_EQ(all, lots);
    for (const qint64 lot : lots)
        EXPECT_EQ(auction.service().item(lot)->closedAt, auction.service().item(lot)->closesAt);
}

TEST(Closing, ABidRacingTheCloseNeverWinsAfterIt)
{
    // GIVEN a lot closing in 500 ms, a bidder bidding as fast as it can on one connection and
    // a closer on another
    TestAuction auction;
    for (int i = 0; i < 2; ++i)
        auction.addUser(QStringLiteral("Bidder %1").arg(i));
    const qint64 lot = timedLot(auction, inMs(500));
    const QString closesAt = auction.service().item(lot)->closesAt;
    std::atomic<bool> done = false;
    std::atomic<int> refusedAsClosed = 0;
    std::thread bidder([&] {
        auto db = openDatabase(auction.path());
        ASSERT_TRUE(db);
        AuctionService service(*db);
        for (qint64 user = 1; !done; user = 3 - user) {
            const auto lowest = service.lowestAcceptableBid(lot);
            if (!lowest)
                continue;
            const auto placed = service.placeBid(lot, user, *lowest);
            if (!placed && placed.error().code == Error::Code::Conflict &&
                placed.error().message.contains(QStringLiteral("closed"))) {
                ++refusedAsClosed;
                if (refusedAsClosed > 20)
                    return;
            }
        }
    });
    std::thread closing([&] {
        auto db = openDatabase(auction.path());
        ASSERT_TRUE(db);
        AuctionService service(*db);
        LotCloser closer(service, 1);
        const QDateTime until = parsed(closesAt).addMSecs(1500);
        while (QDateTime::currentDateTimeUtc() < until &&
               !closer.closeDue().value_or(QList<qint64>{}).size())
            QThread::msleep(1);
    });
    closing.join();
    QThread::msleep(100);
    done = true;
    bidder.join();
    // THEN the lot is closed at its time, some bids were accepted before it, none after
    const Item closed = *auction.service().item(lot);
    EXPECT_EQ(closed.status, ItemStatus::Closed);
    EXPECT_EQ(closed.closedAt, closesAt);
    EXPECT_GT(refusedAsClosed.load(), 0);
    const auto bids = auction.service().bidsForItem(lot)->rows;
    ASSERT_FALSE(bids.isEmpty());
    for (const Bid& bid : bids)
        EXPECT_LT(bid.placedAt, closesAt);
    EXPECT_EQ(closed.bidCount, bids.size());
}
