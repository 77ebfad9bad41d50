// Entering bids as a clerk does on auction night: the quick-entry bar, amounts as the
// window writes them, the question before a far higher amount, live hints, closed lots.
#include "model/tables/itemstablemodel.h"
#include "ui/placebiddialog.h"
#include "ui/quickbidbar.h"
#include "windowfixture.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace BidTracker;
using namespace BidTracker::Testing;

namespace {

/// Types `text` into the bar's field and presses `key`; counts the keystrokes.
int type(QLineEdit* field, const QString& text, Qt::Key key)
{
    QTest::keyClicks(field, text);
    QTest::keyClick(field, key);
    return static_cast<int>(text.size()) + 1;
}

/// Posts a bid over the REST API of the window's server and waits for the answer.
int postBid(WindowFixture& f, const char* json)
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(f.server->baseUrl() + QStringLiteral("/api/v1/bids")));
    request.setRawHeader("Authorization", "Bearer window-test-token");
    request.setRawHeader("Content-Type", "application/json");
    QNetworkReply* reply = network.post(request, QByteArray(json));
    waitFor([&] { return reply->isFinished(); }, 5000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

/// True when a word-wrapped label shows every line of its text.
bool showsAllOf(const QLabel* label)
{
    return label->isVisible() && label->height() >= label->heightForWidth(label->width());
}

} // namespace

TEST(QuickBid, RecordsALineOfTheSheetInUnderEightKeystrokes)
{
    // GIVEN the window, and Ctrl+B pressed
    WindowFixture f;
    Gui::QuickBidBar* bar = f.window->quickBidBar();
    QTest::keyClick(f.window.get(), Qt::Key_B, Qt::ControlModifier);
    ASSERT_EQ(f.window->focusWidget(), bar->lotField());
    // WHEN the clerk types the lot's number and Tab
    type(bar->lotField(), QStringLiteral("2"), Qt::Key_Tab);
    EXPECT_EQ(bar->lotId(), 2);
    EXPECT_EQ(f.window->focusWidget(), bar->bidderField());
    EXPECT_TRUE(bar->hint().contains(QStringLiteral("Lowest acceptable bid: 0.01")))
        << bar->hint().toStdString();
    // AND the bidder's paddle (Constance carries 102), Tab, the amount and Enter
    int keys = type(bar->bidderField(), QStringLiteral("102"), Qt::Key_Tab);
    keys += type(bar->amountField(), QStringLiteral("250"), Qt::Key_Return);
    // THEN the bid is recorded in fewer than 10 keystrokes after the lot
    EXPECT_LT(keys, 10);
    const auto winning = f.auction.service().winningBid(2);
    ASSERT_TRUE(winning.has_value()) << bar->message().toStdString();
    EXPECT_EQ(winning->value.cents(), 25000);
    EXPECT_EQ(winning->userId, 3);
    // AND the bar is ready for the next line of the same sheet: the lot kept, the rest cleared
    EXPECT_EQ(bar->lotId(), 2);
    EXPECT_TRUE(bar->bidderField()->text().isEmpty());
    EXPECT_TRUE(bar->amountField()->text().isEmpty());
    EXPECT_EQ(f.window->focusWidget(), bar->bidderField());
    EXPECT_TRUE(bar->message().contains(QStringLiteral("250.00 by Constance, paddle 102")))
        << bar->message().toStdString();
    // WHEN the next line names the bidder by name
    type(bar->bidderField(), QStringLiteral("Albert"), Qt::Key_Tab);
    type(bar->amountField(), QStringLiteral("300"), Qt::Key_Return);
    EXPECT_EQ(f.auction.service().winningBid(2)->userId, 1);
    // AND Esc clears the whole bar
    QTest::keyClick(bar->bidderField(), Qt::Key_Escape);
    EXPECT_EQ(bar->lotId(), 0);
    EXPECT_TRUE(bar->lotField()->text().isEmpty());
}

