// Invoices, payments and donations (RULES.md 4), through the service on a real database
// (both engines), to the cent.
#include "checkoutsupport.h"

using namespace BidTracker::Model;
using namespace BidTracker::Testing::Checkout;
using BidTracker::Testing::TestAuction;

TEST(Invoice, FollowsTheWorkedExampleOfRules)
{
    // GIVEN premium 15 %, tax 5 % and one lot won at 100.00
    TestAuction auction;
    setRates(auction, 1500, 500);
    const qint64 chen = auction.addUser(QStringLiteral("Chen Wei"));
    const qint64 lot = wonLot(auction, chen, 10000, QStringLiteral("Lake cabin weekend"));
    // WHEN the invoice is read
    const Invoice invoice = invoiceOf(auction, chen);
    // THEN premium 15.00, tax round(115.00 x 0.05) = 5.75, total 120.75, unpaid
    ASSERT_EQ(invoice.lines.size(), 1);
    EXPECT_EQ(invoice.lines[0].itemId, lot);
    EXPECT_EQ(invoice.lines[0].name, u"Lake cabin weekend");
    EXPECT_EQ(invoice.lines[0].hammer, cents(10000));
    EXPECT_EQ(invoice.lines[0].premium, cents(1500));
    EXPECT_EQ(invoice.sums.tax, 575);
    EXPECT_EQ(invoice.sums.total, 12075);
    EXPECT_EQ(invoice.sums.balance, 12075);
    EXPECT_EQ(invoice.sums.status, Rules::InvoiceStatus::Unpaid);
    EXPECT_EQ(invoice.bidder.name, u"Chen Wei");
    EXPECT_TRUE(invoice.pending.isEmpty());
}

TEST(Invoice, RoundsThePremiumPerLineHalfUpAndTheTaxOnce)
{
    // GIVEN 15 % premium, 5 % tax, lots won at 10.05, 20.05 and 0.03
    TestAuction auction;
    setRates(auction, 1500, 500);
    const qint64 user = auction.addUser();
    wonLot(auction, user, 1005);
    // THEN 10.05 alone: premium 1.5075 -> 1.51, tax 11.56 x 5 % = 0.578 -> 0.58
    Invoice one = invoiceOf(auction, user);
    EXPECT_EQ(one.lines[0].premium, cents(151));
    EXPECT_EQ(one.sums.tax, 58);
    EXPECT_EQ(one.sums.total, 1005 + 151 + 58);
    // AND with more lines each premium is rounded on its own, the tax once on the sum:
    // 20.05 -> 3.0075 -> 3.01; 0.03 -> 0.0045 -> 0.00; tax on 30.13 + 4.52 = 34.65 -> 1.7325
    // -> 1.73
    wonLot(auction, user, 2005);
    wonLot(auction, user, 3);
    const Invoice three = invoiceOf(auction, user);
    ASSERT_EQ(three.lines.size(), 3);
    EXPECT_EQ(three.lines[1].premium, cents(301));
    EXPECT_EQ(three.lines[2].premium, cents(0));
    EXPECT_EQ(three.sums.hammer, 3013);
    EXPECT_EQ(three.sums.premium, 452);
    EXPECT_EQ(three.sums.tax, 173);
    EXPECT_EQ(three.sums.total, 3013 + 452 + 173);
}

