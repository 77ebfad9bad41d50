// The auction's settings row and the schema of the whole auction night (version 3), on
// both engines.
#include "model/storage/schema.h"
#include "support/testauction.h"

using namespace BidTracker::Model;
using BidTracker::Testing::TestAuction;

TEST(Settings, ANewAuctionHasTheDefaultsOfRules)
{
    TestAuction auction;
    auto settings = auction.service().settings();
    ASSERT_TRUE(settings.has_value()) << settings.error().message.toStdString();
    EXPECT_EQ(*settings, AuctionSettings{});
    EXPECT_EQ(settings->name, QStringLiteral("Auction"));
    EXPECT_EQ(settings->currency, QStringLiteral("USD"));
    EXPECT_EQ(settings->firstBidderNumber, 100);
}

TEST(Settings, AreWrittenWholeReadBackAndAnnounced)
{
    // GIVEN an auction and a listener
    TestAuction auction;
    QList<Change> heard;
    QObject::connect(&auction.notifier(), &ChangeNotifier::changed,
                     [&](const Change& change) { heard.append(change); });
    AuctionSettings wanted;
    wanted.name = QStringLiteral("  Spring Gala  ");
    wanted.currency = QStringLiteral("EUR");
    wanted.buyersPremium = 1500;
    wanted.taxRate = 825;
    wanted.increments = {{0, 5}, {100, 25}, {500, 50}};
    wanted.softClose = {120, 60, 600};
    wanted.firstBidderNumber = 500;
    wanted.closeAllAt = QStringLiteral("2026-12-05T21:00:00.000Z");
    // WHEN they are written
    auto written = auction.service().updateSettings(wanted);
    ASSERT_TRUE(written.has_value()) << written.error().message.toStdString();
    // THEN a restart reads them back exactly, the name trimmed, and the change was announced
    auction.reopen();
    auto read = auction.service().settings();
    ASSERT_TRUE(read.has_value());
    wanted.name = QStringLiteral("Spring Gala");
    EXPECT_EQ(*read, wanted);
    ASSERT_EQ(heard.size(), 1);
    EXPECT_EQ(heard[0].kind, EntityKind::Settings);
}

TEST(Settings, BadSettingsNameTheFieldAndChangeNothing)
{
    TestAuction auction;
    const auto refused = [&](auto change) {
        AuctionSettings settings;
        change(settings);
        auto result = auction.service().updateSettings(settings);
        EXPECT_FALSE(result.has_value());
        return result ? QString() : result.error().field;
    };
    EXPECT_EQ(refused([](AuctionSettings& s) { s.name = QStringLiteral("  "); }), u"name");
    EXPECT_EQ(refused([](AuctionSettings& s) { s.currency = QStringLiteral("usd"); }), u"currency");
    EXPECT_EQ(refused([](AuctionSettings& s) { s.currency = QStringLiteral("EURO"); }),
              u"currency");
    EXPECT_EQ(refused([](AuctionSettings& s) { s.buyersPremium = 10001; }), u"buyers_premium");
    EXPECT_EQ(refused([](AuctionSettings& s) { s.taxRate = -1; }), u"tax_rate");
    EXPECT_EQ(refused([](AuctionSettings& s) {
                  s.increments = {{100, 5}, {50, 10}};
              }),
              u"increments");
    EXPECT_EQ(refused([](AuctionSettings& s) { s.increments = {{0, 0}}; }), u"increments");
    EXPECT_EQ(refused([](AuctionSettings& s) { s.softClose.windowSeconds = -5; }), u"soft_close");
    EXPECT_EQ(refused([](AuctionSettings& s) { s.firstBidderNumber = 0; }), u"first_bidder_number");
    EXPECT_EQ(refused([](AuctionSettings& s) { s.closeAllAt = QStringLiteral("tomorrow"); }),
              u"close_all_at");
    EXPECT_EQ(*auction.service().settings(), AuctionSettings{});
}

TEST(Settings, RatesAreReadAndWrittenAsPeopleWriteThem)
{
    EXPECT_EQ(parseRate(u"8.25"), 825);
    EXPECT_EQ(parseRate(u"15"), 1500);
    EXPECT_EQ(parseRate(u" 0.5 "), 50);
    EXPECT_EQ(parseRate(u"100"), 10000);
    for (const char16_t* bad : {u"", u"100.01", u"8.255", u"-1", u"1e2", u"8.", u".5", u"abc"})
        EXPECT_FALSE(parseRate(bad).has_value()) << QString::fromUtf16(bad).toStdString();
    EXPECT_EQ(formatRate(825), u"8.25");
    EXPECT_EQ(formatRate(1500), u"15");
    EXPECT_EQ(formatRate(50), u"0.5");
    EXPECT_EQ(decodeIncrements(encodeIncrements({{0, 5}, {100, 25}})),
              (Rules::IncrementTable{{0, 5}, {100, 25}}));
}