TEST(QuickBid, TypeAheadListsMatchesAndTabTakesOnlyASingleOne)
{
    WindowFixture f;
    f.auction.addItem(QStringLiteral("Vase, blue"));
    f.auction.addItem(QStringLiteral("Vase, red"));
    Gui::QuickBidBar* bar = f.window->quickBidBar();
    bar->focusEntry();
    // WHEN the clerk types part of a name two lots share
    QTest::keyClicks(bar->lotField(), QStringLiteral("vase"));
    // THEN both are shown as they type, and Tab does not guess
    EXPECT_TRUE(bar->hint().contains(QStringLiteral("item3 · Vase, blue")))
        << bar->hint().toStdString();
    EXPECT_TRUE(bar->hint().contains(QStringLiteral("item4 · Vase, red")));
    QTest::keyClick(bar->lotField(), Qt::Key_Tab);
    EXPECT_EQ(bar->lotId(), 0);
    EXPECT_TRUE(bar->message().contains(QStringLiteral("2 open lots match")))
        << bar->message().toStdString();
    EXPECT_EQ(f.window->focusWidget(), bar->lotField());
    // WHEN they type more, the single match is taken
    type(bar->lotField(), QStringLiteral(", r"), Qt::Key_Tab);
    EXPECT_EQ(bar->lotId(), 4);
    EXPECT_EQ(bar->lotField()->text(), QStringLiteral("item4 · Vase, red"));
    // AND the full id works for bidders as for lots
    type(bar->bidderField(), QStringLiteral("user2"), Qt::Key_Tab);
    EXPECT_EQ(bar->bidderId(), 2);
    EXPECT_EQ(bar->bidderField()->text(), QStringLiteral("Berry (101)"));
}

TEST(QuickBid, AcceptsAmountsAsTheWindowWritesThemAndRefusesTheRest)
{
    WindowFixture f;
    Gui::QuickBidBar* bar = f.window->quickBidBar();
    bar->chooseLot(1); // leading at 1,000.00
    const auto line = [&](const QString& amount) {
        bar->bidderField()->clear();
        bar->amountField()->clear();
        type(bar->bidderField(), QStringLiteral("102"), Qt::Key_Tab);
        type(bar->amountField(), amount, Qt::Key_Return);
        return bar->message();
    };
    EXPECT_TRUE(line(QStringLiteral("1,350")).contains(QStringLiteral("Recorded")));
    EXPECT_EQ(f.auction.service().winningBid(1)->value.cents(), 135000);
    EXPECT_TRUE(line(QStringLiteral(" 1,400.50 ")).contains(QStringLiteral("Recorded")));
    EXPECT_TRUE(line(QStringLiteral("$1,500.00")).contains(QStringLiteral("Recorded")));
    EXPECT_EQ(f.auction.service().winningBid(1)->value.cents(), 150000);
    // Refused, each with its reason, and nothing recorded
    EXPECT_TRUE(line(QStringLiteral("1e5")).contains(QStringLiteral("exponent")));
    EXPECT_TRUE(line(QStringLiteral("1,600.001")).contains(QStringLiteral("two decimals")));
    EXPECT_TRUE(line(QStringLiteral("-1600")).contains(QStringLiteral("negative")));
    EXPECT_TRUE(line(QStringLiteral("sixteen")).contains(QStringLiteral("must be a number")));
    EXPECT_EQ(f.auction.service().item(1)->bidCount, 5);
}

TEST(PlaceBidDialog, AcceptsTheAmountAsTheWindowWritesIt)
{
    WindowFixture f;
    f.window->itemsPage()->selectId(1);
    std::unique_ptr<Gui::PlaceBidDialog> dialog(f.window->makePlaceBidDialog());
    dialog->show();
    dialog->findChildren<QComboBox*>().at(1)->lineEdit()->setText(QStringLiteral("Constance"));
    auto* amount = dialog->amountField();
    amount->setText(QStringLiteral("1,350.00"));
    dialog->accept();
    EXPECT_EQ(dialog->result(), QDialog::Accepted) << dialog->message().toStdString();
    EXPECT_EQ(f.auction.service().winningBid(1)->value.cents(), 135000);
}

