// The rules of real sales as the operator meets them in the window: the lot dialog's
// reserve, buy-now price and closing time, maximum bids and automatic ones, buy now and
// closing every open lot at once.
#include "model/lotcloser.h"
#include "model/tables/itembidsmodel.h"
#include "model/tables/itemstablemodel.h"
#include "model/tables/tablesupport.h"
#include "ui/itemdialog.h"
#include "ui/placebiddialog.h"
#include "ui/quickbidbar.h"
#include "ui/tablepage.h"
#include "windowfixture.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTimer>
#include <QUndoStack>
#include <functional>

using namespace BidTracker;
using namespace BidTracker::Testing;

namespace {

/// Runs `fill` on the lot dialog once it is open (the dialog runs its own event loop).
void whenItemDialogOpens(std::function<void(Gui::ItemDialog*)> fill)
{
    QTimer::singleShot(50, [fill = std::move(fill)] {
        for (QWidget* widget : QApplication::topLevelWidgets())
            if (auto* dialog = qobject_cast<Gui::ItemDialog*>(widget);
                dialog && dialog->isVisible()) {
                fill(dialog);
                return;
            }
        ADD_FAILURE() << "no lot dialog open";
    });
}

template <typename Field> Field* field(Gui::ItemDialog* dialog, const char* name)
{
    auto* found = dialog->findChild<Field*>(QString::fromLatin1(name));
    EXPECT_NE(found, nullptr) << name;
    return found;
}

void setText(Gui::ItemDialog* dialog, const char* name, const QString& text)
{
    field<QLineEdit>(dialog, name)->setText(text);
}

} // namespace

TEST(LotDialog, KeepsReserveBuyNowAndClosingTimeAndRefusesABadAmountNamingTheField)
{
    // GIVEN lot 2 of the sample auction, which closes by hand
    WindowFixture f;
    const Model::Item before = *f.auction.service().item(2);
    ASSERT_TRUE(before.closesAt.isEmpty());
    const QDateTime closes =
        QDateTime(QDate::currentDate().addDays(3), QTime(21, 30), Qt::LocalTime);
    const QLocale locale;
    QString refusal;
    bool stayedOpen = false;
    // WHEN the operator types a reserve with three decimals, then corrects it, and fills in
    // the rest as people type amounts in this locale
    whenItemDialogOpens([&](Gui::ItemDialog* dialog) {
        field<QPlainTextEdit>(dialog, "description")
            ->setPlainText(QStringLiteral("Oak, 1890.\nRestored in 2020."));
        setText(dialog, "donor", QStringLiteral("  Smith   family "));
        setText(dialog, "fairMarketValue", locale.toString(1500) + QStringLiteral(".00"));
        setText(dialog, "reserve", QStringLiteral("12.345"));
        setText(dialog, "buyNow", locale.toString(2500));
        field<QCheckBox>(dialog, "closesByHand")->setChecked(false);
        field<QDateTimeEdit>(dialog, "closesAt")->setDateTime(closes);
        dialog->accept();
        refusal = dialog->error();
        stayedOpen = dialog->isVisible();
        setText(dialog, "reserve", QStringLiteral("900"));
        dialog->accept();
    });
    ASSERT_EQ(f.window->actions()->editItem(2), 2);
    // THEN the bad amount was refused in the dialog, naming the field, and nothing changed then
    EXPECT_TRUE(stayedOpen);
    EXPECT_TRUE(refusal.startsWith(QStringLiteral("Reserve: "))) << refusal.toStdString();
    // AND the lot keeps every field, the closing time in UTC
    const Model::Item after = *f.auction.service().item(2);
    EXPECT_EQ(after.description, QStringLiteral("Oak, 1890.\nRestored in 2020."));
    EXPECT_EQ(after.donor, QStringLiteral("Smith family"));
    EXPECT_EQ(after.fairMarketValue, Model::Money::fromCents(150000));
    EXPECT_EQ(after.reserve, Model::Money::fromCents(90000));
    EXPECT_EQ(after.buyNow, Model::Money::fromCents(250000));
    EXPECT_EQ(after.closesAt, closes.toUTC().toString(Qt::ISODateWithMs));
    EXPECT_TRUE(after.closesAt.endsWith(u'Z'));
    // AND the dialog opened again shows them, the time in local time
    whenItemDialogOpens([&](Gui::ItemDialog* dialog) {
        EXPECT_EQ(field<QLineEdit>(dialog, "reserve")->text(), QStringLiteral("900.00"));
        EXPECT_FALSE(field<QCheckBox>(dialog, "closesByHand")->isChecked());
        EXPECT_EQ(field<QDateTimeEdit>(dialog, "closesAt")->dateTime(), closes);
        // WHEN the reserve is emptied and the lot closes by hand again
        setText(dialog, "reserve", QString());
        field<QCheckBox>(dialog, "closesByHand")->setChecked(true);
        dialog->accept();
    });
    ASSERT_EQ(f.window->actions()->editItem(2), 2);
    EXPECT_FALSE(f.auction.service().item(2)->reserve.has_value());
    EXPECT_TRUE(f.auction.service().item(2)->closesAt.isEmpty());
    EXPECT_EQ(f.auction.service().item(2)->buyNow, Model::Money::fromCents(250000));
    // AND undo puts back each step
    f.window->actions()->undoStack()->undo();
    EXPECT_EQ(f.auction.service().item(2)->reserve, Model::Money::fromCents(90000));
    EXPECT_EQ(f.auction.service().item(2)->closesAt, after.closesAt);
    f.window->actions()->undoStack()->undo();
    const Model::Item undone = *f.auction.service().item(2);
    EXPECT_FALSE(undone.reserve.has_value());
    EXPECT_FALSE(undone.buyNow.has_value());
    EXPECT_TRUE(undone.closesAt.isEmpty());
    EXPECT_EQ(undone.description, before.description);
}

