// Invoices, payments, donations and the end-of-night summary (RULES.md 4), through the
// service on a real database (both engines), to the cent.
#include "model/auctioncopy.h"
#include "support/testauction.h"

using namespace BidTracker::Model;
using BidTracker::Testing::TestAuction;

namespace {

#define ASSERT_OK(result)                                                                          \
    ASSERT_TRUE((result).has_value()) << (result).error().message.toStdString()

void setRates(TestAuction& auction, Rules::BasisPoints premium, Rules::BasisPoints tax)
{
    auto settings = auction.service().settings();
    ASSERT_OK(settings);
    settings->buyersPremium = premium;
    settings->taxRate = tax;
    ASSERT_OK(auction.service().updateSettings(*settings));
}

void close(TestAuction& auction, qint64 itemId)
{
    ASSERT_OK(auction.service().updateItem(itemId, {.status = ItemStatus::Closed}));
}

void reopen(TestAuction& auction, qint64 itemId)
{
    ASSERT_OK(auction.service().updateItem(itemId, {.status = ItemStatus::Open}));
}

/// A lot won by `userId` at `cents` and closed.
qint64 wonLot(TestAuction& auction, qint64 userId, qint64 cents,
              const QString& name = QStringLiteral("Lot"))
{
    const qint64 item = auction.addItem(name);
    auction.bid(item, userId, cents);
    close(auction, item);
    return item;
}

Invoice invoiceOf(TestAuction& auction, qint64 userId)
{
    auto invoice = auction.service().invoice(userId);
    EXPECT_TRUE(invoice.has_value()) << invoice.error().message.toStdString();
    return invoice.value_or(Invoice{});
}

Money cents(qint64 value)
{
    return Money::fromCents(value);
}

} // namespace

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
}

TEST(Bidders, HaveUniquePaddleNumbersAndContactFields)
{
    TestAuction auction;
    auto& service = auction.service();
    // GIVEN a first bidder, numbered from the first bidder number
    auto first = service.createUser(UserChanges{.name = QStringLiteral("Albert")});
    ASSERT_OK(first);
    EXPECT_EQ(first->number, 100);
    // WHEN a bidder asks for 105 with contact fields
    auto chen = service.createUser(UserChanges{.name = QStringLiteral("Chen Wei"),
                                               .number = 105,
                                               .phone = QStringLiteral(" +1 (555) 010-2030 "),
                                               .email = QStringLiteral("chen@example.org")});
    ASSERT_OK(chen);
    EXPECT_EQ(chen->number, 105);
    EXPECT_EQ(chen->phone, u"+1 (555) 010-2030");
    EXPECT_EQ(service.userByNumber(105)->value().id, chen->id);
    EXPECT_FALSE(service.userByNumber(104)->has_value());
    EXPECT_EQ(service.findBidders(QStringLiteral("105"), 5)->first().id, chen->id);
    // THEN 105 again is refused, naming who holds it; nothing is added
    auto taken = service.createUser(UserChanges{.name = QStringLiteral("Dana"), .number = 105});
    ASSERT_FALSE(taken.has_value());
    EXPECT_EQ(taken.error().code, Error::Code::Conflict);
    EXPECT_EQ(taken.error().message,
              QStringLiteral("Bidder number 105 is already Chen Wei (user%1)").arg(chen->id));
    EXPECT_EQ(service.users()->total, 2);
    EXPECT_EQ(service.updateUser(first->id, {.number = 105}).error().code, Error::Code::Conflict);
    // AND bad fields name the field
    const auto field = [&](UserChanges changes) {
        auto result = service.updateUser(first->id, changes);
        return result ? QString() : result.error().field;
    };
    EXPECT_EQ(field({.number = 0}), u"number");
    EXPECT_EQ(field({.number = MaxBidderNumber + 1}), u"number");
    EXPECT_EQ(field({.phone = QStringLiteral("call me")}), u"phone");
    EXPECT_EQ(field({.phone = QString(41, u'1')}), u"phone");
    EXPECT_EQ(field({.phone = QStringLiteral("555\n0100")}), u"phone");
    EXPECT_EQ(field({.email = QStringLiteral("chen at example")}), u"email");
    EXPECT_EQ(field({.email = QStringLiteral("a b@example.org")}), u"email");
    EXPECT_EQ(field({.email = QStringLiteral("@example.org")}), u"email");
    EXPECT_EQ(field({.name = QStringLiteral(" ")}), u"name");
    // AND an edit keeps what it does not name; an own number may be kept
    auto edited = service.updateUser(chen->id, {.number = 105, .taxExempt = true});
    ASSERT_OK(edited);
    EXPECT_TRUE(edited->taxExempt);
    EXPECT_EQ(edited->email, u"chen@example.org");
    EXPECT_EQ(service.user(chen->id)->taxExempt, true);
}

TEST(Bidders, AreCheckedInAndNotDeletedWhileMoneyIsOnRecord)
{
    TestAuction auction;
    auto& service = auction.service();
    const qint64 user = auction.addUser();
    EXPECT_TRUE(service.user(user)->checkedInAt.isEmpty());
    auto checked = service.checkIn(user);
    ASSERT_OK(checked);
    EXPECT_TRUE(checked->checkedInAt.endsWith(u'Z'));
    EXPECT_EQ(service.user(user)->checkedInAt, checked->checkedInAt);
    EXPECT_EQ(service.checkIn(404).error().code, Error::Code::NotFound);
    ASSERT_OK(service.addDonation(user, cents(100), {}));
    auto refused = service.deleteUser(user);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, Error::Code::Conflict);
    EXPECT_TRUE(refused.error().message.contains(u"1 donation"))
        << refused.error().message.toStdString();
    EXPECT_TRUE(service.user(user).has_value());
}

TEST(Bidders, ImportWithNumbersKeepsFileOrderAndRefusesATakenNumber)
{
    TestAuction auction;
    auto& service = auction.service();
    QList<qint64> ids;
    auto imported = service.importUsers(
        QList<UserChanges>{{.name = QStringLiteral("A")},
                           {.name = QStringLiteral("B"), .number = 100},
                           {.name = QStringLiteral("C"), .email = QStringLiteral("c@example.org")}},
        &ids);
    ASSERT_OK(imported);
    ASSERT_EQ(ids.size(), 3);
    EXPECT_EQ(service.user(ids[0])->number, 101); // 100 is asked for by a later row
    EXPECT_EQ(service.user(ids[1])->number, 100);
    EXPECT_EQ(service.user(ids[2])->number, 102);
    EXPECT_LT(ids[0], ids[1]);
    auto again = service.importUsers(QList<UserChanges>{
        {.name = QStringLiteral("D")}, {.name = QStringLiteral("E"), .number = 100}});
    ASSERT_FALSE(again.has_value());
    EXPECT_EQ(again.error().code, Error::Code::Conflict);
    EXPECT_EQ(service.users()->total, 3);
}

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
