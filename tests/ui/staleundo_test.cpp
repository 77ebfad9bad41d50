// Ctrl+Z on one station after another station changed the same lot: refused in words,
// nothing changed (ARCHITECTURE.md "Commands"); a close-all time in the past asks first and
// its undo reopens exactly the lots it closed (issue 26.4).
#include "modaldriver.h"
#include "ui/settingsdialog.h"
#include "windowfixture.h"

#include <QApplication>
#include <QCheckBox>
#include <QDateTimeEdit>
#include <QLineEdit>
#include <QUndoStack>

using namespace BidTracker;
using Testing::WindowFixture;

namespace {

void pressUndo(WindowFixture& f)
{
    QApplication::setActiveWindow(f.window.get());
    (void)QTest::qWaitForWindowActive(f.window.get());
    QTest::keyClick(f.window.get(), Qt::Key_Z, Qt::ControlModifier);
}

} // namespace

TEST(StaleUndo, CtrlZAfterAnotherStationClosedTheLotSaysSoAndChangesNothing)
{
    // GIVEN this station renamed lot 1, and another station (its own connection) closed it
    WindowFixture f;
    ASSERT_TRUE(f.window->actions()->renameItem(1, QStringLiteral("Urn")));
    auto otherDb = Testing::openDatabase(f.auction.path());
    Model::AuctionService other(*otherDb);
    Model::ItemChanges close;
    close.status = Model::ItemStatus::Closed;
    ASSERT_TRUE(other.updateItem(1, close));
    // WHEN the operator presses Ctrl+Z
    pressUndo(f);
    // THEN the window says which lot changed, how and when, and that nothing was undone
    ASSERT_EQ(f.reports.size(), 1);
    const QString said = f.reports.constFirst();
    EXPECT_TRUE(said.startsWith(QStringLiteral("Lot 1 was closed at "))) << said.toStdString();
    EXPECT_TRUE(said.endsWith(QStringLiteral("; nothing undone."))) << said.toStdString();
    // AND the lot is still closed and still renamed, and the step left the stack
    const Model::Item lot = *f.auction.service().item(1);
    EXPECT_EQ(lot.status, Model::ItemStatus::Closed);
    EXPECT_EQ(lot.name, QStringLiteral("Urn"));
    EXPECT_EQ(f.window->actions()->undoStack()->count(), 0);
}

TEST(CloseAllAt, APastTimeAsksNamingTheLotsAndItsUndoReopensExactlyThem)
{
    // GIVEN the sample's two open lots, one closed by hand first
    WindowFixture f;
    Model::ItemChanges close;
    close.status = Model::ItemStatus::Closed;
    ASSERT_TRUE(f.window->actions()->updateItem(1, close));
    QStringList asked;
    f.window->actions()->setConfirm([&asked](const QString& question) {
        asked.append(question);
        return true;
    });
    // WHEN the operator sets "close all at" to a time ten minutes ago in the dialog
    const QDateTime past =
        QDateTime::currentDateTime().addSecs(-600).addSecs(-QTime::currentTime().second());
    Testing::whenShown<Gui::SettingsDialog>([&](Gui::SettingsDialog* dialog) {
        dialog->closeAllEnabled()->setChecked(true);
        dialog->closeAllAt()->setDateTime(past);
        QTest::keyClick(dialog->nameField(), Qt::Key_Return);
    });
    f.window->actions()->editSettings();
    // THEN it asked first, naming how many open lots it closes, and closed them
    ASSERT_EQ(asked.size(), 1);
    EXPECT_TRUE(asked.constFirst().contains(QStringLiteral("1 open lot")))
        << asked[0].toStdString();
    EXPECT_EQ(f.auction.service().item(2)->status, Model::ItemStatus::Closed);
    // AND Ctrl+Z restores the setting and reopens exactly the lot it closed
    pressUndo(f);
    EXPECT_TRUE(f.reports.isEmpty()) << f.reports.join(u'\n').toStdString();
    EXPECT_TRUE(f.auction.service().settings()->closeAllAt.isEmpty());
    EXPECT_EQ(f.auction.service().item(2)->status, Model::ItemStatus::Open);
    EXPECT_EQ(f.auction.service().item(1)->status, Model::ItemStatus::Closed);
}

TEST(CloseAllAt, TheTimeFieldTakesWhatIsTyped)
{
    // GIVEN the settings dialog with no close-all time (its default has hidden seconds)
    WindowFixture f;
    QDateTime shown;
    Testing::whenShown<Gui::SettingsDialog>([&](Gui::SettingsDialog* dialog) {
        // WHEN 02:13 of a day ahead is typed
        dialog->closeAllEnabled()->setChecked(true);
        QDateTimeEdit* field = dialog->closeAllAt();
        field->setFocus();
        field->setSelectedSection(QDateTimeEdit::HourSection);
        QTest::keyClicks(field, QStringLiteral("02"));
        field->setSelectedSection(QDateTimeEdit::MinuteSection);
        QTest::keyClicks(field, QStringLiteral("13"));
        shown = field->dateTime();
        dialog->reject();
    });
    f.window->actions()->editSettings();
    // THEN it is 02:13:00.000
    EXPECT_EQ(shown.time(), QTime(2, 13)) << shown.toString(Qt::ISODateWithMs).toStdString();
}

TEST(StaleUndo, OwnChangesOfOneLotUndoOneAfterAnother)
{
    // GIVEN this station renamed lot 1 and then closed it
    WindowFixture f;
    ASSERT_TRUE(f.window->actions()->renameItem(1, QStringLiteral("Urn")));
    ASSERT_TRUE(f.window->actions()->setLotOpen(1, false));
    // WHEN the operator presses Ctrl+Z twice
    pressUndo(f);
    pressUndo(f);
    // THEN both are undone, nothing refused; Redo twice does both again
    EXPECT_TRUE(f.reports.isEmpty()) << f.reports.join(u'\n').toStdString();
    EXPECT_EQ(f.auction.service().item(1)->status, Model::ItemStatus::Open);
    EXPECT_NE(f.auction.service().item(1)->name, QStringLiteral("Urn"));
    f.window->actions()->undoStack()->redo();
    f.window->actions()->undoStack()->redo();
    EXPECT_TRUE(f.reports.isEmpty()) << f.reports.join(u'\n').toStdString();
    EXPECT_EQ(f.auction.service().item(1)->name, QStringLiteral("Urn"));
    EXPECT_EQ(f.auction.service().item(1)->status, Model::ItemStatus::Closed);
}