TEST(Invoice, TaxExemptBiddersPayNoTaxAndDonationsAreUntaxed)
{
    // GIVEN a tax-exempt bidder with a lot at 100.00 and a donation of 250.00
    TestAuction auction;
    setRates(auction, 1500, 500);
    auto exempt = auction.service().createUser(
        UserChanges{.name = QStringLiteral("Church"), .taxExempt = true});
    ASSERT_OK(exempt);
    wonLot(auction, exempt->id, 10000);
    auto donation =
        auction.service().addDonation(exempt->id, cents(25000), QStringLiteral("Fund-a-need"));
    ASSERT_OK(donation);
    // THEN no tax; the donation adds to the total with no premium and no tax
    const Invoice invoice = invoiceOf(auction, exempt->id);
    EXPECT_EQ(invoice.sums.tax, 0);
    EXPECT_EQ(invoice.sums.donations, 25000);
    EXPECT_EQ(invoice.sums.total, 10000 + 1500 + 25000);
    ASSERT_EQ(invoice.donations.size(), 1);
    EXPECT_EQ(invoice.donations[0].note, u"Fund-a-need");
    // AND an ordinary bidder's donation is untaxed too: tax only on hammer + premium
    const qint64 other = auction.addUser(QStringLiteral("Berry"));
    wonLot(auction, other, 10000);
    ASSERT_OK(auction.service().addDonation(other, cents(10000), QString()));
    EXPECT_EQ(invoiceOf(auction, other).sums.total, 12075 + 10000);
}

TEST(Invoice, ListsOpenLotsTheBidderLeadsApartFromTheTotal)
{
    // GIVEN a bidder who won one lot, leads an open one and was outbid on a third
    TestAuction auction;
    setRates(auction, 1000, 0);
    const qint64 user = auction.addUser();
    const qint64 rival = auction.addUser(QStringLiteral("Berry"));
    wonLot(auction, user, 5000);
    const qint64 open = auction.addItem(QStringLiteral("Necklace"));
    auction.bid(open, user, 150000);
    const qint64 lost = auction.addItem(QStringLiteral("Vase"));
    auction.bid(lost, user, 1000);
    auction.bid(lost, rival, 2000);
    close(auction, lost);
    // THEN the open lot is pending, outside the total; the lost lot is nowhere
    const Invoice invoice = invoiceOf(auction, user);
    ASSERT_EQ(invoice.pending.size(), 1);
    EXPECT_EQ(invoice.pending[0].itemId, open);
    EXPECT_EQ(invoice.pending[0].name, u"Necklace");
    EXPECT_EQ(invoice.pending[0].value, cents(150000));
    EXPECT_EQ(invoice.lines.size(), 1);
    EXPECT_EQ(invoice.sums.total, 5000 + 500);
    EXPECT_EQ(invoiceOf(auction, rival).lines.size(), 1);
}

TEST(Invoice, ALotBelowItsReserveIsOnNoInvoice)
{
    // GIVEN two closed lots with reserves, one met and one not
    TestAuction auction;
    const qint64 user = auction.addUser();
    const qint64 met = auction.addItem(QStringLiteral("Met"));
    const qint64 unmet = auction.addItem(QStringLiteral("Unmet"));
    auction.bid(met, user, 5000);
    auction.bid(unmet, user, 5000);
    ASSERT_OK(auction.service().updateItem(met, {.reserve = std::optional<Money>(cents(5000))}));
    ASSERT_OK(auction.service().updateItem(unmet, {.reserve = std::optional<Money>(cents(5001))}));
    close(auction, met);
    close(auction, unmet);
    // THEN only the lot whose price reached its reserve is sold to the bidder
    const Invoice invoice = invoiceOf(auction, user);
    ASSERT_EQ(invoice.lines.size(), 1);
    EXPECT_EQ(invoice.lines[0].itemId, met);
    EXPECT_TRUE(invoice.pending.isEmpty());
    auto summary = auction.service().summary();
    ASSERT_OK(summary);
    EXPECT_EQ(summary->lotsSold, 1);
    EXPECT_EQ(summary->lotsUnsold, 1);
}

