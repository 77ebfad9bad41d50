// Invoices, receipts and the end-of-night report, rendered to PDF and read back. The sums
// come from the model's rules (Rules::invoiceSums), as the service's invoices do.
#include "model/rules/deductible.h"
#include "pdfprobe.h"
#include "print/invoices.h"
#include "print/pdffile.h"
#include "print/report.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace BidTracker;
using Model::Money;

namespace {

struct LotWon
{
    QString name;
    qint64 hammerCents;
    std::optional<qint64> valueCents = std::nullopt;
};

Model::Invoice invoiceOf(qint64 number, const QString& name, const QList<LotWon>& lots,
                         QList<Model::Payment> payments = {}, QList<qint64> donations = {})
{
    Model::Invoice invoice;
    invoice.bidder.id = number - 99;
    invoice.bidder.number = number;
    invoice.bidder.name = name;
    Model::Rules::InvoiceInput input;
    input.buyersPremium = 1500; // 15 %
    input.taxRate = 500;        // 5 %
    for (const LotWon& lot : lots)
        input.hammerCents.append(lot.hammerCents);
    for (const qint64 cents : donations) {
        input.donationCents.append(cents);
        invoice.donations.append(Model::Donation{
            0, invoice.bidder.id, Money::fromCents(cents), QStringLiteral("Fund-a-need"), {}});
    }
    for (const Model::Payment& payment : payments)
        input.payments.append({payment.amount.cents(), payment.voided()});
    invoice.payments = payments;
    invoice.sums = Model::Rules::invoiceSums(input);
    for (qsizetype i = 0; i < lots.size(); ++i) {
        Model::Invoice::Line line;
        line.itemId = i + 1;
        line.name = lots[i].name;
        line.hammer = Money::fromCents(lots[i].hammerCents);
        line.premium = Money::fromCents(invoice.sums.premiumCents[i]);
        if (lots[i].valueCents)
            line.fairMarketValue = Money::fromCents(*lots[i].valueCents);
        invoice.lines.append(line);
    }
    return invoice;
}

Model::Payment payment(qint64 cents, Model::PaymentMethod method, const QString& voidReason = {})
{
    Model::Payment paid;
    paid.amount = Money::fromCents(cents);
    paid.method = method;
    paid.reference = QStringLiteral("ref-%1").arg(cents);
    paid.paidAt = QStringLiteral("2026-12-05T21:03:00.000Z");
    if (!voidReason.isEmpty()) {
        paid.voidedAt = QStringLiteral("2026-12-05T21:04:00.000Z");
        paid.voidReason = voidReason;
    }
    return paid;
}

QString pdfOf(const Print::Document& document, const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("out.pdf"));
    const auto pages = Print::writePdf(document, path);
    EXPECT_TRUE(pages.has_value()) << qPrintable(pages.error());
    const QString folder = qEnvironmentVariable("BIDTRACKER_SCREENSHOTS");
    if (!folder.isEmpty()) {
        const QString kept =
            folder + u'/' + document.title().section(u':', 1).trimmed() + QStringLiteral(".pdf");
        QFile::remove(kept);
        QFile::copy(path, kept);
    }
    return path;
}

} // namespace

