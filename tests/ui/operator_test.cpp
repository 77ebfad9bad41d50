// The window as an operator reads and drives it: column widths, closed lots, menus, words,
// and the CSV import preview with its one-step undo.
#include "model/tables/bidstablemodel.h"
#include "model/tables/itemstablemodel.h"
#include "model/tables/tablesupport.h"
#include "model/tables/useritemsmodel.h"
#include "ui/csvtransfer.h"
#include "ui/helpdialogs.h"
#include "ui/itemdialog.h"
#include "ui/quickbidbar.h"
#include "windowfixture.h"

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTimer>
#include <QUndoStack>

using namespace BidTracker;
using namespace BidTracker::Testing;

namespace {

/// The menu bar's menu with this title (ampersands ignored), or null.
QMenu* menuNamed(QMainWindow* window, const QString& title)
{
    for (QAction* action : window->menuBar()->actions()) {
        if (action->menu() && action->text().remove(u'&') == title)
            return action->menu();
    }
    return nullptr;
}

QAction* actionNamed(QMenu* menu, const QString& text)
{
    for (QAction* action : menu->actions()) {
        if (action->text().remove(u'&').startsWith(text))
            return action;
    }
    return nullptr;
}

/// True when the cell's text fits its column without being elided.
bool fits(QTableView* view, int row, int column)
{
    const QString text = cell(view, row, column);
    const int needed = view->fontMetrics().horizontalAdvance(text) + 8;
    return view->columnWidth(column) >= needed;
}

} // namespace

TEST(Tables, NamesStretchAndAmountsAreNeverElidedAt900x600)
{
    for (const QSize size : {QSize(900, 600), QSize(1280, 800)}) {
        // GIVEN a lot with a seven-figure winning bid, the window at this size
        WindowFixture f;
        const qint64 lot = f.auction.addItem(QStringLiteral("Weekend for two at the lake house"));
        f.auction.bid(lot, 3, 123456789);
        f.window->resize(size);
        QTest::qWait(50);
        QTableView* items = f.items();
        const int row = f.rowsOf(items) - 1;
        // THEN every amount shows whole, and the name column keeps a useful width
        for (const int column :
             {int(Model::ItemsTableModel::StartingPrice), int(Model::ItemsTableModel::MinIncrement),
              int(Model::ItemsTableModel::WinningValue), int(Model::ItemsTableModel::Id)})
            EXPECT_TRUE(fits(items, row, column))
                << size.width() << ": column " << column << " " << items->columnWidth(column);
        EXPECT_GE(items->columnWidth(Model::ItemsTableModel::Name),
                  items->fontMetrics().horizontalAdvance(QStringLiteral("Weekend for two")))
            << size.width();
        EXPECT_EQ(items->horizontalHeader()->sectionResizeMode(Model::ItemsTableModel::Name),
                  QHeaderView::Stretch);
    }
}

TEST(ClosedLots, LookClosedAndTheBidderViewSaysWonOrLost)
{
    // GIVEN lot 1 (Berry leads over Albert) closed
    WindowFixture f;
    ASSERT_TRUE(f.window->actions()->setLotOpen(1, false));
    // THEN its row is greyed with a lock in the status column
    QTableView* items = f.items();
    auto* delegate = qobject_cast<Gui::HighlightDelegate*>(items->itemDelegate());
    ASSERT_NE(delegate, nullptr);
    const QModelIndex status = items->model()->index(0, Model::ItemsTableModel::Status);
    const QStyleOptionViewItem closed = delegate->optionFor(status, items);
    EXPECT_FALSE(closed.icon.isNull());
    EXPECT_EQ(closed.palette.color(QPalette::Text),
              items->palette().color(QPalette::Disabled, QPalette::Text));
    const QStyleOptionViewItem open =
        delegate->optionFor(items->model()->index(1, Model::ItemsTableModel::Status), items);
    EXPECT_TRUE(open.icon.isNull());
    // AND the bidders' views say Won and Lost
    f.window->tabs()->setCurrentIndex(Gui::MainWindow::UsersTab);
    f.window->usersPage()->selectId(2);
    EXPECT_EQ(cell(f.window->userItemsView(), 0, Model::UserItemsModel::Standing), u"Won");
    f.window->usersPage()->selectId(1);
    EXPECT_EQ(cell(f.window->userItemsView(), 0, Model::UserItemsModel::Standing), u"Lost");
}