TEST(Payments, PartialThenExactSettleTheInvoiceAndTooMuchIsRefused)
{
    // GIVEN an invoice of 120.75
    TestAuction auction;
    setRates(auction, 1500, 500);
    const qint64 user = auction.addUser(QStringLiteral("Chen Wei"));
    wonLot(auction, user, 10000);
    auto& service = auction.service();
    // WHEN 20.00 is paid in cash: partial, 100.75 to go
    auto first = service.addPayment(user, cents(2000), PaymentMethod::Cash, QStringLiteral("r-1"));
    ASSERT_OK(first);
    EXPECT_EQ(first->reference, u"r-1");
    EXPECT_FALSE(first->voided());
    Invoice invoice = invoiceOf(auction, user);
    EXPECT_EQ(invoice.sums.paid, 2000);
    EXPECT_EQ(invoice.sums.balance, 10075);
    EXPECT_EQ(invoice.sums.status, Rules::InvoiceStatus::Partial);
    // THEN 100.76 is refused, naming the balance, and nothing is added
    auto tooMuch = service.addPayment(user, cents(10076), PaymentMethod::Card, QString());
    ASSERT_FALSE(tooMuch.has_value());
    EXPECT_EQ(tooMuch.error().code, Error::Code::Conflict);
    EXPECT_TRUE(tooMuch.error().message.contains(u"100.75"))
        << tooMuch.error().message.toStdString();
    EXPECT_EQ(service.payments(user)->size(), 1);
    // AND exactly 100.75 by card settles it
    ASSERT_OK(service.addPayment(user, cents(10075), PaymentMethod::Card, QString()));
    invoice = invoiceOf(auction, user);
    EXPECT_EQ(invoice.sums.balance, 0);
    EXPECT_EQ(invoice.sums.status, Rules::InvoiceStatus::Paid);
    EXPECT_EQ(invoice.payments.size(), 2);
    // AND nothing more can be paid, a zero amount is invalid
    EXPECT_EQ(service.addPayment(user, cents(1), PaymentMethod::Cash, {}).error().code,
              Error::Code::Conflict);
    EXPECT_EQ(service.addPayment(user, cents(0), PaymentMethod::Cash, {}).error().field, u"amount");
    EXPECT_EQ(service.addPayment(user, cents(100), PaymentMethod::Cash, QStringLiteral("a\nb"))
                  .error()
                  .field,
              u"reference");
    EXPECT_EQ(service.addPayment(999, cents(100), PaymentMethod::Cash, {}).error().code,
              Error::Code::NotFound);
}

TEST(Payments, AVoidedPaymentStaysOnRecordOutOfEverySum)
{
    // GIVEN a paid invoice of 50.00
    TestAuction auction;
    const qint64 user = auction.addUser();
    wonLot(auction, user, 5000);
    auto& service = auction.service();
    QList<Change> heard;
    QObject::connect(&auction.notifier(), &ChangeNotifier::changed,
                     [&](const Change& change) { heard.append(change); });
    auto payment =
        service.addPayment(user, cents(5000), PaymentMethod::Check, QStringLiteral("#1042"));
    ASSERT_OK(payment);
    // WHEN it is voided with a reason
    auto voided = service.voidPayment(payment->id, QStringLiteral("Check bounced"));
    ASSERT_OK(voided);
    // THEN it is kept, marked, and out of the invoice and the summary
    EXPECT_TRUE(voided->voided());
    const Invoice invoice = invoiceOf(auction, user);
    ASSERT_EQ(invoice.payments.size(), 1);
    EXPECT_TRUE(invoice.payments[0].voided());
    EXPECT_EQ(invoice.payments[0].voidReason, u"Check bounced");
    EXPECT_EQ(invoice.sums.paid, 0);
    EXPECT_EQ(invoice.sums.status, Rules::InvoiceStatus::Unpaid);
    auto summary = service.summary();
    ASSERT_OK(summary);
    EXPECT_EQ(summary->paidCheck, 0);
    EXPECT_EQ(summary->paidTotal, 0);
    EXPECT_EQ(summary->outstanding, 5000);
    // AND voiding it again is refused; undoing the void makes it count again
    EXPECT_EQ(service.voidPayment(payment->id, {}).error().code, Error::Code::Conflict);
    ASSERT_OK(service.unvoidPayment(payment->id));
    EXPECT_EQ(invoiceOf(auction, user).sums.paid, 5000);
    EXPECT_EQ(service.unvoidPayment(payment->id).error().code, Error::Code::Conflict);
    EXPECT_EQ(service.voidPayment(777, {}).error().code, Error::Code::NotFound);
    // AND each change was announced once, as a payment of the user
    ASSERT_EQ(heard.size(), 3);
    for (const Change& change : std::as_const(heard)) {
        EXPECT_EQ(change.kind, EntityKind::Payment);
        EXPECT_EQ(change.id, payment->id);
        EXPECT_EQ(change.userId, user);
    }
}

