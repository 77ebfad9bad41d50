// Issue 26.13: a long auction name is read whole on every paper (smaller, or on two lines),
// and the receipt's deductible footnote is never cut.
#include "pdfprobe.h"
#include "print/document.h"
#include "print/documentkind.h"
#include "print/pdffile.h"
#include "support/testauction.h"

#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace BidTracker;

namespace {

/// 60 characters, as a charity names its night.
const QString LongName =
    QStringLiteral("Riverside Elementary Spring Gala & Silent Auction for Music");

/// A night under the long name: Berry won a lot with a fair market value, paid in full.
struct LongNight
{
    Testing::TestAuction auction;
    qint64 berry = 0;

    LongNight()
    {
        auto settings = auction.service().settings();
        settings->name = LongName;
        EXPECT_TRUE(auction.service().updateSettings(*settings).has_value());
        berry = auction.addUser(QStringLiteral("Berry"));
        const auto lot = auction.service().createItem(
            {.name = QStringLiteral("Weekend cabin"),
             .fairMarketValue = std::optional(Model::Money::fromCents(6000))});
        auction.bid(lot->id, berry, 10000);
        EXPECT_TRUE(auction.service()
                        .updateItem(lot->id, {.status = Model::ItemStatus::Closed})
                        .has_value());
        EXPECT_TRUE(auction.service()
                        .addPayment(berry, Model::Money::fromCents(10000),
                                    Model::PaymentMethod::Card, QStringLiteral("r-1"))
                        .has_value());
    }
};

/// The document as PDF text, its words joined by single spaces (lines wrap where they may).
QString printed(Print::DocumentKind kind, const Print::Selection& selection,
                Model::AuctionService& service, Print::Paper paper, const QString& keepAs = {})
{
    QTemporaryDir dir;
    auto document = Print::makeDocument(kind, paper, selection, service);
    EXPECT_TRUE(document.has_value()) << qPrintable(document.error().message);
    if (!document)
        return {};
    const QString path = dir.filePath(QStringLiteral("out.pdf"));
    EXPECT_TRUE(Print::writePdf(**document, path).has_value());
    // Kept for docs/screenshots when BIDTRACKER_SCREENSHOTS names the folder.
    if (const QString folder = qEnvironmentVariable("BIDTRACKER_SCREENSHOTS");
        !folder.isEmpty() && !keepAs.isEmpty()) {
        QFile::remove(folder + u'/' + keepAs);
        QFile::copy(path, folder + u'/' + keepAs);
    }
    return Testing::PdfProbe(path).text().simplified();
}

} // namespace

TEST(LongNames, TheAuctionsNameIsWholeOnCardsReceiptsTheReportAndSheets)
{
    LongNight night;
    for (const auto paper : {Print::Paper::Letter, Print::Paper::A4}) {
        const QString cards =
            printed(Print::DocumentKind::BidderCards, {}, night.auction.service(), paper,
                    paper == Print::Paper::Letter ? QStringLiteral("bidder-card-long-name.pdf")
                                                  : QString());
        EXPECT_TRUE(cards.contains(LongName.toUpper())) << qPrintable(cards);
        const QString receipt = printed(Print::DocumentKind::Invoices, {{}, {night.berry}},
                                        night.auction.service(), paper);
        EXPECT_TRUE(receipt.contains(LongName)) << qPrintable(receipt);
        EXPECT_TRUE(receipt.contains(QStringLiteral("Thank you for supporting %1.").arg(LongName)))
            << qPrintable(receipt);
        // The heading at the right shares the name's first line in the text poppler reads.
        const QString report =
            printed(Print::DocumentKind::Report, {}, night.auction.service(), paper)
                .remove(QStringLiteral("END-OF-NIGHT REPORT "));
        EXPECT_TRUE(report.contains(LongName)) << qPrintable(report);
        EXPECT_FALSE(report.contains(u'…'));
        const QString sheets =
            printed(Print::DocumentKind::BidSheets, {}, night.auction.service(), paper);
        EXPECT_TRUE(sheets.contains(LongName.toUpper())) << qPrintable(sheets);
    }
}

TEST(LongNames, TheDeductibleFootnoteIsNeverCut)
{
    LongNight night;
    for (const auto paper : {Print::Paper::Letter, Print::Paper::A4}) {
        const QString receipt = printed(Print::DocumentKind::Invoices, {{}, {night.berry}},
                                        night.auction.service(), paper);
        EXPECT_TRUE(receipt.contains(QStringLiteral(
            "* The part of the price paid (hammer and premium) above the lot's fair market value "
            "may be tax-deductible; ask your tax adviser.")))
            << qPrintable(receipt);
    }
}

TEST(LongNames, AccentsStackedOnALotsNameStayInsideTheBidSheetsHeading)
{
    // GIVEN a lot whose name ends in a letter carrying 150 combining accents (issue 21.17),
    // under a one-letter auction name so the heading's band is empty where the accents rise
    Testing::TestAuction auction;
    auto settings = auction.service().settings();
    settings->name = QStringLiteral("A");
    ASSERT_TRUE(auction.service().updateSettings(*settings).has_value());
    const QString name = QStringLiteral("Vase with painted flowers e") +
                         QString(150, QChar(0x0301)) + QStringLiteral(" and gilt");
    const auto lot = auction.service().createItem({.name = name});
    ASSERT_TRUE(lot.has_value());

    // WHEN its bid sheet is printed and rendered at 72 dpi (a pixel a point)
    QTemporaryDir dir;
    auto document = Print::makeDocument(Print::DocumentKind::BidSheets, Print::Paper::Letter,
                                        {{lot->id}, {}}, auction.service());
    ASSERT_TRUE(document.has_value());
    const QString pdf = dir.filePath(QStringLiteral("sheet.pdf"));
    ASSERT_TRUE(Print::writePdf(**document, pdf).has_value());
    const QString png = dir.filePath(QStringLiteral("sheet.png"));
    Testing::PdfProbe(pdf).renderPng(1, png, 72);
    QImage page(png);
    ASSERT_FALSE(page.isNull());

    // THEN nothing is drawn above the name's line, right of "Lot N" and left of the QR code
    // (the margin is 40 points, the name's line starts 42 points below it)
    const QRect above(40 + 60, 0, 612 - 2 * 40 - 104 - 20 - 60, 40 + 42 - 2);
    int inked = 0;
    for (int y = above.top(); y <= above.bottom(); ++y) {
        for (int x = above.left(); x <= above.right(); ++x) {
            if (qGray(page.pixel(x, y)) < 160)
                ++inked;
        }
    }
    EXPECT_EQ(inked, 0) << "dark pixels above the lot's name";
    // AND the name is still printed
    EXPECT_TRUE(Testing::PdfProbe(pdf).text(1).simplified().contains(u"Vase with painted"))
        << Testing::PdfProbe(pdf).text(1).left(300).toStdString();
}
