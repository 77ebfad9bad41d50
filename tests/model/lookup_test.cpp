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
    // AND "1" is lot 1 and only that, never lots 10 and 11 whose names hold a 1
    const auto ones = service.findLots(QStringLiteral("1"), 5, true);
    ASSERT_EQ(ones->size(), 1);
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
    // The sample's paddles are 100, 101 and 102: "3" is no paddle, not user3
    EXPECT_EQ(service.findBidders(QStringLiteral("102"), 5)->first().name, u"Constance");
    EXPECT_EQ(service.findBidders(QStringLiteral("3"), 5).error().message, u"No paddle 3");
    EXPECT_EQ(service.findBidders(QStringLiteral("user2"), 5)->first().name, u"Berry");
    EXPECT_EQ(service.findBidders(QStringLiteral("ALB"), 5)->first().id, 1);
    EXPECT_TRUE(service.findBidders(QStringLiteral("item1"), 5)->isEmpty());
    EXPECT_TRUE(service.findBidders(QStringLiteral("Zed"), 5)->isEmpty());
}

namespace {

/// Twenty bidders whose paddles (101-120) collide with the digits of three phone numbers and
/// an id, as on the night issue 26 tells of.
qint64 addBidder(Testing::TestAuction& auction, const QString& name, qint64 number,
                 const QString& phone = {})
{
    auto user = auction.service().createUser(
        Model::UserChanges{.name = name, .number = number, .phone = phone});
    EXPECT_TRUE(user.has_value()) << user.error().message.toStdString();
    return user ? user->id : 0;
}

} // namespace

TEST(Lookup, ANumberIsAPaddleOnlyWhereABidIsRecorded)
{
    // GIVEN paddle 101, two bidders whose phones hold 101 and one whose phone holds 199
    Testing::TestAuction auction;
    auto& service = auction.service();
    const qint64 smith = addBidder(auction, QStringLiteral("John Smith"), 101);
    const qint64 phone101 =
        addBidder(auction, QStringLiteral("Ada"), 150, QStringLiteral("555-0101"));
    addBidder(auction, QStringLiteral("Bea"), 151, QStringLiteral("555-1012"));
    const qint64 phone199 =
        addBidder(auction, QStringLiteral("Cy"), 152, QStringLiteral("555-0199"));
    using Mode = Model::AuctionService::BidderLookup;
    // WHEN "101" is typed where a bid is recorded THEN it is paddle 101 alone
    const auto paddle = service.findBidders(QStringLiteral("101"), 5, Mode::Recording);
    ASSERT_TRUE(paddle.has_value());
    ASSERT_EQ(paddle->size(), 1);
    EXPECT_EQ(paddle->first().id, smith);
    // AND "199" and "2" (user2's id digits) are no paddles: refused, naming the number
    const auto none = service.findBidders(QStringLiteral("199"), 5, Mode::Recording);
    ASSERT_FALSE(none.has_value());
    EXPECT_EQ(none.error().message, QStringLiteral("No paddle 199"));
    EXPECT_EQ(none.error().reason, Model::Error::Reason::UnknownUser);
    EXPECT_EQ(service.findBidders(QStringLiteral("2"), 5, Mode::Recording).error().message,
              QStringLiteral("No paddle 2"));
    // AND an id is typed as an id, a name as a name; a phone finds nobody there
    EXPECT_EQ(service.findBidders(QStringLiteral("user2"), 5, Mode::Recording)->first().id, 2);
    EXPECT_EQ(service.findBidders(QStringLiteral("john"), 5, Mode::Recording)->first().id, smith);
    EXPECT_TRUE(service.findBidders(QStringLiteral("555-0199"), 5, Mode::Recording)->isEmpty());
    // WHEN the check-in search is asked THEN the paddle comes first, then the phones
    const auto search = service.findBidders(QStringLiteral("101"), 5, Mode::Search);
    ASSERT_EQ(search->size(), 3);
    EXPECT_EQ(search->first().id, smith);
    EXPECT_EQ(search->at(1).id, phone101);
    EXPECT_EQ(service.findBidders(QStringLiteral("0199"), 5, Mode::Search)->first().id, phone199);
}

TEST(Lookup, ALotNumberIsThatLotAndAClosedOneSaysWhatBecameOfIt)
{
    // GIVEN lot 8 sold to paddle 107 at 240.00, and lot 19 "Dinner for 8"
    Testing::TestAuction auction;
    auto& service = auction.service();
    for (int i = 1; i <= 19; ++i)
        auction.addItem(i == 19 ? QStringLiteral("Dinner for 8") : QStringLiteral("Lot %1").arg(i));
    const qint64 buyer = addBidder(auction, QStringLiteral("John Smith"), 107);
    auction.bid(8, buyer, 24000);
    ASSERT_TRUE(service.updateItem(8, {.status = Model::ItemStatus::Closed}).has_value());
    ASSERT_TRUE(service.updateItem(9, {.status = Model::ItemStatus::Closed}).has_value());
    // WHEN "8" is typed for an open lot THEN it is refused in these words, never lot 19
    const auto eight = service.findLots(QStringLiteral("8"), 5, true);
    ASSERT_FALSE(eight.has_value());
    EXPECT_EQ(eight.error().message,
              QStringLiteral("Lot 8 is closed (sold to paddle 107 at 240.00)"));
    EXPECT_EQ(eight.error().reason, Model::Error::Reason::ItemClosed);
    EXPECT_EQ(service.findLots(QStringLiteral("item9"), 5, true).error().message,
              QStringLiteral("Lot 9 is closed (no bids)"));
    EXPECT_EQ(service.findLots(QStringLiteral("42"), 5, true).error().message,
              QStringLiteral("No lot 42"));
    // AND a name still finds lot 19; closed lots are found when asked for
    EXPECT_EQ(service.findLots(QStringLiteral("dinner"), 5, true)->first().id, 19);
    EXPECT_EQ(service.findLots(QStringLiteral("8"), 5, false)->first().id, 8);
}

TEST(Lookup, PaddleListsAndRangesNameBidders)
{
    Testing::TestAuction auction;
    auto& service = auction.service();
    QList<qint64> ids;
    for (int number = 101; number <= 110; ++number)
        ids.append(addBidder(auction, QStringLiteral("Bidder %1").arg(number), number));
    const auto chosen = service.biddersByPaddles(QStringLiteral("108, 101-103; user5 103"));
    ASSERT_TRUE(chosen.has_value()) << chosen.error().message.toStdString();
    EXPECT_EQ(*chosen, (QList<qint64>{ids[7], ids[0], ids[1], ids[2], 5}));
    EXPECT_EQ(service.biddersByPaddles(QStringLiteral("199")).error().message,
              QStringLiteral("No paddle 199"));
    EXPECT_TRUE(service.biddersByPaddles(QStringLiteral("lamp"))
                    .error()
                    .message.contains(QStringLiteral("\"lamp\" is not a paddle number")));
    EXPECT_FALSE(service.biddersByPaddles(QStringLiteral("110-101")).has_value());
}

TEST(Lookup, NamesakesAreTheOtherBiddersOfTheSameName)
{
    Testing::TestAuction auction;
    const qint64 first = addBidder(auction, QStringLiteral("John Smith"), 107);
    addBidder(auction, QStringLiteral("John Smithson"), 108);
    const qint64 second = addBidder(auction, QStringLiteral("john smith"), 123);
    const auto others = auction.service().namesakes(second);
    ASSERT_TRUE(others.has_value());
    ASSERT_EQ(others->size(), 1);
    EXPECT_EQ(others->first().id, first);
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
