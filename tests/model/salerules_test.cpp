// The rules of real sales (RULES.md 2) through the service, on a real database (both
// engines): the worked example step by step, increments, reserve, buy now, maximums raised
// alone, deleting and restoring, batching.
#include "model/lotrules.h"
#include "model/rules/lotview.h"
#include "support/testauction.h"

#include <random>

using namespace BidTracker::Model;
using BidTracker::Testing::TestAuction;

namespace {

Money units(qint64 whole)
{
    return Money::fromCents(whole * 100);
}

/// A bid that may carry a maximum; `value` 0 leaves the value out.
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

/// Who leads and at what price, as every door reads it.
struct Standing
{
    qint64 leader = 0;
    qint64 price = 0; // whole units
    bool operator==(const Standing&) const = default;
};

Standing standing(TestAuction& auction, qint64 item)
{
    const Item lot = *auction.service().item(item);
    if (!lot.winnerUserId)
        return {};
    return {*lot.winnerUserId, lot.winningValue->cents() / 100};
}

std::ostream& operator<<(std::ostream& out, const Standing& s)
{
    return out << "user" << s.leader << " at " << s.price;
}

} // namespace

TEST(SaleRules, FollowTheWorkedExampleOfTheRulesStepByStep)
{
    // GIVEN a lot starting at 10 with a step of 1, and bidders A, B and C
    TestAuction auction;
    const qint64 a = auction.addUser(QStringLiteral("A"));
    const qint64 b = auction.addUser(QStringLiteral("B"));
    const qint64 c = auction.addUser(QStringLiteral("C"));
    const qint64 lot = auction.addItem(QStringLiteral("Lot"), 1000, 100);
    // WHEN A bids 10 with max 50 THEN A leads at 10
    ASSERT_TRUE(place(auction, lot, a, 10, 50));
    EXPECT_EQ(standing(auction, lot), (Standing{a, 10}));
    // WHEN B bids 20 THEN A leads at 21 through an automatic bid
    auto second = place(auction, lot, b, 20);
    ASSERT_TRUE(second) << second.error().message.toStdString();
    EXPECT_TRUE(second->added);
    EXPECT_EQ(second->bid.userId, b);
    EXPECT_EQ(standing(auction, lot), (Standing{a, 21}));
    const Bid automatic = *auction.service().winningBid(lot);
    EXPECT_TRUE(automatic.automatic);
    EXPECT_EQ(automatic.userId, a);
    // WHEN B bids 60 THEN B leads at 60
    ASSERT_TRUE(place(auction, lot, b, 60));
    EXPECT_EQ(standing(auction, lot), (Standing{b, 60}));
    // WHEN A, not leading, raises the maximum to 100 (value left out) THEN A leads at 61
    EXPECT_EQ(*auction.service().lowestAcceptableBid(lot), units(61));
    auto raised = place(auction, lot, a, 0, 100);
    ASSERT_TRUE(raised) << raised.error().message.toStdString();
    EXPECT_TRUE(raised->added);
    EXPECT_EQ(raised->bid.value, units(61));
    EXPECT_EQ(standing(auction, lot), (Standing{a, 61}));
    // WHEN C bids with max 100 THEN A leads at 100: same ceiling, A reached it first
    ASSERT_TRUE(place(auction, lot, c, 0, 100));
    EXPECT_EQ(standing(auction, lot), (Standing{a, 100}));
    // AND the bids are stored in order, the automatic ones marked
    const auto bids = auction.service().bidsForItem(lot)->rows;
    QList<std::tuple<qint64, qint64, bool>> seen;
    for (const Bid& bid : bids)
        seen.append({bid.userId, bid.value.cents() / 100, bid.automatic});
    const QList<std::tuple<qint64, qint64, bool>> expected{
        {a, 10, false}, {b, 20, false}, {a, 21, true}, {b, 60, false},
        {a, 61, false}, {c, 62, false}, {a, 100, true}};
    EXPECT_EQ(seen, expected);
    EXPECT_EQ(auction.service().item(lot)->bidCount, 7);
    EXPECT_EQ(auction.service().user(a)->bidCount, 4);
}

