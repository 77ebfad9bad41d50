// Consignors, payouts and settlement (RULES.md 6) through the service on a real database
// (both engines), to the cent.
#include "checkoutsupport.h"
#include "model/csv/consignorcsv.h"

#include <QBuffer>

using namespace BidTracker::Model;
using namespace BidTracker::Testing::Checkout;
using BidTracker::Testing::TestAuction;

namespace {

qint64 addConsignor(TestAuction& auction, Rules::BasisPoints commission, qint64 lotFee,
                    qint64 unsoldFee, const QString& name = QStringLiteral("Hill Farm"))
{
    ConsignorChanges changes;
    changes.name = name;
    changes.commission = std::optional<Rules::BasisPoints>(commission);
    changes.lotFee = cents(lotFee);
    changes.unsoldFee = cents(unsoldFee);
    auto created = auction.service().createConsignor(changes);
    EXPECT_TRUE(created.has_value()) << created.error().message.toStdString();
    return created ? created->id : 0;
}

qint64 consignedLot(TestAuction& auction, qint64 consignor, const QString& name)
{
    const qint64 item = auction.addItem(name);
    auto given = auction.service().updateItem(
        item, {.consignorId = std::optional<std::optional<qint64>>(consignor)});
    EXPECT_TRUE(given.has_value()) << given.error().message.toStdString();
    return item;
}

Settlement settlementOf(TestAuction& auction, qint64 consignor)
{
    auto settlement = auction.service().settlement(consignor);
    EXPECT_TRUE(settlement.has_value()) << settlement.error().message.toStdString();
    return settlement.value_or(Settlement{});
}

Result<Payout> payOut(TestAuction& auction, qint64 consignor, qint64 amount)
{
    return auction.service().addPayout(consignor, cents(amount), PayoutMethod::Check,
                                       QStringLiteral("1042"),
                                       {QStringLiteral("Dana"), QStringLiteral("desk 2")});
}

/// RULES.md 6's worked example: 20 %, lot fee 2.00, unsold fee 5.00, sold at 100.00 (to
/// `first`) and 55.57 (to `second`), one lot unsold.
struct WorkedExample
{
    TestAuction auction;
    qint64 consignor = addConsignor(auction, 2000, 200, 500);
    qint64 first = auction.addUser(QStringLiteral("Ann"));
    qint64 second = auction.addUser(QStringLiteral("Bo"));
    qint64 chest = consignedLot(auction, consignor, QStringLiteral("Oak chest"));
    qint64 ewer = consignedLot(auction, consignor, QStringLiteral("Ewer"));
    qint64 lamp = consignedLot(auction, consignor, QStringLiteral("Lamp"));

    WorkedExample()
    {
        auction.bid(chest, first, 10000);
        auction.bid(ewer, second, 5557);
        close(auction, chest);
        close(auction, ewer);
        close(auction, lamp);
    }
};

} // namespace

TEST(Settlement, FollowsTheWorkedExampleOfRules)
{
    WorkedExample sale;
    // WHEN nobody has paid yet
    Settlement before = settlementOf(sale.auction, sale.consignor);
    // THEN hammer 155.57, commission 31.11, fees 9.00, net 115.46, nothing payable
    ASSERT_EQ(before.sums.lines.size(), 3);
    EXPECT_EQ(before.sums.hammer, 15557);
    EXPECT_EQ(before.sums.commission, 3111);
    EXPECT_EQ(before.sums.fees, 900);
    EXPECT_EQ(before.sums.net, 11546);
    EXPECT_EQ(before.sums.payableNow, 0);
    EXPECT_EQ(before.sums.status, Rules::SettlementStatus::Unpaid);
    EXPECT_TRUE(before.sums.lines[2].returned);
    EXPECT_EQ(before.lots[before.sums.lines[1].lot].name, u"Ewer");
    // WHEN the first buyer pays in full
    ASSERT_OK(sale.auction.service().addPayment(sale.first, cents(10000), PaymentMethod::Cash, {}));
    Settlement paid = settlementOf(sale.auction, sale.consignor);
    // THEN 100.00 - 20.00 - 2.00 - 5.00 = 73.00 is payable now
    EXPECT_TRUE(paid.sums.lines[0].collected);
    EXPECT_FALSE(paid.sums.lines[1].collected);
    EXPECT_EQ(paid.sums.payableNow, 7300);
    // AND a payout of 73.00 leaves 0.00 payable, a balance of 42.46, partial
    auto payout = payOut(sale.auction, sale.consignor, 7300);
    ASSERT_OK(payout);
    EXPECT_EQ(payout->desk.cashier, u"Dana");
    Settlement after = settlementOf(sale.auction, sale.consignor);
    EXPECT_EQ(after.sums.payableNow, 0);
    EXPECT_EQ(after.sums.paid, 7300);
    EXPECT_EQ(after.sums.balance, 4246);
    EXPECT_EQ(after.sums.status, Rules::SettlementStatus::Partial);
    ASSERT_EQ(after.payouts.size(), 1);
    EXPECT_EQ(after.payouts[0].desk.station, u"desk 2");
}

