// Issue 26: in every field that asks for a bidder a number is a paddle, a lot number is that
// lot; Ctrl+Z in the quick bid bar undoes the bid; the buy-now question; a steady layout;
// paddles next to names.
#include "modaldriver.h"
#include "model/tables/itemstablemodel.h"
#include "ui/checkoutpage.h"
#include "ui/csvtransfer.h"
#include "ui/placebiddialog.h"
#include "ui/quickbidbar.h"
#include "windowfixture.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace BidTracker;
using namespace BidTracker::Testing;

namespace {

void type(QLineEdit* field, const QString& text, Qt::Key key)
{
    QTest::keyClicks(field, text);
    QTest::keyClick(field, key);
}

/// Paddle 107 (John Smith), and bidders whose phones hold 199 and 101, and user ids up to 12.
struct PaddleNight
{
    WindowFixture f;
    qint64 smith = 0;
    qint64 phone199 = 0;

    PaddleNight()
    {
        auto& service = f.auction.service();
        const auto add = [&](const QString& name, qint64 number, const QString& phone) {
            return service.createUser({.name = name, .number = number, .phone = phone})->id;
        };
        smith = add(QStringLiteral("John Smith"), 107, {});
        phone199 = add(QStringLiteral("Dana Phone"), 108, QStringLiteral("555-0199"));
        add(QStringLiteral("Eve Phone"), 109, QStringLiteral("555-0101"));
        for (int i = 7; i <= 12; ++i)
            add(QStringLiteral("Bidder %1").arg(i), 200 + i, {});
    }
    Gui::QuickBidBar* bar() { return f.window->quickBidBar(); }
};

} // namespace

TEST(PaddleFirst, AnUnknownPaddleIsRefusedAndRecordsNothing)
{
    // GIVEN a bidder whose phone is 555-0199 and a user12 who carries paddle 212
    PaddleNight night;
    Gui::QuickBidBar* bar = night.bar();
    bar->chooseLot(1);
    bar->focusEntry(); // the bidder field, the lot being chosen
    // WHEN the clerk types 199 (no such paddle) and an amount
    type(bar->bidderField(), QStringLiteral("199"), Qt::Key_Tab);
    // THEN it says so, the focus stays, and nothing is recorded
    EXPECT_EQ(bar->message(), QStringLiteral("No paddle 199"));
    EXPECT_EQ(bar->bidderId(), 0);
    EXPECT_EQ(night.f.window->focusWidget(), bar->bidderField());
    QTest::keyClick(bar->bidderField(), Qt::Key_Return);
    EXPECT_EQ(night.f.auction.service().item(1)->bidCount, 2);
    // AND "12" is no paddle either, never user12 through its id
    bar->bidderField()->clear();
    type(bar->bidderField(), QStringLiteral("12"), Qt::Key_Tab);
    EXPECT_EQ(bar->message(), QStringLiteral("No paddle 12"));
    // AND the id typed as an id is that bidder
    bar->bidderField()->clear();
    type(bar->bidderField(), QStringLiteral("user12"), Qt::Key_Tab);
    EXPECT_EQ(bar->bidderId(), 12);
}

TEST(PaddleFirst, AnExactPaddleWinsAtOnceAndTheConfirmationNamesIt)
{
    // GIVEN paddle 101 (Berry) and a phone 555-0101
    PaddleNight night;
    Gui::QuickBidBar* bar = night.bar();
    bar->chooseLot(2);
    // WHEN the clerk types 107, Tab, 100, Enter
    QTest::keyClicks(bar->bidderField(), QStringLiteral("101"));
    EXPECT_TRUE(bar->hint().contains(QStringLiteral("Tab takes: Berry (101)")))
        << bar->hint().toStdString();
    bar->bidderField()->clear();
    type(bar->bidderField(), QStringLiteral("107"), Qt::Key_Tab);
    // THEN Tab moved on to the amount at once
    EXPECT_EQ(bar->bidderId(), night.smith);
    EXPECT_EQ(night.f.window->focusWidget(), bar->amountField());
    type(bar->amountField(), QStringLiteral("100"), Qt::Key_Return);
    // AND the confirmation names the paddle
    const auto bid = night.f.auction.service().winningBid(2);
    ASSERT_TRUE(bid.has_value()) << bar->message().toStdString();
    EXPECT_EQ(bid->userId, night.smith);
    EXPECT_TRUE(bar->message().contains(
        QStringLiteral("bid%1: 100.00 by John Smith, paddle 107").arg(bid->id)))
        << bar->message().toStdString();
    // AND the leading hint and the Winner column name the paddle too
    EXPECT_TRUE(bar->hint().contains(QStringLiteral("leading: 100.00 by John Smith (107)")))
        << bar->hint().toStdString();
    EXPECT_TRUE(waitFor(
        [&] {
            return lotCell(night.f, 2, Model::ItemsTableModel::Winner).data().toString() ==
                   u"John Smith (107)";
        },
        1000));
}