TEST(SaleRules, PlainBidsKeepTheOriginalsBehaviour)
{
    // GIVEN the sample auction WHEN read THEN bid2 (1000) wins item1, as in the original
    TestAuction auction;
    ASSERT_TRUE(auction.service().loadSampleAuction());
    const Item item1 = *auction.service().item(1);
    EXPECT_EQ(item1.winningBidId, 2);
    EXPECT_EQ(item1.winningValue, units(1000));
    EXPECT_EQ(*auction.service().lowestAcceptableBid(1), Money::fromCents(100001));
    // AND deleting the winner gives the lot back to the 500 bid
    ASSERT_TRUE(auction.service().deleteBid(2));
    EXPECT_EQ(auction.service().item(1)->winningBidId, 1);
    EXPECT_EQ(auction.service().item(1)->bidCount, 1);
}

TEST(SaleRules, TheIncrementTableSetsTheStepAboveTheLotsMinimum)
{
    // GIVEN increments of 0.50 from 0 and 5 from 100
    TestAuction auction;
    AuctionSettings settings = *auction.service().settings();
    settings.increments = {{0, 50}, {10000, 500}};
    ASSERT_TRUE(auction.service().updateSettings(settings));
    const qint64 user = auction.addUser();
    const qint64 lot = auction.addItem(QStringLiteral("Lot"), 1000, 1);
    // WHEN the first bid is the starting price THEN the next must be 0.50 above it
    auction.bid(lot, user, 1000);
    EXPECT_EQ(*auction.service().lowestAcceptableBid(lot), Money::fromCents(1050));
    EXPECT_FALSE(auction.service().placeBid(lot, user, Money::fromCents(1049)));
    // WHEN the price reaches 100 THEN the step is 5
    auction.bid(lot, user, 10000);
    EXPECT_EQ(*auction.service().lowestAcceptableBid(lot), Money::fromCents(10500));
    const auto low = auction.service().placeBid(lot, user, Money::fromCents(10400));
    ASSERT_FALSE(low);
    EXPECT_EQ(low.error().message,
              QStringLiteral("Bid of 104.00 on item1 is too low: the winning bid is 100.00 and "
                             "the lowest acceptable bid is 105.00"));
}

TEST(SaleRules, ALeaderRaisesTheMaximumAloneWithoutAddingABid)
{
    TestAuction auction;
    const qint64 a = auction.addUser(QStringLiteral("A"));
    const qint64 b = auction.addUser(QStringLiteral("B"));
    const qint64 lot = auction.addItem(QStringLiteral("Lot"), 1000, 100);
    ASSERT_TRUE(place(auction, lot, a, 10, 50));
    // WHEN the leader sends a maximum alone THEN no bid is added and the answer says so
    auto raise = place(auction, lot, a, 0, 80);
    ASSERT_TRUE(raise) << raise.error().message.toStdString();
    EXPECT_FALSE(raise->added);
    EXPECT_EQ(raise->bid.userId, a);
    EXPECT_EQ(auction.service().item(lot)->bidCount, 1);
    EXPECT_EQ(auction.service().item(lot)->leaderCeiling, units(80));
    // AND the raised maximum counts: B bidding 70 leaves A leading at 71
    ASSERT_TRUE(place(auction, lot, b, 70));
    EXPECT_EQ(standing(auction, lot), (Standing{a, 71}));
    // AND it survives working the lot out again: after deleting B's bid, B bids 75
    const qint64 bBid = auction.service().bidsByUser(b)->rows.front().id;
    ASSERT_TRUE(auction.service().deleteBid(bBid));
    EXPECT_EQ(standing(auction, lot), (Standing{a, 10}));
    ASSERT_TRUE(place(auction, lot, b, 75));
    EXPECT_EQ(standing(auction, lot), (Standing{a, 76}));
    // AND a maximum alone that is not above the own one changes nothing, answered as a raise
    const auto lower = place(auction, lot, a, 0, 60);
    ASSERT_TRUE(lower);
    EXPECT_FALSE(lower->added);
    EXPECT_EQ(standing(auction, lot), (Standing{a, 76}));
    EXPECT_EQ(auction.service().item(lot)->leaderCeiling, units(80));
}

