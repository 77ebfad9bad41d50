// The window's printing: the chooser, and the printer path the preview uses.
#include "pdfprobe.h"
#include "print/documentkind.h"
#include "support/testauction.h"
#include "ui/printactions.h"
#include "ui/printchooser.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPrinter>
#include <QRadioButton>
#include <QSettings>
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

namespace {

/// A chooser on a real auction: bidders typed are read by the service, as in the window.
Gui::PrintChooser::BidderList biddersOf(Testing::TestAuction& auction)
{
    return [&auction](const QString& typed) { return auction.service().biddersByPaddles(typed); };
}

/// Its own settings folder, so that the remembered choices start empty.
struct FreshSettings
{
    QTemporaryDir dir;
    FreshSettings()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
    }
};

} // namespace

TEST(PrintChooser, OffersTheSelectionAndReadsTypedPaddlesAndLots)
{
    // GIVEN two lots selected in the window, and bidders with paddles 101-110
    FreshSettings fresh;
    Testing::TestAuction auction;
    QList<qint64> ids;
    for (int number = 101; number <= 110; ++number)
        ids.append(
            auction.service()
                .createUser({.name = QStringLiteral("Bidder %1").arg(number), .number = number})
                ->id);
    Gui::PrintChooser chooser({4, 2}, {}, biddersOf(auction));

    // WHEN the operator keeps the selection
    chooser.accept();

    // THEN those lots are chosen
    EXPECT_EQ(chooser.result(), QDialog::Accepted);
    EXPECT_EQ(chooser.selection().lotIds, (QList<qint64>{4, 2}));

    // AND for bidder cards, paddle numbers and ranges are read, never ids' digits
    Gui::PrintChooser cards({4, 2}, {}, biddersOf(auction));
    cards.setKind(Print::DocumentKind::BidderCards);
    cards.idsField()->setText(QStringLiteral("108, 101-103, user5"));
    cards.typedIdsButton()->setChecked(true);
    cards.accept();
    EXPECT_EQ(cards.result(), QDialog::Accepted);
    EXPECT_EQ(cards.selection().bidderIds, (QList<qint64>{ids[7], ids[0], ids[1], ids[2], 5}));
    EXPECT_TRUE(cards.selection().lotIds.isEmpty());

    // AND lot numbers and ranges for lots
    Gui::PrintChooser sheets({}, {}, biddersOf(auction));
    sheets.setKind(Print::DocumentKind::BidSheets);
    sheets.idsField()->setText(QStringLiteral("3, 5-7"));
    sheets.typedIdsButton()->setChecked(true);
    sheets.accept();
    EXPECT_EQ(sheets.selection().lotIds, (QList<qint64>{3, 5, 6, 7}));
}

TEST(PrintChooser, AnUnknownPaddleOrABadEntryStaysInTheDialogWithTheReason)
{
    FreshSettings fresh;
    Testing::TestAuction auction;
    Gui::PrintChooser chooser({}, {}, biddersOf(auction));
    chooser.idsField()->setText(QStringLiteral("3, lamp"));
    chooser.typedIdsButton()->setChecked(true);
    chooser.accept();
    EXPECT_NE(chooser.result(), QDialog::Accepted);
    const auto said = [](const QDialog& dialog, const QString& text) {
        const auto labels = dialog.findChildren<QLabel*>();
        return std::any_of(labels.begin(), labels.end(),
                           [&](const QLabel* label) { return label->text().contains(text); });
    };
    EXPECT_TRUE(said(chooser, QStringLiteral("lamp")));
    Gui::PrintChooser cards({}, {}, biddersOf(auction));
    cards.setKind(Print::DocumentKind::BidderCards);
    cards.idsField()->setText(QStringLiteral("199"));
    cards.typedIdsButton()->setChecked(true);
    cards.accept();
    EXPECT_NE(cards.result(), QDialog::Accepted);
    EXPECT_TRUE(said(cards, QStringLiteral("No paddle 199")));
}

TEST(PrintChooser, RemembersTheLastChoicesAndStartsOnTheLocalesPaper)
{
    // GIVEN no choices yet, in the United States
    FreshSettings fresh;
    Testing::TestAuction auction;
    auction.service().createUser({.name = QStringLiteral("Ann"), .number = 101});
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    {
        Gui::PrintChooser first({}, {}, biddersOf(auction));
        EXPECT_EQ(first.paper(), Print::Paper::Letter);
        // WHEN the operator prints bidder cards for 101 on A4
        first.setKind(Print::DocumentKind::BidderCards);
        first.findChildren<QComboBox*>().at(1)->setCurrentIndex(1);
        ASSERT_EQ(first.paper(), Print::Paper::A4);
        first.idsField()->setText(QStringLiteral("101"));
        first.typedIdsButton()->setChecked(true);
        first.accept();
        ASSERT_EQ(first.result(), QDialog::Accepted);
    }
    // THEN the next chooser comes back with the same choices
    Gui::PrintChooser again({}, {}, biddersOf(auction));
    EXPECT_EQ(again.kind(), Print::DocumentKind::BidderCards);
    EXPECT_EQ(again.paper(), Print::Paper::A4);
    EXPECT_EQ(again.idsField()->text(), QStringLiteral("101"));
    EXPECT_TRUE(again.typedIdsButton()->isChecked());
    // AND in Germany, with nothing remembered, the paper is A4
    FreshSettings other;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    EXPECT_EQ(Gui::PrintChooser({}, {}, biddersOf(auction)).paper(), Print::Paper::A4);
    QLocale::setDefault(before);
}
