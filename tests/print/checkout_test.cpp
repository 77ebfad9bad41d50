// Invoices and the report from a real auction: the figures on paper are the service's.
#include "model/tables/tablesupport.h"
#include "pdfprobe.h"
#include "print/document.h"
#include "print/documentkind.h"
#include "print/pdffile.h"
#include "support/testauction.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace BidTracker;

namespace {

QString money(qint64 cents)
{
    return Model::displayMoney(Model::Money::fromCents(cents));
}

/// Premium 15 %, tax 5 %; Berry wins the vase at 100.00 and pays 20.00 in cash; Albert leads
/// the open clock; the quilt closes without bids.
struct Night
{
    Testing::TestAuction auction;
    qint64 albert = 0;
    qint64 berry = 0;

    Night()
    {
        auto settings = auction.service().settings();
        EXPECT_TRUE(settings.has_value());
        settings->name = QStringLiteral("Gala");
        settings->buyersPremium = 1500;
        settings->taxRate = 500;
        EXPECT_TRUE(auction.service().updateSettings(*settings).has_value());
        albert = auction.addUser(QStringLiteral("Albert"));
        berry = auction.addUser(QStringLiteral("Berry"));
        const qint64 vase = auction.addItem(QStringLiteral("Blue vase"), 5000, 100);
        const qint64 clock = auction.addItem(QStringLiteral("Clock"), 1000, 100);
        const qint64 quilt = auction.addItem(QStringLiteral("Quilt"), 1000, 100);
        auction.bid(vase, berry, 10000);
        auction.bid(clock, albert, 1500);
        Model::ItemChanges close;
        close.status = Model::ItemStatus::Closed;
        EXPECT_TRUE(auction.service().updateItem(vase, close).has_value());
        EXPECT_TRUE(auction.service().updateItem(quilt, close).has_value());
        EXPECT_TRUE(auction.service()
                        .addPayment(berry, Model::Money::fromCents(2000),
                                    Model::PaymentMethod::Cash, QStringLiteral("till 1"))
                        .has_value());
    }
};

QString printed(Print::DocumentKind kind, const Print::Selection& selection,
                Model::AuctionService& service, const QTemporaryDir& dir)
{
    auto document = Print::makeDocument(kind, Print::Paper::Letter, selection, service);
    EXPECT_TRUE(document.has_value()) << qPrintable(document.error().message);
    if (!document)
        return {};
    const QString path = dir.filePath(QStringLiteral("out.pdf"));
    EXPECT_TRUE(Print::writePdf(**document, path).has_value());
    return Testing::PdfProbe(path).text();
}

bool shows(const QString& text, const QString& label, qint64 cents)
{
    return text.contains(QRegularExpression(QRegularExpression::escape(label) +
                                            QStringLiteral("\\s+") +
                                            QRegularExpression::escape(money(cents))));
}

} // namespace

TEST(CheckoutPrints, AnInvoicesFiguresAreTheServicesInvoice)
{
    Night night;
    QTemporaryDir dir;
    const auto invoice = night.auction.service().invoice(night.berry);
    ASSERT_TRUE(invoice.has_value()) << qPrintable(invoice.error().message);
    ASSERT_EQ(invoice->sums.total, 12075) << "RULES.md 4's worked example";

    const QString text =
        printed(Print::DocumentKind::Invoices, {{}, {night.berry}}, night.auction.service(), dir);

    EXPECT_TRUE(text.contains(u"Blue vase")) << qPrintable(text);
    EXPECT_TRUE(shows(text, QStringLiteral("Buyer's premium"), invoice->sums.premium));
    EXPECT_TRUE(shows(text, QStringLiteral("Tax"), invoice->sums.tax));
    EXPECT_TRUE(shows(text, QStringLiteral("Total"), invoice->sums.total));
    EXPECT_TRUE(shows(text, QStringLiteral("Paid"), invoice->sums.paid));
    EXPECT_TRUE(shows(text, QStringLiteral("Balance due"), invoice->sums.balance));
    EXPECT_TRUE(text.contains(u"Cash") && text.contains(u"till 1"));
}

TEST(CheckoutPrints, AllInvoicesLeaveOutBiddersWithNothingOnThem)
{
    Night night;
    night.auction.addUser(QStringLiteral("Constance")); // registered, never bid
    QTemporaryDir dir;
    const QString text = printed(Print::DocumentKind::Invoices, {}, night.auction.service(), dir);
    EXPECT_TRUE(text.contains(u"Berry")) << qPrintable(text);
    EXPECT_TRUE(text.contains(u"Albert")) << "leads an open lot: listed apart";
    EXPECT_FALSE(text.contains(u"Constance"));
}

TEST(CheckoutPrints, TheReportsFiguresAreTheServicesSummary)
{
    Night night;
    QTemporaryDir dir;
    const auto summary = night.auction.service().summary();
    ASSERT_TRUE(summary.has_value()) << qPrintable(summary.error().message);

    const QString text = printed(Print::DocumentKind::Report, {}, night.auction.service(), dir);

    EXPECT_TRUE(shows(text, QStringLiteral("Hammer"), summary->hammer)) << qPrintable(text);
    EXPECT_TRUE(shows(text, QStringLiteral("Total invoiced"), summary->invoiced));
    EXPECT_TRUE(shows(text, QStringLiteral("Cash"), summary->paidCash));
    EXPECT_TRUE(shows(text, QStringLiteral("Outstanding"), summary->outstanding));
    // pdftotext may close up the spaces around the slashes
    EXPECT_TRUE(QString(text).remove(u' ').contains(QStringLiteral("%1/%2/%3")
                                                        .arg(summary->lotsSold)
                                                        .arg(summary->lotsUnsold)
                                                        .arg(summary->lotsOpen)))
        << qPrintable(text);
    EXPECT_TRUE(text.contains(u"Sold lots (1)") && text.contains(u"Blue vase"));
    EXPECT_TRUE(text.contains(u"Unsold lots (1)") && text.contains(u"Quilt"));
    EXPECT_TRUE(text.contains(u"Outstanding balances (1)") && text.contains(u"Berry"));
}