TEST(PaddleFirst, AClosedLotsNumberIsRefusedNamingItsBuyer)
{
    // GIVEN lot 8 sold to paddle 107 at 240.00, and lot 19 "Dinner for 8" open
    PaddleNight night;
    for (int i = 3; i <= 19; ++i)
        night.f.auction.addItem(i == 19 ? QStringLiteral("Dinner for 8")
                                        : QStringLiteral("Lot %1").arg(i));
    night.f.auction.bid(8, night.smith, 24000);
    ASSERT_TRUE(night.f.window->actions()->setLotOpen(8, false));
    Gui::QuickBidBar* bar = night.bar();
    bar->focusEntry();
    // WHEN the clerk types 8 in the lot field
    type(bar->lotField(), QStringLiteral("8"), Qt::Key_Tab);
    // THEN no other lot is offered, and the bar says why
    EXPECT_EQ(bar->lotId(), 0);
    EXPECT_EQ(bar->message(), QStringLiteral("Lot 8 is closed (sold to paddle 107 at 240.00)"));
    EXPECT_EQ(night.f.window->focusWidget(), bar->lotField());
}

TEST(PaddleFirst, TheBidDialogAndCheckoutTakePaddlesOnly)
{
    PaddleNight night;
    // The bid dialog: "199" is no paddle, "107" is John Smith
    night.f.window->itemsPage()->selectId(2);
    std::unique_ptr<Gui::PlaceBidDialog> dialog(night.f.window->makePlaceBidDialog());
    dialog->show();
    auto* bidder = dialog->findChildren<QComboBox*>().at(1)->lineEdit();
    bidder->setText(QStringLiteral("199"));
    dialog->amountField()->setText(QStringLiteral("50"));
    dialog->accept();
    EXPECT_NE(dialog->result(), QDialog::Accepted);
    EXPECT_EQ(dialog->message(), QStringLiteral("No paddle 199"));
    EXPECT_EQ(night.f.auction.service().item(2)->bidCount, 0);
    bidder->setText(QStringLiteral("107"));
    dialog->accept();
    EXPECT_EQ(dialog->result(), QDialog::Accepted) << dialog->message().toStdString();
    EXPECT_EQ(night.f.auction.service().winningBid(2)->userId, night.smith);
    // Checkout: 199 finds nobody (not the bidder whose phone it is)
    Gui::CheckoutPage* page = night.f.window->checkoutPage();
    page->bidderField()->setText(QStringLiteral("199"));
    QTest::keyClick(page->bidderField(), Qt::Key_Return);
    EXPECT_EQ(page->userId(), 0);
    EXPECT_TRUE(page->message().contains(QStringLiteral("No paddle 199")))
        << page->message().toStdString();
}

TEST(QuickBidUndo, CtrlZUndoesTheBidNotTheFieldsText)
{
    // GIVEN a bid just recorded through the bar
    WindowFixture f;
    Gui::QuickBidBar* bar = f.window->quickBidBar();
    bar->chooseLot(2);
    type(bar->bidderField(), QStringLiteral("102"), Qt::Key_Tab);
    type(bar->amountField(), QStringLiteral("50"), Qt::Key_Return);
    ASSERT_EQ(f.auction.service().item(2)->bidCount, 1) << bar->message().toStdString();
    ASSERT_EQ(f.window->focusWidget(), bar->bidderField());
    // WHEN the clerk presses Ctrl+Z in the (empty) bidder field
    QTest::keyClick(bar->bidderField(), Qt::Key_Z, Qt::ControlModifier);
    // THEN the bid is gone and the field holds no garbage
    EXPECT_EQ(f.auction.service().item(2)->bidCount, 0);
    EXPECT_TRUE(bar->bidderField()->text().isEmpty()) << bar->bidderField()->text().toStdString();
    // WHEN the field holds text being typed, Ctrl+Z undoes the typing alone
    QTest::keyClicks(bar->bidderField(), QStringLiteral("Ber"));
    QTest::keyClick(bar->bidderField(), Qt::Key_Z, Qt::ControlModifier);
    EXPECT_TRUE(bar->bidderField()->text().isEmpty());
    EXPECT_EQ(f.window->actions()->undoStack()->index(), 0);
    EXPECT_TRUE(f.window->actions()->undoStack()->canRedo());
}