TEST(ClosedLots, CtrlKAsksBeforeReopening)
{
    WindowFixture f;
    QStringList questions;
    bool answer = false;
    f.window->actions()->setConfirm([&](const QString& question) {
        questions.append(question);
        return answer;
    });
    f.window->itemsPage()->selectId(1);
    f.items()->setFocus();
    QTest::keyClick(f.window.get(), Qt::Key_K, Qt::ControlModifier); // closes, no question
    EXPECT_EQ(f.auction.service().item(1)->status, Model::ItemStatus::Closed);
    EXPECT_TRUE(questions.isEmpty());
    QTest::keyClick(f.window.get(), Qt::Key_K, Qt::ControlModifier); // asks; "Cancel"
    ASSERT_EQ(questions.size(), 1);
    EXPECT_TRUE(questions[0].startsWith(QStringLiteral("Reopen lot item1")));
    EXPECT_EQ(f.auction.service().item(1)->status, Model::ItemStatus::Closed);
    answer = true;
    QTest::keyClick(f.window.get(), Qt::Key_K, Qt::ControlModifier);
    EXPECT_EQ(f.auction.service().item(1)->status, Model::ItemStatus::Open);
}

TEST(Menus, ViewAndHelpHaveWhatAnOperatorLooksFor)
{
    WindowFixture f;
    QMenu* view = menuNamed(f.window.get(), QStringLiteral("View"));
    QMenu* help = menuNamed(f.window.get(), QStringLiteral("Help"));
    ASSERT_NE(view, nullptr);
    ASSERT_NE(help, nullptr);
    QAction* server = actionNamed(view, QStringLiteral("Server panel"));
    ASSERT_NE(server, nullptr);
    EXPECT_NE(actionNamed(view, QStringLiteral("Toolbar")), nullptr);
    QAction* fullScreen = actionNamed(view, QStringLiteral("Full screen"));
    ASSERT_NE(fullScreen, nullptr);
    EXPECT_EQ(fullScreen->shortcut(), QKeySequence(QKeySequence::FullScreen));
    EXPECT_NE(actionNamed(help, QStringLiteral("Keyboard shortcuts")), nullptr);
    EXPECT_NE(actionNamed(help, QStringLiteral("About")), nullptr);
    EXPECT_TRUE(Gui::aboutLine().contains(QString::fromLatin1(qVersion())));
    // Hiding the server panel hides its dock
    auto* dock = f.window->findChild<QDockWidget*>(QStringLiteral("serverDock"));
    ASSERT_NE(dock, nullptr);
    const bool shown = dock->isVisible();
    server->trigger();
    EXPECT_EQ(dock->isVisible(), !shown);
    server->trigger();
    EXPECT_EQ(dock->isVisible(), shown);
    // Every shortcut in the list is a real one of the window, or a key of the bar
    const auto shortcuts = Gui::keyboardShortcuts();
    EXPECT_TRUE(std::any_of(shortcuts.begin(), shortcuts.end(),
                            [](const auto& row) { return row.first == u"Ctrl+B"; }));
}

TEST(Menus, RightClickOnALotOffersItsActions)
{
    WindowFixture f;
    QTableView* items = f.items();
    const QRect second = items->visualRect(items->model()->index(1, 1));
    // WHEN the operator right-clicks lot 2
    Q_EMIT items->customContextMenuRequested(second.center());
    QMenu* menu = nullptr;
    ASSERT_TRUE(waitFor(
        [&] {
            for (QWidget* widget : QApplication::topLevelWidgets())
                if (auto* found = qobject_cast<QMenu*>(widget); found && found->isVisible())
                    menu = found;
            return menu != nullptr;
        },
        2000));
    QStringList texts;
    for (QAction* action : menu->actions())
        if (!action->isSeparator())
            texts.append(action->text());
    EXPECT_EQ(texts, (QStringList{QStringLiteral("Place bid on this lot"),
                                  QStringLiteral("Edit lot…"), QStringLiteral("Close lot"),
                                  QStringLiteral("Print &bid sheets for the selected lots…"),
                                  QStringLiteral("Print &labels for the selected lots…"),
                                  QStringLiteral("Delete lot…")}));
    // AND chooses "Place bid on this lot": the quick bid bar has the lot, waiting for a bidder
    menu->actions().first()->trigger();
    menu->close();
    EXPECT_EQ(f.window->quickBidBar()->lotId(), 2);
}