TEST(LotDialog, RefusesAClosingTimeAlreadyPast)
{
    WindowFixture f;
    QString refusal;
    whenItemDialogOpens([&](Gui::ItemDialog* dialog) {
        setText(dialog, "name", QStringLiteral("Late lot"));
        field<QCheckBox>(dialog, "closesByHand")->setChecked(false);
        field<QDateTimeEdit>(dialog, "closesAt")
            ->setDateTime(QDateTime::currentDateTime().addSecs(-600));
        dialog->accept();
        refusal = dialog->error();
        dialog->reject();
    });
    const qint64 lots = f.auction.service().items()->total;
    EXPECT_EQ(f.window->actions()->addItem(), 0);
    EXPECT_TRUE(refusal.startsWith(QStringLiteral("Closes at: "))) << refusal.toStdString();
    EXPECT_EQ(f.auction.service().items()->total, lots);
}

namespace {

/// The menu bar's menu with this title (ampersands ignored), or null.
QMenu* menuNamed(QMainWindow* window, const QString& title)
{
    for (QAction* action : window->menuBar()->actions())
        if (action->menu() && action->text().remove(u'&') == title)
            return action->menu();
    return nullptr;
}

/// The right-click menu of a lot's row, as shown.
QStringList rowMenuOf(WindowFixture& f, qint64 id)
{
    const QModelIndex name = lotCell(f, id, Model::ItemsTableModel::Name);
    Q_EMIT f.items()->customContextMenuRequested(f.items()->visualRect(name).center());
    QMenu* menu = nullptr;
    waitFor(
        [&] {
            for (QWidget* widget : QApplication::topLevelWidgets())
                if (auto* found = qobject_cast<QMenu*>(widget); found && found->isVisible())
                    menu = found;
            return menu != nullptr;
        },
        2000);
    QStringList texts;
    if (!menu)
        return texts;
    for (QAction* action : menu->actions())
        if (!action->isSeparator())
            texts.append(action->text() + (action->isEnabled() ? QString() : u" (off)"_qs));
    menu->close();
    return texts;
}

} // namespace