TEST(QuickBid, AFarHigherAmountAsksOnceBeforeRecording)
{
    // GIVEN a lot whose lowest acceptable bid is 220.00
    WindowFixture f;
    const qint64 painting = f.auction.addItem(QStringLiteral("Painting"), 22000, 1000);
    QStringList questions;
    bool answer = false;
    f.window->actions()->setConfirm([&](const QString& question) {
        questions.append(question);
        return answer;
    });
    Gui::QuickBidBar* bar = f.window->quickBidBar();
    bar->chooseLot(painting);
    // WHEN the clerk types 100,000.00 and says no
    type(bar->bidderField(), QStringLiteral("102"), Qt::Key_Tab);
    type(bar->amountField(), QStringLiteral("100,000.00"), Qt::Key_Return);
    // THEN the window asked once, in these words, and recorded nothing
    ASSERT_EQ(questions.size(), 1);
    EXPECT_EQ(questions[0],
              QStringLiteral("100,000.00 is 455 times the lowest acceptable bid of 220.00. "
                             "Record it?"));
    EXPECT_EQ(f.auction.service().item(painting)->bidCount, 0);
    EXPECT_TRUE(bar->message().contains(QStringLiteral("Not recorded")));
    // WHEN they say yes, it is recorded
    answer = true;
    QTest::keyClick(bar->amountField(), Qt::Key_Return);
    EXPECT_EQ(questions.size(), 2);
    EXPECT_EQ(f.auction.service().winningBid(painting)->value.cents(), 10000000);
    // AND an amount under ten times the lowest is recorded without a question
    type(bar->bidderField(), QStringLiteral("100"), Qt::Key_Tab);
    type(bar->amountField(), QStringLiteral("100,010"), Qt::Key_Return);
    EXPECT_EQ(questions.size(), 2);
    EXPECT_EQ(f.auction.service().winningBid(painting)->userId, 1);
}

TEST(QuickBid, TheLowestAcceptableBidFollowsABidArrivingOverTheApi)
{
    WindowFixture f;
    Gui::QuickBidBar* bar = f.window->quickBidBar();
    bar->chooseLot(2);
    f.window->itemsPage()->selectId(2);
    std::unique_ptr<Gui::PlaceBidDialog> dialog(f.window->makePlaceBidDialog());
    dialog->show();
    auto* amount = dialog->amountField();
    ASSERT_EQ(amount->text(), QStringLiteral("0.01"));
    // WHEN a kiosk records a bid on the same lot while the clerk types
    ASSERT_EQ(postBid(f, R"({"bid": {"item": "item2", "value": 500, "user": "user1"}})"), 201);
    // THEN the bar and the dialog show the new lowest acceptable bid at once
    EXPECT_TRUE(waitFor(
        [&] { return bar->hint().contains(QStringLiteral("Lowest acceptable bid: 500.01")); },
        2000))
        << bar->hint().toStdString();
    EXPECT_TRUE(bar->hint().contains(QStringLiteral("Albert")));
    EXPECT_TRUE(waitFor([&] { return amount->text() == u"500.01"; }, 2000))
        << amount->text().toStdString();
    EXPECT_TRUE(dialog->hint().contains(QStringLiteral("500.01")));
    // AND an amount the operator typed themselves stays as typed
    amount->setText(QStringLiteral("700"));
    ASSERT_EQ(postBid(f, R"({"bid": {"item": "item2", "value": 600, "user": "user2"}})"), 201);
    EXPECT_TRUE(waitFor([&] { return dialog->hint().contains(QStringLiteral("600.01")); }, 2000));
    EXPECT_EQ(amount->text(), QStringLiteral("700"));
}