TEST(Settlement, RefusesAPayoutAboveWhatIsPayableNowAndChangesNothing)
{
    WorkedExample sale;
    ASSERT_OK(sale.auction.service().addPayment(sale.first, cents(10000), PaymentMethod::Cash, {}));
    // WHEN 73.01 is paid out where 73.00 is payable
    auto refused = payOut(sale.auction, sale.consignor, 7301);
    // THEN over_balance, naming what is payable, and no payout is kept
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().reason, Error::Reason::OverBalance);
    EXPECT_EQ(reasonCode(refused.error()), u"over_balance");
    EXPECT_EQ(refused.error().facts.value(QStringLiteral("payable_now")).value<Money>(),
              cents(7300));
    EXPECT_TRUE(sale.auction.service().payouts(sale.consignor)->isEmpty());
    // AND nothing may be paid out before any buyer paid
    WorkedExample unpaid;
    EXPECT_EQ(payOut(unpaid.auction, unpaid.consignor, 1).error().reason,
              Error::Reason::OverBalance);
}

TEST(Settlement, CollectsALineOnlyWhenTheBuyerPaidInFullOrIsInCredit)
{
    WorkedExample sale;
    Money partly = cents(5000);
    ASSERT_OK(sale.auction.service().addPayment(sale.first, partly, PaymentMethod::Cash, {}));
    // THEN a buyer who paid part of the invoice does not make the line collected
    EXPECT_FALSE(settlementOf(sale.auction, sale.consignor).sums.lines[0].collected);
    // WHEN the second buyer also won a lot of the house's, paid both, and that lot reopened
    const qint64 house = wonLot(sale.auction, sale.second, 1000);
    ASSERT_OK(sale.auction.service().addPayment(sale.second, cents(6557), PaymentMethod::Card, {}));
    reopen(sale.auction, house);
    ASSERT_EQ(invoiceOf(sale.auction, sale.second).sums.status, Rules::InvoiceStatus::Credit);
    // THEN the buyer in credit has paid the consignor's lot: collected
    const Settlement credit = settlementOf(sale.auction, sale.consignor);
    EXPECT_TRUE(credit.sums.lines[1].collected);
    EXPECT_EQ(credit.sums.payableNow, 5557 - 1111 - 200 - 500);
}

TEST(Settlement, RoundsCommissionHalfUpAndTakesTheAuctionsRateByDefault)
{
    // GIVEN the auction's commission_rate 12.5 % and a consignor with no rate of their own
    TestAuction auction;
    auto settings = auction.service().settings();
    ASSERT_OK(settings);
    settings->commissionRate = 1250;
    ASSERT_OK(auction.service().updateSettings(*settings));
    ConsignorChanges changes;
    changes.name = QStringLiteral("Club member");
    auto consignor = auction.service().createConsignor(changes);
    ASSERT_OK(consignor);
    EXPECT_FALSE(consignor->commission.has_value());
    EXPECT_EQ(consignor->number, 1);
    const qint64 buyer = auction.addUser();
    // WHEN lots sell at 0.04 (0.005 -> 0.01) and 0.03 (0.00375 -> 0.00)
    for (qint64 hammer : {4, 3}) {
        const qint64 lot = consignedLot(auction, consignor->id, QStringLiteral("Lot"));
        auction.bid(lot, buyer, hammer);
        close(auction, lot);
    }
    const Settlement settlement = settlementOf(auction, consignor->id);
    EXPECT_EQ(settlement.commission, 1250);
    ASSERT_EQ(settlement.sums.lines.size(), 2);
    EXPECT_EQ(settlement.sums.lines[0].commission, 1);
    EXPECT_EQ(settlement.sums.lines[1].commission, 0);
    EXPECT_EQ(settlement.sums.net, 6);
}

