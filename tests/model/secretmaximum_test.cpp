// Issue 21.11: a secret maximum does not leak (RULES.md 2). A raise of the leader's maximum
// never lowers it and answers alike whether or not it changed anything, so a binary search
// with a write token learns nothing; a non-leader's maximum alone is a bid.
#include "support/testauction.h"

using namespace BidTracker::Model;
using BidTracker::Testing::TestAuction;

namespace {

Money units(qint64 whole)
{
    return Money::fromCents(whole * 100);
}

Result<BidPlacement> maximumAlone(TestAuction& auction, qint64 item, qint64 user, qint64 maximum)
{
    return auction.service().placeBid(BidRequest{item, user, std::nullopt, units(maximum)});
}

/// Everything an answer tells: added or not, and the bid it carries.
struct Answer
{
    bool ok = false;
    bool added = false;
    qint64 bidId = 0;
    qint64 userId = 0;
    qint64 cents = 0;
    QString message;
    bool operator==(const Answer&) const = default;
};

Answer answerOf(const Result<BidPlacement>& placed)
{
    if (!placed)
        return {false, false, 0, 0, 0, placed.error().message};
    return {true, placed->added, placed->bid.id, placed->bid.userId, placed->bid.value.cents(), {}};
}

} // namespace

TEST(SecretMaximum, ABinarySearchOnTheLeadersMaximumLearnsNothing)
{
    // GIVEN A leading at 101 with a secret maximum of 500 over B's 100
    TestAuction auction;
    const qint64 a = auction.addUser(QStringLiteral("A"));
    const qint64 b = auction.addUser(QStringLiteral("B"));
    const qint64 lot = auction.addItem(QStringLiteral("Lot"), 1000, 100);
    ASSERT_TRUE(auction.service().placeBid(BidRequest{lot, a, units(10), units(500)}));
    ASSERT_TRUE(auction.service().placeBid(BidRequest{lot, b, units(100), std::nullopt}));
    ASSERT_EQ(auction.service().item(lot)->winningValue, units(101));

    // WHEN someone with a write token searches for it with maximums alone for A, below, at
    // and just around the secret
    const Answer first = answerOf(maximumAlone(auction, lot, a, 250));
    ASSERT_TRUE(first.ok) << first.message.toStdString();
    EXPECT_FALSE(first.added);
    EXPECT_EQ(first.cents, 10100);
    for (const qint64 guess : {375, 437, 468, 484, 492, 496, 498, 499, 500, 102, 101, 1}) {
        // THEN every answer is the same (no refusal says "not above the maximum")
        EXPECT_EQ(answerOf(maximumAlone(auction, lot, a, guess)), first) << guess;
        // AND the maximum was never lowered: B's 400 still loses to it
        EXPECT_EQ(auction.service().item(lot)->leaderCeiling, units(500)) << guess;
    }
    // AND a guess above it answers the same too (it raises A's maximum, as a raise does)
    EXPECT_EQ(answerOf(maximumAlone(auction, lot, a, 501)), first);
    EXPECT_EQ(auction.service().item(lot)->leaderCeiling, units(501));
    ASSERT_TRUE(auction.service().placeBid(BidRequest{lot, b, units(400), std::nullopt}));
    EXPECT_EQ(auction.service().item(lot)->winningValue, units(401));
    EXPECT_EQ(auction.service().winningBid(lot)->userId, a);
}

TEST(SecretMaximum, ANonLeadersMaximumAloneIsABid)
{
    // GIVEN A leading with a maximum of 500
    TestAuction auction;
    const qint64 a = auction.addUser(QStringLiteral("A"));
    const qint64 c = auction.addUser(QStringLiteral("C"));
    const qint64 lot = auction.addItem(QStringLiteral("Lot"), 1000, 100);
    ASSERT_TRUE(auction.service().placeBid(BidRequest{lot, a, units(10), units(500)}));
    // WHEN C, not leading, sends a maximum of 200 alone
    const auto placed = maximumAlone(auction, lot, c, 200);
    // THEN it is a bid (added: the API's 201) at the lowest acceptable value, which A's
    // maximum answers at once
    ASSERT_TRUE(placed) << placed.error().message.toStdString();
    EXPECT_TRUE(placed->added);
    EXPECT_EQ(placed->bid.userId, c);
    EXPECT_EQ(placed->bid.value, units(11));
    EXPECT_EQ(auction.service().winningBid(lot)->userId, a);
    EXPECT_EQ(auction.service().item(lot)->winningValue, units(201));
}