TEST(QuickBidBuyNow, ABidAtTheBuyNowPriceAsksOnce)
{
    // GIVEN a lot with a buy-now price of 300.00
    WindowFixture f;
    const qint64 lot = f.auction.service()
                           .createItem({.name = QStringLiteral("Weekend & cabin"),
                                        .buyNow = std::optional(Model::Money::fromCents(30000))})
                           ->id;
    QStringList questions;
    bool buy = false;
    f.window->actions()->setOffer([&](const QString& question) {
        questions.append(question);
        return buy;
    });
    Gui::QuickBidBar* bar = f.window->quickBidBar();
    bar->chooseLot(lot);
    // WHEN the clerk types 300 for paddle 102 and answers Esc
    type(bar->bidderField(), QStringLiteral("102"), Qt::Key_Tab);
    type(bar->amountField(), QStringLiteral("300"), Qt::Key_Return);
    // THEN it asked once, in these words, and recorded a plain bid; the lot stays open
    ASSERT_EQ(questions.size(), 1);
    EXPECT_EQ(questions[0],
              QStringLiteral("Buy now at 300.00 for paddle 102? This closes the lot"));
    EXPECT_EQ(f.auction.service().item(lot)->status, Model::ItemStatus::Open);
    EXPECT_EQ(f.auction.service().item(lot)->bidCount, 1);
    // WHEN the next one answers Enter (yes) at 310
    buy = true;
    type(bar->bidderField(), QStringLiteral("101"), Qt::Key_Tab);
    type(bar->amountField(), QStringLiteral("310"), Qt::Key_Return);
    // THEN... the price passed 300.00 already: buying is no longer possible, no question
    EXPECT_EQ(questions.size(), 1);
    // AND on a fresh lot, Enter buys it: closed, sold to the bidder at the buy-now price
    const qint64 fresh = f.auction.service()
                             .createItem({.name = QStringLiteral("Quilt"),
                                          .buyNow = std::optional(Model::Money::fromCents(30000))})
                             ->id;
    bar->chooseLot(fresh);
    type(bar->bidderField(), QStringLiteral("101"), Qt::Key_Tab);
    type(bar->amountField(), QStringLiteral("300"), Qt::Key_Return);
    ASSERT_EQ(questions.size(), 2);
    const auto sold = f.auction.service().item(fresh);
    EXPECT_EQ(sold->status, Model::ItemStatus::Closed);
    EXPECT_EQ(sold->winningValue, Model::Money::fromCents(30000));
    EXPECT_TRUE(bar->message().contains(QStringLiteral("Berry, paddle 101")))
        << bar->message().toStdString();
    // AND Ctrl+Z undoes the purchase as one step
    QTest::keyClick(bar->lotField(), Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(f.auction.service().item(fresh)->status, Model::ItemStatus::Open);
    EXPECT_EQ(f.auction.service().item(fresh)->bidCount, 0);
}

TEST(QuickBidLayout, AMessageDoesNotMoveTheTables)
{
    WindowFixture f;
    Gui::QuickBidBar* bar = f.window->quickBidBar();
    QTest::qWait(20);
    const QRect before(f.items()->mapTo(f.window.get(), QPoint(0, 0)), f.items()->size());
    // WHEN a refusal of one line, then of two, then nothing is shown
    bar->chooseLot(1);
    type(bar->bidderField(), QStringLiteral("199"), Qt::Key_Tab);
    ASSERT_FALSE(bar->message().isEmpty());
    QTest::qWait(20);
    const QRect withMessage(f.items()->mapTo(f.window.get(), QPoint(0, 0)), f.items()->size());
    QTest::keyClick(bar->bidderField(), Qt::Key_Escape);
    ASSERT_TRUE(bar->message().isEmpty());
    QTest::qWait(20);
    const QRect cleared(f.items()->mapTo(f.window.get(), QPoint(0, 0)), f.items()->size());
    // THEN the lots table stays where it was, to the pixel
    EXPECT_EQ(withMessage, before);
    EXPECT_EQ(cleared, before);
}

TEST(Namesakes, ASecondJohnSmithAtCheckInIsToldOnce)
{
    WindowFixture f;
    auto& service = f.auction.service();
    service.createUser({.name = QStringLiteral("John Smith"), .number = 107});
    const qint64 second =
        service.createUser({.name = QStringLiteral("John Smith"), .number = 123})->id;
    ASSERT_TRUE(f.window->actions()->checkIn(second));
    ASSERT_EQ(f.reports.size(), 1);
    EXPECT_EQ(f.reports[0], QStringLiteral("Another John Smith is already paddle 107: this one is "
                                           "paddle 123. Tell them apart by paddle number on the "
                                           "sheets."));
    // Once: checking in again says nothing more
    ASSERT_TRUE(f.window->actions()->checkIn(second));
    EXPECT_EQ(f.reports.size(), 1);
}

TEST(Mnemonics, TheBuyNowQuestionKeepsAnAmpersandOfTheLotsName)
{
    WindowFixture f;
    const qint64 lot = f.auction.service()
                           .createItem({.name = QStringLiteral("Malbec & Grüner"),
                                        .buyNow = std::optional(Model::Money::fromCents(30000))})
                           ->id;
    // The window's own question box (the fixture leaves it as it is)
    QString shown;
    whenShown<QInputDialog>([&](QInputDialog* dialog) {
        shown = dialog->labelText();
        for (const QLabel* label : dialog->findChildren<QLabel*>())
            if (label->text().contains(u"Malbec"))
                shown = label->text();
        dialog->reject();
    });
    f.window->actions()->buyNow(lot);
    EXPECT_TRUE(shown.contains(QStringLiteral("Malbec && Grüner"))) << shown.toStdString();
}

TEST(Mnemonics, TheUndoEntryKeepsAnAmpersandOfABiddersName)
{
    WindowFixture f;
    const qint64 couple = f.auction.addUser(QStringLiteral("Ann & Bob"));
    ASSERT_TRUE(f.window->actions()->checkIn(couple));
    QString undo;
    for (const QAction* action : f.window->findChildren<QAction*>())
        if (action->text().startsWith(QStringLiteral("&Undo")))
            undo = action->text();
    EXPECT_TRUE(undo.endsWith(QStringLiteral("Ann && Bob"))) << undo.toStdString();
}

TEST(FileExport, OffersInvoicesAndPaymentsAndWritesThem)
{
    // GIVEN Berry paid 20.00 on the sample auction's first lot
    WindowFixture f;
    ASSERT_TRUE(f.window->actions()->setLotOpen(1, false));
    ASSERT_TRUE(f.auction.service().addPayment(2, Model::Money::fromCents(2000),
                                               Model::PaymentMethod::Cash, QStringLiteral("till")));
    // THEN File > Export offers both checkout files
    QStringList entries;
    for (const QAction* action : f.window->findChildren<QAction*>())
        entries.append(action->text());
    EXPECT_TRUE(entries.contains(QStringLiteral("Invoices (invoices.csv)…")));
    EXPECT_TRUE(entries.contains(QStringLiteral("Payments (payments.csv)…")));
    // AND what they write is the command line's file
    QTemporaryDir dir;
    const QString payments = dir.filePath(QStringLiteral("payments.csv"));
    const QString said =
        Gui::exportCheckoutFile(f.auction.service(), Model::CheckoutCsv::Payments, payments);
    EXPECT_EQ(said, QStringLiteral("Exported 1 payments to %1").arg(payments));
    QFile file(payments);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    EXPECT_TRUE(text.startsWith(
        Model::checkoutCsvColumns(Model::CheckoutCsv::Payments).join(u',').toUtf8()));
    EXPECT_TRUE(text.contains("20.00"));
    const QString invoices = dir.filePath(QStringLiteral("invoices.csv"));
    EXPECT_TRUE(Gui::exportCheckoutFile(f.auction.service(), Model::CheckoutCsv::Invoices, invoices)
                    .startsWith(QStringLiteral("Exported 1 invoices")));
}
