// The end-of-night summary (RULES.md 4) against a hand-computed auction and the invoices
// one by one, and the copy of an auction with its money, on both engines.
#include "checkoutsupport.h"
#include "model/auctioncopy.h"

using namespace BidTracker::Model;
using namespace BidTracker::Testing::Checkout;
using BidTracker::Testing::TestAuction;

// The summary of a hand-computed auction: 10 bidders and 30 lots, premium 10 %, tax 8.25 %.
// Lot i is bid at i x 10.00 + 0.05 by bidder ((i - 1) mod 10) + 1. Lots 1-24 close sold
// (lot 1 with a reserve of 5.00, met); 25-27 stay open; 28 and 29 close below a reserve;
// 30 closes with no bid. Bidder 10 is tax-exempt. Bidder 2 gives 250.00. Payments: bidder 1
// pays the whole invoice in cash, bidder 2 100.00 by check, bidder 3 50.00 by card (voided),
// bidder 4 20.00 other.
// Worked by hand (premium per lot rounded, tax per bidder rounded), e.g. bidder 1: lots at
// 10.05, 110.05, 210.05 = 330.15; premiums 1.01 + 11.01 + 21.01 = 33.03; tax 363.18 x 8.25 %
// = 29.96235 -> 29.96; total 393.14. Over all: hammer 3001.20, premium 300.24, tax 245.12,
// donations 250.00, invoiced 3796.56, paid 513.14 (cash 393.14, check 100.00, other 20.00),
// outstanding 3283.42 from 9 bidders (bidder 1 owes nothing).
TEST(Summary, MatchesAHandComputedAuctionAndTheSumOfItsInvoices)
{
    TestAuction auction;
    setRates(auction, 1000, 825);
    auto& service = auction.service();
    QList<qint64> bidders;
    for (int b = 1; b <= 10; ++b)
        bidders.append(auction.addUser(QStringLiteral("Bidder %1").arg(b)));
    ASSERT_OK(service.updateUser(bidders[9], {.taxExempt = true}));
    for (int i = 1; i <= 30; ++i) {
        const qint64 lot = auction.addItem(QStringLiteral("Lot %1").arg(i));
        if (i == 2)
            auction.bid(lot, bidders[2], 500); // outbid below
        if (i < 30)
            auction.bid(lot, bidders[(i - 1) % 10], i * 1000 + 5);
        if (i == 1) {
            ASSERT_OK(service.updateItem(lot, {.reserve = std::optional<Money>(cents(500))}));
        }
        if (i == 28 || i == 29) {
            ASSERT_OK(service.updateItem(lot, {.reserve = std::optional<Money>(cents(100000))}));
        }
        if (i < 25 || i > 27)
            close(auction, lot);
    }
    ASSERT_OK(service.addDonation(bidders[1], cents(25000), QStringLiteral("Fund-a-need")));
    ASSERT_OK(service.addPayment(bidders[0], cents(39314), PaymentMethod::Cash, {}));
    ASSERT_OK(service.addPayment(bidders[1], cents(10000), PaymentMethod::Check, {}));
    auto card = service.addPayment(bidders[2], cents(5000), PaymentMethod::Card, {});
    ASSERT_OK(card);
    ASSERT_OK(service.voidPayment(card->id, QStringLiteral("wrong bidder")));
    ASSERT_OK(service.addPayment(bidders[3], cents(2000), PaymentMethod::Other, {}));

    auto summary = service.summary();
    ASSERT_OK(summary);
    AuctionSummary expected;
    expected.lotsTotal = 30;
    expected.lotsOpen = 3;
    expected.lotsSold = 24;
    expected.lotsUnsold = 3;
    expected.hammer = 300120;
    expected.premium = 30024;
    expected.tax = 24512;
    expected.donations = 25000;
    expected.invoiced = 379656;
    expected.paidCash = 39314;
    expected.paidCheck = 10000;
    expected.paidCard = 0;
    expected.paidOther = 2000;
    expected.paidTotal = 51314;
    expected.outstanding = 328342;
    expected.biddersWithBalance = 9;
    EXPECT_EQ(*summary, expected);

    // AND it is the sum of the ten invoices, read one by one
    AuctionSummary summed;
    for (const qint64 bidder : std::as_const(bidders)) {
        const Invoice invoice = invoiceOf(auction, bidder);
        summed.hammer += invoice.sums.hammer;
        summed.premium += invoice.sums.premium;
        summed.tax += invoice.sums.tax;
        summed.donations += invoice.sums.donations;
        summed.invoiced += invoice.sums.total;
        summed.paidTotal += invoice.sums.paid;
        if (invoice.sums.balance > 0) {
            summed.outstanding += invoice.sums.balance;
            ++summed.biddersWithBalance;
        }
    }
    EXPECT_EQ(summed.hammer, summary->hammer);
    EXPECT_EQ(summed.premium, summary->premium);
    EXPECT_EQ(summed.tax, summary->tax);
    EXPECT_EQ(summed.donations, summary->donations);
    EXPECT_EQ(summed.invoiced, summary->invoiced);
    EXPECT_EQ(summed.paidTotal, summary->paidTotal);
    EXPECT_EQ(summed.outstanding, summary->outstanding);
    EXPECT_EQ(summed.biddersWithBalance, summary->biddersWithBalance);
    EXPECT_EQ(invoiceOf(auction, bidders[0]).sums.status, Rules::InvoiceStatus::Paid);
    EXPECT_EQ(invoiceOf(auction, bidders[4]).pending.size(), 1); // lot 25

    // AND the invoices export's rows are the same invoices
    auto totals = service.invoiceTotals();
    ASSERT_OK(totals);
    ASSERT_EQ(totals->size(), 10);
    for (const InvoiceTotals& row : std::as_const(*totals)) {
        const Invoice invoice = invoiceOf(auction, row.userId);
        EXPECT_EQ(row.sums.total, invoice.sums.total);
        EXPECT_EQ(row.sums.balance, invoice.sums.balance);
        EXPECT_EQ(row.sums.status, invoice.sums.status);
        EXPECT_EQ(row.number, invoice.bidder.number);
    }
}

