#include "support/testauction.h"

using namespace BidTracker::Model;
using BidTracker::Testing::TestAuction;

namespace {

Money cents(qint64 value)
{
    return Money::fromCents(value);
}

} // namespace

TEST(BidService, AcceptsAFirstBidAtTheStartingPrice)
{
    TestAuction auction;
    const qint64 user = auction.addUser();
    const qint64 item = auction.addItem(QStringLiteral("Vase"), 10000);
    auto placed = auction.service().placeBid(item, user, cents(10000));
    ASSERT_TRUE(placed.has_value()) << placed.error().message.toStdString();
    EXPECT_EQ(auction.service().winningBid(item)->id, placed->id);
    EXPECT_TRUE(placed->placedAt.endsWith(u'Z'));
    EXPECT_EQ(placed->placedAt.size(), 24); // 2026-11-27T23:51:54.123Z
}

TEST(BidService, RejectsAFirstBidBelowTheStartingPrice)
{
    // GIVEN an item starting at 100.00 with no bids
    TestAuction auction;
    const qint64 user = auction.addUser();
    const qint64 item = auction.addItem(QStringLiteral("Vase"), 10000);
    // WHEN someone bids 99.99
    auto placed = auction.service().placeBid(item, user, cents(9999));
    // THEN it is a conflict that states the lowest acceptable bid, and nothing is recorded
    ASSERT_FALSE(placed.has_value());
    EXPECT_EQ(placed.error().code, Error::Code::Conflict);
    EXPECT_TRUE(placed.error().message.contains(QStringLiteral("100.00")))
        << placed.error().message.toStdString();
    EXPECT_EQ(auction.service().item(item)->bidCount, 0);
}

TEST(BidService, RejectsBidBelowCurrentWinner)
{
    TestAuction auction;
    const qint64 user = auction.addUser();
    const qint64 item = auction.addItem();
    auction.bid(item, user, 100000);
    auto placed = auction.service().placeBid(item, user, cents(60000));
    ASSERT_FALSE(placed.has_value());
    EXPECT_EQ(placed.error().code, Error::Code::Conflict);
    EXPECT_TRUE(placed.error().message.contains(QStringLiteral("1000.00")));
    EXPECT_TRUE(placed.error().message.contains(QStringLiteral("1000.01")));
    EXPECT_EQ(auction.service().item(item)->bidCount, 1);
}

TEST(BidService, RejectsAnEqualBidSoTheEarlierOneKeepsWinning)
{
    TestAuction auction;
    const qint64 first = auction.addUser(QStringLiteral("First"));
    const qint64 second = auction.addUser(QStringLiteral("Second"));
    const qint64 item = auction.addItem();
    const qint64 winning = auction.bid(item, first, 5000);
    auto equal = auction.service().placeBid(item, second, cents(5000));
    ASSERT_FALSE(equal.has_value());
    EXPECT_EQ(auction.service().winningBid(item)->id, winning);
}

TEST(BidService, RequiresTheMinimumIncrement)
{
    // GIVEN an item with a 5.00 increment and a winning bid of 50.00
    TestAuction auction;
    const qint64 user = auction.addUser();
    const qint64 item = auction.addItem(QStringLiteral("Clock"), 1, 500);
    auction.bid(item, user, 5000);
    // THEN 54.99 is refused and 55.00 accepted
    EXPECT_FALSE(auction.service().placeBid(item, user, cents(5499)).has_value());
    EXPECT_TRUE(auction.service().placeBid(item, user, cents(5500)).has_value());
    EXPECT_EQ(auction.service().lowestAcceptableBid(item)->cents(), 6000);
}

TEST(BidService, RejectsABidOnAClosedItem)
{
    TestAuction auction;
    const qint64 user = auction.addUser();
    const qint64 item = auction.addItem();
    ItemChanges close;
    close.status = ItemStatus::Closed;
    ASSERT_TRUE(auction.service().updateItem(item, close).has_value());
    auto placed = auction.service().placeBid(item, user, cents(100));
    ASSERT_FALSE(placed.has_value());
    EXPECT_EQ(placed.error().code, Error::Code::Conflict);
    EXPECT_EQ(placed.error().message, QStringLiteral("Item item%1 is closed").arg(item));
}

TEST(BidService, NamesTheMissingItemOrUser)
{
    TestAuction auction;
    const qint64 user = auction.addUser();
    const qint64 item = auction.addItem();
    auto noItem = auction.service().placeBid(item + 7, user, cents(100));
    ASSERT_FALSE(noItem.has_value());
    EXPECT_EQ(noItem.error().code, Error::Code::NotFound);
    EXPECT_EQ(noItem.error().message, QStringLiteral("Item item%1 does not exist").arg(item + 7));
    auto noUser = auction.service().placeBid(item, user + 5, cents(100));
    ASSERT_FALSE(noUser.has_value());
    EXPECT_EQ(noUser.error().message, QStringLiteral("User user%1 does not exist").arg(user + 5));
    EXPECT_EQ(auction.service().bids()->total, 0);
}

