// Refusals say why, as data (API.md): each reason the model gives, with its facts, through
// the service on a real database (both engines). The doors act on these, never on the text.
#include "checkoutsupport.h"
#include "model/csv/csvexport.h"
#include "model/generator.h"
#include "model/lotcloser.h"

#include <QBuffer>
#include <QDateTime>
#include <QThread>

using namespace BidTracker::Model;
using namespace BidTracker::Testing::Checkout;
using BidTracker::Testing::TestAuction;

namespace {

using Facts = QList<std::pair<QString, QVariant>>;

/// Whether `result` failed with `reason`, the broad class that goes with it, and at least
/// `facts` (Money compared by cents; an invalid QVariant means the fact is null).
template <typename T>
::testing::AssertionResult refused(const Result<T>& result, Error::Reason reason,
                                   const Facts& facts = {})
{
    if (result)
        return ::testing::AssertionFailure() << "it succeeded";
    const Error& error = result.error();
    if (error.reason != reason || error.code != Error::codeOf(reason))
        return ::testing::AssertionFailure() << "reason " << reasonCode(error).toStdString() << ": "
                                             << error.message.toStdString();
    for (const auto& [key, want] : facts) {
        if (!error.facts.contains(key))
            return ::testing::AssertionFailure() << "no fact " << key.toStdString();
        const QVariant got = error.facts.value(key);
        const bool same =
            want.metaType() == QMetaType::fromType<Money>()
                ? got.metaType() == want.metaType() &&
                      qvariant_cast<Money>(got).cents() == qvariant_cast<Money>(want).cents()
                : (!want.isValid() ? !got.isValid() : got == want);
        if (!same)
            return ::testing::AssertionFailure()
                   << "fact " << key.toStdString() << " is " << got.toString().toStdString()
                   << ", not " << want.toString().toStdString();
    }
    return ::testing::AssertionSuccess();
}

QVariant money(qint64 value)
{
    return QVariant::fromValue(Money::fromCents(value));
}

QString inMs(qint64 ms)
{
    return QDateTime::currentDateTimeUtc().addMSecs(ms).toString(Qt::ISODateWithMs);
}

BidRequest request(qint64 item, qint64 user, std::optional<qint64> value,
                   std::optional<qint64> maximum = std::nullopt)
{
    BidRequest r{item, user, {}, {}};
    if (value)
        r.value = Money::fromCents(*value);
    if (maximum)
        r.maxValue = Money::fromCents(*maximum);
    return r;
}

} // namespace

TEST(Refusals, UnknownIdsNameTheirKindAndId)
{
    TestAuction auction;
    auto& service = auction.service();
    const qint64 user = auction.addUser();
    const qint64 item = auction.addItem();
    EXPECT_TRUE(refused(service.item(7), Error::Reason::UnknownItem, {{"item", "item7"}}));
    EXPECT_TRUE(refused(service.placeBid(request(7, user, 100)), Error::Reason::UnknownItem,
                        {{"item", "item7"}}));
    EXPECT_TRUE(refused(service.user(9), Error::Reason::UnknownUser, {{"user", "user9"}}));
    EXPECT_TRUE(refused(service.placeBid(request(item, 9, 100)), Error::Reason::UnknownUser,
                        {{"user", "user9"}}));
    EXPECT_TRUE(refused(service.renameUser(9, "X"), Error::Reason::UnknownUser));
    EXPECT_TRUE(refused(service.bid(5), Error::Reason::UnknownBid, {{"bid", "bid5"}}));
    EXPECT_TRUE(refused(service.deleteBid(5), Error::Reason::UnknownBid, {{"bid", "bid5"}}));
    EXPECT_TRUE(refused(service.voidPayment(3, {}), Error::Reason::UnknownPayment,
                        {{"payment", "payment3"}}));
    EXPECT_TRUE(refused(service.deleteDonation(4), Error::Reason::UnknownDonation,
                        {{"donation", "donation4"}}));
    EXPECT_EQ(service.item(7).error().message, QStringLiteral("Item item7 does not exist"));
}

TEST(Refusals, InvalidNamesTheField)
{
    TestAuction auction;
    ItemChanges changes;
    changes.name = QStringLiteral("Lot");
    changes.closesAt = QStringLiteral("tomorrow");
    const auto created = auction.service().createItem(changes);
    ASSERT_TRUE(refused(created, Error::Reason::Invalid));
    EXPECT_EQ(created.error().field, QStringLiteral("closes_at"));
}

TEST(Refusals, ABidTooLowSaysTheMinimumAndTheWinningValue)
{
    TestAuction auction;
    const qint64 first = auction.addUser();
    const qint64 second = auction.addUser(QStringLiteral("Berry"));
    const qint64 item = auction.addItem(QStringLiteral("Lot"), 500, 100);
    // No bids yet: the starting price is the minimum, and there is no winning value
    EXPECT_TRUE(refused(auction.service().placeBid(request(item, first, 400)),
                        Error::Reason::BelowMinimum,
                        {{"item", QStringLiteral("item%1").arg(item)},
                         {"value", money(400)},
                         {"minimum", money(500)},
                         {"winning_value", QVariant()}}));
    auction.bid(item, first, 1000);
    EXPECT_TRUE(refused(auction.service().placeBid(request(item, second, 1050)),
                        Error::Reason::BelowMinimum,
                        {{"minimum", money(1100)}, {"winning_value", money(1000)}}));
}

