// What a clerk types, looked up by the service; the "far above" rule; times for people.
#include "model/bidcheck.h"
#include "model/tables/tablesupport.h"
#include "support/testauction.h"

#include <ctime>

using namespace BidTracker;
using BidTracker::Model::Money;

TEST(Lookup, FindsALotByIdNumberOrNameTheExactIdFirst)
{
    // GIVEN twelve lots, one of them closed
    Testing::TestAuction auction;
    for (int i = 1; i <= 11; ++i)
        auction.addItem(QStringLiteral("Lot %1").arg(i));
    const qint64 closed = auction.addItem(QStringLiteral("100% wool rug"));
    ASSERT_TRUE(
        auction.service().updateItem(closed, {.status = Model::ItemStatus::Closed}).has_value());
    auto& service = auction.service();
    // THEN "11", "item11" and a name all find lot 11 first
    EXPECT_EQ(service.findLots(QStringLiteral("11"), 5, true)->first().id, 11);
    EXPECT_EQ(service.findLots(QStringLiteral("item11"), 5, true)->first().id, 11);
    EXPECT_EQ(service.findLots(QStringLiteral("lot 11"), 5, true)->first().id, 11);
    // AND "1" finds lot 1 first, then the other names containing 1
    const auto ones = service.findLots(QStringLiteral("1"), 5, true);
    ASSERT_EQ(ones->size(), 3); // lots 1, 10 and 11; the closed rug is left out
    EXPECT_EQ(ones->first().id, 1);
    // AND a closed lot is found only when closed lots are asked for; % is taken literally
    EXPECT_TRUE(service.findLots(QStringLiteral("100%"), 5, true)->isEmpty());
    EXPECT_EQ(service.findLots(QStringLiteral("100%"), 5, false)->size(), 1);
    EXPECT_TRUE(service.findLots(QStringLiteral("%"), 5, true)->isEmpty());
    EXPECT_TRUE(service.findLots(QStringLiteral("   "), 5, true)->isEmpty());
    EXPECT_TRUE(service.findLots(QStringLiteral("user1"), 5, false)->isEmpty());
}

TEST(Lookup, FindsABidderByIdNumberOrName)
{
    Testing::TestAuction auction;
    ASSERT_TRUE(auction.service().loadSampleAuction().has_value());
    auto& service = auction.service();
    EXPECT_EQ(service.findBidders(QStringLiteral("3"), 5)->first().name, u"Constance");
    EXPECT_EQ(service.findBidders(QStringLiteral("user2"), 5)->first().name, u"Berry");
    EXPECT_EQ(service.findBidders(QStringLiteral("ALB"), 5)->first().id, 1);
    EXPECT_TRUE(service.findBidders(QStringLiteral("item1"), 5)->isEmpty());
    EXPECT_TRUE(service.findBidders(QStringLiteral("Zed"), 5)->isEmpty());
}

TEST(BidCheck, FarAboveIsMoreThanTenTimesAndMoreThanAThousandOver)
{
    const auto far = [](qint64 amount, qint64 lowest) {
        return Model::isFarAboveLowest(Money::fromCents(amount), Money::fromCents(lowest));
    };
    EXPECT_TRUE(far(10000000, 22000));   // 100,000.00 over 220.00
    EXPECT_FALSE(far(220000, 22000));    // exactly ten times
    EXPECT_TRUE(far(220001, 22000));     // just over ten times and 1,980.01 more
    EXPECT_FALSE(far(10000, 500));       // 20 times 5.00, but only 95.00 more
    EXPECT_FALSE(far(5100000, 5000000)); // 1,000.00 more than 50,000.00
    EXPECT_EQ(Model::timesLowest(Money::fromCents(10000000), Money::fromCents(22000)), 455);
}

TEST(DisplayTime, ShowsStoredUtcInLocalTimeWithTheZone)
{
    // GIVEN a clock set to New York
    const QByteArray before = qgetenv("TZ");
    qputenv("TZ", "America/New_York");
    tzset();
    // THEN a stored UTC time reads as local time with its zone, both sides of the DST change
    EXPECT_EQ(Model::displayTime(QStringLiteral("2026-11-27T23:51:54.123Z")),
              QStringLiteral("2026-11-27 18:51:54 EST"));
    EXPECT_EQ(Model::displayTime(QStringLiteral("2026-07-04T16:00:00.000Z")),
              QStringLiteral("2026-07-04 12:00:00 EDT"));
    EXPECT_EQ(Model::displayTime(QStringLiteral("not a time")), QStringLiteral("not a time"));
    if (before.isEmpty())
        qunsetenv("TZ");
    else
        qputenv("TZ", before);
    tzset();
}
