// The lot view (model/rules/lotview.h): every case a surface shows, worked out from a lot, the
// auction's settings and a time, with no database.
#include "model/rules/lotview.h"

#include <gtest/gtest.h>

using namespace BidTracker::Model;

namespace {

const QDateTime Now =
    QDateTime::fromString(QStringLiteral("2026-12-05T20:00:00.000Z"), Qt::ISODateWithMs);

QString at(qint64 secondsFromNow)
{
    return Now.addSecs(secondsFromNow).toString(Qt::ISODateWithMs);
}

/// An open lot starting at 200.00 with a step of 1.00, no bids.
Item lot()
{
    Item item;
    item.id = 7;
    item.name = QStringLiteral("Vase");
    item.startingPrice = Money::fromCents(20000);
    item.minIncrement = Money::fromCents(100);
    return item;
}

/// `item` with a winning bid of `cents` by paddle 107.
Item withBid(Item item, qint64 cents)
{
    item.winningBidId = 3;
    item.winningValue = Money::fromCents(cents);
    item.winnerUserId = 4;
    item.winnerName = QStringLiteral("Chen Wei");
    item.winnerNumber = 107;
    item.bidCount = 1;
    return item;
}

Item closed(Item item)
{
    item.status = ItemStatus::Closed;
    item.closedAt = at(-10);
    return item;
}

} // namespace

TEST(LotView, ALotWithoutBidsOpensAtItsStartingPriceAndClosesByHand)
{
    const LotView view = lotView(lot(), AuctionSettings{}, Now);
    EXPECT_EQ(view.outcome, LotOutcome::Pending);
    EXPECT_FALSE(view.price.has_value());
    EXPECT_EQ(view.nextMinimum, Money::fromCents(20000));
    EXPECT_EQ(view.step, Money::fromCents(100));
    EXPECT_FALSE(view.leaderId.has_value());
    EXPECT_EQ(view.leaderNumber, 0);
    EXPECT_TRUE(view.closesAt.isEmpty());
    EXPECT_FALSE(view.secondsLeft.has_value());
    EXPECT_FALSE(view.reserveMet.has_value()) << "no reserve: nothing to meet";
    EXPECT_FALSE(view.buyNowPossible) << "no buy-now price";
}

TEST(LotView, TheStepInForceComesFromTheIncrementTableAtThePrice)
{
    AuctionSettings settings;
    settings.increments = {{0, 5}, {10000, 100}, {20000, 250}, {50000, 500}};
    Item item = lot();
    item.minIncrement = Money::fromCents(1);
    // At the starting price of 200.00, before any bid: 2.50
    EXPECT_EQ(lotView(item, settings, Now).step, Money::fromCents(250));
    // At a price of 500.00: 5.00, and the next bid must be 505.00
    const LotView bid = lotView(withBid(item, 50000), settings, Now);
    EXPECT_EQ(bid.step, Money::fromCents(500));
    EXPECT_EQ(bid.nextMinimum, Money::fromCents(50500));
    // A lot's own minimum larger than the table's step wins
    item.minIncrement = Money::fromCents(1000);
    EXPECT_EQ(lotView(item, settings, Now).step, Money::fromCents(1000));
}

TEST(LotView, TheReserveIsMetOnlyWhenThePriceReachesIt)
{
    Item item = lot();
    item.reserve = Money::fromCents(30000);
    EXPECT_EQ(lotView(item, {}, Now).reserveMet, false);
    const LotView below = lotView(withBid(item, 25000), {}, Now);
    EXPECT_EQ(below.reserveMet, false);
    EXPECT_EQ(below.leaderNumber, 107);
    EXPECT_EQ(below.leaderName, QStringLiteral("Chen Wei"));
    EXPECT_EQ(lotView(withBid(item, 30000), {}, Now).reserveMet, true);
}

TEST(LotView, BuyNowIsPossibleOnlyWhileThePriceIsBelowItAndTheLotTakesBids)
{
    Item item = lot();
    item.buyNow = Money::fromCents(40000);
    EXPECT_TRUE(lotView(item, {}, Now).buyNowPossible);
    EXPECT_TRUE(lotView(withBid(item, 39999), {}, Now).buyNowPossible);
    EXPECT_FALSE(lotView(withBid(item, 40000), {}, Now).buyNowPossible) << "price reached it";
    EXPECT_FALSE(lotView(closed(item), {}, Now).buyNowPossible);
    item.closesAt = at(-1);
    EXPECT_FALSE(lotView(item, {}, Now).buyNowPossible) << "its time has passed";
}