TEST(MaximumBids, TheQuickBidBarTakesAMaximumAndTheBidListMarksTheAutomaticBid)
{
    // GIVEN RULES.md's example: a lot starting at 10 with a step of 1, chosen in the bar
    WindowFixture f;
    const qint64 lot = f.auction.addItem(QStringLiteral("Cut-glass bowl"), 1000, 100);
    Gui::QuickBidBar* bar = f.window->quickBidBar();
    bar->chooseLot(lot);
    f.window->itemsPage()->selectId(lot);
    // WHEN Albert (paddle 100) bids 10 with a maximum of 50, typed key by key
    QTest::keyClicks(bar->bidderField(), QStringLiteral("100"));
    QTest::keyClick(bar->bidderField(), Qt::Key_Tab);
    QTest::keyClicks(bar->amountField(), QStringLiteral("10"));
    QTest::keyClick(bar->amountField(), Qt::Key_Tab);
    ASSERT_EQ(f.window->focusWidget(), bar->maximumField());
    QTest::keyClicks(bar->maximumField(), QStringLiteral("50"));
    QTest::keyClick(bar->maximumField(), Qt::Key_Return);
    // THEN the bid carries the maximum, and the bar says so
    const auto first = f.auction.service().winningBid(lot);
    ASSERT_TRUE(first.has_value()) << bar->message().toStdString();
    EXPECT_EQ(first->value.cents(), 1000);
    EXPECT_EQ(first->maxValue, Model::Money::fromCents(5000));
    EXPECT_TRUE(bar->message().contains(QStringLiteral("up to 50.00")))
        << bar->message().toStdString();
    EXPECT_TRUE(bar->maximumField()->text().isEmpty());
    // WHEN Berry (paddle 101) bids 20, a plain bid
    QTest::keyClicks(bar->bidderField(), QStringLiteral("101"));
    QTest::keyClick(bar->bidderField(), Qt::Key_Tab);
    QTest::keyClicks(bar->amountField(), QStringLiteral("20"));
    QTest::keyClick(bar->amountField(), Qt::Key_Return);
    // THEN the auction bids 21 for Albert; the bar tells the clerk at once
    EXPECT_TRUE(bar->message().contains(QStringLiteral("Albert (100) leads at 21.00")))
        << bar->message().toStdString();
    // AND the lot's bid list shows the automatic bid, winning, marked auto, and the
    // operator reads Albert's maximum there
    QTableView* bids = f.window->itemBidsView();
    ASSERT_TRUE(waitFor([&] { return f.rowsOf(bids) == 3; }, 1000));
    EXPECT_EQ(cell(bids, 0, Model::ItemBidsModel::Value), QStringLiteral("21.00"));
    EXPECT_EQ(cell(bids, 0, Model::ItemBidsModel::Standing), QStringLiteral("Winning, auto"));
    EXPECT_EQ(cell(bids, 2, Model::ItemBidsModel::Maximum), QStringLiteral("50.00"));
    bool titled = false;
    for (const QLabel* label : f.window->findChildren<QLabel*>())
        titled = titled || label->text().contains(QStringLiteral("the leader's maximum is 50.00"));
    EXPECT_TRUE(titled);
    // WHEN a maximum is typed wrong, THEN it is refused naming the field, and nothing is added
    QTest::keyClicks(bar->bidderField(), QStringLiteral("102"));
    QTest::keyClick(bar->bidderField(), Qt::Key_Tab);
    QTest::keyClick(bar->amountField(), Qt::Key_Tab);
    QTest::keyClicks(bar->maximumField(), QStringLiteral("1,00"));
    QTest::keyClick(bar->maximumField(), Qt::Key_Return);
    EXPECT_TRUE(bar->message().startsWith(QStringLiteral("Maximum: ")))
        << bar->message().toStdString();
    EXPECT_EQ(f.auction.service().item(lot)->bidCount, 3);
    // WHEN undone, Berry's bid goes and with it the automatic bid it called for
    f.window->actions()->undoStack()->undo();
    EXPECT_EQ(f.auction.service().item(lot)->bidCount, 1);
    EXPECT_EQ(f.auction.service().winningBid(lot)->value.cents(), 1000);
}

TEST(MaximumBids, ThePlaceBidDialogTakesAMaximumAlone)
{
    // GIVEN a lot starting at 10, and the place-bid dialog on it
    WindowFixture f;
    const qint64 lot = f.auction.addItem(QStringLiteral("Cut-glass bowl"), 1000, 100);
    f.window->itemsPage()->selectId(lot);
    std::unique_ptr<Gui::PlaceBidDialog> dialog(f.window->makePlaceBidDialog());
    dialog->show();
    dialog->findChildren<QComboBox*>().at(1)->lineEdit()->setText(QStringLiteral("Constance"));
    // WHEN the operator leaves the amount empty and types a maximum of 40
    dialog->amountField()->clear();
    dialog->maximumField()->setText(QStringLiteral("40"));
    dialog->accept();
    // THEN the bid is the lowest acceptable one, up to 40
    EXPECT_EQ(dialog->result(), QDialog::Accepted) << dialog->message().toStdString();
    const auto bid = f.auction.service().winningBid(lot);
    ASSERT_TRUE(bid.has_value());
    EXPECT_EQ(bid->value.cents(), 1000);
    EXPECT_EQ(bid->maxValue, Model::Money::fromCents(4000));
    EXPECT_EQ(bid->userName, QStringLiteral("Constance"));
}

