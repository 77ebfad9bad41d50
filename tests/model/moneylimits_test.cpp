// Issue 21.6 and the invoices.csv half of 21.5: sums never overflow and stay exact at the
// limits (RULES.md 4), and the CSV formula guard is for text, never for numbers.
#include "model/csv/checkoutcsv.h"
#include "model/rules/invoicemath.h"
#include "support/testauction.h"

#include <QBuffer>

using namespace BidTracker::Model;
using BidTracker::Testing::TestAuction;

namespace {

constexpr qint64 Lots = 4'700; // past the 4,612 at which hammer + premium times 100 % overflowed
constexpr Rules::BasisPoints Percent100 = 10'000;

QByteArray invoicesCsv(AuctionService& service)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const auto rows = exportCheckoutCsv(service, CheckoutCsv::Invoices, buffer);
    EXPECT_TRUE(rows.has_value()) << rows.error().message.toStdString();
    return buffer.data();
}

} // namespace

TEST(MoneyLimits, PercentOfIsExactWithA128BitProduct)
{
    // Rounded half up as RULES.md 4 says ...
    EXPECT_EQ(Rules::percentOf(15'075, 1'000), 1'508); // 1,507.5 -> 1,508
    EXPECT_EQ(Rules::percentOf(125, 1'000), 13);       // 12.5 -> 13
    EXPECT_EQ(Rules::percentOf(1, 4'999), 0);          // 0.4999 -> 0
    // ... and exact where cents x basis points passes 2^63
    EXPECT_EQ(Rules::percentOf(Lots * 2 * Money::MaxCents, Percent100), Lots * 2 * Money::MaxCents);
    EXPECT_EQ(Rules::percentOf(4'611'686'018'427'387'903, 5'000), 2'305'843'009'213'693'952);
}

TEST(MoneyLimits, AnInvoiceOf4700LotsAtTheLargestAmountIsExact)
{
    // GIVEN 4,700 lots at 1,000,000,000.00 (the largest amount taken), 100 % premium and tax
    const Rules::InvoiceInput input{
        QList<qint64>(Lots, Money::MaxCents), {}, {}, Percent100, Percent100, false};
    // WHEN the invoice is summed THEN every figure is exact (the tax went negative before)
    const Rules::InvoiceSums sums = Rules::invoiceSums(input);
    EXPECT_EQ(sums.hammer, 470'000'000'000'000);
    EXPECT_EQ(sums.premium, 470'000'000'000'000);
    EXPECT_EQ(sums.tax, 940'000'000'000'000);
    EXPECT_EQ(sums.total, 1'880'000'000'000'000); // 18,800,000,000,000.00
    EXPECT_EQ(sums.balance, sums.total);
    EXPECT_EQ(Rules::invoiceStatusName(sums.status), QStringLiteral("unpaid"));
}

TEST(MoneyLimits, TheLargestAmountIsTakenAndOneCentMoreIsRefusedClearly)
{
    EXPECT_EQ(Money::parse(u"1000000000.00")->cents(), Money::MaxCents);
    const auto above = Money::parse(u"1000000000.01");
    ASSERT_FALSE(above.has_value());
    EXPECT_TRUE(above.error().contains(u"1000000000.00")) << above.error().toStdString();
}

TEST(MoneyLimits, AWholeAuctionAtTheLimitsSumsExactlyEverywhere)
{
    // GIVEN one bidder winning 4,700 lots at 1,000,000,000.00, 100 % premium and tax
    TestAuction auction;
    auto& service = auction.service();
    auto settings = service.settings();
    ASSERT_TRUE(settings);
    settings->buyersPremium = Percent100;
    settings->taxRate = Percent100;
    ASSERT_TRUE(service.updateSettings(*settings));
    const qint64 bidder = auction.addUser();
    QList<ItemChanges> lots(Lots, ItemChanges{.name = QStringLiteral("Gold bar")});
    QList<qint64> ids;
    ASSERT_TRUE(service.importItems(lots, &ids));
    QList<BidRequest> bids;
    for (const qint64 id : ids)
        bids.append({id, bidder, Money::fromCents(Money::MaxCents), std::nullopt});
    for (const auto& placed : service.placeBids(bids))
        ASSERT_TRUE(placed.has_value()) << placed.error().message.toStdString();
    ASSERT_TRUE(service.closeAll());

    // WHEN the invoice, the summary and invoices.csv are read
    const auto invoice = service.invoice(bidder);
    ASSERT_TRUE(invoice) << invoice.error().message.toStdString();
    const auto summary = service.summary();
    ASSERT_TRUE(summary) << summary.error().message.toStdString();

    // THEN each says 18,800,000,000,000.00 to the cent
    EXPECT_EQ(invoice->sums.tax, 940'000'000'000'000);
    EXPECT_EQ(invoice->sums.total, 1'880'000'000'000'000);
    EXPECT_EQ(summary->tax, 940'000'000'000'000);
    EXPECT_EQ(summary->invoiced, 1'880'000'000'000'000);
    EXPECT_EQ(summary->outstanding, 1'880'000'000'000'000);
    EXPECT_TRUE(
        invoicesCsv(service).contains(",4700000000000.00,4700000000000.00,9400000000000.00,0.00,"
                                      "18800000000000.00,0.00,18800000000000.00,unpaid"));
}

TEST(InvoicesCsv, ACreditBalanceIsANumberNotGuardedText)
{
    // GIVEN a bidder who paid 50.00 for two lots, one of them reopened since: a credit
    TestAuction auction;
    auto& service = auction.service();
    const qint64 bidder = auction.addUser(QStringLiteral("=Mallory"));
    const qint64 first = auction.addItem();
    const qint64 second = auction.addItem();
    auction.bid(first, bidder, 3000);
    auction.bid(second, bidder, 2000);
    ASSERT_TRUE(service.closeAll());
    ASSERT_TRUE(service.addPayment(bidder, Money::fromCents(5000), PaymentMethod::Cash, {}));
    ASSERT_TRUE(service.updateItem(second, {.status = ItemStatus::Open}));
    // WHEN invoices.csv is written
    const QByteArray csv = invoicesCsv(service);
    // THEN the balance is the number -20.00, while the name that looks like a formula is
    // still guarded
    EXPECT_TRUE(csv.contains(",'=Mallory,30.00,0.00,0.00,0.00,30.00,50.00,-20.00,credit\r\n"))
        << csv.toStdString();
    EXPECT_FALSE(csv.contains("'-20.00"));
}