TEST(Settlement, ListsOpenLotsApartAsPending)
{
    TestAuction auction;
    const qint64 consignor = addConsignor(auction, 1000, 100, 300);
    const qint64 buyer = auction.addUser();
    const qint64 open = consignedLot(auction, consignor, QStringLiteral("Still open"));
    auction.bid(open, buyer, 2500);
    const qint64 unsold = consignedLot(auction, consignor, QStringLiteral("No bids"));
    close(auction, unsold);
    const Settlement settlement = settlementOf(auction, consignor);
    ASSERT_EQ(settlement.sums.pending.size(), 1);
    EXPECT_EQ(settlement.lots[settlement.sums.pending[0]].itemId, open);
    ASSERT_EQ(settlement.sums.lines.size(), 1);
    EXPECT_TRUE(settlement.sums.lines[0].returned);
    EXPECT_EQ(settlement.sums.net, -300);
    EXPECT_EQ(settlement.sums.status, Rules::SettlementStatus::OwesHouse);
}

TEST(Settlement, AVoidedPayoutCountsNoMoreAndCanBeTakenBack)
{
    WorkedExample sale;
    ASSERT_OK(sale.auction.service().addPayment(sale.first, cents(10000), PaymentMethod::Cash, {}));
    auto payout = payOut(sale.auction, sale.consignor, 3000);
    ASSERT_OK(payout);
    EXPECT_EQ(settlementOf(sale.auction, sale.consignor).sums.payableNow, 4300);
    // WHEN it is voided
    auto voided = sale.auction.service().voidPayout(payout->id, QStringLiteral("wrong desk"));
    ASSERT_OK(voided);
    // THEN it stays on record, voided, and 73.00 is payable again
    const Settlement after = settlementOf(sale.auction, sale.consignor);
    EXPECT_EQ(after.sums.payableNow, 7300);
    EXPECT_EQ(after.sums.paid, 0);
    ASSERT_EQ(after.payouts.size(), 1);
    EXPECT_TRUE(after.payouts[0].voided());
    EXPECT_EQ(after.payouts[0].voidReason, u"wrong desk");
    // AND voiding again is refused; the undo of the void counts it again
    EXPECT_EQ(sale.auction.service().voidPayout(payout->id, {}).error().reason,
              Error::Reason::AlreadyVoided);
    ASSERT_OK(sale.auction.service().unvoidPayout(payout->id));
    EXPECT_EQ(settlementOf(sale.auction, sale.consignor).sums.payableNow, 4300);
    EXPECT_EQ(sale.auction.service().voidPayout(99, {}).error().reason,
              Error::Reason::UnknownPayout);
}

TEST(Consignors, CannotBeDeletedWhileLotsNameThem)
{
    TestAuction auction;
    const qint64 consignor = addConsignor(auction, 0, 0, 0);
    const qint64 lot = consignedLot(auction, consignor, QStringLiteral("Chair"));
    auto refused = auction.service().deleteConsignor(consignor);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().reason, Error::Reason::HasLots);
    EXPECT_EQ(reasonCode(refused.error()), u"has_lots");
    EXPECT_EQ(refused.error().facts.value(QStringLiteral("lot_count")).toLongLong(), 1);
    ASSERT_OK(auction.service().consignor(consignor));
    // WHEN the lot names nobody
    ASSERT_OK(auction.service().updateItem(
        lot, {.consignorId = std::make_optional(std::optional<qint64>())}));
    // THEN the consignor can go
    ASSERT_OK(auction.service().deleteConsignor(consignor));
    EXPECT_EQ(auction.service().consignor(consignor).error().reason,
              Error::Reason::UnknownConsignor);
}