TEST(BuyNow, TheLotsMenuSellsAtTheBuyNowPriceAfterAskingAndUndoReopens)
{
    // GIVEN lot 2 with a buy-now price of 1,500.00
    WindowFixture f;
    Model::ItemChanges changes;
    changes.buyNow = std::optional(Model::Money::fromCents(150000));
    ASSERT_TRUE(f.auction.service().updateItem(2, changes).has_value());
    // THEN its menu offers it at that price, and lots without one do not
    const QString offer =
        QStringLiteral("Buy now at %1…").arg(Model::displayMoney(Model::Money::fromCents(150000)));
    EXPECT_TRUE(rowMenuOf(f, 2).contains(offer)) << rowMenuOf(f, 2).join(u", ").toStdString();
    EXPECT_FALSE(rowMenuOf(f, 1).join(u' ').contains(QStringLiteral("Buy now")));
    // WHEN the operator chooses it, names Constance by number and confirms
    QStringList asked;
    QStringList questions;
    f.window->actions()->setAsk([&](const QString& label) -> std::optional<QString> {
        asked.append(label);
        return QStringLiteral("102"); // her paddle
    });
    f.window->actions()->setConfirm([&](const QString& question) {
        questions.append(question);
        return true;
    });
    const qint64 bid = f.window->actions()->buyNow(2);
    // THEN the lot is sold to her at that price and closed
    ASSERT_GT(bid, 0) << f.reports.join(u'\n').toStdString();
    ASSERT_EQ(questions.size(), 1);
    EXPECT_TRUE(questions[0].contains(QStringLiteral("Constance"))) << questions[0].toStdString();
    const Model::Item sold = *f.auction.service().item(2);
    EXPECT_EQ(sold.status, Model::ItemStatus::Closed);
    EXPECT_EQ(sold.winningValue, Model::Money::fromCents(150000));
    EXPECT_EQ(sold.winnerName, QStringLiteral("Constance"));
    EXPECT_TRUE(rowMenuOf(f, 2).contains(offer + u" (off)"_qs));
    // AND a second purchase is refused in words
    EXPECT_EQ(f.window->actions()->buyNow(2), 0);
    ASSERT_FALSE(f.reports.isEmpty());
    // WHEN undone, the lot is open again without the bid
    f.window->actions()->undoStack()->undo();
    const Model::Item back = *f.auction.service().item(2);
    EXPECT_EQ(back.status, Model::ItemStatus::Open);
    EXPECT_EQ(back.bidCount, 0);
}

TEST(BuyNow, ALotThatCannotBeBoughtNowIsRefusedBeforeAnyoneIsAskedInTheModelsFacts)
{
    // GIVEN lot 1 (leading bid 1,000.00) whose buy-now price of 900.00 the price passed
    WindowFixture f;
    Model::ItemChanges changes;
    changes.buyNow = std::optional(Model::Money::fromCents(90000));
    ASSERT_TRUE(f.auction.service().updateItem(1, changes).has_value());
    int asked = 0;
    f.window->actions()->setAsk([&](const QString&) -> std::optional<QString> {
        ++asked;
        return QStringLiteral("3");
    });
    // WHEN the operator chooses Buy now on it
    EXPECT_EQ(f.window->actions()->buyNow(1), 0);
    // THEN the model's refusal is said at once, in the window's words, nobody asked who buys
    EXPECT_EQ(asked, 0);
    ASSERT_EQ(f.reports.size(), 1);
    EXPECT_TRUE(f.reports[0].contains(QStringLiteral("can no longer be bought now")) &&
                f.reports[0].contains(Model::displayMoney(Model::Money::fromCents(90000))))
        << f.reports[0].toStdString();
    // AND a lot whose closing time passed (the closer not round yet) is refused as closed
    Model::ItemChanges soon;
    soon.buyNow = std::optional(Model::Money::fromCents(500000));
    soon.closesAt = QDateTime::currentDateTimeUtc().addMSecs(200).toString(Qt::ISODateWithMs);
    ASSERT_TRUE(f.auction.service().updateItem(2, soon).has_value());
    QTest::qWait(300);
    EXPECT_EQ(f.window->actions()->buyNow(2), 0);
    EXPECT_EQ(asked, 0);
    ASSERT_EQ(f.reports.size(), 2);
    EXPECT_TRUE(f.reports[1].contains(QStringLiteral("closed at"))) << f.reports[1].toStdString();
}

