// The window's printing: the chooser, and the printer path the preview uses.
#include "pdfprobe.h"
#include "print/documentkind.h"
#include "support/testauction.h"
#include "ui/printactions.h"
#include "ui/printchooser.h"

#include <QLabel>
#include <QLineEdit>
#include <QPrinter>
#include <QRadioButton>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace BidTracker;

TEST(PrintWindow, TheSelectedLotsBidSheetsGoToThePrinterThroughTheSameLayout)
{
    // GIVEN three lots, two of them selected in the window
    Testing::TestAuction auction;
    for (const QString& name :
         {QStringLiteral("Vase"), QStringLiteral("Quilt"), QStringLiteral("Clock")})
        auction.addItem(name);
    QWidget window;
    Gui::PrintActions actions(
        auction.service(),
        [] {
            return QList<qint64>{3, 1};
        },
        [] { return QList<qint64>{}; }, &window);

    // WHEN they are printed on a (PDF) printer, as the preview does
    QTemporaryDir dir;
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(dir.filePath(QStringLiteral("printer.pdf")));
    QString error;
    ASSERT_TRUE(actions.printTo(printer, Print::DocumentKind::BidSheets, {{3, 1}, {}},
                                Print::Paper::Letter, &error))
        << qPrintable(error);

    // THEN the printer got the two sheets, on Letter, QR codes and all
    const Testing::PdfProbe pdf(dir.filePath(QStringLiteral("printer.pdf")));
    EXPECT_EQ(pdf.pageCount(), 2);
    EXPECT_EQ(pdf.pageSize(), QSizeF(612, 792));
    EXPECT_TRUE(pdf.text(1).contains(u"Clock"));
    EXPECT_TRUE(pdf.text(2).contains(u"Vase"));
    EXPECT_EQ(pdf.qrCodes(1), QStringList{QStringLiteral("item3")});
}

TEST(PrintWindow, TheCheckoutReceiptOfAPaidBidderSaysPaid)
{
    // GIVEN a bidder who won a lot and paid for it (what the Checkout tab's Print receipt asks
    // the window for)
    Testing::TestAuction auction;
    const qint64 lot = auction.addItem(QStringLiteral("Lake cabin weekend"));
    const qint64 bidder = auction.addUser(QStringLiteral("Chen Wei"));
    auction.bid(lot, bidder, 10000);
    ASSERT_TRUE(auction.service().updateItem(lot, {.status = Model::ItemStatus::Closed}));
    ASSERT_TRUE(auction.service().addPayment(bidder, Model::Money::fromCents(10000),
                                             Model::PaymentMethod::Card, QStringLiteral("r-1")));
    QWidget window;
    Gui::PrintActions actions(
        auction.service(), [] { return QList<qint64>{}; }, [] { return QList<qint64>{}; }, &window);
    // WHEN it is printed on a (PDF) printer, as the preview does
    QTemporaryDir dir;
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(dir.filePath(QStringLiteral("receipt.pdf")));
    QString error;
    ASSERT_TRUE(actions.printTo(printer, Print::DocumentKind::Invoices, {{}, {bidder}},
                                Print::Paper::Letter, &error))
        << qPrintable(error);
    // THEN one page: the bidder, the lot, the card payment and PAID
    const Testing::PdfProbe pdf(dir.filePath(QStringLiteral("receipt.pdf")));
    EXPECT_EQ(pdf.pageCount(), 1);
    for (const char* text : {"Chen Wei", "Lake cabin weekend", "100.00", "PAID"})
        EXPECT_TRUE(pdf.text(1).contains(QString::fromUtf8(text))) << text;
}

TEST(PrintWindow, AnUnknownLotIsAnErrorForThePrinter)
{
    Testing::TestAuction auction;
    QWidget window;
    Gui::PrintActions actions(
        auction.service(), [] { return QList<qint64>{}; }, [] { return QList<qint64>{}; }, &window);
    QPrinter printer;
    QString error;
    EXPECT_FALSE(
        actions.printTo(printer, Print::DocumentKind::Labels, {{5}, {}}, Print::Paper::A4, &error));
    EXPECT_TRUE(error.contains(u"item5")) << qPrintable(error);
}

TEST(PrintChooser, OffersTheSelectionAndReadsTypedIds)
{
    // GIVEN two lots selected in the window
    Gui::PrintChooser chooser({4, 2}, {});

    // WHEN the operator keeps the selection
    chooser.accept();

    // THEN those lots are chosen
    EXPECT_EQ(chooser.result(), QDialog::Accepted);
    EXPECT_EQ(chooser.selection().lotIds, (QList<qint64>{4, 2}));

    // AND for bidder cards, typed ids are read like the command line's
    Gui::PrintChooser cards({4, 2}, {});
    cards.setKind(Print::DocumentKind::BidderCards);
    cards.idsField()->setText(QStringLiteral("user3, 5-6"));
    cards.typedIdsButton()->setChecked(true);
    cards.accept();
    EXPECT_EQ(cards.result(), QDialog::Accepted);
    EXPECT_EQ(cards.selection().bidderIds, (QList<qint64>{3, 5, 6}));
    EXPECT_TRUE(cards.selection().lotIds.isEmpty());
}

TEST(PrintChooser, ABadIdStaysInTheDialogWithTheReason)
{
    Gui::PrintChooser chooser({}, {});
    chooser.idsField()->setText(QStringLiteral("3, lamp"));
    chooser.typedIdsButton()->setChecked(true);
    chooser.accept();
    EXPECT_NE(chooser.result(), QDialog::Accepted);
    const auto labels = chooser.findChildren<QLabel*>();
    const bool said = std::any_of(labels.begin(), labels.end(), [](const QLabel* label) {
        return label->text().contains(u"lamp");
    });
    EXPECT_TRUE(said);
}