TEST(Payments, ALotReopenedAfterPaymentLeavesACredit)
{
    // GIVEN two lots won and paid in full
    TestAuction auction;
    const qint64 user = auction.addUser();
    wonLot(auction, user, 3000);
    const qint64 second = wonLot(auction, user, 2000);
    ASSERT_OK(auction.service().addPayment(user, cents(5000), PaymentMethod::Cash, {}));
    // WHEN one lot is reopened
    reopen(auction, second);
    // THEN it moves to pending, the balance goes negative and the status is credit
    const Invoice invoice = invoiceOf(auction, user);
    EXPECT_EQ(invoice.lines.size(), 1);
    ASSERT_EQ(invoice.pending.size(), 1);
    EXPECT_EQ(invoice.pending[0].itemId, second);
    EXPECT_EQ(invoice.sums.total, 3000);
    EXPECT_EQ(invoice.sums.balance, -2000);
    EXPECT_EQ(invoice.sums.status, Rules::InvoiceStatus::Credit);
    // AND no payment is taken on a credit; the summary owes nothing for it
    auto refused = auction.service().addPayment(user, cents(1), PaymentMethod::Cash, {});
    ASSERT_FALSE(refused.has_value());
    EXPECT_TRUE(refused.error().message.contains(u"-20.00"))
        << refused.error().message.toStdString();
    auto summary = auction.service().summary();
    ASSERT_OK(summary);
    EXPECT_EQ(summary->outstanding, 0);
    EXPECT_EQ(summary->biddersWithBalance, 0);
}

TEST(Donations, AreAddedDeletedAndRestoredUnderTheirId)
{
    TestAuction auction;
    const qint64 user = auction.addUser();
    auto& service = auction.service();
    QList<Change> heard;
    QObject::connect(&auction.notifier(), &ChangeNotifier::changed,
                     [&](const Change& change) { heard.append(change); });
    auto donation = service.addDonation(user, cents(25000), QStringLiteral("Fund-a-need"));
    ASSERT_OK(donation);
    EXPECT_EQ(service.donations(user)->size(), 1);
    EXPECT_EQ(invoiceOf(auction, user).sums.total, 25000);
    // Refused: no amount, a note with a line break, an unknown user or donation
    EXPECT_EQ(service.addDonation(user, cents(0), {}).error().field, u"amount");
    EXPECT_EQ(service.addDonation(user, cents(5), QStringLiteral("x\ty")).error().field, u"note");
    EXPECT_EQ(service.addDonation(99, cents(5), {}).error().code, Error::Code::NotFound);
    EXPECT_EQ(service.deleteDonation(99).error().code, Error::Code::NotFound);
    // Deleted and put back (undo): the same id, amount and note
    ASSERT_OK(service.deleteDonation(donation->id));
    EXPECT_TRUE(service.donations(user)->isEmpty());
    auto restored = service.restoreDonation(*donation);
    ASSERT_OK(restored);
    EXPECT_EQ(restored->id, donation->id);
    EXPECT_EQ(service.donations(user)->first().note, u"Fund-a-need");
    EXPECT_EQ(service.restoreDonation(*donation).error().code, Error::Code::Conflict);
    // Each change announced once, as a donation of the user; the refusals announced nothing
    ASSERT_EQ(heard.size(), 3);
    EXPECT_EQ(heard[0].action, Change::Action::Added);
    EXPECT_EQ(heard[1].action, Change::Action::Removed);
    EXPECT_EQ(heard[2].action, Change::Action::Added);
    for (const Change& change : std::as_const(heard)) {
        EXPECT_EQ(change.kind, EntityKind::Donation);
        EXPECT_EQ(change.id, donation->id);
        EXPECT_EQ(change.userId, user);
    }
}