TEST(SaleRules, AMaximumBelowTheValueIsInvalid)
{
    TestAuction auction;
    const qint64 a = auction.addUser();
    const qint64 lot = auction.addItem();
    const auto refused = place(auction, lot, a, 20, 10);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, Error::Code::Invalid);
    EXPECT_EQ(refused.error().field, QStringLiteral("max_value"));
    EXPECT_EQ(auction.service().item(lot)->bidCount, 0);
}

TEST(SaleRules, AReserveRaisesThePriceAndALotClosedBelowItIsUnsold)
{
    // GIVEN a lot with a reserve of 80
    TestAuction auction;
    const qint64 a = auction.addUser(QStringLiteral("A"));
    const qint64 b = auction.addUser(QStringLiteral("B"));
    ItemChanges changes;
    changes.name = QStringLiteral("Painting");
    changes.startingPrice = units(10);
    changes.minIncrement = units(1);
    changes.reserve = std::optional<Money>(units(80));
    const qint64 lot = auction.service().createItem(changes)->id;
    // WHEN A bids 10 with max 50 THEN the reserve is not met
    ASSERT_TRUE(place(auction, lot, a, 10, 50));
    EXPECT_EQ(reserveMet(*auction.service().item(lot)), false);
    // WHEN B bids 20 with max 100 THEN B leads at the reserve
    ASSERT_TRUE(place(auction, lot, b, 20, 100));
    EXPECT_EQ(standing(auction, lot), (Standing{b, 80}));
    EXPECT_EQ(reserveMet(*auction.service().item(lot)), true);
    // AND closed there the lot is sold
    ItemChanges close;
    close.status = ItemStatus::Closed;
    EXPECT_TRUE(
        lotView(*auction.service().updateItem(lot, close), {}, QDateTime::currentDateTimeUtc())
            .sold());
    // GIVEN another lot with a reserve of 80 WHEN it closes at 30 THEN it is unsold, the
    // winner still recorded
    changes.name = QStringLiteral("Vase");
    const qint64 vase = auction.service().createItem(changes)->id;
    ASSERT_TRUE(place(auction, vase, a, 30));
    const Item closed = *auction.service().updateItem(vase, close);
    EXPECT_EQ(closed.winnerUserId, a);
    EXPECT_EQ(reserveMet(closed), false);
    EXPECT_FALSE(lotView(closed, {}, QDateTime::currentDateTimeUtc()).sold());
}

TEST(SaleRules, BuyNowWinsWhateverMaximumsOthersHoldAndClosesTheLot)
{
    TestAuction auction;
    const qint64 a = auction.addUser(QStringLiteral("A"));
    const qint64 b = auction.addUser(QStringLiteral("B"));
    ItemChanges changes;
    changes.name = QStringLiteral("Weekend");
    changes.startingPrice = units(10);
    changes.buyNow = std::optional<Money>(units(200));
    const qint64 lot = auction.service().createItem(changes)->id;
    // GIVEN A holds a maximum of 500
    ASSERT_TRUE(place(auction, lot, a, 10, 500));
    // WHEN B buys now THEN B wins at 200 and the lot is closed
    const auto bought = auction.service().buyNow(lot, b);
    ASSERT_TRUE(bought) << bought.error().message.toStdString();
    EXPECT_EQ(bought->value, units(200));
    const Item item = *auction.service().item(lot);
    EXPECT_EQ(item.status, ItemStatus::Closed);
    EXPECT_EQ(item.winnerUserId, b);
    EXPECT_FALSE(item.closedAt.isEmpty());
    // GIVEN another lot whose price passed its buy-now price WHEN bought THEN refused
    changes.name = QStringLiteral("Necklace");
    const qint64 necklace = auction.service().createItem(changes)->id;
    auction.bid(necklace, a, 25000);
    const auto late = auction.service().buyNow(necklace, b);
    ASSERT_FALSE(late);
    EXPECT_EQ(late.error().code, Error::Code::Conflict);
    EXPECT_EQ(late.error().message,
              QStringLiteral("Buy now is no longer possible on item2: the price 250.00 passed "
                             "200.00"));
    EXPECT_EQ(auction.service().item(necklace)->status, ItemStatus::Open);
}

