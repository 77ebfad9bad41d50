// Issue 21.16: other stations' bids (announced from another thread, as the embedded server's
// are) reach the window's views in batches. After a burst every view shows the final data,
// the operator's selection and scroll position stay, the big screen follows while bids
// stream in, and the views do their work once per batch, not once per bid.
#include "model/changebatcher.h"
#include "model/tables/itemstablemodel.h"
#include "ui/bigscreen.h"
#include "ui/quickbidbar.h"
#include "windowfixture.h"

#include <QItemSelectionModel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QThread>
#include <atomic>

using namespace BidTracker;
using namespace BidTracker::Testing;

namespace {

struct Burst
{
    QList<qint64> lots;
    QList<qint64> bidders;
};

/// `lots` lots at 1.00 up by 1.00 and `bidders` bidders, added before the window looks.
Burst addLotsAndBidders(WindowFixture& f, int lots, int bidders)
{
    Burst burst;
    QList<Model::ItemChanges> items;
    for (int i = 1; i <= lots; ++i)
        items.append({.name = QStringLiteral("Burst lot %1").arg(i),
                      .startingPrice = Model::Money::fromCents(100),
                      .minIncrement = Model::Money::fromCents(100)});
    EXPECT_TRUE(f.auction.service().importItems(items, &burst.lots).has_value());
    QStringList names;
    for (int i = 1; i <= bidders; ++i)
        names.append(QStringLiteral("Burst bidder %1").arg(i));
    EXPECT_TRUE(f.auction.service().importUsers(names, &burst.bidders).has_value());
    return burst;
}

/// Records `count` bids round the lots on a second connection in another thread, announced
/// on the window's notifier; `pauseUs` between bids (0: as fast as it goes).
std::unique_ptr<QThread> feed(WindowFixture& f, const Burst& burst, int count, int pauseUs,
                              std::atomic<int>& placed)
{
    const QString path = f.auction.path();
    Model::ChangeNotifier* notifier = &f.auction.notifier();
    std::unique_ptr<QThread> thread(QThread::create([=, &placed] {
        auto db = openDatabase(path);
        Model::AuctionService service(*db, notifier);
        for (int k = 0; k < count; ++k) {
            const qint64 lot = burst.lots[k % burst.lots.size()];
            const qint64 bidder = burst.bidders[k % burst.bidders.size()];
            const auto lowest = service.lowestAcceptableBid(lot);
            if (lowest && service.placeBid(lot, bidder, *lowest))
                placed.fetch_add(1);
            if (pauseUs > 0)
                QThread::usleep(pauseUs);
        }
    }));
    thread->start();
    return thread;
}

/// The lots table's text in a column for a lot.
QString lotText(WindowFixture& f, qint64 lot, int column)
{
    return lotCell(f, lot, column).data().toString();
}

QString priceOf(WindowFixture& f, qint64 lot)
{
    const auto item = f.auction.service().item(lot);
    return item && item->winningValue ? Model::displayMoney(*item->winningValue) : QString();
}

} // namespace

