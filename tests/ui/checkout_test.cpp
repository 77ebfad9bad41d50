// The Checkout tab at the cashier's desk: a bidder with two lots and a donation paid in two
// payments with the keyboard only, undo of a payment, a refund due, and an open invoice
// that follows a bid and a close made on another connection.
#include "modaldriver.h"
#include "model/tables/tablesupport.h"
#include "ui/checkoutpage.h"
#include "ui/donationdialog.h"
#include "ui/invoicehtml.h"
#include "ui/summarydialog.h"
#include "windowfixture.h"

#include <QAbstractTextDocumentLayout>
#include <QComboBox>
#include <QLineEdit>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QUndoStack>

using namespace BidTracker;
using namespace BidTracker::Testing;

namespace {

/// Closes a lot through the service.
void closeLot(Model::AuctionService& service, qint64 itemId)
{
    Model::ItemChanges changes;
    changes.status = Model::ItemStatus::Closed;
    ASSERT_TRUE(service.updateItem(itemId, changes).has_value());
}

/// The sample auction with a buyer's premium of 15 % and a tax of 5 %; Constance (user3)
/// has won two lots (100.00 and 10.05) and leads the open item2 at 20.00.
struct CheckoutFixture : WindowFixture
{
    qint64 painting = 0;
    qint64 vase = 0;
    qint64 paddle = 0;

    CheckoutFixture()
    {
        Model::AuctionSettings settings = *auction.service().settings();
        settings.buyersPremium = 1500;
        settings.taxRate = 500;
        EXPECT_TRUE(auction.service().updateSettings(settings).has_value());
        painting = auction.addItem(QStringLiteral("Painting"));
        vase = auction.addItem(QStringLiteral("Vase"));
        auction.bid(painting, 3, 10000);
        auction.bid(vase, 3, 1005);
        auction.bid(2, 3, 2000);
        closeLot(auction.service(), painting);
        closeLot(auction.service(), vase);
        paddle = auction.service().user(3)->number;
    }
    Gui::CheckoutPage* page() { return window->checkoutPage(); }
    QWidget* focused() { return QApplication::focusWidget(); }
};

} // namespace