TEST(Invoices, TheSumsOnPaperAreTheModels)
{
    // GIVEN the worked example of RULES.md 4: one lot at 100.00, premium 15 %, tax 5 %
    const Model::Invoice invoice =
        invoiceOf(104, QStringLiteral("Berry"), {{QStringLiteral("Blue vase"), 10000}});
    ASSERT_EQ(invoice.sums.total, 12075);
    QTemporaryDir dir;

    // WHEN it is printed
    const Print::Invoices invoices(Print::Paper::Letter, QStringLiteral("Gala"), {invoice});
    const Testing::PdfProbe pdf(pdfOf(invoices, dir));

    // THEN the paper shows the model's figures, and it is an invoice, not a receipt
    const QString text = pdf.text();
    EXPECT_EQ(pdf.pageCount(), 1);
    EXPECT_TRUE(text.contains(u"Bidder 104 · Berry")) << qPrintable(text);
    EXPECT_TRUE(text.contains(u"Blue vase"));
    EXPECT_TRUE(text.contains(QRegularExpression(QStringLiteral("Buyer's premium\\s+15.00"))));
    EXPECT_TRUE(text.contains(QRegularExpression(QStringLiteral("Tax\\s+5.75"))));
    EXPECT_TRUE(text.contains(QRegularExpression(QStringLiteral("Total\\s+120.75"))));
    EXPECT_TRUE(text.contains(QRegularExpression(QStringLiteral("Balance due\\s+120.75"))));
    EXPECT_TRUE(text.contains(u"INVOICE"));
    EXPECT_FALSE(text.contains(u"PAID"));
    EXPECT_FALSE(text.contains(u"deductible")) << "no lot has a fair market value";
}

TEST(Invoices, ASettledOneIsAReceiptStampedPaidWithItsPayments)
{
    const Model::Invoice invoice = invoiceOf(
        101, QStringLiteral("Constance"), {{QStringLiteral("Quilt"), 10000}},
        {payment(5000, Model::PaymentMethod::Card, QStringLiteral("wrong card")),
         payment(2075, Model::PaymentMethod::Cash), payment(10000, Model::PaymentMethod::Check)});
    ASSERT_EQ(invoice.sums.status, Model::Rules::InvoiceStatus::Paid);
    QTemporaryDir dir;
    const Testing::PdfProbe pdf(
        pdfOf(Print::Invoices(Print::Paper::A4, QStringLiteral("Gala"), {invoice}), dir));
    const QString text = pdf.text();
    EXPECT_TRUE(text.contains(u"RECEIPT")) << qPrintable(text);
    EXPECT_TRUE(text.contains(u"PAID"));
    EXPECT_TRUE(text.contains(u"void: wrong card"));
    EXPECT_TRUE(text.contains(u"Cash") && text.contains(u"Check") && text.contains(u"Card"));
    EXPECT_TRUE(text.contains(QRegularExpression(QStringLiteral("Paid\\s+120.75"))));
    EXPECT_TRUE(text.contains(QRegularExpression(QStringLiteral("Balance due\\s+0.00"))));
}

TEST(Invoices, ShowWhatMayBeTaxDeductibleAboveTheFairMarketValue)
{
    // 500.00 hammer + 75.00 premium paid for a lot worth 300.00: 275.00 above its value
    const Model::Invoice invoice =
        invoiceOf(102, QStringLiteral("Dörte"),
                  {{QStringLiteral("Cabin weekend"), 50000, 30000}, {QStringLiteral("Pen"), 1000}},
                  {}, {25000});
    ASSERT_EQ(Model::Rules::deductibleCents(57500, 30000), 27500);
    QTemporaryDir dir;
    const QString text =
        Testing::PdfProbe(
            pdfOf(Print::Invoices(Print::Paper::Letter, QStringLiteral("Gala"), {invoice}), dir))
            .text();
    EXPECT_TRUE(
        text.contains(QRegularExpression(QStringLiteral("May be tax-deductible\\*\\s+275.00"))))
        << qPrintable(text);
    EXPECT_TRUE(text.contains(u"Fund-a-need"));
    EXPECT_TRUE(text.contains(QRegularExpression(QStringLiteral("Donations\\s+250.00"))));
}

