// Auction > Settings and the bidders of the auction night: the settings dialog round trip
// (a bad rate refused, the common increment table), the bidder dialog (a paddle number
// already taken refused), check-in and its undo, the search by number, phone or email.
#include "modaldriver.h"
#include "model/tables/tablesupport.h"
#include "model/tables/userstablemodel.h"
#include "ui/bidderdialog.h"
#include "ui/durationfield.h"
#include "ui/incrementtableeditor.h"
#include "ui/settingsdialog.h"
#include "windowfixture.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QUndoStack>

using namespace BidTracker;
using namespace BidTracker::Testing;

namespace {

/// Replaces a field's text as a person does: select all, type.
void retype(QWidget* field, const QString& text)
{
    field->setFocus();
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(field, text);
}

/// Gives the window the keyboard back once a dialog closed, as the window system does.
void activate(WindowFixture& f)
{
    QApplication::setActiveWindow(f.window.get());
    (void)QTest::qWaitForWindowActive(f.window.get());
}

/// Presses a button or check box from the keyboard: focus on it, Space.
void press(QWidget* button)
{
    button->setFocus();
    QTest::keyClick(button, Qt::Key_Space);
}

} // namespace

TEST(SettingsDialog, RoundTripRefusesABadRateAndOffersTheCommonTable)
{
    // GIVEN the window on an auction with the default settings
    WindowFixture f;
    const Model::AuctionSettings before = *f.auction.service().settings();
    const QDateTime closeAll(QDate(2026, 12, 5), QTime(21, 30), Qt::LocalTime);
    bool refused = false;
    QString refusal;
    bool unchangedWhileRefused = false;
    whenShown<Gui::SettingsDialog>([&](Gui::SettingsDialog* dialog) {
        // WHEN the operator types a name, a premium and a tax rate with three decimals
        retype(dialog->nameField(), QStringLiteral("Spring Gala"));
        retype(dialog->premiumField(), QStringLiteral("15"));
        retype(dialog->taxField(), QStringLiteral("8.255"));
        QTest::keyClick(dialog->taxField(), Qt::Key_Return);
        // THEN the dialog stays, naming the field, and nothing is saved
        refused = dialog->isVisible();
        refusal = dialog->error();
        unchangedWhileRefused = *f.auction.service().settings() == before;
        // WHEN they correct it, take the common online table, set soft close and
        // the close-all time, and press Enter
        retype(dialog->taxField(), QStringLiteral("8.25"));
        press(dialog->increments()->presetButton());
        retype(dialog->softCloseWindow()->number(), QStringLiteral("2"));
        dialog->softCloseWindow()->unit()->setCurrentIndex(1); // minutes
        retype(dialog->softCloseExtend()->number(), QStringLiteral("30"));
        retype(dialog->softCloseCap()->number(), QStringLiteral("10"));
        dialog->softCloseCap()->unit()->setCurrentIndex(1);
        retype(dialog->firstNumberField(), QStringLiteral("500"));
        press(dialog->closeAllEnabled());
        dialog->closeAllAt()->setDateTime(closeAll);
        QTest::keyClick(dialog->nameField(), Qt::Key_Return);
    });
    QTest::keyClick(f.window.get(), Qt::Key_Comma, Qt::ControlModifier);
    EXPECT_TRUE(refused);
    EXPECT_TRUE(refusal.contains(QStringLiteral("Tax rate"))) << refusal.toStdString();
    EXPECT_TRUE(unchangedWhileRefused);
    // THEN the model holds what was typed, in cents, basis points and seconds
    const Model::AuctionSettings saved = *f.auction.service().settings();
    EXPECT_EQ(saved.name, QStringLiteral("Spring Gala"));
    EXPECT_EQ(saved.buyersPremium, 1500);
    EXPECT_EQ(saved.taxRate, 825);
    EXPECT_EQ(saved.firstBidderNumber, 500);
    ASSERT_EQ(saved.increments.size(), 10);
    EXPECT_EQ(saved.increments, Gui::IncrementTableEditor::commonOnlineTable());
    EXPECT_EQ(saved.increments[0], (Model::Rules::IncrementRow{0, 5}));
    EXPECT_EQ(saved.increments[4], (Model::Rules::IncrementRow{10000, 250}));
    EXPECT_EQ(saved.increments[9], (Model::Rules::IncrementRow{500000, 10000}));
    EXPECT_EQ(saved.softClose, (Model::SoftClose{120, 30, 600}));
    EXPECT_EQ(saved.closeAllAt, closeAll.toUTC().toString(Qt::ISODateWithMs));
    EXPECT_TRUE(saved.closeAllAt.endsWith(u'Z'));

    // WHEN the dialog is opened again, THEN it shows the saved settings as people write them
    QStringList shown;
    whenShown<Gui::SettingsDialog>([&](Gui::SettingsDialog* dialog) {
        shown << dialog->premiumField()->text() << dialog->taxField()->text()
              << dialog->increments()->rows()->item(4, 1)->text()
              << QString::number(dialog->softCloseWindow()->number()->value())
              << dialog->softCloseWindow()->unit()->currentText()
              << dialog->closeAllAt()->dateTime().toString(Qt::ISODate);
        dialog->reject();
    });
    f.window->actions()->editSettings();
    EXPECT_EQ(shown, (QStringList{QStringLiteral("15"), QStringLiteral("8.25"),
                                  QStringLiteral("2.50"), QStringLiteral("2"),
                                  QStringLiteral("minutes"), closeAll.toString(Qt::ISODate)}));

    // WHEN the change is undone, THEN the old settings are back; redo brings the new ones
    activate(f);
    QTest::keyClick(f.window.get(), Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(*f.auction.service().settings(), before);
    f.window->actions()->undoStack()->redo();
    EXPECT_EQ(*f.auction.service().settings(), saved);
    EXPECT_TRUE(f.reports.isEmpty()) << f.reports.join(u'\n').toStdString();
}

TEST(SettingsDialog, RefusesAnUnreadableIncrementRowNamingItAndSavesNothing)
{
    WindowFixture f;
    const Model::AuctionSettings before = *f.auction.service().settings();
    QString refusal;
    whenShown<Gui::SettingsDialog>([&](Gui::SettingsDialog* dialog) {
        press(dialog->increments()->presetButton());
        dialog->increments()->rows()->item(2, 1)->setText(QStringLiteral("0.5.0"));
        QTest::keyClick(dialog->nameField(), Qt::Key_Return);
        refusal = dialog->error();
        // Rows out of order pass the dialog's reading and are the model's refusal.
        dialog->increments()->rows()->item(2, 1)->setText(QStringLiteral("0.50"));
        dialog->increments()->rows()->item(2, 0)->setText(QStringLiteral("0.50"));
        QTest::keyClick(dialog->nameField(), Qt::Key_Return);
        refusal += QStringLiteral(" | ") + dialog->error();
        dialog->reject();
    });
    f.window->actions()->editSettings();
    EXPECT_TRUE(refusal.contains(QStringLiteral("Increments, row 3, step")))
        << refusal.toStdString();
    EXPECT_TRUE(refusal.contains(QStringLiteral("ascending"))) << refusal.toStdString();
    EXPECT_EQ(*f.auction.service().settings(), before);
    EXPECT_EQ(f.window->actions()->undoStack()->count(), 0);
}

TEST(BidderDialog, RefusesAPaddleNumberAlreadyTakenThenTakesTheNextFree)
{
    // GIVEN the sample auction: Albert, Berry and Constance carry paddles 100 to 102
    WindowFixture f;
    const qint64 taken = f.auction.service().user(1)->number;
    ASSERT_GT(taken, 0);
    QString refusal;
    bool stayedOpen = false;
    whenShown<Gui::BidderDialog>([&](Gui::BidderDialog* dialog) {
        // WHEN the operator adds Dora with Albert's number, by keyboard
        QTest::keyClicks(dialog->nameField(), QStringLiteral("Dora"));
        QTest::keyClick(dialog->nameField(), Qt::Key_Tab);
        QTest::keyClicks(dialog->numberField(), QString::number(taken));
        QTest::keyClick(dialog->numberField(), Qt::Key_Tab);
        QTest::keyClicks(dialog->phoneField(), QStringLiteral("555-0199"));
        QTest::keyClick(dialog->phoneField(), Qt::Key_Tab);
        QTest::keyClicks(dialog->emailField(), QStringLiteral("dora@example.org"));
        QTest::keyClick(dialog->emailField(), Qt::Key_Tab);
        QTest::keyClick(dialog->taxExemptField(), Qt::Key_Space);
        QTest::keyClick(dialog->emailField(), Qt::Key_Return);
        // THEN the dialog stays open with the service's refusal, naming the number
        stayedOpen = dialog->isVisible();
        refusal = dialog->error();
        // WHEN the number is left blank, THEN the next free one is taken
        retype(dialog->numberField(), QString());
        dialog->numberField()->clear();
        QTest::keyClick(dialog->numberField(), Qt::Key_Return);
    });
    QTest::keyClick(f.window.get(), Qt::Key_D, Qt::ControlModifier);
    EXPECT_TRUE(stayedOpen);
    EXPECT_TRUE(refusal.contains(QString::number(taken))) << refusal.toStdString();
    const auto users = f.auction.service().users();
    ASSERT_EQ(users->rows.size(), 4);
    const Model::User& dora = users->rows.last();
    EXPECT_EQ(dora.name, QStringLiteral("Dora"));
    EXPECT_NE(dora.number, taken);
    EXPECT_GT(dora.number, 0);
    EXPECT_EQ(dora.phone, QStringLiteral("555-0199"));
    EXPECT_EQ(dora.email, QStringLiteral("dora@example.org"));
    EXPECT_TRUE(dora.taxExempt);
    // AND the Bidders tab finds her by paddle number, phone and email
    QTableView* view = f.window->usersPage()->view();
    for (const QString& typed :
         {QString::number(dora.number), QStringLiteral("0199"), QStringLiteral("dora@")}) {
        f.window->usersPage()->searchField()->setText(typed);
        ASSERT_EQ(f.rowsOf(view), 1) << typed.toStdString();
        EXPECT_EQ(cell(view, 0, Model::UsersTableModel::Name), QStringLiteral("Dora"));
    }
}

TEST(CheckIn, ChecksTheSelectedBidderInAndUndoTakesItBack)
{
    // GIVEN the Bidders tab, Constance selected
    WindowFixture f;
    f.window->tabs()->setCurrentIndex(Gui::MainWindow::UsersTab);
    f.window->usersPage()->selectId(3);
    f.window->usersPage()->view()->setFocus();
    QTableView* view = f.window->usersPage()->view();
    const int row = view->currentIndex().row();
    ASSERT_TRUE(f.auction.service().user(3)->checkedInAt.isEmpty());
    // WHEN the operator presses Ctrl+I
    QTest::keyClick(view, Qt::Key_I, Qt::ControlModifier);
    // THEN she is checked in, and the column says when
    const QString checkedIn = f.auction.service().user(3)->checkedInAt;
    EXPECT_FALSE(checkedIn.isEmpty()) << f.reports.join(u'\n').toStdString();
    EXPECT_EQ(cell(view, row, Model::UsersTableModel::CheckedIn), Model::displayTime(checkedIn));
    // AND the column sorts by it: checked-in bidders last in ascending order
    view->sortByColumn(Model::UsersTableModel::CheckedIn, Qt::AscendingOrder);
    EXPECT_EQ(cell(view, 2, Model::UsersTableModel::Name), QStringLiteral("Constance"));
    // WHEN it is undone, THEN she is not checked in any more
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_TRUE(f.auction.service().user(3)->checkedInAt.isEmpty());
    view->sortByColumn(Model::UsersTableModel::Number, Qt::AscendingOrder);
    EXPECT_TRUE(cell(view, 2, Model::UsersTableModel::CheckedIn).isEmpty());
    // AND redo checks her in again
    f.window->actions()->undoStack()->redo();
    EXPECT_FALSE(f.auction.service().user(3)->checkedInAt.isEmpty());
    EXPECT_TRUE(f.reports.isEmpty()) << f.reports.join(u'\n').toStdString();
}