TEST(SaleRules, ReserveAndBuyNowMustBePositiveMoney)
{
    TestAuction auction;
    ItemChanges changes;
    changes.name = QStringLiteral("Lot");
    changes.reserve = std::optional<Money>(Money::fromCents(0));
    auto refused = auction.service().createItem(changes);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().field, QStringLiteral("reserve"));
    changes.reserve.reset();
    changes.buyNow = std::optional<Money>(Money::fromCents(-5));
    refused = auction.service().createItem(changes);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().field, QStringLiteral("buy_now"));
    EXPECT_EQ(auction.service().items()->total, 0);
}

TEST(SaleRules, DeletingABidDropsTheAutomaticBidsAfterItAndWorksTheLotOutAgain)
{
    // GIVEN the worked example's first steps: A max 50, B 20 -> A at 21 (automatic)
    TestAuction auction;
    const qint64 a = auction.addUser(QStringLiteral("A"));
    const qint64 b = auction.addUser(QStringLiteral("B"));
    const qint64 lot = auction.addItem(QStringLiteral("Lot"), 1000, 100);
    ASSERT_TRUE(place(auction, lot, a, 10, 50));
    const qint64 bBid = place(auction, lot, b, 20)->bid.id;
    ASSERT_EQ(auction.service().item(lot)->bidCount, 3);
    // WHEN B's bid is deleted THEN the automatic bid goes with it: A leads at 10 again
    ASSERT_TRUE(auction.service().deleteBid(bBid));
    EXPECT_EQ(standing(auction, lot), (Standing{a, 10}));
    EXPECT_EQ(auction.service().item(lot)->bidCount, 1);
    EXPECT_EQ(auction.service().user(a)->bidCount, 1);
    // AND an automatic bid cannot be deleted by itself
    ASSERT_TRUE(place(auction, lot, b, 30));
    const Bid automatic = *auction.service().winningBid(lot);
    ASSERT_TRUE(automatic.automatic);
    EXPECT_EQ(auction.service().deleteBid(automatic.id).error().code, Error::Code::Conflict);
    // WHEN A's bid with the maximum is deleted THEN B leads at 30 with its own bid
    const qint64 aBid = auction.service().bidsByUser(a)->rows.front().id;
    ASSERT_TRUE(auction.service().deleteBid(aBid));
    EXPECT_EQ(standing(auction, lot), (Standing{b, 30}));
    EXPECT_EQ(auction.service().item(lot)->bidCount, 1);
    EXPECT_EQ(auction.service().user(a)->bidCount, 0);
}

namespace {

/// Every bid of a lot as (user, value, automatic), in id order.
QList<std::tuple<qint64, qint64, bool>> entries(TestAuction& auction, qint64 lot)
{
    QList<std::tuple<qint64, qint64, bool>> all;
    const auto bids = auction.service().bidsForItem(lot)->rows;
    for (const Bid& bid : bids)
        all.append({bid.userId, bid.value.cents(), bid.automatic});
    std::sort(all.begin(), all.end());
    return all;
}

/// A random valid request: at or above the lowest acceptable bid, often with a maximum.
BidRequest randomRequest(std::mt19937& random, TestAuction& auction, qint64 lot)
{
    const qint64 user = std::uniform_int_distribution<qint64>(1, 4)(random);
    const qint64 lowest = auction.service().lowestAcceptableBid(lot)->cents();
    const qint64 value = lowest + std::uniform_int_distribution<qint64>(0, 3)(random) * 50;
    BidRequest request{lot, user, Money::fromCents(value), {}};
    if (random() % 2)
        request.maxValue =
            Money::fromCents(value + std::uniform_int_distribution<qint64>(0, 40)(random) * 50);
    return request;
}

/// Like randomRequest, and now and then the leader raising their maximum alone.
BidRequest randomRequestOrRaise(std::mt19937& random, TestAuction& auction, qint64 lot)
{
    const Item item = *auction.service().item(lot);
    if (item.winnerUserId && item.leaderCeiling && random() % 4 == 0) {
        const qint64 above = std::uniform_int_distribution<qint64>(1, 20)(random) * 50;
        return BidRequest{
            lot, *item.winnerUserId, {}, Money::fromCents(item.leaderCeiling->cents() + above)};
    }
    return randomRequest(random, auction, lot);
}

} // namespace