TEST(Deleting, ABidderWithMoneyOnRecordIsRefusedBeforeTheQuestion)
{
    // GIVEN Constance (no bids) gave a donation
    WindowFixture f;
    ASSERT_TRUE(
        f.auction.service().addDonation(3, Model::Money::fromCents(500), QString()).has_value());
    QStringList questions;
    f.window->actions()->setConfirm([&](const QString& question) {
        questions.append(question);
        return true;
    });
    // WHEN the operator deletes her THEN the model's refusal comes first, unasked
    EXPECT_FALSE(f.window->actions()->deleteUser(3));
    EXPECT_TRUE(questions.isEmpty()) << questions.join(u'\n').toStdString();
    ASSERT_EQ(f.reports.size(), 1);
    EXPECT_TRUE(f.reports[0].contains(QStringLiteral("donation"))) << f.reports[0].toStdString();
}

TEST(CloseAll, AsksWithTheCountClosesEveryOpenLotAndUndoReopensExactlyThose)
{
    // GIVEN the sample auction with a third lot, lot 1 already closed
    WindowFixture f;
    f.auction.addItem(QStringLiteral("Third lot"));
    ASSERT_TRUE(f.window->actions()->setLotOpen(1, false));
    QStringList questions;
    f.window->actions()->setConfirm([&](const QString& question) {
        questions.append(question);
        return true;
    });
    // WHEN the operator chooses Auction > Close all open lots
    QMenu* auction = menuNamed(f.window.get(), QStringLiteral("Auction"));
    ASSERT_NE(auction, nullptr);
    QAction* closeAll = nullptr;
    for (QAction* action : auction->actions())
        if (action->text().remove(u'&').startsWith(QStringLiteral("Close all open lots")))
            closeAll = action;
    ASSERT_NE(closeAll, nullptr);
    closeAll->trigger();
    // THEN it asked with the count, and every lot is closed
    EXPECT_EQ(questions, QStringList{QStringLiteral("Close 2 open lots? They take no more bids.")});
    const auto lots = f.auction.service().items();
    ASSERT_TRUE(lots.has_value());
    for (const Model::Item& item : lots->rows)
        EXPECT_EQ(item.status, Model::ItemStatus::Closed) << item.id;
    EXPECT_EQ(cell(f.items(), 2, Model::ItemsTableModel::Status), QStringLiteral("closed"));
    // WHEN undone, the two it closed open again; lot 1 stays closed
    f.window->actions()->undoStack()->undo();
    EXPECT_EQ(f.auction.service().item(1)->status, Model::ItemStatus::Closed);
    EXPECT_EQ(f.auction.service().item(2)->status, Model::ItemStatus::Open);
    EXPECT_EQ(f.auction.service().item(3)->status, Model::ItemStatus::Open);
    // AND redo closes them again
    f.window->actions()->undoStack()->redo();
    EXPECT_EQ(f.auction.service().item(3)->status, Model::ItemStatus::Closed);
}

TEST(CloseAll, SaysSoWhenEveryLotIsClosedAlready)
{
    WindowFixture f;
    bool asked = false;
    f.window->actions()->setConfirm([&](const QString&) { return asked = true; });
    ASSERT_EQ(f.auction.service().closeAll()->size(), 2);
    EXPECT_EQ(f.window->actions()->closeAllOpenLots(), 0);
    EXPECT_FALSE(asked);
    EXPECT_EQ(f.reports, QStringList{QStringLiteral("Every lot is closed already.")});
}

TEST(MainMenu, HasOneAuctionMenuWithTheNightsCommands)
{
    // GIVEN the window
    WindowFixture f;
    // THEN the menu bar has one Auction menu, holding close all, checkout, summary,
    // settings, the automatic backups and the staff (two branches once each added a menu of
    // that name)
    QStringList titles;
    for (QAction* action : f.window->menuBar()->actions())
        titles.append(action->text().remove(u'&'));
    EXPECT_EQ(titles.count(QStringLiteral("Auction")), 1) << titles.join(u' ').toStdString();
    QStringList commands;
    for (QAction* action : menuNamed(f.window.get(), QStringLiteral("Auction"))->actions())
        if (!action->isSeparator())
            commands.append(action->text().remove(u'&'));
    EXPECT_EQ(commands,
              (QStringList{QStringLiteral("Close all open lots…"), QStringLiteral("Checkout"),
                           QStringLiteral("Summary"), QStringLiteral("Settings…"),
                           QStringLiteral("Automatic backups…"), QStringLiteral("Staff…")}));
}
