// The Lots table's columns for the rules of real sales: the live countdown, closed by the
// lot closer, and column widths saved by a version with other columns.
#include "model/lotcloser.h"
#include "model/tables/itemstablemodel.h"
#include "model/tables/tablesupport.h"
#include "windowfixture.h"

#include <QHeaderView>
#include <QSignalSpy>
#include <QStandardItemModel>

using namespace BidTracker;
using namespace BidTracker::Testing;

namespace {

/// Seconds in a time left as the table shows it ("0:04", "1:05:09").
int secondsIn(const QString& text)
{
    int seconds = 0;
    for (const QString& part : text.split(u':'))
        seconds = seconds * 60 + part.toInt();
    return seconds;
}

} // namespace

TEST(Countdown, ALotClosingInSecondsCountsDownInRedThenSaysClosed)
{
    // GIVEN lot 2 closing six seconds from now, lot 1 selected in the Lots table
    WindowFixture f;
    Model::ItemChanges changes;
    changes.closesAt = QDateTime::currentDateTimeUtc().addSecs(6).toString(Qt::ISODateWithMs);
    ASSERT_TRUE(f.auction.service().updateItem(2, changes).has_value());
    f.window->itemsPage()->selectId(1);
    const QModelIndex left = lotCell(f, 2, Model::ItemsTableModel::TimeLeft);
    ASSERT_TRUE(left.isValid());
    const QString first = left.data().toString();
    // THEN it counts down without the table being reset, in red
    QSignalSpy resets(f.items()->model(), &QAbstractItemModel::modelReset);
    ASSERT_TRUE(waitFor([&] { return left.data().toString() != first; }, 2500))
        << first.toStdString();
    EXPECT_LT(secondsIn(left.data().toString()), secondsIn(first));
    EXPECT_LE(secondsIn(first), 6);
    auto* delegate = qobject_cast<Gui::HighlightDelegate*>(f.items()->itemDelegate());
    ASSERT_NE(delegate, nullptr);
    const QColor red = delegate->optionFor(left, f.items()).palette.color(QPalette::Text);
    EXPECT_GT(red.red(), 150);
    EXPECT_LT(red.green(), 100);
    EXPECT_EQ(resets.size(), 0);
    // AND its column stays wide enough for what it shows
    EXPECT_GE(f.items()->columnWidth(Model::ItemsTableModel::TimeLeft),
              f.items()->fontMetrics().horizontalAdvance(left.data().toString()));
    // WHEN its time comes, with the lot closer running as in every process
    Model::LotCloser closer(f.auction.service(), 100);
    closer.start();
    // THEN it says closed, in the table's grey, and the lot is closed in the database
    ASSERT_TRUE(waitFor([&] { return left.data().toString() == u"closed"; }, 8000))
        << left.data().toString().toStdString();
    EXPECT_EQ(f.auction.service().item(2)->status, Model::ItemStatus::Closed);
    EXPECT_NE(delegate->optionFor(left, f.items()).palette.color(QPalette::Text), red);
    EXPECT_EQ(resets.size(), 0);
}

TEST(Layout, WidthsSavedForOtherColumnsAreFittedAfreshAndOwnOnesKept)
{
    // GIVEN widths an older version saved for its eight lot columns, the last 400 wide
    WindowFixture f;
    QStandardItemModel eight(1, 8);
    QTableView old;
    old.setModel(&eight);
    old.horizontalHeader()->resizeSection(7, 400);
    QSettings().setValue(QStringLiteral("window/columns/items"),
                         old.horizontalHeader()->saveState());
    // WHEN a window opens
    auto window = std::make_unique<Gui::MainWindow>(f.auction.service(), f.auction.notifier(),
                                                    f.auction.path(), f.server.get());
    window->resize(1280, 800);
    window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    QTest::qWait(50);
    // THEN those widths do not land on the new columns: the reserve is as wide as it needs
    QTableView* lots = window->itemsPage()->view();
    EXPECT_LT(lots->columnWidth(Model::ItemsTableModel::Reserve), 200);
    // WHEN the operator widens it and the window closes and opens again
    lots->horizontalHeader()->resizeSection(Model::ItemsTableModel::Reserve, 250);
    window->close();
    window = std::make_unique<Gui::MainWindow>(f.auction.service(), f.auction.notifier(),
                                               f.auction.path(), f.server.get());
    window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    // THEN the operator's own width is back
    EXPECT_EQ(window->itemsPage()->view()->columnWidth(Model::ItemsTableModel::Reserve), 250);
}