TEST(Refusals, AClosedLotSaysWhenItClosed)
{
    TestAuction auction;
    const qint64 user = auction.addUser();
    const qint64 item = auction.addItem();
    close(auction, item);
    const QString closedAt = auction.service().item(item)->closedAt;
    ASSERT_FALSE(closedAt.isEmpty());
    const auto bid = auction.service().placeBid(request(item, user, 100));
    EXPECT_TRUE(refused(bid, Error::Reason::ItemClosed,
                        {{"item", QStringLiteral("item%1").arg(item)}, {"closed_at", closedAt}}));
    // Closed by hand: the original's words (API.md)
    EXPECT_EQ(bid.error().message, QStringLiteral("Item item%1 is closed").arg(item));
    EXPECT_TRUE(refused(auction.service().buyNow(item, user), Error::Reason::ItemClosed,
                        {{"closed_at", closedAt}}));
}

TEST(Refusals, ABidAfterTheClosingTimeIsOneRefusalBeforeAndAfterTheCloserRan)
{
    // GIVEN a lot that closes in a moment, and its time passed
    TestAuction auction;
    const qint64 user = auction.addUser();
    ItemChanges changes;
    changes.name = QStringLiteral("Lot");
    const QString closesAt = inMs(300);
    changes.closesAt = closesAt;
    const auto created = auction.service().createItem(changes);
    ASSERT_OK(created);
    const qint64 item = created->id;
    QThread::msleep(400);
    // WHEN a bid comes before the lot closer has been round
    const auto before = auction.service().placeBid(request(item, user, 100));
    // THEN it is refused ItemClosed, closed at the closing time
    ASSERT_TRUE(refused(before, Error::Reason::ItemClosed, {{"closed_at", closesAt}}));
    EXPECT_EQ(before.error().message,
              QStringLiteral("Item item%1 closed at %2").arg(item).arg(closesAt));
    EXPECT_TRUE(refused(auction.service().buyNow(item, user), Error::Reason::ItemClosed,
                        {{"closed_at", closesAt}}));
    // AND after the closer ran, the same refusal: same reason, same words, the stored time
    LotCloser closer(auction.service());
    ASSERT_EQ(closer.closeDue().value_or(QList<qint64>()), QList<qint64>{item});
    const QString closedAt = auction.service().item(item)->closedAt;
    const auto after = auction.service().placeBid(request(item, user, 100));
    ASSERT_TRUE(refused(after, Error::Reason::ItemClosed, {{"closed_at", closedAt}}));
    EXPECT_EQ(after.error().message,
              QStringLiteral("Item item%1 closed at %2").arg(item).arg(closedAt));
    EXPECT_EQ(after.error().code, before.error().code);
    // (closed_at is the stored time of the close, at or after the closing time)
    EXPECT_GE(closedAt, closesAt);
}

TEST(Refusals, BuyNowUnavailableSaysThePrices)
{
    TestAuction auction;
    const qint64 user = auction.addUser();
    const qint64 plain = auction.addItem();
    EXPECT_TRUE(refused(auction.service().buyNow(plain, user), Error::Reason::BuyNowUnavailable,
                        {{"buy_now", QVariant()}}));
    EXPECT_TRUE(refused(auction.service().buyNowPrice(plain), Error::Reason::BuyNowUnavailable));
    const qint64 priced = auction.addItem();
    ItemChanges changes;
    changes.buyNow = std::optional(Money::fromCents(20000));
    ASSERT_OK(auction.service().updateItem(priced, changes));
    EXPECT_EQ(auction.service().buyNowPrice(priced).value_or(Money()).cents(), 20000);
    auction.bid(priced, user, 25000);
    EXPECT_TRUE(refused(auction.service().buyNow(priced, user), Error::Reason::BuyNowUnavailable,
                        {{"buy_now", money(20000)}, {"winning_value", money(25000)}}));
    EXPECT_TRUE(refused(auction.service().buyNowPrice(priced), Error::Reason::BuyNowUnavailable,
                        {{"buy_now", money(20000)}}));
}

