// Issue 21.17 and 21.18: long text never widens the window; a reload (as after a reconnect)
// keeps the clerk's place; Tab picks from the last rows read when the database is away.
#include "app/options.h"
#include "model/changenotifier.h"
#include "ui/entrypick.h"
#include "ui/quickbidbar.h"
#include "windowfixture.h"

#include <QLineEdit>
#include <QScrollBar>
#include <QStatusBar>

using namespace BidTracker;
using Testing::waitFor;

TEST(LongText, LongNamesAndThreeHundredCharacterMessagesLeaveTheWindow1280Wide)
{
    // GIVEN the window at 1280 pixels and a lot and a bidder with names of the longest
    // allowed (200 characters, in one word)
    Testing::WindowFixture fixture;
    Gui::MainWindow& window = *fixture.window;
    auto& service = fixture.auction.service();
    const QString longName = QString(200, u'W');
    const auto lot = service.createItem({.name = longName});
    ASSERT_TRUE(lot.has_value());
    const qint64 bidder = fixture.auction.addUser(QString(200, u'M'));
    ASSERT_EQ(window.width(), 1280);

    // WHEN both are selected (their names title the detail tables), the quick bid bar is given
    // 300 characters that match nothing, and the status bar a 300-character message
    window.itemsPage()->selectId(lot->id);
    window.usersPage()->selectId(bidder);
    Gui::QuickBidBar* bar = window.quickBidBar();
    bar->lotField()->setText(QString(300, u'Q'));
    QTest::keyClick(bar->lotField(), Qt::Key_Tab);
    window.statusBar()->showMessage(QString(300, u'S'));
    QTest::qWait(100);

    // THEN the window keeps its width and could be made no wider than it is
    EXPECT_FALSE(bar->message().isEmpty());
    EXPECT_EQ(window.width(), 1280);
    EXPECT_LE(window.minimumSizeHint().width(), 1280);
    EXPECT_LE(window.minimumWidth(), 1280);
}

TEST(KeepPlace, AReloadOfEveryRowKeepsTheSelectionCurrentRowAndScroll)
{
    // GIVEN enough lots to scroll, lot 30 current, lots 30 and 31 selected, scrolled down
    Testing::WindowFixture fixture;
    for (int i = 0; i < 80; ++i)
        ASSERT_TRUE(
            fixture.auction.service().createItem({.name = QStringLiteral("Lot %1").arg(i)}));
    Gui::TablePage* page = fixture.window->itemsPage();
    QTableView* view = page->view();
    page->selectId(31);
    const QModelIndex lot31 = view->currentIndex();
    page->selectId(30); // (the current row, selected alone)
    view->selectionModel()->select(lot31, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view->verticalScrollBar()->setValue(12);
    const int scroll = view->verticalScrollBar()->value();
    ASSERT_GT(scroll, 0);
    const auto selectedIds = [&] {
        QList<qint64> ids;
        for (const QModelIndex& row : view->selectionModel()->selectedRows())
            ids.append(row.data(Model::IdRole).toLongLong());
        std::sort(ids.begin(), ids.end());
        return ids;
    };
    ASSERT_EQ(selectedIds(), (QList<qint64>{30, 31}));

    // WHEN every row is read again (what a reconnect announces)
    fixture.auction.notifier().announce(
        Model::Change{Model::EntityKind::Item, Model::Change::Action::Reset, 0, 0, 0});

    // THEN the same lots are selected, the same one current, at the same scroll
    EXPECT_TRUE(waitFor([&] { return view->verticalScrollBar()->value() == scroll; }, 2000))
        << view->verticalScrollBar()->value();
    EXPECT_EQ(page->currentId(), 30);
    EXPECT_EQ(selectedIds(), (QList<qint64>{30, 31}));
}

TEST(KeepPlace, TabPicksFromTheLastRowsWhenTheDatabaseIsAway)
{
    // GIVEN rows read before the outage
    Model::Item vase;
    vase.id = 7;
    vase.name = QStringLiteral("Blue vase");
    Model::Item clock;
    clock.id = 8;
    clock.name = QStringLiteral("Clock");
    clock.status = Model::ItemStatus::Closed;
    Model::User ann;
    ann.id = 3;
    ann.name = QStringLiteral("Ann Lee");
    ann.number = 104;

    // THEN a lot number, an id or a name picks from them, a closed lot is refused, and a
    // number in the bidder field is a paddle
    EXPECT_EQ(Gui::pickLotFrom({vase, clock}, QStringLiteral("7")).id, 7);
    EXPECT_EQ(Gui::pickLotFrom({vase, clock}, QStringLiteral("item7")).id, 7);
    EXPECT_EQ(Gui::pickLotFrom({vase, clock}, QStringLiteral("vase")).id, 7);
    EXPECT_FALSE(Gui::pickLotFrom({vase, clock}, QStringLiteral("clock")).picked());
    EXPECT_EQ(Gui::pickBidderFrom({ann}, QStringLiteral("104")).id, 3);
    EXPECT_FALSE(Gui::pickBidderFrom({ann}, QStringLiteral("3")).picked());
    EXPECT_EQ(Gui::pickBidderFrom({ann}, QStringLiteral("user3")).id, 3);
    EXPECT_EQ(Gui::pickBidderFrom({ann}, QStringLiteral("lee")).label,
              Gui::bidderLabel(QStringLiteral("Ann Lee"), 104));
}

TEST(StationOption, TheStationsNameIsCheckedAndTheHelpNamesPostgreSQL)
{
    const auto named = App::parseOptions({QStringLiteral("--station"), QStringLiteral("Desk 2")});
    ASSERT_TRUE(named.has_value()) << named.error().toStdString();
    EXPECT_EQ(named->station, QStringLiteral("Desk 2"));
    const auto tooLong = App::parseOptions({QStringLiteral("--station"), QString(64, u'x')});
    ASSERT_FALSE(tooLong.has_value());
    EXPECT_TRUE(tooLong.error().contains(u"63")) << tooLong.error().toStdString();
    // (PostgreSQL would show an accented letter as "?")
    const auto accented =
        App::parseOptions({QStringLiteral("--station"), QStringLiteral("Caisse é")});
    ASSERT_FALSE(accented.has_value());
    EXPECT_TRUE(accented.error().contains(u"U+00E9")) << accented.error().toStdString();
    const auto control =
        App::parseOptions({QStringLiteral("--station"), QStringLiteral("desk\u00072")});
    ASSERT_FALSE(control.has_value());
    EXPECT_TRUE(control.error().contains(u"U+0007")) << control.error().toStdString();
    EXPECT_FALSE(App::parseOptions({QStringLiteral("--station"), QString()}));
    const auto help = App::parseOptions({QStringLiteral("--help")});
    ASSERT_TRUE(help.has_value());
    EXPECT_TRUE(help->helpText.contains(u"postgresql://USER")) << help->helpText.toStdString();
    EXPECT_TRUE(help->helpText.contains(u"--station")) << help->helpText.toStdString();
}