TEST(Invoices, ABidderWithSixtyLotsRunsOverPagesAndEachBidderStartsANewOne)
{
    // GIVEN a bidder who won 60 lots, and another who won one
    QList<LotWon> lots;
    for (int i = 1; i <= 60; ++i)
        lots.append({QStringLiteral("Lot won number %1").arg(i), 1000 + i});
    const QList<Model::Invoice> invoices{
        invoiceOf(100, QStringLiteral("Albert"), lots),
        invoiceOf(105, QStringLiteral("王小明"), {{QStringLiteral("青花瓷"), 2000}})};
    QTemporaryDir dir;

    // WHEN both are printed
    const Print::Invoices document(Print::Paper::Letter, QStringLiteral("Gala"), invoices);
    const Testing::PdfProbe pdf(pdfOf(document, dir));

    // THEN the first runs over pages, every lot on one of them, and the second has its own
    const int pages = pdf.pageCount();
    ASSERT_GE(pages, 3);
    const int firstPages = pages - 1;
    EXPECT_TRUE(pdf.text(1).contains(QStringLiteral("Page 1 of %1").arg(firstPages)));
    EXPECT_TRUE(pdf.text(2).contains(u"ITEM")) << "the table's heading again on the next page";
    QString first;
    for (int page = 1; page <= firstPages; ++page)
        first += pdf.text(page);
    for (int i = 1; i <= 60; ++i)
        EXPECT_TRUE(first.contains(QStringLiteral("Lot won number %1 ").arg(i)) ||
                    first.contains(QStringLiteral("Lot won number %1\n").arg(i)))
            << i;
    EXPECT_TRUE(pdf.text(firstPages).contains(u"Total"));
    EXPECT_FALSE(pdf.text(1).contains(u"Balance due")) << "the sums come after the last lot";
    const QString last = pdf.text(pages);
    EXPECT_TRUE(last.contains(u"王小明") && last.contains(u"青花瓷")) << qPrintable(last);
    EXPECT_FALSE(last.contains(u"Albert"));
}

TEST(Report, TheFiguresTheListsAndTheBalancesOverPages)
{
    // GIVEN a night with 80 lots sold, 2 unsold, and one bidder owing
    Print::ReportData data;
    data.summary.lotsTotal = 83;
    data.summary.lotsSold = 80;
    data.summary.lotsUnsold = 2;
    data.summary.lotsOpen = 1;
    data.summary.hammer = 1234500;
    data.summary.paidCash = 20000;
    data.summary.paidCard = 30050;
    data.summary.paidTotal = 50050;
    data.summary.outstanding = 12075;
    data.summary.biddersWithBalance = 1;
    for (int i = 1; i <= 82; ++i) {
        Model::Item item;
        item.id = i;
        item.name = QStringLiteral("Report lot %1").arg(i);
        item.winnerNumber = 100 + i % 7;
        item.winningValue = Money::fromCents(10000 + i);
        (i <= 80 ? data.sold : data.unsold).append(item);
    }
    data.outstanding.append(
        invoiceOf(104, QStringLiteral("Berry"), {{QStringLiteral("Blue vase"), 10000}}));
    QTemporaryDir dir;

    // WHEN the report is printed
    const Testing::PdfProbe pdf(
        pdfOf(Print::Report(Print::Paper::Letter, QStringLiteral("Gala"), data), dir));

    // THEN the figures, every lot and the balance are there, over several pages
    EXPECT_GE(pdf.pageCount(), 2);
    const QString text = pdf.text();
    EXPECT_TRUE(text.contains(QRegularExpression(QStringLiteral("Hammer\\s+12,345.00"))))
        << qPrintable(text);
    EXPECT_TRUE(text.contains(QRegularExpression(QStringLiteral("Card\\s+300.50"))));
    EXPECT_TRUE(text.contains(QRegularExpression(QStringLiteral("Outstanding\\s+120.75"))));
    EXPECT_TRUE(text.contains(u"80 / 2 / 1"));
    for (int i = 1; i <= 82; ++i)
        EXPECT_TRUE(text.contains(QStringLiteral("Report lot %1 ").arg(i))) << i;
    EXPECT_TRUE(text.contains(u"Unsold lots (2)"));
    EXPECT_TRUE(text.contains(
        QRegularExpression(QStringLiteral("104\\s+Berry\\s+120.75\\s+0.00\\s+120.75"))));
}