TEST(Menus, DoubleClickOnALotEditsIt)
{
    WindowFixture f;
    QTableView* items = f.items();
    // WHEN the operator double-clicks lot 1, its edit dialog opens
    QString title;
    int clicks = 0;
    QObject::connect(items, &QAbstractItemView::doubleClicked, [&] { ++clicks; });
    QTimer::singleShot(100, [&] {
        for (QWidget* widget : QApplication::topLevelWidgets())
            if (auto* dialog = qobject_cast<Gui::ItemDialog*>(widget);
                dialog && dialog->isVisible()) {
                title = dialog->windowTitle();
                dialog->reject();
            }
    });
    const QRect first = items->visualRect(items->model()->index(0, 1));
    // A real double-click: press, release, then the second press arrives as a double-click.
    QTest::mousePress(items->viewport(), Qt::LeftButton, {}, first.center());
    QTest::mouseRelease(items->viewport(), Qt::LeftButton, {}, first.center());
    QTest::mouseDClick(items->viewport(), Qt::LeftButton, {}, first.center());
    EXPECT_EQ(clicks, 1);
    EXPECT_EQ(title, QStringLiteral("Edit lot item1"));
}

TEST(Words, MessagesSayLotAndBidder)
{
    WindowFixture f;
    ASSERT_TRUE(f.window->actions()->setLotOpen(2, false));
    const auto closed = f.window->actions()->placeBid(2, 1, Model::Money::fromCents(500));
    ASSERT_FALSE(closed.has_value());
    EXPECT_TRUE(closed.error().message.contains(QStringLiteral("lot item2")))
        << closed.error().message.toStdString();
    EXPECT_FALSE(closed.error().message.contains(QStringLiteral("Item item2")));
    const auto low = f.window->actions()->placeBid(1, 3, Model::Money::fromCents(500));
    ASSERT_FALSE(low.has_value());
    EXPECT_TRUE(low.error().message.contains(QStringLiteral("lowest acceptable bid is 1,000.01")))
        << low.error().message.toStdString();
    EXPECT_TRUE(low.error().message.contains(QStringLiteral("by Berry")));
    const auto nobody = f.window->actions()->placeBid(1, 99, Model::Money::fromCents(500000));
    ASSERT_FALSE(nobody.has_value());
    EXPECT_EQ(nobody.error().message, QStringLiteral("There is no bidder user99."));
}

TEST(Lots, RaisingTheStartingPriceAboveTheWinningBidAsksFirst)
{
    WindowFixture f;
    QStringList questions;
    bool answer = false;
    f.window->actions()->setConfirm([&](const QString& question) {
        questions.append(question);
        return answer;
    });
    Model::ItemChanges changes;
    changes.startingPrice = Model::Money::fromCents(200000);
    EXPECT_FALSE(f.window->actions()->updateItem(1, changes));
    ASSERT_EQ(questions.size(), 1);
    EXPECT_TRUE(questions[0].contains(QStringLiteral("above the winning bid of 1,000.00")))
        << questions[0].toStdString();
    EXPECT_EQ(f.auction.service().item(1)->startingPrice.cents(), 1);
    answer = true;
    EXPECT_TRUE(f.window->actions()->updateItem(1, changes));
    EXPECT_EQ(f.auction.service().item(1)->startingPrice.cents(), 200000);
    // A lot without bids is changed without a question
    EXPECT_TRUE(f.window->actions()->updateItem(2, changes));
    EXPECT_EQ(questions.size(), 2);
}