TEST(LotView, TheEarlierOfTheLotsOwnTimeAndCloseAllAtApplies)
{
    Item item = lot();
    item.closesAt = at(40 * 60);
    AuctionSettings settings;
    // Its own time alone
    LotView view = lotView(item, settings, Now);
    EXPECT_EQ(view.closesAt, at(40 * 60));
    EXPECT_EQ(view.secondsLeft, 40 * 60);
    EXPECT_FALSE(view.closesWithAll);
    // The auction closes everything in 5 minutes: that applies
    settings.closeAllAt = at(5 * 60);
    view = lotView(item, settings, Now);
    EXPECT_EQ(view.closesAt, at(5 * 60));
    EXPECT_EQ(view.secondsLeft, 5 * 60);
    EXPECT_TRUE(view.closesWithAll);
    // A lot that closes by hand closes with everything
    view = lotView(lot(), settings, Now);
    EXPECT_EQ(view.closesAt, at(5 * 60));
    EXPECT_TRUE(view.closesWithAll);
    // Close all later than the lot's own time: its own applies
    settings.closeAllAt = at(3600);
    EXPECT_EQ(lotView(item, settings, Now).closesAt, at(40 * 60));
}

TEST(LotView, SoftCloseMarksTheLotExtendedUnlessCloseAllAtComesFirst)
{
    Item item = lot();
    item.originalClosesAt = at(60);
    item.closesAt = at(150); // moved by a late bid
    LotView view = lotView(item, {}, Now);
    EXPECT_TRUE(view.extended);
    EXPECT_EQ(view.secondsLeft, 150);
    AuctionSettings settings;
    settings.closeAllAt = at(100);
    view = lotView(item, settings, Now);
    EXPECT_FALSE(view.extended) << "the time that applies is the auction's, never moved";
    EXPECT_EQ(view.secondsLeft, 100);
    item.closesAt = item.originalClosesAt;
    EXPECT_FALSE(lotView(item, {}, Now).extended);
}

TEST(LotView, ALotPastItsTimeIsDueWithNoTimeLeft)
{
    Item item = lot();
    item.closesAt = at(-3);
    const LotView view = lotView(item, {}, Now);
    EXPECT_TRUE(view.due);
    EXPECT_EQ(view.secondsLeft, 0);
    EXPECT_EQ(view.outcome, LotOutcome::Pending) << "until the closer closes it";
}

TEST(LotView, AClosedLotIsSoldOnlyWithAWinnerAndItsReserveMet)
{
    Item item = lot();
    item.closesAt = at(-60);
    // Closed without a bid
    LotView view = lotView(closed(item), {}, Now);
    EXPECT_EQ(view.outcome, LotOutcome::NoBids);
    EXPECT_FALSE(view.sold());
    EXPECT_FALSE(view.secondsLeft.has_value()) << "nothing counts down on a closed lot";
    // Closed with a bid and no reserve: sold
    EXPECT_EQ(lotView(closed(withBid(item, 21000)), {}, Now).outcome, LotOutcome::Sold);
    // Closed below its reserve: unsold, the leader on record
    item.reserve = Money::fromCents(30000);
    view = lotView(closed(withBid(item, 25000)), {}, Now);
    EXPECT_EQ(view.outcome, LotOutcome::Unsold);
    EXPECT_FALSE(view.sold());
    EXPECT_EQ(view.leaderNumber, 107);
    // Closed at its reserve: sold
    EXPECT_TRUE(lotView(closed(withBid(item, 30000)), {}, Now).sold());
    // Open with a winner: pending, never sold
    EXPECT_EQ(lotView(withBid(item, 30000), {}, Now).outcome, LotOutcome::Pending);
}

TEST(LotView, TheOneDecisionOfSoldTakesPlainFacts)
{
    EXPECT_EQ(decideOutcome(false, true, 100, std::nullopt), LotOutcome::Pending);
    EXPECT_EQ(decideOutcome(true, false, 0, std::nullopt), LotOutcome::NoBids);
    EXPECT_EQ(decideOutcome(true, true, 100, std::nullopt), LotOutcome::Sold);
    EXPECT_EQ(decideOutcome(true, true, 99, 100), LotOutcome::Unsold);
    EXPECT_EQ(decideOutcome(true, true, 100, 100), LotOutcome::Sold);
    EXPECT_EQ(soldFlag(LotOutcome::Sold), QStringLiteral("true"));
    EXPECT_EQ(soldFlag(LotOutcome::Unsold), QStringLiteral("false"));
}
