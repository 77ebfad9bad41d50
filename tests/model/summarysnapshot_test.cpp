// Issue 21.10: the summary's figures are read in one snapshot, so they agree with each other
// however busy the other stations are (both engines).
#include "support/testauction.h"

#include <QElapsedTimer>
#include <atomic>
#include <thread>

using namespace BidTracker::Model;
using BidTracker::Testing::openDatabase;
using BidTracker::Testing::TestAuction;

TEST(SummarySnapshot, FiguresAgreeWhileAnotherStationClosesAndReopensEveryLot)
{
    // GIVEN 300 lots, each with a bid of 10.00
    TestAuction auction;
    auto& service = auction.service();
    const qint64 bidder = auction.addUser();
    constexpr int Lots = 300;
    QList<ItemChanges> lots(Lots, ItemChanges{.name = QStringLiteral("Lot")});
    QList<qint64> ids;
    ASSERT_TRUE(service.importItems(lots, &ids));
    QList<BidRequest> bids;
    for (const qint64 id : ids)
        bids.append({id, bidder, Money::fromCents(1000), std::nullopt});
    for (const auto& placed : service.placeBids(bids))
        ASSERT_TRUE(placed.has_value());

    // WHEN another station closes every lot and opens them again, over and over
    std::atomic<bool> stop = false;
    std::atomic<int> toggles = 0;
    std::thread station([&] {
        auto db = openDatabase(auction.path());
        if (!db)
            return;
        AuctionService other(*db);
        while (!stop) {
            if (!other.closeAll())
                break;
            if (!db->run(QStringLiteral("UPDATE items SET status = 'open', closed_at = NULL")))
                break;
            ++toggles;
        }
    });
    // ... while this one reads the summary
    int reads = 0;
    int disagreeing = 0;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 3000) {
        const auto summary = service.summary();
        ASSERT_TRUE(summary.has_value()) << summary.error().message.toStdString();
        ++reads;
        // THEN every read is one moment of the auction: all lots open, or all sold
        const bool allOpen = summary->lotsOpen == Lots && summary->lotsSold == 0;
        const bool allSold = summary->lotsOpen == 0 && summary->lotsSold == Lots;
        const bool consistent = (allOpen || allSold) && summary->lotsUnsold == 0 &&
                                summary->hammer == summary->lotsSold * 1000;
        if (!consistent)
            ++disagreeing;
    }
    stop = true;
    station.join();
    EXPECT_GT(toggles, 2) << "the other station never got going";
    EXPECT_EQ(disagreeing, 0) << "of " << reads << " reads";
}