TEST(Burst, EveryViewShowsTheFinalDataAndKeepsTheSelectionAndScrollPosition)
{
    // GIVEN 30 lots, the 25th selected with the lots table scrolled to it, its bids below,
    // the quick bid bar on the 3rd lot and the big screen open
    WindowFixture f;
    const Burst burst = addLotsAndBidders(f, 30, 7);
    QTest::qWait(50);
    f.window->resize(1280, 420); // the lots do not all fit: there is a scroll position
    const qint64 selected = burst.lots[24];
    const QModelIndex row = lotCell(f, selected, 0);
    ASSERT_TRUE(row.isValid());
    f.items()->selectionModel()->setCurrentIndex(row, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    f.items()->scrollTo(row, QAbstractItemView::PositionAtTop);
    const int scrolled = f.items()->verticalScrollBar()->value();
    ASSERT_GT(scrolled, 0);
    f.window->quickBidBar()->chooseLot(burst.lots[2]);
    f.window->showBigScreen();
    Gui::BigScreen* screen = f.window->bigScreen();
    ASSERT_NE(screen, nullptr);
    const int bidsBefore = f.window->bidsPage()->view()->model()->rowCount();

    // WHEN another thread records 1,500 bids as fast as it can
    std::atomic<int> placed{0};
    auto thread = feed(f, burst, 1500, 0, placed);
    ASSERT_TRUE(waitFor([&] { return thread->isFinished(); }, 60'000));
    ASSERT_EQ(placed.load(), 1500);

    // THEN once it settles, every lot's row shows its final price and bid count
    ASSERT_TRUE(waitFor(
        [&] {
            for (const qint64 lot : burst.lots)
                if (lotText(f, lot, Model::ItemsTableModel::WinningValue) != priceOf(f, lot))
                    return false;
            return true;
        },
        5000));
    for (const qint64 lot : burst.lots) {
        EXPECT_EQ(lotText(f, lot, Model::ItemsTableModel::WinningValue), priceOf(f, lot));
        EXPECT_EQ(lotText(f, lot, Model::ItemsTableModel::BidCount), QStringLiteral("50"));
    }
    // AND the bids table has every bid, the selected lot's bids are all below it
    EXPECT_EQ(f.window->bidsPage()->view()->model()->rowCount(), bidsBefore + 1500);
    EXPECT_EQ(f.window->itemBidsView()->model()->rowCount(), 50);
    // AND the quick bid bar's hint names its lot's final price, the big screen too
    EXPECT_TRUE(f.window->quickBidBar()->hint().contains(priceOf(f, burst.lots[2])))
        << f.window->quickBidBar()->hint().toStdString();
    ASSERT_TRUE(waitFor(
        [&] {
            for (const auto& line : screen->lines())
                if (burst.lots.contains(line.lotId) && line.price != priceOf(f, line.lotId))
                    return false;
            return true;
        },
        2000));
    // AND the operator's selected lot and scroll position are where they were
    const QModelIndexList rows = f.items()->selectionModel()->selectedRows();
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows.first().data(Model::IdRole).toLongLong(), selected);
    EXPECT_EQ(f.items()->verticalScrollBar()->value(), scrolled);
}

TEST(Burst, ViewsFollowAStreamInBatchesAndTheBigScreenKeepsUp)
{
    // GIVEN 20 lots and the big screen open
    WindowFixture f;
    const Burst burst = addLotsAndBidders(f, 20, 7);
    f.window->showBigScreen();
    Gui::BigScreen* screen = f.window->bigScreen();
    ASSERT_NE(screen, nullptr);
    screen->setPageInterval(3'600'000); // no page turns during the test
    QTest::qWait(50);
    // A lot of the burst on the page shown.
    qint64 watched = 0;
    QString opening;
    for (int page = 0; page < screen->pageCount() && watched == 0; ++page) {
        screen->showPage(page);
        for (const auto& line : screen->lines())
            if (watched == 0 && burst.lots.contains(line.lotId)) {
                watched = line.lotId;
                opening = line.price;
            }
    }
    ASSERT_NE(watched, 0);
    auto* lots = f.items()->model();
    QSignalSpy rowsChanged(lots, &QAbstractItemModel::dataChanged);
    QSignalSpy batches(&f.auction.notifier().batches(), &Model::ChangeBatcher::changed);

    // WHEN another thread streams 1,200 bids over about 1.2 seconds or more
    std::atomic<int> placed{0};
    QElapsedTimer streaming;
    streaming.start();
    auto thread = feed(f, burst, 1200, 1000, placed);
    // THEN the big screen shows a price for the first lot while the stream still runs (a
    // reload put off at every change never came while bids streamed in)
    bool shownWhileStreaming = false;
    while (!thread->isFinished()) {
        QTest::qWait(20);
        for (const auto& line : screen->lines())
            shownWhileStreaming =
                shownWhileStreaming ||
                (line.lotId == watched && line.price != opening && !thread->isFinished());
    }
    const qint64 streamedMs = streaming.elapsed();
    ASSERT_EQ(placed.load(), 1200);
    ASSERT_TRUE(waitFor(
        [&] {
            return lotText(f, burst.lots.last(), Model::ItemsTableModel::WinningValue) ==
                   priceOf(f, burst.lots.last());
        },
        5000));
    EXPECT_TRUE(shownWhileStreaming);
    // AND the changes came in batches at most every 250 ms (one at once, then a pause), each
    // lot's row updated once a batch, not once a bid
    const qint64 allowed = streamedMs / Model::ChangeBatcher::DefaultIntervalMs + 3;
    EXPECT_LE(batches.size(), allowed) << streamedMs << " ms";
    EXPECT_LE(rowsChanged.size(), batches.size() * (burst.lots.size() + 1))
        << "row updates for " << batches.size() << " batches";
}