TEST(Refusals, DeletingWhatHasBidsOrMoneyIsRefusedWithTheCounts)
{
    TestAuction auction;
    const qint64 user = auction.addUser();
    const qint64 item = auction.addItem();
    auction.bid(item, user, 100);
    const Facts lot{{"item", QStringLiteral("item%1").arg(item)}, {"bid_count", qint64(1)}};
    EXPECT_TRUE(refused(auction.service().deleteItem(item), Error::Reason::HasBids, lot));
    EXPECT_TRUE(refused(auction.service().mayDeleteItem(item), Error::Reason::HasBids, lot));
    const Facts bidder{{"user", QStringLiteral("user%1").arg(user)}, {"bid_count", qint64(1)}};
    EXPECT_TRUE(refused(auction.service().deleteUser(user), Error::Reason::HasBids, bidder));
    EXPECT_TRUE(refused(auction.service().mayDeleteUser(user), Error::Reason::HasBids, bidder));
    const qint64 giver = auction.addUser(QStringLiteral("Giver"));
    ASSERT_OK(auction.service().addDonation(giver, Money::fromCents(500), {}));
    EXPECT_TRUE(refused(auction.service().deleteUser(giver), Error::Reason::HasPayments,
                        {{"payment_count", qint64(0)}, {"donation_count", qint64(1)}}));
    EXPECT_TRUE(auction.service().mayDeleteItem(auction.addItem()).has_value());
}

TEST(Refusals, ATakenPaddleNumberSaysTheNumberAndItsHolder)
{
    TestAuction auction;
    const qint64 holder = auction.addUser();
    const qint64 number = auction.service().user(holder)->number;
    UserChanges changes;
    changes.name = QStringLiteral("Dana");
    changes.number = number;
    EXPECT_TRUE(refused(auction.service().createUser(changes), Error::Reason::NumberTaken,
                        {{"number", number}, {"user", QStringLiteral("user%1").arg(holder)}}));
    UserChanges twice;
    twice.name = QStringLiteral("Eve");
    twice.number = 500;
    EXPECT_TRUE(refused(auction.service().importUsers(QList<UserChanges>{twice, twice}),
                        Error::Reason::NumberTaken, {{"number", qint64(500)}}));
}

TEST(Refusals, PaymentsSayTheBalanceAndWhenTheyWereVoided)
{
    TestAuction auction;
    const qint64 user = auction.addUser();
    wonLot(auction, user, 2025);
    EXPECT_TRUE(
        refused(auction.service().addPayment(user, Money::fromCents(2026), PaymentMethod::Cash, {}),
                Error::Reason::OverBalance,
                {{"user", QStringLiteral("user%1").arg(user)}, {"balance", money(2025)}}));
    const auto paid =
        auction.service().addPayment(user, Money::fromCents(1000), PaymentMethod::Cash, {});
    ASSERT_OK(paid);
    const QString id = QStringLiteral("payment%1").arg(paid->id);
    EXPECT_TRUE(refused(auction.service().unvoidPayment(paid->id), Error::Reason::NotVoided,
                        {{"payment", id}}));
    const auto voided = auction.service().voidPayment(paid->id, QStringLiteral("Bounced"));
    ASSERT_OK(voided);
    EXPECT_TRUE(refused(auction.service().voidPayment(paid->id, {}), Error::Reason::AlreadyVoided,
                        {{"payment", id}, {"voided_at", voided->voidedAt}}));
}

TEST(Refusals, AnAutomaticBidIsDeletedOnlyWithItsCause)
{
    TestAuction auction;
    const qint64 leader = auction.addUser();
    const qint64 other = auction.addUser(QStringLiteral("Other"));
    const qint64 item = auction.addItem();
    ASSERT_OK(auction.service().placeBid(request(item, leader, 100, 5000)));
    ASSERT_OK(auction.service().placeBid(request(item, other, 200)));
    const auto winning = auction.service().winningBid(item);
    ASSERT_OK(winning);
    ASSERT_TRUE(winning->automatic);
    const QString id = QStringLiteral("bid%1").arg(winning->id);
    EXPECT_TRUE(
        refused(auction.service().deleteBid(winning->id), Error::Reason::AutoBid, {{"bid", id}}));
    Bid again = *winning;
    again.id = winning->id + 100;
    EXPECT_TRUE(refused(auction.service().restoreBid(again), Error::Reason::AutoBid));
}

TEST(Refusals, RestoringWhatExistsAndReadingAWinnerOfNoBids)
{
    TestAuction auction;
    const qint64 user = auction.addUser();
    const qint64 item = auction.addItem();
    EXPECT_TRUE(refused(auction.service().restoreUser(*auction.service().user(user)),
                        Error::Reason::IdTaken, {{"user", QStringLiteral("user%1").arg(user)}}));
    EXPECT_TRUE(refused(auction.service().winningBid(item), Error::Reason::NoBids,
                        {{"item", QStringLiteral("item%1").arg(item)}}));
    EXPECT_TRUE(refused(auction.service().loadSampleAuction(), Error::Reason::NotEmpty));
}

TEST(Refusals, ACancelledExportSaysCancelled)
{
    // GIVEN more bidders than an export writes between two looks at its cancel flag
    TestAuction auction;
    ASSERT_OK(generateAuction(auction.db(), {1, 5001, 0, 7}));
    EXPECT_TRUE(refused(generateAuction(auction.db(), {1, 1, 0, 7}), Error::Reason::NotEmpty));
    const std::atomic<bool> cancel{true};
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvProgress progress;
    progress.cancel = &cancel;
    EXPECT_TRUE(refused(exportCsv(auction.db(), CsvKind::Users, buffer, progress),
                        Error::Reason::Cancelled));
}
