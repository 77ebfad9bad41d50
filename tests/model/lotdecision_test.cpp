// The lot decision of RULES.md 2: the worked example, then properties over thousands of
// random sequences (fixed seeds) checked against a slow reference written straight from the
// text of the rules, recomputing everything from the whole history at every step.
#include "model/rules/lotdecision.h"

#include <gtest/gtest.h>
#include <random>

using namespace BidTracker::Model::Rules;

namespace {

constexpr qint64 A = 1, B = 2, C = 3;

LotEntry bid(qint64 bidder, qint64 value, qint64 maximum = 0)
{
    return {bidder, value, maximum, false};
}

/// RULES.md 2, read literally, over the whole history each time.
struct Reference
{
    LotTerms terms;
    QList<LotEntry> history;

    qint64 step(qint64 price) const
    {
        qint64 table = 0;
        for (const auto& row : terms.increments)
            if (row.fromCents <= price)
                table = row.stepCents;
        return std::max(terms.minIncrementCents, table);
    }
    // Each bidder's ceiling: their highest maximum or bid value, and when they reached it.
    std::pair<qint64, int> ceiling(qint64 bidder) const
    {
        qint64 best = 0;
        int at = -1;
        for (int i = 0; i < history.size(); ++i) {
            const auto& e = history[i];
            const qint64 reach = std::max(e.valueCents, e.maximumCents);
            if (e.bidder == bidder && reach > best) {
                best = reach;
                at = i;
            }
        }
        return {best, at};
    }
    QList<qint64> bidders() const
    {
        QList<qint64> all;
        for (const auto& e : history)
            if (!all.contains(e.bidder))
                all.append(e.bidder);
        return all;
    }
    std::optional<qint64> leader() const
    {
        std::optional<qint64> who;
        for (qint64 b : bidders()) {
            const auto [cents, at] = ceiling(b);
            if (!who || cents > ceiling(*who).first ||
                (cents == ceiling(*who).first && at < ceiling(*who).second))
                who = b;
        }
        return who;
    }
    qint64 highestBid() const
    {
        qint64 e = 0;
        for (const auto& entry : history)
            e = std::max(e, entry.valueCents);
        return e;
    }
    qint64 price() const
    {
        const auto who = leader();
        if (!who)
            return 0;
        const qint64 top = ceiling(*who).first;
        std::optional<qint64> s;
        for (qint64 b : bidders())
            if (b != *who)
                s = std::max(s.value_or(0), ceiling(b).first);
        qint64 p = s ? std::max(highestBid(), std::min(top, *s + step(*s))) : highestBid();
        if (terms.reserveCents && top >= *terms.reserveCents)
            p = std::max(p, *terms.reserveCents);
        return p;
    }
    qint64 lowestAcceptable() const
    {
        return highestBid() == 0 ? terms.startingPriceCents : price() + step(price());
    }
    qint64 ownHighestBid(qint64 bidder) const
    {
        qint64 own = 0;
        for (const auto& e : history)
            if (e.bidder == bidder)
                own = std::max(own, e.valueCents);
        return own;
    }
    void add(const LotEntry& entry)
    {
        history.append(entry);
        const auto who = leader();
        if (who && ownHighestBid(*who) < price())
            history.append({*who, price(), 0, true});
    }
};

/// A random but valid next entry: a bid at or above the lowest acceptable, often with a
/// maximum, or a raise of the leader's own maximum.
LotEntry randomEntry(std::mt19937& random, const Reference& reference)
{
    const qint64 bidder = std::uniform_int_distribution<qint64>(1, 4)(random);
    const qint64 lowest = reference.lowestAcceptable();
    const int kind = std::uniform_int_distribution<int>(0, 9)(random);
    const auto extra = [&](int most) {
        return std::uniform_int_distribution<qint64>(0, most)(random) * 50;
    };
    if (kind == 0 && reference.leader() == bidder)
        return {bidder, 0, reference.ceiling(bidder).first + 50 + extra(20), false};
    const qint64 value = lowest + (kind < 4 ? 0 : extra(6));
    const qint64 maximum = kind % 2 == 0 ? value + extra(40) : 0;
    return {bidder, value, maximum, false};
}

LotTerms randomTerms(std::mt19937& random)
{
    LotTerms terms;
    terms.startingPriceCents = std::uniform_int_distribution<qint64>(1, 2000)(random);
    terms.minIncrementCents = std::uniform_int_distribution<qint64>(1, 300)(random);
    if (random() % 2)
        terms.increments = {{0, 50}, {1000, 100}, {5000, 250}};
    if (random() % 3 == 0)
        terms.reserveCents = std::uniform_int_distribution<qint64>(500, 8000)(random);
    return terms;
}

} // namespace