TEST(PaddleNumbers, NewBiddersTakeTheNextFreeNumberFromTheFirstBidderNumber)
{
    TestAuction auction;
    const qint64 first = auction.addUser(QStringLiteral("Albert"));
    const qint64 second = auction.addUser(QStringLiteral("Berry"));
    EXPECT_EQ(auction.service().user(first)->number, 100);
    EXPECT_EQ(auction.service().user(second)->number, 101);
    AuctionSettings settings;
    settings.firstBidderNumber = 500;
    ASSERT_TRUE(auction.service().updateSettings(settings).has_value());
    EXPECT_EQ(auction.service().user(auction.addUser())->number, 500);
    EXPECT_EQ(auction.service().user(auction.addUser())->number, 501);
}

TEST(PaddleNumbers, AnUndoneDeletionGivesTheBidderTheirNumberBack)
{
    TestAuction auction;
    const qint64 id = auction.addUser(QStringLiteral("Albert"));
    auction.addUser(QStringLiteral("Berry"));
    const User before = *auction.service().user(id);
    ASSERT_TRUE(auction.service().deleteUser(id).has_value());
    auto restored = auction.service().restoreUser(before);
    ASSERT_TRUE(restored.has_value()) << restored.error().message.toStdString();
    EXPECT_EQ(restored->number, 100);
}

TEST(Schema, LotsAndBidsKeepTheFieldsOfTheWholeNight)
{
    // GIVEN a lot with every new field set, through the storage layer
    TestAuction auction;
    const qint64 itemId = auction.addItem(QStringLiteral("Cabin weekend"), 10000, 500);
    Item lot = *auction.service().item(itemId);
    lot.description = QStringLiteral("Two nights by the lake, Nº 4");
    lot.donor = QStringLiteral("The Chens");
    lot.fairMarketValue = Money::fromCents(45000);
    lot.reserve = Money::fromCents(30000);
    lot.buyNow = Money::fromCents(90000);
    lot.closesAt = QStringLiteral("2026-12-05T21:00:00.000Z");
    lot.originalClosesAt = lot.closesAt;
    ASSERT_TRUE(auction.db().storage().updateItem(lot).has_value());
    const qint64 userId = auction.addUser();
    Bid bid;
    bid.itemId = itemId;
    bid.userId = userId;
    bid.value = Money::fromCents(10000);
    bid.maxValue = Money::fromCents(25000);
    bid.automatic = true;
    bid.placedAt = utcTimestampNow();
    auto bidId = auction.db().storage().insertBid(bid);
    ASSERT_TRUE(bidId.has_value()) << bidId.error().message.toStdString();
    // WHEN they are read back after a restart
    auction.reopen();
    const Item read = *auction.service().item(itemId);
    const Bid readBid = *auction.service().bid(*bidId);
    // THEN every field is as written
    EXPECT_EQ(read.description, lot.description);
    EXPECT_EQ(read.donor, lot.donor);
    EXPECT_EQ(read.fairMarketValue, lot.fairMarketValue);
    EXPECT_EQ(read.reserve, lot.reserve);
    EXPECT_EQ(read.buyNow, lot.buyNow);
    EXPECT_EQ(read.closesAt, lot.closesAt);
    EXPECT_EQ(read.originalClosesAt, lot.originalClosesAt);
    EXPECT_TRUE(read.closedAt.isEmpty());
    EXPECT_EQ(readBid.maxValue, Money::fromCents(25000));
    EXPECT_TRUE(readBid.automatic);
}

TEST(Schema, PaymentsAreVoidedNotDeletedAndDonationsBelongToTheirBidder)
{
    TestAuction auction;
    const qint64 userId = auction.addUser();
    Storage& storage = auction.db().storage();
    Payment payment;
    payment.userId = userId;
    payment.amount = Money::fromCents(2000);
    payment.method = PaymentMethod::Card;
    payment.reference = QStringLiteral("r-1");
    payment.paidAt = utcTimestampNow();
    auto paymentId = storage.insertPayment(payment);
    ASSERT_TRUE(paymentId.has_value()) << paymentId.error().message.toStdString();
    ASSERT_TRUE(storage.voidPayment(*paymentId, utcTimestampNow(), QStringLiteral("typo")).value());
    Donation donation;
    donation.userId = userId;
    donation.amount = Money::fromCents(25000);
    donation.note = QStringLiteral("Fund-a-need");
    donation.createdAt = utcTimestampNow();
    ASSERT_TRUE(storage.insertDonation(donation).has_value());
    auto payments = storage.paymentsOfUser(userId);
    ASSERT_TRUE(payments.has_value());
    ASSERT_EQ(payments->size(), 1);
    EXPECT_TRUE(payments->front().voided());
    EXPECT_EQ(payments->front().method, PaymentMethod::Card);
    EXPECT_EQ(payments->front().voidReason, QStringLiteral("typo"));
    auto donations = storage.donationsOfUser(userId);
    ASSERT_TRUE(donations.has_value());
    ASSERT_EQ(donations->size(), 1);
    EXPECT_EQ(donations->front().amount.cents(), 25000);
}
