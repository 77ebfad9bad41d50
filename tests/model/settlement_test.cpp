// A consignor's settlement, RULES.md 6, against its worked example, to the cent.
#include "model/rules/settlement.h"

#include <gtest/gtest.h>

using namespace BidTracker::Model::Rules;

namespace {

// The worked example's terms: commission 20 %, lot fee 2.00, unsold fee 5.00.
constexpr ConsignorTerms exampleTerms{2000, 200, 500};

ConsignedLot sold(qint64 hammer, bool collected)
{
    return {ConsignedLotState::Sold, hammer, collected};
}

const ConsignedLot unsold{ConsignedLotState::Unsold, 0, false};
const ConsignedLot pending{ConsignedLotState::Pending, 0, false};

} // namespace

TEST(Settlement, FollowsTheWorkedExample)
{
    // GIVEN lots sold at 100.00 (its buyer paid) and 55.57 (not yet), and one unsold
    const QList<ConsignedLot> lots{sold(10000, true), sold(5557, false), unsold};
    const auto sums = settlementSums(exampleTerms, lots, {});
    // THEN hammer 155.57, commission 20.00 + 11.11, fees 2.00 + 2.00 + 5.00, net 115.46
    EXPECT_EQ(sums.hammer, 15557);
    ASSERT_EQ(sums.lines.size(), 3);
    EXPECT_EQ(sums.lines[0].commission, 2000);
    EXPECT_EQ(sums.lines[1].commission, 1111); // 11.114 -> 11.11
    EXPECT_TRUE(sums.lines[2].returned);
    EXPECT_EQ(sums.lines[2].fee, 500);
    EXPECT_EQ(sums.commission, 3111);
    EXPECT_EQ(sums.fees, 900);
    EXPECT_EQ(sums.net, 11546);
    // AND with only the first buyer paid: 100.00 - 20.00 - 2.00 - 5.00
    EXPECT_EQ(sums.payableNow, 7300);
    EXPECT_EQ(sums.balance, 11546);
    EXPECT_EQ(sums.status, SettlementStatus::Unpaid);
}

TEST(Settlement, APayoutOfWhatIsPayableLeavesTheRestOwed)
{
    const QList<ConsignedLot> lots{sold(10000, true), sold(5557, false), unsold};
    const auto sums = settlementSums(exampleTerms, lots, {{7300, false}});
    EXPECT_EQ(sums.paid, 7300);
    EXPECT_EQ(sums.payableNow, 0);
    EXPECT_EQ(sums.balance, 4246);
    EXPECT_EQ(sums.status, SettlementStatus::Partial);
    EXPECT_EQ(settlementStatusName(sums.status), QStringLiteral("partial"));
}

TEST(Settlement, AVoidedPayoutDoesNotCount)
{
    const QList<ConsignedLot> lots{sold(10000, true)};
    const auto sums = settlementSums(exampleTerms, lots, {{7800, true}});
    EXPECT_EQ(sums.paid, 0);
    EXPECT_EQ(sums.payableNow, 7800);
    EXPECT_EQ(sums.status, SettlementStatus::Unpaid);
}

TEST(Settlement, RoundsTheCommissionHalfUpAtTheEdges)
{
    // 12.5 % of 0.04 is 0.005 -> 0.01; of 0.03 is 0.00375 -> 0.00
    const ConsignorTerms terms{1250, 0, 0};
    EXPECT_EQ(settlementSums(terms, {sold(4, true)}, {}).commission, 1);
    EXPECT_EQ(settlementSums(terms, {sold(3, true)}, {}).commission, 0);
    // 20 % of 0.02 is 0.004 -> 0.00; of 0.03 is 0.006 -> 0.01
    EXPECT_EQ(settlementSums(exampleTerms, {sold(2, true)}, {}).commission, 0);
    EXPECT_EQ(settlementSums(exampleTerms, {sold(3, true)}, {}).commission, 1);
    // the largest amount at 100 %: exact
    const ConsignorTerms all{10000, 0, 0};
    EXPECT_EQ(settlementSums(all, {sold(100'000'000'000, true)}, {}).commission, 100'000'000'000);
}

TEST(Settlement, PendingLotsAreListedApartAndCountNowhere)
{
    const QList<ConsignedLot> lots{pending, sold(10000, true), pending};
    const auto sums = settlementSums(exampleTerms, lots, {});
    EXPECT_EQ(sums.pending, (QList<int>{0, 2}));
    ASSERT_EQ(sums.lines.size(), 1);
    EXPECT_EQ(sums.lines[0].lot, 1);
    EXPECT_EQ(sums.net, 10000 - 2000 - 200);
    EXPECT_EQ(sums.payableNow, 7800);
}

TEST(Settlement, NothingIsPayableBeforeAnyBuyerPays)
{
    const QList<ConsignedLot> lots{sold(10000, false), sold(5557, false)};
    const auto sums = settlementSums(exampleTerms, lots, {});
    EXPECT_EQ(sums.payableNow, 0);
    EXPECT_GT(sums.balance, 0);
}

TEST(Settlement, UnsoldFeesAreTakenFromWhatIsCollectedButNeverMakeItNegative)
{
    // GIVEN one lot sold at 4.00 and collected, two returned: 4.00 - 0.80 - 2.00 - 10.00
    const QList<ConsignedLot> lots{sold(400, true), unsold, unsold};
    const auto sums = settlementSums(exampleTerms, lots, {});
    EXPECT_EQ(sums.payableNow, 0);
    EXPECT_EQ(sums.net, 400 - 80 - 200 - 1000);
    EXPECT_EQ(sums.status, SettlementStatus::OwesHouse);
}

TEST(Settlement, AReopenedLotAfterItsPayoutLeavesTheConsignorOwingTheHouse)
{
    // GIVEN 78.00 paid out for a lot that was then reopened (now pending)
    const auto sums = settlementSums(exampleTerms, {pending}, {{7800, false}});
    EXPECT_EQ(sums.balance, -7800);
    EXPECT_EQ(sums.payableNow, 0);
    EXPECT_EQ(sums.status, SettlementStatus::OwesHouse);
    EXPECT_EQ(settlementStatusName(sums.status), QStringLiteral("owes_house"));
}

TEST(Settlement, EverythingPaidOutIsPaid)
{
    const auto sums = settlementSums(exampleTerms, {sold(10000, true)}, {{7800, false}});
    EXPECT_EQ(sums.balance, 0);
    EXPECT_EQ(sums.status, SettlementStatus::Paid);
}