TEST(SaleRules, DeletingTheOnlyBidOfABidderWhoRaisedAndPuttingItBackGivesTheRaiseBack)
{
    // GIVEN A at 10 with a maximum of 50 raised alone to 80, and B's 70: A leads at 71
    TestAuction auction;
    const qint64 a = auction.addUser(QStringLiteral("A"));
    const qint64 b = auction.addUser(QStringLiteral("B"));
    const qint64 lot = auction.addItem(QStringLiteral("Lot"), 1000, 100);
    const Bid aBid = place(auction, lot, a, 10, 50)->bid;
    ASSERT_TRUE(place(auction, lot, a, 0, 80));
    ASSERT_TRUE(place(auction, lot, b, 70));
    ASSERT_EQ(standing(auction, lot), (Standing{a, 71}));
    // WHEN A's only bid is deleted THEN A's raise no longer counts: B leads with 70
    ASSERT_TRUE(auction.service().deleteBid(aBid.id));
    EXPECT_EQ(standing(auction, lot), (Standing{b, 70}));
    EXPECT_EQ(auction.service().item(lot)->leaderCeiling, units(70));
    // WHEN the bid is put back (the window's undo) THEN so is the raise: A leads at 71 again
    // with a ceiling of 80, and a challenger's 79 still loses
    ASSERT_TRUE(auction.service().restoreBid(aBid));
    EXPECT_EQ(standing(auction, lot), (Standing{a, 71}));
    EXPECT_EQ(auction.service().item(lot)->leaderCeiling, units(80));
    ASSERT_TRUE(place(auction, lot, b, 79));
    EXPECT_EQ(standing(auction, lot), (Standing{a, 80}));
}

TEST(SaleRules, DeletingABidAndPuttingItBackGivesTheSameLot)
{
    for (unsigned seed = 1; seed <= 12; ++seed) {
        // GIVEN a lot with a random history of bids, maximums and maximums raised alone (a
        // rework places automatic bids again with new ids, so deleting one bid after another
        // also checks that a lot worked out once is worked out right again)
        TestAuction auction;
        for (int i = 0; i < 4; ++i)
            auction.addUser(QStringLiteral("Bidder %1").arg(i));
        const qint64 lot = auction.addItem(QStringLiteral("Lot"), 1000, 100);
        std::mt19937 random(seed);
        for (int i = 0; i < 12; ++i) {
            auto placed = auction.service().placeBid(randomRequestOrRaise(random, auction, lot));
            ASSERT_TRUE(placed) << placed.error().message.toStdString();
        }
        const Item before = *auction.service().item(lot);
        const auto entriesBefore = entries(auction, lot);
        // WHEN each plain bid in turn is deleted and put back
        const auto bids = auction.service().bidsForItem(lot);
        for (const Bid& victim : bids->rows) {
            if (victim.automatic)
                continue;
            ASSERT_TRUE(auction.service().deleteBid(victim.id));
            auto restored = auction.service().restoreBid(victim);
            ASSERT_TRUE(restored) << restored.error().message.toStdString();
            // THEN the lot is as it was: leader, price, ceilings, bids and counts
            const Item after = *auction.service().item(lot);
            EXPECT_EQ(standing(auction, lot),
                      (Standing{*before.winnerUserId, before.winningValue->cents() / 100}))
                << "seed " << seed << " bid " << victim.id;
            EXPECT_EQ(after.leaderCeiling, before.leaderCeiling) << "seed " << seed;
            EXPECT_EQ(after.runnerUpCeiling, before.runnerUpCeiling) << "seed " << seed;
            EXPECT_EQ(after.bidCount, before.bidCount) << "seed " << seed;
            EXPECT_EQ(entries(auction, lot), entriesBefore) << "seed " << seed;
        }
    }
}