TEST(QuickBid, ALongRefusalIsNeverClipped)
{
    // GIVEN a lot and a bidder with long names, and a window of 900x600
    WindowFixture f;
    f.window->resize(900, 600);
    const QString longName = QStringLiteral("Signed first edition, %1").arg(QString(120, u'x'));
    const qint64 lot = f.auction.addItem(longName, 50000, 100);
    f.auction.bid(lot, 1, 60000);
    Gui::QuickBidBar* bar = f.window->quickBidBar();
    bar->chooseLot(lot);
    // WHEN a too-low amount is refused in the bar and in the dialog
    type(bar->bidderField(), QStringLiteral("101"), Qt::Key_Tab);
    type(bar->amountField(), QStringLiteral("10"), Qt::Key_Return);
    QTest::qWait(50);
    // THEN every line of the message is shown
    ASSERT_TRUE(bar->message().contains(QStringLiteral("too low"))) << bar->message().toStdString();
    EXPECT_TRUE(showsAllOf(bar->messageLabel()))
        << bar->messageLabel()->height() << " < "
        << bar->messageLabel()->heightForWidth(bar->messageLabel()->width());
    f.window->itemsPage()->selectId(lot);
    std::unique_ptr<Gui::PlaceBidDialog> dialog(f.window->makePlaceBidDialog());
    dialog->show();
    dialog->findChildren<QComboBox*>().at(1)->lineEdit()->setText(QStringLiteral("Berry"));
    dialog->amountField()->setText(QStringLiteral("10"));
    dialog->accept();
    QTest::qWait(50);
    ASSERT_TRUE(dialog->message().contains(QStringLiteral("too low")));
    EXPECT_TRUE(showsAllOf(dialog->messageLabel()))
        << dialog->messageLabel()->height() << " < "
        << dialog->messageLabel()->heightForWidth(dialog->messageLabel()->width());
}

TEST(PlaceBidDialog, TakesNoBidderFromTheSelectedRow)
{
    // GIVEN a bidder selected on the Bidders tab and a lot on the Lots tab
    WindowFixture f;
    f.window->usersPage()->selectId(1);
    f.window->itemsPage()->selectId(2);
    // WHEN the dialog opens
    std::unique_ptr<Gui::PlaceBidDialog> dialog(f.window->makePlaceBidDialog());
    // THEN the lot is the one looked at, and the bidder is left to the operator
    auto boxes = dialog->findChildren<QComboBox*>();
    EXPECT_EQ(boxes[0]->currentText(), QStringLiteral("item2 · Item Nº 2"));
    EXPECT_TRUE(boxes[1]->currentText().isEmpty()) << boxes[1]->currentText().toStdString();
}

TEST(ClosedLots, AreNotOfferedForBids)
{
    // GIVEN lot 2 closed
    WindowFixture f;
    ASSERT_TRUE(f.window->actions()->setLotOpen(2, false));
    // THEN the dialog does not list it
    std::unique_ptr<Gui::PlaceBidDialog> dialog(f.window->makePlaceBidDialog());
    auto* lots = dialog->findChildren<QComboBox*>().at(0);
    EXPECT_EQ(lots->count(), 1);
    EXPECT_EQ(lots->findText(QStringLiteral("item2 · Item Nº 2")), -1);
    // AND the bar does not take it
    Gui::QuickBidBar* bar = f.window->quickBidBar();
    bar->focusEntry();
    type(bar->lotField(), QStringLiteral("2"), Qt::Key_Tab);
    EXPECT_EQ(bar->lotId(), 0);
    EXPECT_EQ(bar->message(), QStringLiteral("Lot 2 is closed (no bids)"));
}

TEST(ClosedLots, TheLotsFilterMatchesIdsAndNumbers)
{
    WindowFixture f;
    QTest::keyClicks(f.window->itemsPage()->searchField(), QStringLiteral("item1"));
    ASSERT_EQ(f.rowsOf(f.items()), 1);
    EXPECT_EQ(cell(f.items(), 0, Model::ItemsTableModel::Id), QStringLiteral("item1"));
    f.window->itemsPage()->searchField()->clear();
    for (int i = 0; i < 10; ++i)
        f.auction.addItem(QStringLiteral("Extra"));
    QTest::keyClicks(f.window->itemsPage()->searchField(), QStringLiteral("12"));
    ASSERT_EQ(f.rowsOf(f.items()), 1);
    EXPECT_EQ(cell(f.items(), 0, Model::ItemsTableModel::Id), QStringLiteral("item12"));
    // A bidder's id does not find a lot
    f.window->itemsPage()->searchField()->setText(QStringLiteral("user1"));
    EXPECT_EQ(f.rowsOf(f.items()), 0);
}