TEST(Import, ThePreviewMarksBadRowsAndNamesIgnoredColumnsAndDuplicates)
{
    WindowFixture f;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lots.csv"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("name,starting_price,Paddle,Phone\r\nVase,10,1,555\r\n,5,2,556\r\n"
               "Clock,1e5,3,557\r\nvase,7,4,558\r\nItem Nº 2,9,5,559\r\n");
    file.close();
    Gui::ImportDialog dialog(f.auction.service(), Model::CsvKind::Items, path, f.window.get());
    EXPECT_FALSE(dialog.canImport());
    EXPECT_EQ(dialog.badRows(), (QList<int>{1, 2}));
    EXPECT_NE(dialog.preview()->item(1, 0)->background(), QBrush());
    EXPECT_EQ(dialog.preview()->item(0, 0)->background(), QBrush());
    EXPECT_TRUE(dialog.notes().contains(QStringLiteral("Paddle, Phone will be ignored")))
        << dialog.notes().toStdString();
    EXPECT_TRUE(dialog.notes().contains(QStringLiteral("line 5: \"vase\" is also on line 2")))
        << dialog.notes().toStdString();
    EXPECT_TRUE(dialog.notes().contains(QStringLiteral("line 6: \"Item Nº 2\" is already item2")))
        << dialog.notes().toStdString();
    EXPECT_TRUE(dialog.windowTitle().startsWith(QStringLiteral("Import lots")));
}

TEST(Import, IsUndoneInOneStep)
{
    WindowFixture f;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lots.csv"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("name,starting_price\r\nVase,\"1,350.00\"\r\nClock,5\r\nRug,7\r\n");
    file.close();
    Gui::ImportDialog dialog(f.auction.service(), Model::CsvKind::Items, path, f.window.get());
    ASSERT_TRUE(dialog.canImport()) << dialog.problems().toStdString();
    dialog.accept();
    ASSERT_EQ(dialog.addedIds().size(), 3);
    f.window->actions()->recordImport(true, dialog.addedIds());
    EXPECT_EQ(f.rowsOf(f.items()), 5);
    EXPECT_EQ(f.auction.service().item(dialog.addedIds().first())->startingPrice.cents(), 135000);
    // WHEN the operator presses Undo once
    f.window->actions()->undoStack()->undo();
    // THEN the whole import is gone, and Redo brings it back under the same ids
    EXPECT_EQ(f.auction.service().items()->total, 2);
    EXPECT_EQ(f.rowsOf(f.items()), 2);
    f.window->actions()->undoStack()->redo();
    EXPECT_EQ(f.auction.service().items()->total, 5);
    EXPECT_EQ(f.auction.service().item(dialog.addedIds().last())->name, QStringLiteral("Rug"));
}

TEST(Tables, AHiddenBidsTabReadsNoRowsUntilItIsShown)
{
    // GIVEN an auction with more bids than several blocks of the Bids table, and a window
    // opened on it (on the Lots tab)
    QTemporaryDir settings;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    Testing::TestAuction auction;
    ASSERT_TRUE(auction.service().loadSampleAuction().has_value());
    QList<Model::BidRequest> batch;
    for (int i = 1; i <= 4 * Model::BidsTableModel::BlockSize; ++i)
        batch.append({2, 1 + i % 3, Model::Money::fromCents(i)});
    ASSERT_EQ(auction.service().placeBids(batch).size(), batch.size());
    Testing::TestServerControl server(auction.path(), &auction.notifier());
    Gui::MainWindow window(auction.service(), auction.notifier(), auction.path(), &server);
    window.resize(1280, 800);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QTest::qWait(50);
    // WHEN every bid's time is changed behind the window's back and the Bids tab is opened at
    // its last row
    {
        auto other = Testing::openDatabase(auction.path());
        QSqlQuery stamp(other->connection());
        ASSERT_TRUE(
            stamp.exec(QStringLiteral("UPDATE bids SET placed_at = '2001-01-01T00:00:00.000Z'")));
    }
    window.tabs()->setCurrentIndex(Gui::MainWindow::BidsTab);
    QTableView* bids = window.bidsPage()->view();
    bids->scrollToBottom();
    QTest::qWait(50);
    // THEN the last row shows the file as it is now: it was never read while hidden (fitting
    // the columns of a hidden table must not read every row of a million)
    const int last = bids->model()->rowCount() - 1;
    EXPECT_EQ(cell(bids, last, Model::BidsTableModel::PlacedAt),
              Model::displayTime(QStringLiteral("2001-01-01T00:00:00.000Z")));
}
