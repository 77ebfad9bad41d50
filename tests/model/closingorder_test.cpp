// Issue 21.3, 21.4 and 21.9 through the service, on both engines: the close stamps its time
// after the lots' locks, a closed lot's bids stay put until it is reopened, and a lot follows
// new terms at once (RULES.md 3).
#include "model/auctionservice.h"
#include "support/testauction.h"

#include <atomic>
#include <chrono>
#include <thread>

using namespace BidTracker::Model;
using BidTracker::Testing::openDatabase;
using BidTracker::Testing::TestAuction;

namespace {

Money units(qint64 whole)
{
    return Money::fromCents(whole * 100);
}

Result<BidPlacement> place(TestAuction& auction, qint64 item, qint64 user, qint64 value,
                           qint64 maximum = 0)
{
    BidRequest request{item, user, {}, {}};
    if (value > 0)
        request.value = units(value);
    if (maximum > 0)
        request.maxValue = units(maximum);
    return auction.service().placeBid(request);
}

qint64 price(TestAuction& auction, qint64 item)
{
    const auto read = auction.service().item(item);
    EXPECT_TRUE(read.has_value());
    return read && read->winningValue ? read->winningValue->cents() / 100 : 0;
}

} // namespace

TEST(ClosingOrder, ABidHoldingALotsLockIsNeverPlacedAfterTheClose)
{
    // GIVEN a station in the middle of a bid: the lot's row locked as a bid locks it
    TestAuction auction;
    const qint64 lot = auction.addItem();
    const qint64 bidder = auction.addUser();
    auto station = openDatabase(auction.path());
    ASSERT_TRUE(station);
    Storage& storage = station->storage();
    ASSERT_TRUE(storage.beginWrite());
    ASSERT_TRUE(storage.lockItems({lot}));

    // WHEN another station closes every lot meanwhile
    std::atomic<bool> closeReturned = false;
    std::thread closer([&] {
        auto db = openDatabase(auction.path());
        if (!db)
            return;
        AuctionService service(*db);
        const auto closed = service.closeAll();
        EXPECT_TRUE(closed.has_value()) << closed.error().message.toStdString();
        closeReturned = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    // ... AND the bid is stamped and committed only after the close began
    Bid bid;
    bid.itemId = lot;
    bid.userId = bidder;
    bid.value = units(5);
    bid.placedAt = utcTimestampNow();
    const auto id = storage.insertBid(bid);
    ASSERT_TRUE(id.has_value()) << id.error().message.toStdString();
    ASSERT_TRUE(storage.setItemWinner(lot, *id, 1));
    EXPECT_FALSE(closeReturned) << "the close did not wait for the lot's lock";
    ASSERT_TRUE(storage.commit());
    closer.join();

    // THEN the lot's closed_at is not before the bid's placed_at
    const auto closed = auction.service().item(lot);
    ASSERT_TRUE(closed.has_value());
    EXPECT_EQ(closed->status, ItemStatus::Closed);
    EXPECT_GE(closed->closedAt, bid.placedAt);
}

TEST(ClosingOrder, AClosedLotsBidsAreDeletedOnlyAfterItIsReopened)
{
    // GIVEN a lot won by A over B, closed and paid
    TestAuction auction;
    const qint64 a = auction.addUser(QStringLiteral("A"));
    const qint64 b = auction.addUser(QStringLiteral("B"));
    const qint64 lot = auction.addItem(QStringLiteral("Lot"), 100, 100);
    const qint64 losing = auction.bid(lot, b, 1000);
    const qint64 winning = auction.bid(lot, a, 2000);
    ASSERT_TRUE(auction.service().updateItem(lot, {.status = ItemStatus::Closed}));
    ASSERT_TRUE(auction.service().addPayment(a, units(20), PaymentMethod::Cash, {}));

    // WHEN its winning bid, or a losing one, is deleted
    for (const qint64 bid : {winning, losing}) {
        const auto refused = auction.service().deleteBid(bid);
        // THEN it is refused: reopen first, naming the lot; the sale stays where it was
        ASSERT_FALSE(refused.has_value());
        EXPECT_EQ(refused.error().reason, Error::Reason::LotClosedReopenFirst);
        EXPECT_EQ(refused.error().code, Error::Code::Conflict);
        EXPECT_EQ(refused.error().facts.value(QStringLiteral("item")).toString(),
                  formatId(EntityKind::Item, lot));
        EXPECT_EQ(auction.service().item(lot)->winningBidId, winning);
        EXPECT_EQ(auction.service().item(lot)->bidCount, 2);
    }
    // AND once the lot is reopened, the bid goes and the sale moves as the rules say
    ASSERT_TRUE(auction.service().updateItem(lot, {.status = ItemStatus::Open}));
    ASSERT_TRUE(auction.service().deleteBid(winning));
    EXPECT_EQ(auction.service().item(lot)->winningBidId, losing);
}

TEST(ClosingOrder, ANewReserveOrIncrementRedecidesTheLotAtOnce)
{
    // GIVEN A leading at 21 with a maximum of 50 over B's 20 (start 10, step 1)
    TestAuction auction;
    const qint64 a = auction.addUser(QStringLiteral("A"));
    const qint64 b = auction.addUser(QStringLiteral("B"));
    const qint64 reserved = auction.addItem(QStringLiteral("Reserved"), 1000, 100);
    const qint64 stepped = auction.addItem(QStringLiteral("Stepped"), 1000, 100);
    const qint64 tabled = auction.addItem(QStringLiteral("Tabled"), 1000, 100);
    for (const qint64 lot : {reserved, stepped, tabled}) {
        ASSERT_TRUE(place(auction, lot, a, 10, 50));
        ASSERT_TRUE(place(auction, lot, b, 20));
        ASSERT_EQ(price(auction, lot), 21);
    }

    // WHEN a reserve of 40 is set THEN the price is 40 at once, with no bid since
    auto withReserve = auction.service().updateItem(reserved, {.reserve = units(40)});
    ASSERT_TRUE(withReserve) << withReserve.error().message.toStdString();
    EXPECT_EQ(withReserve->winningValue, units(40));
    EXPECT_EQ(price(auction, reserved), 40);
    EXPECT_EQ(auction.service().winningBid(reserved)->userId, a);

    // WHEN the lot's increment becomes 5 THEN the price is 20 + 5 at once
    ASSERT_TRUE(auction.service().updateItem(stepped, {.minIncrement = units(5)}));
    EXPECT_EQ(price(auction, stepped), 25);

    // WHEN the auction's increment table says 8 THEN every open lot follows at once
    auto settings = auction.service().settings();
    ASSERT_TRUE(settings);
    settings->increments = {{0, 800}};
    ASSERT_TRUE(auction.service().updateSettings(*settings));
    EXPECT_EQ(price(auction, tabled), 28);
    EXPECT_EQ(price(auction, stepped), 28);
    EXPECT_EQ(price(auction, reserved), 40); // the reserve still holds it there
}