TEST(BidService, DeletingTheWinningBidMakesTheHighestRemainingOneWin)
{
    TestAuction auction;
    const qint64 user = auction.addUser();
    const qint64 item = auction.addItem();
    auction.bid(item, user, 100);
    const qint64 second = auction.bid(item, user, 200);
    const qint64 third = auction.bid(item, user, 300);
    ASSERT_TRUE(auction.service().deleteBid(third).has_value());
    EXPECT_EQ(auction.service().winningBid(item)->id, second);
    EXPECT_EQ(auction.service().item(item)->bidCount, 2);
    EXPECT_EQ(auction.service().lowestAcceptableBid(item)->cents(), 201);
}

TEST(BidService, DeletingALosingBidKeepsTheWinner)
{
    TestAuction auction;
    const qint64 user = auction.addUser();
    const qint64 item = auction.addItem();
    const qint64 first = auction.bid(item, user, 100);
    const qint64 second = auction.bid(item, user, 200);
    ASSERT_TRUE(auction.service().deleteBid(first).has_value());
    EXPECT_EQ(auction.service().winningBid(item)->id, second);
}

TEST(BidService, DeletingTheOnlyBidLeavesNoWinner)
{
    TestAuction auction;
    const qint64 user = auction.addUser();
    const qint64 item = auction.addItem(QStringLiteral("Lamp"), 700);
    const qint64 only = auction.bid(item, user, 1000);
    ASSERT_TRUE(auction.service().deleteBid(only).has_value());
    auto winning = auction.service().winningBid(item);
    ASSERT_FALSE(winning.has_value());
    EXPECT_EQ(winning.error().code, Error::Code::NotFound);
    EXPECT_EQ(winning.error().message, QStringLiteral("Item item%1 has no bids").arg(item));
    EXPECT_EQ(auction.service().lowestAcceptableBid(item)->cents(), 700);
    EXPECT_EQ(auction.service().user(user)->bidCount, 0);
}

TEST(BidService, DeletingAnUnknownBidIsNotFound)
{
    TestAuction auction;
    auto deleted = auction.service().deleteBid(42);
    ASSERT_FALSE(deleted.has_value());
    EXPECT_EQ(deleted.error().code, Error::Code::NotFound);
    EXPECT_EQ(deleted.error().message, QStringLiteral("Bid bid42 does not exist"));
}

TEST(BidService, ABatchIsJudgedBidByBidInOrder)
{
    // GIVEN a batch where the second bid is too low after the first
    TestAuction auction;
    const qint64 user = auction.addUser();
    const qint64 item = auction.addItem();
    const QList<BidRequest> batch{{item, user, cents(500)},
                                  {item, user, cents(400)},
                                  {item, user, cents(600)},
                                  {item + 9, user, cents(700)}};
    // WHEN placed together
    const auto results = auction.service().placeBids(batch);
    // THEN each gets the answer it would have had alone
    ASSERT_EQ(results.size(), 4);
    EXPECT_TRUE(results[0].has_value());
    EXPECT_EQ(results[1].error().code, Error::Code::Conflict);
    EXPECT_TRUE(results[2].has_value());
    EXPECT_EQ(results[3].error().code, Error::Code::NotFound);
    EXPECT_EQ(auction.service().winningBid(item)->value.cents(), 600);
    EXPECT_EQ(auction.service().item(item)->bidCount, 2);
}

TEST(BidService, LoadsTheSampleAuctionWithTheDocumentedIds)
{
    TestAuction auction;
    ASSERT_TRUE(auction.service().loadSampleAuction().has_value());
    EXPECT_EQ(auction.service().user(1)->name, QStringLiteral("Albert"));
    EXPECT_EQ(auction.service().user(2)->name, QStringLiteral("Berry"));
    EXPECT_EQ(auction.service().user(3)->name, QStringLiteral("Constance"));
    EXPECT_EQ(auction.service().item(1)->name, QString::fromUtf8("Item Nº 1"));
    EXPECT_EQ(auction.service().item(2)->name, QString::fromUtf8("Item Nº 2"));
    auto first = auction.service().bid(1);
    auto second = auction.service().bid(2);
    ASSERT_TRUE(first && second);
    EXPECT_EQ(first->itemId, 1);
    EXPECT_EQ(first->userId, 1);
    EXPECT_EQ(first->value.cents(), 50000);
    EXPECT_EQ(second->userId, 2);
    EXPECT_EQ(second->value.cents(), 100000);
    EXPECT_EQ(auction.service().winningBid(1)->id, 2);
    EXPECT_EQ(auction.service().users()->total, 3);
}

TEST(BidService, RefusesTheSampleAuctionInADatabaseThatWasUsed)
{
    TestAuction auction;
    const qint64 user = auction.addUser();
    ASSERT_TRUE(auction.service().deleteUser(user).has_value());
    auto loaded = auction.service().loadSampleAuction();
    ASSERT_FALSE(loaded.has_value());
    EXPECT_EQ(loaded.error().code, Error::Code::Conflict);
    EXPECT_EQ(auction.service().users()->total, 0);
}
