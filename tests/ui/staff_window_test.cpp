// Staff accounts in the window (RULES.md 5, issue 22.3 and 22.4): the sign-in at the start,
// the wrong-PIN wait, the operator and station in the title, the lock (Ctrl+Shift+L), the
// menus of each role, and Auction > Staff (add, role, deactivate, token shown once, revoke).
#include "modaldriver.h"
#include "model/staffservice.h"
#include "ui/operatordesk.h"
#include "ui/rolegate.h"
#include "ui/signindialog.h"
#include "ui/staffdialog.h"
#include "windowfixture.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>

using namespace BidTracker;
using namespace BidTracker::Testing;
using Model::Role;

namespace {

/// Ann (admin, 4821), Cal (clerk, 7302) and Vic (viewer, 5555), made by the operator.
void addStaff(Model::Database& db)
{
    Model::StaffService staff(db, Model::Actor{});
    ASSERT_TRUE(staff.addAccount(QStringLiteral("Ann"), Role::Admin, QStringLiteral("4821")));
    ASSERT_TRUE(staff.addAccount(QStringLiteral("Cal"), Role::Clerk, QStringLiteral("7302")));
    ASSERT_TRUE(staff.addAccount(QStringLiteral("Vic"), Role::Viewer, QStringLiteral("5555")));
}

/// Types name, Tab, PIN, Enter into the sign-in on screen, as at a desk.
void typeSignIn(Gui::SignInDialog* dialog, const QString& name, const QString& pin)
{
    QTest::keyClicks(dialog->nameField(), name);
    QTest::keyClick(dialog->nameField(), Qt::Key_Tab);
    QTest::keyClicks(dialog->pinField(), pin);
    QTest::keyClick(dialog->pinField(), Qt::Key_Return);
}

/// A key as the operator presses it, to the widget that has the keyboard in `window`.
void press(QWidget* window, Qt::Key key, Qt::KeyboardModifiers modifiers)
{
    window->activateWindow();
    (void)QTest::qWaitForWindowActive(window, 2000);
    QWidget* target = QApplication::focusWidget();
    if (!target || target->window() != window)
        target = window;
    QTest::keyClick(target, key, modifiers);
}

QAction* action(WindowFixture& f, const QString& name)
{
    return f.window->findChild<QAction*>(name);
}

/// Saves a picture of `widget` where STAFF_SHOTS points, to look at.
void shoot(QWidget* widget, const QString& name)
{
    if (qEnvironmentVariableIsSet("STAFF_SHOTS"))
        widget->grab().save(qEnvironmentVariable("STAFF_SHOTS") + u'/' + name +
                            QStringLiteral(".png"));
}

} // namespace