TEST(Summary, OfAnEmptyAuctionIsAllZero)
{
    TestAuction auction;
    auto summary = auction.service().summary();
    ASSERT_OK(summary);
    EXPECT_EQ(*summary, AuctionSummary{});
}

TEST(Copy, TakesPaymentsAndDonationsAlong)
{
    // GIVEN an auction with a voided and a counting payment and a donation
    TestAuction source;
    const qint64 user = source.addUser();
    wonLot(source, user, 5000);
    auto voided =
        source.service().addPayment(user, cents(1000), PaymentMethod::Card, QStringLiteral("x"));
    ASSERT_OK(voided);
    ASSERT_OK(source.service().voidPayment(voided->id, QStringLiteral("typo")));
    ASSERT_OK(source.service().addPayment(user, cents(2000), PaymentMethod::Cash, {}));
    ASSERT_OK(source.service().addDonation(user, cents(300), QStringLiteral("gift")));
    // WHEN it is copied into a new database
    TestAuction target;
    auto counts = copyAuction(source.db(), target.db());
    ASSERT_OK(counts);
    EXPECT_EQ(counts->payments, 2);
    EXPECT_EQ(counts->donations, 1);
    // THEN the copy's invoice is the same, to the voided payment and its reason
    const Invoice copied = invoiceOf(target, user);
    const Invoice original = invoiceOf(source, user);
    EXPECT_EQ(copied.sums.total, original.sums.total);
    EXPECT_EQ(copied.sums.balance, original.sums.balance);
    ASSERT_EQ(copied.payments.size(), 2);
    EXPECT_EQ(copied.payments[0].voidReason, u"typo");
    EXPECT_EQ(copied.payments[0].paidAt, original.payments[0].paidAt);
    EXPECT_EQ(copied.donations[0].note, u"gift");
    // AND new rows in the copy take new ids
    auto next = target.service().addDonation(user, cents(100), {});
    ASSERT_OK(next);
    EXPECT_GT(next->id, original.donations[0].id);
}

TEST(Copy, KeepsAMaximumRaisedAloneAndTheLotsCeilings)
{
    // GIVEN a lot (start 10.00, step 1.00) that A leads at 21.00 with a maximum of 50.00,
    // raised alone to 80.00
    TestAuction source;
    const qint64 a = source.addUser(QStringLiteral("A"));
    const qint64 b = source.addUser(QStringLiteral("B"));
    const qint64 c = source.addUser(QStringLiteral("C"));
    const qint64 lot = source.addItem(QStringLiteral("Quilt"), 1000, 100);
    const auto place = [](TestAuction& auction, const BidRequest& request) {
        return auction.service().placeBid(request);
    };
    ASSERT_OK(place(source, BidRequest{lot, a, cents(1000), cents(5000)}));
    ASSERT_OK(place(source, BidRequest{lot, b, cents(2000), {}}));
    auto raise = place(source, BidRequest{lot, a, {}, cents(8000)});
    ASSERT_OK(raise);
    ASSERT_FALSE(raise->added);
    // WHEN it is copied into a new database
    TestAuction target;
    auto counts = copyAuction(source.db(), target.db());
    ASSERT_OK(counts);
    // THEN the raise came along, and the lot's stored ceilings
    EXPECT_EQ(counts->maximums, 1);
    const Item copied = *target.service().item(lot);
    EXPECT_EQ(copied.leaderCeiling, cents(8000));
    EXPECT_EQ(copied.runnerUpCeiling, cents(2000));
    // AND C bidding 70.00 on the copy meets it, even with the ceilings forgotten (the lot
    // worked out from the copied bids and raise): A leads at 71.00 by an automatic bid
    ASSERT_OK(target.db().storage().setItemWinner(lot, copied.winningBidId, 0));
    auto challenge = place(target, BidRequest{lot, c, cents(7000), {}});
    ASSERT_OK(challenge);
    const Item after = *target.service().item(lot);
    EXPECT_EQ(after.winnerUserId, a);
    EXPECT_EQ(after.winningValue, cents(7100));
    EXPECT_TRUE(target.service().bid(*after.winningBidId)->automatic);
}
