// Issue 21.7 and 21.8: paddle numbers are 1 to 999,999; a bidder added without one gets the
// lowest free number at or above first_bidder_number (RULES.md 4), and two stations adding
// bidders at once both succeed with distinct numbers.
#include "support/testauction.h"

#include <QSet>
#include <thread>

using namespace BidTracker::Model;
using BidTracker::Testing::openDatabase;
using BidTracker::Testing::TestAuction;

namespace {

Result<User> addBidder(AuctionService& service, std::optional<qint64> number = {})
{
    return service.createUser(UserChanges{.name = QStringLiteral("Walk-in"), .number = number});
}

} // namespace

TEST(Paddles, AHandGivenBigNumberNeverPushesTheNextWalkInUp)
{
    // GIVEN bidders 100 and 101, and one given 5000 by hand
    TestAuction auction;
    auto& service = auction.service();
    ASSERT_EQ(addBidder(service)->number, 100);
    ASSERT_EQ(addBidder(service)->number, 101);
    ASSERT_EQ(addBidder(service, 5000)->number, 5000);
    // WHEN the next walk-ins come THEN they get 102 and 103; a gap left by hand is filled
    EXPECT_EQ(addBidder(service)->number, 102);
    ASSERT_EQ(addBidder(service, 104)->number, 104);
    EXPECT_EQ(addBidder(service)->number, 103);
    EXPECT_EQ(addBidder(service)->number, 105);
    // AND the largest number is 999,999: one more is refused, naming the field
    EXPECT_EQ(addBidder(service, 999'999)->number, 999'999);
    const auto tooBig = addBidder(service, 1'000'000);
    ASSERT_FALSE(tooBig);
    EXPECT_EQ(tooBig.error().code, Error::Code::Invalid);
    EXPECT_EQ(tooBig.error().field, QStringLiteral("number"));
    EXPECT_FALSE(service.updateUser(service.users()->rows.front().id, {.number = 1'000'000}));
}

TEST(Paddles, WhenEveryNumberUpTo999999IsTakenTheWalkInIsRefusedClearly)
{
    // GIVEN the first bidder number 999,998
    TestAuction auction;
    auto& service = auction.service();
    auto settings = service.settings();
    ASSERT_TRUE(settings);
    settings->firstBidderNumber = 999'998;
    ASSERT_TRUE(service.updateSettings(*settings));
    // WHEN three walk-ins come
    EXPECT_EQ(addBidder(service)->number, 999'998);
    EXPECT_EQ(addBidder(service)->number, 999'999);
    const auto third = addBidder(service);
    // THEN the third is refused, saying why, and nobody past 999,999 exists
    ASSERT_FALSE(third);
    EXPECT_EQ(third.error().reason, Error::Reason::NumberTaken);
    EXPECT_TRUE(third.error().message.contains(u"999999")) << third.error().message.toStdString();
    EXPECT_EQ(service.users()->total, 2);
    // AND an import with a bidder without a number is refused whole, as is one above 999,999
    EXPECT_FALSE(service.importUsers({UserChanges{.name = QStringLiteral("X")}}));
    EXPECT_FALSE(service.importUsers(
        {UserChanges{.name = QStringLiteral("Y"), .number = 5}, // free, but the row below is not
         UserChanges{.name = QStringLiteral("Z"), .number = 1'000'000}}));
    EXPECT_EQ(service.users()->total, 2);
}

TEST(Paddles, TwoStationsAddingBiddersAtOnceBothSucceedWithDistinctNumbers)
{
    // GIVEN two stations, each on its own connection
    TestAuction auction;
    constexpr int PerStation = 60;
    QList<qint64> numbers[2];
    QStringList failures[2];
    // WHEN both add walk-ins as fast as they can
    const auto station = [&](int which) {
        auto db = openDatabase(auction.path());
        if (!db)
            return;
        AuctionService service(*db);
        for (int i = 0; i < PerStation; ++i) {
            const auto added = addBidder(service);
            if (added)
                numbers[which].append(added->number);
            else
                failures[which].append(added.error().message);
        }
    };
    std::thread first(station, 0);
    std::thread second(station, 1);
    first.join();
    second.join();
    // THEN none failed (no "duplicate key" ever reaches anyone) and the numbers are 100, 101,
    // ... each once
    const QStringList failed = failures[0] + failures[1];
    EXPECT_TRUE(failed.isEmpty()) << failed.join(u'\n').toStdString();
    QSet<qint64> distinct;
    for (const qint64 number : numbers[0] + numbers[1])
        distinct.insert(number);
    EXPECT_EQ(distinct.size(), 2 * PerStation);
    for (qint64 number = 100; number < 100 + 2 * PerStation; ++number)
        EXPECT_TRUE(distinct.contains(number)) << number;
}