TEST(StaffWindow, WithoutAccountsTheOperatorMayDoEverything)
{
    WindowFixture f;
    Gui::OperatorDesk* desk = f.desk;
    // GIVEN no staff account THEN no sign-in is asked, and the operator has every action
    EXPECT_TRUE(desk->signInAtStart());
    EXPECT_EQ(desk->actor().name, QStringLiteral("operator"));
    for (const char* name : {"placeBid", "addLot", "checkIn", "checkout", "closeAll", "staff"})
        EXPECT_TRUE(action(f, QString::fromLatin1(name))->isVisible()) << name;
    EXPECT_TRUE(f.window->tabs()->isTabVisible(Gui::MainWindow::CheckoutTab));
    // AND the title names the operator and the station
    EXPECT_TRUE(f.window->windowTitle().contains(QStringLiteral("operator (admin) at ") +
                                                 Model::Database::stationName()));
    // AND Ctrl+Shift+L says there is nothing to lock
    press(f.window.get(), Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_FALSE(desk->isLocked());
    EXPECT_TRUE(f.window->statusBar()->currentMessage().contains(u"Nothing to lock"));
}

TEST(StaffWindow, TheSignInAtTheStartGivesTheRoleItsMenus)
{
    WindowFixture f;
    addStaff(f.auction.db());
    // WHEN Vic signs in with the keyboard only
    QString shownTitle;
    whenShown<Gui::SignInDialog>([&](Gui::SignInDialog* dialog) {
        shownTitle = dialog->windowTitle();
        shoot(dialog, QStringLiteral("signin"));
        typeSignIn(dialog, QStringLiteral("Vic"), QStringLiteral("5555"));
    });
    ASSERT_TRUE(f.desk->signInAtStart());
    EXPECT_TRUE(shownTitle.contains(Model::Database::stationName()));
    // THEN the title says who and where, and the service acts as Vic
    EXPECT_TRUE(f.window->windowTitle().contains(QStringLiteral("Vic (viewer) at ") +
                                                 Model::Database::stationName()));
    EXPECT_EQ(f.auction.service().actor().name, QStringLiteral("Vic"));
    // AND a viewer has no bidding, lots, bidders, checkout or admin actions
    for (const char* name : {"quickBid", "placeBid", "addLot", "editLot", "toggleLot", "addBidder",
                             "checkIn", "checkout", "summary", "closeAll", "settings", "staff",
                             "importItems", "exportUsers", "exportInvoices"})
        EXPECT_FALSE(action(f, QString::fromLatin1(name))->isVisible()) << name;
    EXPECT_FALSE(f.window->tabs()->isTabVisible(Gui::MainWindow::CheckoutTab));
    // AND the key of a hidden action says which roles may
    press(f.window.get(), Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_TRUE(f.window->statusBar()->currentMessage().contains(u"clerk or admin"))
        << f.window->statusBar()->currentMessage().toStdString();
    // AND the model refuses a viewer's change whatever the door
    const auto bid = f.auction.service().placeBid(2, 1, Model::Money::fromCents(100'000));
    ASSERT_FALSE(bid);
    EXPECT_EQ(bid.error().reason, Model::Error::Reason::ForbiddenRole);
}

TEST(StaffWindow, EachRoleSeesTheActionsTheRoleTableGivesIt)
{
    WindowFixture f;
    for (const Role role : {Role::Viewer, Role::CheckIn, Role::Clerk, Role::Cashier, Role::Admin}) {
        f.desk->setActor(
            Model::Actor{QStringLiteral("someone"), role, QStringLiteral("desk-1"), 1});
        for (QAction* each : f.window->findChildren<QAction*>()) {
            const auto needed = Gui::RoleGate::permissionOf(each->objectName());
            if (needed) {
                EXPECT_EQ(each->isVisible(), Model::mayDo(role, *needed))
                    << Model::roleName(role).toStdString() << " "
                    << each->objectName().toStdString();
            }
        }
    }
}

TEST(StaffWindow, WrongPinsMakeTheNextTryWait)
{
    WindowFixture f;
    addStaff(f.auction.db());
    Gui::SignInDialog dialog(f.auction.db(), QStringLiteral("desk-1"));
    dialog.show();
    // WHEN Cal types a wrong PIN five times
    for (int i = 0; i < 5; ++i) {
        dialog.nameField()->setText(QStringLiteral("Cal"));
        dialog.pinField()->setText(QStringLiteral("0000"));
        dialog.tryToSignIn();
    }
    EXPECT_TRUE(dialog.message()->text().contains(u"Wrong PIN"))
        << dialog.message()->text().toStdString();
    // THEN the sixth try, even with the right PIN, is told to wait, and nobody is signed in
    dialog.nameField()->setText(QStringLiteral("Cal"));
    dialog.pinField()->setText(QStringLiteral("7302"));
    dialog.tryToSignIn();
    // (the wait is counted from the fifth try: 30 s, or 29 when that try's hash was slow)
    const QRegularExpression waiting(QStringLiteral("wait (\\d+) seconds"));
    const auto told = waiting.match(dialog.message()->text());
    ASSERT_TRUE(told.hasMatch()) << dialog.message()->text().toStdString();
    const int seconds = told.captured(1).toInt();
    EXPECT_TRUE(seconds == 30 || seconds == 29) << seconds;
    EXPECT_FALSE(dialog.signInButton()->isEnabled());
    EXPECT_NE(dialog.result(), QDialog::Accepted);
    shoot(&dialog, QStringLiteral("signin-wait"));
    // AND the count goes down each second
    const QString next = QStringLiteral("wait %1 seconds").arg(seconds - 1);
    EXPECT_TRUE(waitFor([&] { return dialog.message()->text().contains(next); }, 2500));
}

TEST(StaffWindow, TheLockCoversTheWindowUntilSomeoneSignsInAndKeepsItsState)
{
    WindowFixture f;
    addStaff(f.auction.db());
    f.desk->setActor(
        Model::Actor{QStringLiteral("Ann"), Role::Admin, Model::Database::stationName(), 1});
    f.window->tabs()->setCurrentIndex(Gui::MainWindow::BidsTab);
    bool coveredWhileLocked = false;
    whenShown<Gui::SignInDialog>([&](Gui::SignInDialog* dialog) {
        coveredWhileLocked = f.desk->isLocked() && !f.window->centralWidget()->isVisible();
        typeSignIn(dialog, QStringLiteral("Cal"), QStringLiteral("7302"));
    });
    // WHEN Ctrl+Shift+L is pressed, and Cal signs in
    press(f.window.get(), Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_TRUE(
        waitFor([&] { return !f.desk->isLocked() && f.desk->actor().name == u"Cal"; }, 10'000));
    // THEN the window was covered, and is back as it was, now Cal's
    EXPECT_TRUE(coveredWhileLocked);
    EXPECT_TRUE(f.window->centralWidget()->isVisible());
    EXPECT_EQ(f.window->tabs()->currentIndex(), Gui::MainWindow::BidsTab);
    EXPECT_TRUE(f.window->windowTitle().contains(u"Cal (clerk)"));
    EXPECT_TRUE(action(f, QStringLiteral("placeBid"))->isVisible());
    EXPECT_FALSE(action(f, QStringLiteral("closeAll"))->isVisible());
}

TEST(StaffWindow, TheStaffDialogAddsChangesDeactivatesAndIssuesTokens)
{
    WindowFixture f;
    Gui::StaffDialog* dialog = f.desk->showStaff();
    QString shownToken;
    dialog->setShowToken([&](const QString&, const QString& token) { shownToken = token; });
    // WHEN the operator adds Ann (admin) and Bea (check-in) with the form
    const auto add = [&](const QString& name, Role role, const QString& pin) {
        dialog->nameField()->setText(name);
        dialog->roleChoice()->setCurrentIndex(static_cast<int>(role));
        dialog->pinField()->setText(pin);
        QTest::mouseClick(dialog->addButton(), Qt::LeftButton);
    };
    add(QStringLiteral("Ann"), Role::Admin, QStringLiteral("4821"));
    add(QStringLiteral("Bea"), Role::CheckIn, QStringLiteral("1234"));
    ASSERT_EQ(dialog->table()->rowCount(), 2) << dialog->lastProblem().toStdString();
    EXPECT_EQ(dialog->table()->item(1, 1)->text(), QStringLiteral("check-in"));
    // AND a PIN too short is refused, naming the problem, and adds nobody
    add(QStringLiteral("Cy"), Role::Clerk, QStringLiteral("12"));
    EXPECT_FALSE(dialog->lastProblem().isEmpty());
    EXPECT_EQ(dialog->table()->rowCount(), 2);
    shoot(dialog, QStringLiteral("staff"));
    // WHEN Bea becomes a cashier and gets a token
    dialog->selectName(QStringLiteral("Bea"));
    EXPECT_TRUE(dialog->setRole(Role::Cashier));
    EXPECT_EQ(dialog->table()->item(1, 1)->text(), QStringLiteral("cashier"));
    ASSERT_TRUE(dialog->issueToken(QStringLiteral("till-1")));
    // THEN the token was shown once and stands for Bea's role on any station
    ASSERT_FALSE(shownToken.isEmpty());
    Model::StaffService reader(f.auction.db(), Model::Actor{});
    auto actor = reader.actorForToken(shownToken, QStringLiteral("desk-2"));
    ASSERT_TRUE(actor);
    EXPECT_EQ(actor->role, Role::Cashier);
    // WHEN it is revoked THEN it works nowhere any more
    const auto tokens = dialog->workingTokens();
    ASSERT_EQ(tokens.size(), 1);
    EXPECT_TRUE(dialog->revokeToken(tokens.first().id));
    EXPECT_FALSE(reader.actorForToken(shownToken, QStringLiteral("desk-2")));
    EXPECT_TRUE(dialog->workingTokens().isEmpty());
    // AND Bea deactivated is shown so; the last admin may not be
    EXPECT_TRUE(dialog->deactivateSelected());
    EXPECT_EQ(dialog->table()->item(1, 2)->text(), QStringLiteral("deactivated"));
    dialog->selectName(QStringLiteral("Ann"));
    EXPECT_FALSE(dialog->deactivateSelected());
    EXPECT_FALSE(dialog->lastProblem().isEmpty());
}