TEST(SaleRules, ABatchDecidesAsBidsPlacedOneByOne)
{
    for (unsigned seed = 1; seed <= 12; ++seed) {
        // GIVEN the same random requests, placed one by one on one lot and as one batch on
        // another (the batch's requests made valid against the one-by-one lot as it went)
        TestAuction auction;
        for (int i = 0; i < 4; ++i)
            auction.addUser(QStringLiteral("Bidder %1").arg(i));
        const qint64 single = auction.addItem(QStringLiteral("One by one"), 1000, 100);
        const qint64 batched = auction.addItem(QStringLiteral("Batched"), 1000, 100);
        std::mt19937 random(seed);
        QList<BidRequest> batch;
        for (int i = 0; i < 10; ++i) {
            BidRequest request = randomRequest(random, auction, single);
            ASSERT_TRUE(auction.service().placeBid(request));
            request.itemId = batched;
            batch.append(request);
        }
        // WHEN the batch is placed in one transaction
        for (const auto& placed : auction.service().placeBidBatch(batch))
            ASSERT_TRUE(placed) << placed.error().message.toStdString();
        // THEN both lots stand the same, with the same bids
        EXPECT_EQ(standing(auction, batched), standing(auction, single)) << "seed " << seed;
        EXPECT_EQ(entries(auction, batched), entries(auction, single)) << "seed " << seed;
    }
}

TEST(SaleRules, ALotWithoutItsStandingIsWorkedOutFromItsBids)
{
    // GIVEN a lot with maximums whose stored ceilings are forgotten (as after an older
    // version or a bulk load)
    TestAuction auction;
    const qint64 a = auction.addUser(QStringLiteral("A"));
    const qint64 b = auction.addUser(QStringLiteral("B"));
    const qint64 lot = auction.addItem(QStringLiteral("Lot"), 1000, 100);
    ASSERT_TRUE(place(auction, lot, a, 10, 50));
    ASSERT_TRUE(place(auction, lot, b, 20));
    const Item before = *auction.service().item(lot);
    ASSERT_TRUE(auction.db().storage().setItemWinner(lot, before.winningBidId, 0));
    ASSERT_FALSE(auction.service().item(lot)->leaderCeiling);
    // WHEN B bids 40 THEN A's maximum of 50 still counts: A leads at 41
    ASSERT_TRUE(place(auction, lot, b, 40));
    EXPECT_EQ(standing(auction, lot), (Standing{a, 41}));
    EXPECT_EQ(auction.service().item(lot)->leaderCeiling, units(50));
}