TEST(LotDecision, FollowsTheWorkedExampleOfTheRules)
{
    // GIVEN a lot starting at 10 with a step of 1 (in whole units: cents of 100)
    LotDecider lot({1000, 100, {}, {}});
    // WHEN A bids 10 with max 50 THEN A leads at 10
    EXPECT_FALSE(lot.apply(bid(A, 1000, 5000)));
    EXPECT_EQ(lot.standing().leader, A);
    EXPECT_EQ(lot.standing().priceCents, 1000);
    // WHEN B bids 20 THEN A leads at 21 through an automatic bid
    const auto automatic = lot.apply(bid(B, 2000));
    ASSERT_TRUE(automatic);
    EXPECT_EQ(*automatic, (LotEntry{A, 2100, 0, true}));
    lot.apply(*automatic);
    EXPECT_EQ(lot.standing().leader, A);
    EXPECT_EQ(lot.standing().priceCents, 2100);
    // WHEN B bids 60 THEN B leads at 60
    EXPECT_FALSE(lot.apply(bid(B, 6000)));
    EXPECT_EQ(lot.standing().leader, B);
    EXPECT_EQ(lot.standing().priceCents, 6000);
    // WHEN A, not leading, raises the maximum to 100 (a bid at the lowest acceptable, 61)
    EXPECT_EQ(lot.lowestAcceptableCents(), 6100);
    EXPECT_FALSE(lot.apply(bid(A, 6100, 10000)));
    // THEN A leads at 61
    EXPECT_EQ(lot.standing().leader, A);
    EXPECT_EQ(lot.standing().priceCents, 6100);
    // WHEN C bids with max 100 THEN A leads at 100: same ceiling, A reached it first
    const auto last = lot.apply(bid(C, lot.lowestAcceptableCents(), 10000));
    ASSERT_TRUE(last);
    EXPECT_EQ(*last, (LotEntry{A, 10000, 0, true}));
    lot.apply(*last);
    EXPECT_EQ(lot.standing().leader, A);
    EXPECT_EQ(lot.standing().priceCents, 10000);
}

TEST(LotDecision, PlainBidsKeepTheOriginalsBehaviour)
{
    // GIVEN the sample auction's bids of 500 then 1000 WHEN decided THEN 1000 wins at 1000
    LotDecider lot({1, 1, {}, {}});
    EXPECT_FALSE(lot.apply(bid(A, 50000)));
    EXPECT_FALSE(lot.apply(bid(B, 100000)));
    EXPECT_EQ(lot.standing().leader, B);
    EXPECT_EQ(lot.standing().priceCents, 100000);
    EXPECT_EQ(lot.lowestAcceptableCents(), 100001);
}

TEST(LotDecision, TheStepComesFromTheIncrementTableAboveTheLotsMinimum)
{
    const IncrementTable table{{0, 500}, {10000, 1000}, {50000, 2500}};
    EXPECT_EQ(stepAt(0, 100, table), 500);
    EXPECT_EQ(stepAt(9999, 100, table), 500);
    EXPECT_EQ(stepAt(10000, 100, table), 1000);
    EXPECT_EQ(stepAt(70000, 100, table), 2500);
    EXPECT_EQ(stepAt(70000, 5000, table), 5000); // the lot's own minimum is larger
    EXPECT_EQ(stepAt(70000, 100, {}), 100);
    EXPECT_TRUE(isValidIncrementTable(table));
    EXPECT_FALSE(isValidIncrementTable({{0, 500}, {0, 600}}));
    EXPECT_FALSE(isValidIncrementTable({{100, 500}, {50, 600}}));
    EXPECT_FALSE(isValidIncrementTable({{0, 0}}));
}

TEST(LotDecision, AReserveRaisesThePriceOnceTheLeadersCeilingReachesIt)
{
    // GIVEN a lot with a reserve of 80
    LotDecider lot({1000, 100, {}, 8000});
    // WHEN A bids 10 with max 50 THEN the reserve is not met and A leads at 10
    EXPECT_FALSE(lot.apply(bid(A, 1000, 5000)));
    EXPECT_EQ(lot.standing().reserveMet, false);
    // WHEN B bids 20 with max 100 THEN B's ceiling passes the reserve: B leads at 80
    const auto automatic = lot.apply(bid(B, 2000, 10000));
    ASSERT_TRUE(automatic);
    EXPECT_EQ(*automatic, (LotEntry{B, 8000, 0, true}));
    lot.apply(*automatic);
    EXPECT_EQ(lot.standing().priceCents, 8000);
    EXPECT_EQ(lot.standing().reserveMet, true);
}