TEST(Consignors, AreCheckedAndNumberedAndALotNamesOnlyOneThatExists)
{
    TestAuction auction;
    const qint64 hill = addConsignor(auction, 2000, 200, 500);
    ConsignorChanges twin;
    twin.name = QStringLiteral("Other");
    twin.number = auction.service().consignor(hill)->number;
    EXPECT_EQ(auction.service().createConsignor(twin).error().reason, Error::Reason::NumberTaken);
    ConsignorChanges wrong;
    wrong.name = QStringLiteral("Bad");
    wrong.commission = std::optional<Rules::BasisPoints>(10001);
    auto refused = auction.service().createConsignor(wrong);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().field, u"commission");
    wrong.commission.reset();
    wrong.lotFee = cents(-1);
    EXPECT_EQ(auction.service().createConsignor(wrong).error().field, u"lot_fee");
    EXPECT_EQ(auction.service().consignors()->size(), 1);
    // AND a lot may not name a consignor who does not exist
    const qint64 lot = auction.addItem();
    auto unknownOne = auction.service().updateItem(
        lot, {.consignorId = std::optional<std::optional<qint64>>(hill + 100)});
    ASSERT_FALSE(unknownOne.has_value());
    EXPECT_EQ(unknownOne.error().reason, Error::Reason::UnknownConsignor);
    EXPECT_FALSE(auction.service().item(lot)->consignorId.has_value());
}

TEST(Consignors, GivingALotToAConsignorIsAChangeOfTheLot)
{
    TestAuction auction;
    const qint64 consignor = addConsignor(auction, 0, 0, 0);
    const qint64 lot = auction.addItem();
    const qint64 before = auction.service().item(lot)->version;
    consignedLot(auction, consignor, QStringLiteral("other"));
    ASSERT_OK(auction.service().updateItem(
        lot, {.consignorId = std::optional<std::optional<qint64>>(consignor)}));
    const Item after = *auction.service().item(lot);
    EXPECT_EQ(after.consignorId, consignor);
    EXPECT_EQ(after.version, before + 1);
}

TEST(Consignors, ComeBackWholeFromTheirOwnCsv)
{
    // GIVEN two consignors, one with the auction's rate and a two-line address
    TestAuction from;
    addConsignor(from, 1250, 150, 0, QStringLiteral("Hill Farm, Ltd"));
    ConsignorChanges club;
    club.name = QStringLiteral("=Club");
    club.number = 40;
    club.address = QStringLiteral("1 Mill Lane\nLittle Snoring");
    club.email = QStringLiteral("club@example.org");
    ASSERT_OK(from.service().createConsignor(club));
    QBuffer written;
    written.open(QIODevice::WriteOnly);
    ASSERT_OK(exportConsignorCsv(from.service(), ConsignorCsv::Consignors, written));
    // WHEN the file is imported into another auction
    QBuffer read(&written.buffer());
    read.open(QIODevice::ReadOnly);
    auto rows = readConsignorCsv(read);
    ASSERT_OK(rows);
    TestAuction to;
    ASSERT_OK(to.service().importConsignors(*rows));
    // THEN it exports the same file
    QBuffer again;
    again.open(QIODevice::WriteOnly);
    ASSERT_OK(exportConsignorCsv(to.service(), ConsignorCsv::Consignors, again));
    EXPECT_EQ(again.data(), written.data());
    EXPECT_EQ(to.service().consignorByNumber(40)->value().address, club.address);
    EXPECT_FALSE(to.service().consignorByNumber(40)->value().commission.has_value());
}

TEST(Consignors, AnImportWithOneBadRowAddsNone)
{
    TestAuction auction;
    QBuffer file;
    file.setData("name,number,commission\r\nGood,5,10\r\nBad,6,120\r\n");
    file.open(QIODevice::ReadOnly);
    auto rows = readConsignorCsv(file);
    ASSERT_FALSE(rows.has_value());
    EXPECT_EQ(rows.error().field, u"commission");
    EXPECT_TRUE(rows.error().message.contains(QStringLiteral("Line 3")));
    QBuffer twice;
    twice.setData("name,number\r\nOne,5\r\nTwo,5\r\n");
    twice.open(QIODevice::ReadOnly);
    auto both = readConsignorCsv(twice);
    ASSERT_OK(both);
    EXPECT_EQ(auction.service().importConsignors(*both).error().reason, Error::Reason::NumberTaken);
    EXPECT_TRUE(auction.service().consignors()->isEmpty());
}