namespace {

/// Three lots (the last with a reserve of 60) and four bidders, alike in every auction.
QList<qint64> mixedLots(TestAuction& auction)
{
    for (int i = 0; i < 4; ++i)
        auction.addUser(QStringLiteral("Bidder %1").arg(i));
    QList<qint64> lots{auction.addItem(QStringLiteral("First"), 1000, 100),
                       auction.addItem(QStringLiteral("Second"), 500, 50)};
    ItemChanges reserved;
    reserved.name = QStringLiteral("Reserved");
    reserved.startingPrice = units(10);
    reserved.minIncrement = units(1);
    reserved.reserve = std::optional<Money>(units(60));
    lots.append(auction.service().createItem(reserved)->id);
    return lots;
}

/// Requests drawn without looking at the lots: some too low, some a maximum alone, some for
/// a bidder or lot that does not exist, so a batch meets every kind of answer.
QList<BidRequest> mixedRequests(unsigned seed, const QList<qint64>& lots)
{
    std::mt19937 random(seed);
    QList<BidRequest> requests;
    for (int i = 0; i < 40; ++i) {
        const qsizetype pick = std::uniform_int_distribution<qsizetype>(0, lots.size())(random);
        const qint64 lot = pick < lots.size() ? lots[pick] : 999;                // 999: no such lot
        const qint64 user = std::uniform_int_distribution<qint64>(1, 5)(random); // 5: nobody
        const qint64 value = 5 + std::uniform_int_distribution<qint64>(0, 30)(random) * 3;
        BidRequest request{lot, user, units(value), {}};
        switch (random() % 4) {
        case 0:
            break;
        case 1:
            request.maxValue = units(value + std::uniform_int_distribution<qint64>(0, 40)(random));
            break;
        case 2:
            request.value.reset(); // a maximum alone: a raise for the leader
            request.maxValue = units(value + 20);
            break;
        default:
            request.value = units(value * 2);
            break;
        }
        requests.append(request);
    }
    return requests;
}

/// Every answer as the API would tell it, without the time stamps.
QStringList answers(const QList<Result<BidPlacement>>& results)
{
    QStringList all;
    for (const auto& result : results) {
        if (!result) {
            all.append(result.error().message);
            continue;
        }
        const Bid& bid = result->bid;
        all.append(QStringLiteral("%1 %2 lot %3 user %4 (%5) %6 auto %7 max %8")
                       .arg(result->added ? QStringLiteral("added") : QStringLiteral("kept"))
                       .arg(bid.id)
                       .arg(bid.itemId)
                       .arg(bid.userId)
                       .arg(bid.userName, bid.value.toString())
                       .arg(bid.automatic)
                       .arg(bid.maxValue ? bid.maxValue->toString() : QString()));
    }
    return all;
}

/// Every lot and bidder row as read back, and every bid.
QStringList rowsOf(TestAuction& auction, const QList<qint64>& lots)
{
    QStringList rows;
    for (const qint64 id : lots) {
        const Item lot = *auction.service().item(id);
        rows.append(QStringLiteral("lot %1 bids %2 winner %3 %4 %5 at %6 ceilings %7 %8")
                        .arg(lot.id)
                        .arg(lot.bidCount)
                        .arg(lot.winningBidId.value_or(0))
                        .arg(lot.winnerUserId.value_or(0))
                        .arg(lot.winnerName,
                             lot.winningValue ? lot.winningValue->toString() : QString(),
                             lot.leaderCeiling ? lot.leaderCeiling->toString() : QString(),
                             lot.runnerUpCeiling ? lot.runnerUpCeiling->toString() : QString()));
        const auto bids = auction.service().bidsForItem(id);
        for (const Bid& bid : bids->rows)
            rows.append(QStringLiteral("bid %1 user %2 %3 auto %4")
                            .arg(bid.id)
                            .arg(bid.userId)
                            .arg(bid.value.toString())
                            .arg(bid.automatic));
    }
    for (qint64 id = 1; id <= 4; ++id)
        rows.append(
            QStringLiteral("user %1 bids %2").arg(id).arg(auction.service().user(id)->bidCount));
    return rows;
}

} // namespace

TEST(SaleRules, ABatchOverSeveralLotsAnswersAndWritesAsRequestsPlacedOneByOne)
{
    qsizetype automaticBids = 0;
    for (unsigned seed = 1; seed <= 8; ++seed) {
        // GIVEN two auctions alike, and 40 requests over three lots that the rules take,
        // refuse or answer with automatic bids
        TestAuction oneByOne;
        TestAuction batched;
        const QList<qint64> lots = mixedLots(oneByOne);
        ASSERT_EQ(mixedLots(batched), lots);
        const QList<BidRequest> requests = mixedRequests(seed, lots);
        // WHEN one auction gets them one transaction each and the other as one batch
        QList<Result<BidPlacement>> single;
        for (const BidRequest& request : requests)
            single.append(oneByOne.service().placeBid(request));
        const QList<Result<BidPlacement>> batch = batched.service().placeBidBatch(requests);
        // THEN every answer is the same, and so is every row written
        ASSERT_EQ(answers(batch), answers(single)) << "seed " << seed;
        EXPECT_EQ(rowsOf(batched, lots), rowsOf(oneByOne, lots)) << "seed " << seed;
        EXPECT_GT(std::count_if(single.cbegin(), single.cend(), [](const auto& r) { return !r; }),
                  0);
        const QStringList written = rowsOf(oneByOne, lots);
        automaticBids += std::count_if(written.cbegin(), written.cend(),
                                       [](const QString& row) { return row.endsWith(" auto 1"); });
    }
    // AND the auction's own bids for maximums were among them
    EXPECT_GT(automaticBids, 0);
}