TEST(Checkout, TwoLotsAndADonationPaidInTwoPaymentsWithTheKeyboardOnly)
{
    // GIVEN the window, and the cashier pressing Ctrl+Shift+C
    CheckoutFixture f;
    Gui::CheckoutPage* page = f.page();
    QTest::keyClick(f.window.get(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_EQ(f.window->tabs()->currentIndex(), Gui::MainWindow::CheckoutTab);
    ASSERT_EQ(f.focused(), page->bidderField());
    // WHEN they type Constance's paddle number and Enter
    QTest::keyClicks(page->bidderField(), QString::number(f.paddle));
    QTest::keyClick(page->bidderField(), Qt::Key_Return);
    // THEN her invoice is shown: premium 15.00 + 1.51, tax round(126.56 x 5 %) = 6.33
    ASSERT_EQ(page->userId(), 3) << page->message().toStdString();
    EXPECT_EQ(page->invoice()->sums.total, 13289);
    EXPECT_EQ(page->headline(), QStringLiteral("Balance due 132.89"));
    const QString shown = page->invoiceText();
    for (const char* text : {"Painting", "Vase", "100.00", "10.05", "15.00", "1.51", "6.33",
                             "132.89", "Still open", "item2"})
        EXPECT_TRUE(shown.contains(QLatin1String(text))) << text << "\n" << shown.toStdString();
    // AND the amount field holds the balance, ready for Enter
    EXPECT_EQ(f.focused(), page->amountField());
    EXPECT_EQ(page->amountField()->text(), QStringLiteral("132.89"));

    // WHEN they add a donation of 25.00 (Ctrl+Shift+D, amount, Tab, note, Enter)
    whenShown<Gui::DonationDialog>([](Gui::DonationDialog* dialog) {
        QTest::keyClicks(dialog->amountField(), QStringLiteral("25"));
        QTest::keyClick(dialog->amountField(), Qt::Key_Tab);
        QTest::keyClicks(dialog->noteField(), QStringLiteral("Fund-a-need"));
        QTest::keyClick(dialog->noteField(), Qt::Key_Return);
    });
    QTest::keyClick(f.focused(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    // THEN the total grows by it, untaxed, and the amount field follows the balance
    EXPECT_EQ(page->invoice()->sums.total, 15789);
    EXPECT_TRUE(page->invoiceText().contains(QStringLiteral("Fund-a-need")));
    EXPECT_EQ(page->amountField()->text(), QStringLiteral("157.89"));

    // WHEN they take 100 in cash: type over the balance, Enter
    // (the window system gives the keyboard back to the window once the dialog is gone)
    QApplication::setActiveWindow(f.window.get());
    ASSERT_EQ(f.focused(), page->amountField());
    QTest::keyClicks(page->amountField(), QStringLiteral("100"));
    QTest::keyClick(page->amountField(), Qt::Key_Return);
    EXPECT_EQ(page->headline(), QStringLiteral("Balance due 57.89"))
        << page->message().toStdString();
    EXPECT_EQ(page->amountField()->text(), QStringLiteral("57.89"));
    // AND the rest by card with a reference: Tab, Down twice (Cash, Check, Card), Tab, Enter
    ASSERT_EQ(f.focused(), page->amountField());
    QTest::keyClick(page->amountField(), Qt::Key_Tab);
    ASSERT_EQ(f.focused(), page->methodField());
    QTest::keyClick(page->methodField(), Qt::Key_Down);
    QTest::keyClick(page->methodField(), Qt::Key_Down);
    QTest::keyClick(page->methodField(), Qt::Key_Tab);
    ASSERT_EQ(f.focused(), page->referenceField());
    QTest::keyClicks(page->referenceField(), QStringLiteral("4242"));
    QTest::keyClick(page->referenceField(), Qt::Key_Return);

    // THEN the invoice is paid, on screen and in the model
    EXPECT_EQ(page->headline(), QStringLiteral("Paid in full")) << page->message().toStdString();
    const auto invoice = f.auction.service().invoice(3);
    ASSERT_TRUE(invoice.has_value());
    EXPECT_EQ(invoice->sums.total, 15789);
    EXPECT_EQ(invoice->sums.paid, 15789);
    EXPECT_EQ(invoice->sums.balance, 0);
    EXPECT_EQ(invoice->sums.status, Model::Rules::InvoiceStatus::Paid);
    ASSERT_EQ(invoice->payments.size(), 2);
    EXPECT_EQ(invoice->payments[0].amount.cents(), 10000);
    EXPECT_EQ(invoice->payments[0].method, Model::PaymentMethod::Cash);
    EXPECT_EQ(invoice->payments[1].amount.cents(), 5789);
    EXPECT_EQ(invoice->payments[1].method, Model::PaymentMethod::Card);
    EXPECT_EQ(invoice->payments[1].reference, QStringLiteral("4242"));
    ASSERT_EQ(invoice->donations.size(), 1);
    EXPECT_EQ(invoice->donations[0].amount.cents(), 2500);
    EXPECT_TRUE(page->invoiceText().contains(QStringLiteral("4242")));

    // WHEN the card payment is undone (Ctrl+Z), THEN it is voided, shown struck out, and the
    // balance is due again; redo counts it again
    QTest::keyClick(f.focused(), Qt::Key_Z, Qt::ControlModifier);
    EXPECT_TRUE(
        waitFor([&] { return page->headline() == QStringLiteral("Balance due 57.89"); }, 2000))
        << page->headline().toStdString();
    const auto undone = f.auction.service().payments(3);
    ASSERT_TRUE(undone.has_value());
    EXPECT_TRUE(undone->at(1).voided());
    EXPECT_TRUE(page->invoiceText().contains(QStringLiteral("voided at")));
    f.window->actions()->undoStack()->redo();
    EXPECT_TRUE(waitFor([&] { return page->headline() == QStringLiteral("Paid in full"); }, 2000));

    // WHEN Esc is pressed, THEN the page is cleared for the next bidder
    QTest::keyClick(f.focused(), Qt::Key_Escape);
    EXPECT_EQ(page->userId(), 0);
    EXPECT_TRUE(page->bidderField()->text().isEmpty());
    EXPECT_EQ(f.focused(), page->bidderField());
    EXPECT_TRUE(f.reports.isEmpty()) << f.reports.join(u'\n').toStdString();
}

TEST(Checkout, RefusesAPaymentAboveTheBalanceAndShowsARefundDueAfterAReopenedLot)
{
    CheckoutFixture f;
    Gui::CheckoutPage* page = f.page();
    f.window->tabs()->setCurrentIndex(Gui::MainWindow::CheckoutTab);
    page->nextBidder();
    QTest::keyClicks(page->bidderField(), QStringLiteral("Constance"));
    QTest::keyClick(page->bidderField(), Qt::Key_Return);
    ASSERT_EQ(page->userId(), 3) << page->message().toStdString();
    // WHEN the cashier types more than the balance, THEN it is refused, naming the balance
    page->amountField()->selectAll();
    QTest::keyClicks(page->amountField(), QStringLiteral("500"));
    QTest::keyClick(page->amountField(), Qt::Key_Return);
    EXPECT_TRUE(page->message().contains(QStringLiteral("132.89")))
        << page->message().toStdString();
    EXPECT_TRUE(f.auction.service().payments(3)->isEmpty());
    // WHEN the whole balance is paid and a lot is then reopened
    page->amountField()->setText(QStringLiteral("132.89"));
    QTest::keyClick(page->amountField(), Qt::Key_Return);
    ASSERT_EQ(page->headline(), QStringLiteral("Paid in full")) << page->message().toStdString();
    Model::ItemChanges reopen;
    reopen.status = Model::ItemStatus::Open;
    ASSERT_TRUE(f.auction.service().updateItem(f.vase, reopen).has_value());
    // THEN the open invoice shows the refund due at once: 10.05 + 1.51 + its tax share
    const auto invoice = f.auction.service().invoice(3);
    ASSERT_EQ(invoice->sums.status, Model::Rules::InvoiceStatus::Credit);
    const QString refund = Model::displayMoney(Model::Money::fromCents(-invoice->sums.balance));
    EXPECT_TRUE(
        waitFor([&] { return page->headline() == QStringLiteral("Refund due ") + refund; }, 2000))
        << page->headline().toStdString();
    EXPECT_TRUE(page->amountField()->text().isEmpty());
}

TEST(Checkout, AnOpenInvoiceFollowsABidAndACloseMadeOnAnotherConnection)
{
    // GIVEN Constance's invoice on screen, item2 pending at 20.00
    CheckoutFixture f;
    Gui::CheckoutPage* page = f.page();
    f.window->tabs()->setCurrentIndex(Gui::MainWindow::CheckoutTab);
    page->showBidder(3);
    ASSERT_EQ(page->invoice()->pending.size(), 1);
    // AND a second station: its own connection, announcing on the same notifier as the
    // server thread's service does
    auto otherDb = openDatabase(f.auction.path());
    ASSERT_TRUE(otherDb);
    Model::AuctionService other(*otherDb, &f.auction.notifier());
    // WHEN Albert outbids her there, THEN the lot leaves her pending list
    ASSERT_TRUE(other.placeBid(2, 1, Model::Money::fromCents(3000)).has_value());
    EXPECT_TRUE(waitFor([&] { return page->invoice()->pending.isEmpty(); }, 2000));
    // WHEN she bids again and the lot is closed there, THEN it is on her invoice at once
    ASSERT_TRUE(other.placeBid(2, 3, Model::Money::fromCents(4000)).has_value());
    EXPECT_TRUE(waitFor([&] { return page->invoice()->pending.size() == 1; }, 2000));
    closeLot(other, 2);
    EXPECT_TRUE(waitFor([&] { return page->invoice()->lines.size() == 3; }, 2000));
    EXPECT_EQ(page->invoice()->sums.hammer, 10000 + 1005 + 4000);
    EXPECT_EQ(page->invoice()->sums.total, f.auction.service().invoice(3)->sums.total);
    EXPECT_TRUE(page->invoiceText().contains(QStringLiteral("40.00")));
    // AND a payment taken at the other station shows here too
    ASSERT_TRUE(other
                    .addPayment(3, Model::Money::fromCents(1000), Model::PaymentMethod::Check,
                                QStringLiteral("chq 17"))
                    .has_value());
    EXPECT_TRUE(waitFor([&] { return page->invoice()->sums.paid == 1000; }, 2000));
    EXPECT_TRUE(page->invoiceText().contains(QStringLiteral("chq 17")));
}

TEST(Summary, ShowsTheEndOfNightFiguresAndFollowsAPayment)
{
    // GIVEN Constance's 132.89 owed, and Auction > Summary open (Ctrl+Shift+S)
    CheckoutFixture f;
    QTest::keyClick(f.window.get(), Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    Gui::SummaryDialog* summary = f.window->findChild<Gui::SummaryDialog*>();
    ASSERT_NE(summary, nullptr);
    ASSERT_TRUE(summary->isVisible());
    const auto figures = *f.auction.service().summary();
    EXPECT_EQ(summary->figure(QStringLiteral("Sold")), QString::number(figures.lotsSold));
    EXPECT_EQ(summary->figure(QStringLiteral("Outstanding")), QStringLiteral("132.89"));
    EXPECT_EQ(summary->figure(QStringLiteral("Total invoiced")), QStringLiteral("132.89"));
    // WHEN a payment is taken, THEN the figures follow without a refresh button
    ASSERT_TRUE(f.auction.service()
                    .addPayment(3, Model::Money::fromCents(3289), Model::PaymentMethod::Card, {})
                    .has_value());
    EXPECT_TRUE(waitFor(
        [&] { return summary->figure(QStringLiteral("Outstanding")) == QStringLiteral("100.00"); },
        3000))
        << summary->figure(QStringLiteral("Outstanding")).toStdString();
    EXPECT_EQ(summary->figure(QStringLiteral("Paid by card")), QStringLiteral("32.89"));
}

TEST(Checkout, UndoTakesADonationOffAndRedoPutsItBack)
{
    CheckoutFixture f;
    Gui::CheckoutPage* page = f.page();
    f.window->tabs()->setCurrentIndex(Gui::MainWindow::CheckoutTab);
    page->showBidder(3);
    // GIVEN a donation of 25.00 on her invoice
    const auto donation = f.window->actions()->addDonation(3, Model::Money::fromCents(2500),
                                                           QStringLiteral("Paddle raise"));
    ASSERT_TRUE(donation.has_value());
    EXPECT_TRUE(waitFor([&] { return page->invoice()->sums.donations == 2500; }, 2000));
    // WHEN it is undone, THEN it is off the invoice, in the model and on screen
    f.window->actions()->undoStack()->undo();
    EXPECT_TRUE(f.auction.service().donations(3)->isEmpty());
    EXPECT_TRUE(waitFor([&] { return page->invoice()->sums.donations == 0; }, 2000));
    EXPECT_FALSE(page->invoiceText().contains(QStringLiteral("Paddle raise")));
    // WHEN it is redone, THEN it is back under its id
    f.window->actions()->undoStack()->redo();
    const auto back = f.auction.service().donations(3);
    ASSERT_EQ(back->size(), 1);
    EXPECT_EQ(back->first().id, donation->id);
    EXPECT_TRUE(waitFor(
        [&] { return page->invoiceText().contains(QStringLiteral("Paddle raise")); }, 2000));
    EXPECT_TRUE(f.reports.isEmpty()) << f.reports.join(u'\n').toStdString();
}

TEST(Checkout, ThePaymentsHeadingsNeverBreakInsideAWord)
{
    // GIVEN a payment with a long reference, on an invoice shown in a narrow view
    Testing::TestAuction auction;
    const qint64 bidder = auction.addUser(QStringLiteral("Berry"));
    const qint64 lot = auction.addItem(QStringLiteral("Vase"));
    auction.bid(lot, bidder, 10000);
    ASSERT_TRUE(auction.service().updateItem(lot, {.status = Model::ItemStatus::Closed}));
    ASSERT_TRUE(auction.service().addPayment(
        bidder, Model::Money::fromCents(4000), Model::PaymentMethod::Card,
        QStringLiteral("Visa ending 4242, authorisation 000012345678901234 approved at till 3")));
    const auto invoice = auction.service().invoice(bidder);
    ASSERT_TRUE(invoice.has_value());
    // THEN "Reference" stands on one line at every width of the Checkout tab ("Refere/nce"
    // was seen on the night)
    bool found = false;
    for (int width = 480; width <= 1200; width += 60) {
        QTextDocument document;
        document.setHtml(Gui::invoiceHtml(*invoice, *auction.service().settings()));
        document.setTextWidth(width);
        (void)document.documentLayout()->documentSize();
        for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
            if (block.text() != u"Reference")
                continue;
            found = true;
            EXPECT_EQ(block.layout()->lineCount(), 1) << "at " << width << " px";
        }
    }
    EXPECT_TRUE(found);
}