TEST(LotDecision, AgreesWithTheReferenceAndKeepsItsInvariantsOnRandomSequences)
{
    int sequences = 0;
    for (unsigned seed = 1; seed <= 3000; ++seed) {
        std::mt19937 random(seed);
        Reference reference{randomTerms(random), {}};
        LotDecider lot(reference.terms);
        QList<LotEntry> stored;
        const int length = std::uniform_int_distribution<int>(1, 24)(random);
        for (int i = 0; i < length; ++i) {
            const LotEntry entry = randomEntry(random, reference);
            ASSERT_EQ(lot.lowestAcceptableCents(), reference.lowestAcceptable()) << seed;
            reference.add(entry);
            stored.append(entry);
            if (const auto automatic = lot.apply(entry)) {
                stored.append(*automatic);
                lot.apply(*automatic);
            }
            // THEN it matches the reference, automatic bids included
            ASSERT_EQ(stored, reference.history) << "seed " << seed << " step " << i;
            const LotStanding& s = lot.standing();
            ASSERT_EQ(s.leader, reference.leader()) << seed;
            ASSERT_EQ(s.priceCents, reference.price()) << seed;
            // AND the price never exceeds the leader's ceiling nor falls below the highest bid
            ASSERT_LE(s.priceCents, s.leaderCeilingCents) << seed;
            ASSERT_GE(s.priceCents, s.highestBidCents) << seed;
            // AND the leader has the highest ceiling
            for (qint64 b = 1; b <= 4; ++b)
                ASSERT_LE(lot.ceilingOf(b), s.leaderCeilingCents) << seed;
        }
        // AND the whole history replayed at once gives the same entries (batching does not
        // matter), and deleting the last bid and adding it again gives the same state
        ASSERT_EQ(replayLot(reference.terms, stored), stored) << seed;
        QList<LotEntry> plain;
        for (const auto& e : stored)
            if (!e.automatic)
                plain.append(e);
        const QList<LotEntry> withoutLast =
            replayLot(reference.terms, plain.first(plain.size() - 1));
        LotDecider again(reference.terms);
        QList<LotEntry> redone = withoutLast;
        for (const auto& e : withoutLast)
            again.apply(e);
        redone.append(plain.last());
        if (const auto automatic = again.apply(plain.last())) {
            redone.append(*automatic);
            again.apply(*automatic);
        }
        ASSERT_EQ(redone, stored) << seed;
        ASSERT_EQ(again.standing(), lot.standing()) << seed;
        ++sequences;
    }
    EXPECT_EQ(sequences, 3000);
}

TEST(LotDecision, WorksOutALotOfTenThousandBidsAndAThousandMaximums)
{
    // GIVEN 10,000 entries from 500 bidders, every tenth with a maximum, each valid
    std::mt19937 random(7);
    const LotTerms terms{100, 100, {{0, 50}, {10000, 100}, {100000, 500}}, 500000};
    QList<LotEntry> entries;
    LotDecider building(terms);
    for (int i = 0; i < 10'000; ++i) {
        const qint64 bidder = std::uniform_int_distribution<qint64>(1, 500)(random);
        const qint64 value = building.lowestAcceptableCents();
        const qint64 maximum = i % 10 == 0 ? value + 5000 : 0;
        entries.append({bidder, value, maximum, false});
        if (const auto automatic = building.apply(entries.last()))
            building.apply(*automatic);
    }
    // WHEN the whole lot is worked out from its entries (what deleting a bid does; its time
    // is measured by bench_model's decideLotOfTenThousandBids, not here)
    const QList<LotEntry> replayed = replayLot(terms, entries);
    // THEN the maximums called for automatic bids, and the lot ends where it was built
    EXPECT_GT(replayed.size(), entries.size());
    LotDecider again(terms);
    for (const LotEntry& entry : replayed)
        again.apply(entry);
    EXPECT_EQ(again.standing(), building.standing());
}

TEST(LotDecision, PickingALotUpFromItsStandingDecidesAsTheWholeHistoryDoes)
{
    // GIVEN random valid sequences WHEN after each entry the lot is picked up from its
    // standing alone (as the service does from the lot row) and given the next entry THEN it
    // decides exactly as the decider that saw the whole history
    for (unsigned seed = 1; seed <= 2000; ++seed) {
        std::mt19937 random(seed);
        Reference reference{randomTerms(random), {}};
        LotDecider whole(reference.terms);
        const int length = std::uniform_int_distribution<int>(1, 20)(random);
        for (int i = 0; i < length; ++i) {
            const LotEntry entry = randomEntry(random, reference);
            reference.add(entry);
            LotDecider resumed = whole.hasBids()
                                     ? LotDecider::resume(reference.terms, whole.standing())
                                     : LotDecider(reference.terms);
            const auto expected = whole.apply(entry);
            const auto got = resumed.apply(entry);
            ASSERT_EQ(got, expected) << "seed " << seed << " step " << i;
            if (expected) {
                whole.apply(*expected);
                resumed.apply(*got);
            }
            ASSERT_EQ(resumed.standing().leader, whole.standing().leader) << seed;
            ASSERT_EQ(resumed.standing().priceCents, whole.standing().priceCents) << seed;
            ASSERT_EQ(resumed.standing().leaderCeilingCents, whole.standing().leaderCeilingCents);
            ASSERT_EQ(resumed.standing().runnerUpCents, whole.standing().runnerUpCents) << seed;
            ASSERT_EQ(resumed.lowestAcceptableCents(), whole.lowestAcceptableCents()) << seed;
        }
    }
}
