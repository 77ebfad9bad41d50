// The projector view, rendered offscreen at the sizes of real projectors.
#include "api/headlessprocess.h"
#include "model/ids.h"
#include "model/rules/lotview.h"
#include "model/tables/itemstablemodel.h"
#include "support/testauction.h"
#include "ui/bigscreen.h"

#include <QImage>
#include <QSignalSpy>
#include <QTest>
#include <gtest/gtest.h>

using namespace BidTracker;
using Line = Gui::BigScreen::Line;

namespace {

/// 30 lots: lot 1 with a bid from bidder 2, lot 2 sold, lot 3 closed without bids.
void fill(Testing::TestAuction& auction)
{
    const qint64 albert = auction.addUser(QStringLiteral("Albert"));
    const qint64 berry = auction.addUser(QStringLiteral("Berry"));
    for (int i = 1; i <= 30; ++i)
        auction.addItem(QStringLiteral("Lot number %1").arg(i), 2500, 500);
    auction.bid(1, berry, 3000);
    auction.bid(2, albert, 2500);
    Model::ItemChanges close;
    close.status = Model::ItemStatus::Closed;
    ASSERT_TRUE(auction.service().updateItem(2, close).has_value());
    ASSERT_TRUE(auction.service().updateItem(3, close).has_value());
}

/// Saves the picture when BIDTRACKER_SCREENSHOTS names a folder (for docs/screenshots).
void keep(const QImage& image, const QString& name)
{
    const QString folder = qEnvironmentVariable("BIDTRACKER_SCREENSHOTS");
    if (!folder.isEmpty())
        image.save(folder + u'/' + name);
}

/// How many distinct colours a picture has: a blank one has one.
int colours(const QImage& image)
{
    QSet<QRgb> seen;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            seen.insert(image.pixel(x, y));
    return static_cast<int>(seen.size());
}

/// How many pixels of a picture wear the colour of the SOLD badge.
int soldBadgePixels(const QImage& image)
{
    const QRgb green = QColor(0x2e, 0xa0, 0x5a).rgb();
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            count += image.pixel(x, y) == green ? 1 : 0;
    return count;
}

/// A lot with a bid of 30.00 from `user` and a secret reserve, closed.
qint64 closedLot(Testing::TestAuction& auction, const QString& name, qint64 user,
                 qint64 reserveCents)
{
    const qint64 lot = auction.addItem(name, 2500, 500);
    auction.bid(lot, user, 3000);
    Model::ItemChanges changes;
    changes.reserve = std::optional<Model::Money>(Model::Money::fromCents(reserveCents));
    changes.status = Model::ItemStatus::Closed;
    EXPECT_TRUE(auction.service().updateItem(lot, changes).has_value());
    return lot;
}

} // namespace

TEST(BigScreen, ShowsLotsBidsPaddleNumbersAndMarksAt1920x1080)
{
    // GIVEN an auction of 30 lots
    Testing::TestAuction auction;
    fill(auction);

    // WHEN the big screen shows at 1920x1080
    Gui::BigScreen screen(auction.service(), auction.notifier());
    screen.resize(1920, 1080);
    screen.show();
    const QImage picture = screen.grab().toImage();
    keep(picture, QStringLiteral("bigscreen-1920x1080.png"));

    // THEN it pages through lines large enough to read from the back of a hall
    EXPECT_EQ(picture.size(), QSize(1920, 1080));
    EXPECT_GT(colours(picture), 10);
    EXPECT_GE(screen.linesPerPage(), 8);
    EXPECT_LE(screen.linesPerPage(), 12) << "type too small for a hall";
    EXPECT_EQ(screen.pageCount(), (30 + screen.linesPerPage() - 1) / screen.linesPerPage());
    ASSERT_GE(screen.lines().size(), 3);
    EXPECT_EQ(screen.lines()[0].price, QStringLiteral("30.00"));
    EXPECT_EQ(screen.lines()[0].leader, QStringLiteral("101"))
        << "Berry's paddle number, never the name";
    EXPECT_EQ(screen.lines()[0].mark, Line::Mark::Open);
    EXPECT_EQ(screen.lines()[1].mark, Line::Mark::Sold);
    EXPECT_EQ(screen.lines()[2].mark, Line::Mark::Closed);
    EXPECT_EQ(screen.lines()[2].leader, QString());
    EXPECT_EQ(screen.lines()[3].price, QStringLiteral("opens at 25.00"));
    for (const Line& line : screen.lines())
        EXPECT_FALSE(line.leader.contains(u"Berry") || line.leader.contains(u"Albert"));
}

TEST(BigScreen, UpdatesLiveAfterABidAt1280x720)
{
    Testing::TestAuction auction;
    fill(auction);
    Gui::BigScreen screen(auction.service(), auction.notifier());
    screen.resize(1280, 720);
    screen.show();
    ASSERT_EQ(screen.lines()[0].price, QStringLiteral("30.00"));

    // WHEN a bid arrives (from any door: the service announces it)
    auction.bid(1, 1, 4000);

    // THEN the screen shows it within a moment, without being asked
    QTRY_COMPARE_WITH_TIMEOUT(screen.lines()[0].price, QStringLiteral("40.00"), 2000);
    EXPECT_EQ(screen.lines()[0].leader, QStringLiteral("100"));
    const QImage picture = screen.grab().toImage();
    keep(picture, QStringLiteral("bigscreen-1280x720.png"));
    EXPECT_EQ(picture.size(), QSize(1280, 720));
    EXPECT_GT(colours(picture), 10);
}

TEST(BigScreen, TurnsThePagesOnATimerAndWrapsAround)
{
    Testing::TestAuction auction;
    fill(auction);
    Gui::BigScreen screen(auction.service(), auction.notifier());
    screen.resize(1280, 720);
    screen.show();
    const int per = screen.linesPerPage();
    ASSERT_GT(screen.pageCount(), 1);

    screen.setPageInterval(20);
    QTRY_COMPARE_WITH_TIMEOUT(screen.currentPage(), 1, 2000);
    EXPECT_EQ(screen.lines().first().lotId, per + 1) << "the next lots, read for this page";
    screen.showPage(screen.pageCount());
    EXPECT_EQ(screen.currentPage(), 0);
    EXPECT_EQ(screen.lines().first().lotId, 1);
}

TEST(BigScreen, CountsDownToALotsClosingTime)
{
    // GIVEN a lot that closes in an hour and a half
    Testing::TestAuction auction;
    fill(auction);
    Model::ItemChanges timed;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    timed.closesAt = now.addSecs(90 * 60).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    ASSERT_TRUE(auction.service().updateItem(4, timed).has_value());

    // WHEN the big screen shows it
    Gui::BigScreen screen(auction.service(), auction.notifier());
    screen.setClock([now] { return now; });
    screen.resize(1920, 1080);

    // THEN its line carries the time, counted down as the clock goes
    ASSERT_GE(screen.lines().size(), 4);
    EXPECT_EQ(screen.lines()[3].closesAt, *timed.closesAt);
    EXPECT_EQ(screen.lines()[3].timeLeft, QStringLiteral("1:30:00"));
    screen.setClock([now] { return now.addSecs(61); });
    EXPECT_EQ(screen.lines()[3].timeLeft, QStringLiteral("1:28:59"));
    EXPECT_TRUE(screen.lines()[0].closesAt.isEmpty());
    EXPECT_TRUE(screen.lines()[0].timeLeft.isEmpty());
}

TEST(BigScreen, ShowsTheSameTimeLeftAsTheLotsTableWhenCloseAllAtComesFirst)
{
    // GIVEN a lot that closes in 40 minutes, in an auction that closes everything in 5
    Testing::TestAuction auction;
    fill(auction);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Model::ItemChanges timed;
    timed.closesAt = now.addSecs(40 * 60).toString(Qt::ISODateWithMs);
    ASSERT_TRUE(auction.service().updateItem(4, timed).has_value());
    auto settings = auction.service().settings();
    settings->closeAllAt = now.addSecs(5 * 60).toString(Qt::ISODateWithMs);
    ASSERT_TRUE(auction.service().updateSettings(*settings).has_value());

    // WHEN the projector and the Lots table show it at the same moment
    Gui::BigScreen screen(auction.service(), auction.notifier());
    screen.setClock([now] { return now; });
    screen.resize(1920, 1080);
    screen.show();
    Model::ItemsTableModel table(auction.service(), auction.notifier());
    table.setClock([now] { return now; });
    const QModelIndex row = table.index(table.rowOfId(4), Model::ItemsTableModel::TimeLeft);

    // THEN both say 5 minutes (the auction's time), not the lot's own 40
    ASSERT_GE(screen.lines().size(), 4);
    EXPECT_EQ(screen.lines()[3].timeLeft, QStringLiteral("5:00"));
    EXPECT_EQ(screen.lines()[3].timeLeft, row.data().toString());
    EXPECT_EQ(screen.lines()[3].closesAt, settings->closeAllAt);
    // AND a lot closing by hand counts down to the auction's time too, on both
    EXPECT_EQ(screen.lines()[4].timeLeft, QStringLiteral("5:00"));
    EXPECT_EQ(table.index(table.rowOfId(5), Model::ItemsTableModel::TimeLeft).data().toString(),
              QStringLiteral("5:00"));
    // AND a closed lot counts nothing down
    EXPECT_TRUE(screen.lines()[1].timeLeft.isEmpty());
    const QImage picture = screen.grab().toImage();
    keep(picture, QStringLiteral("bigscreen-closeall-1920x1080.png"));
    EXPECT_GT(colours(picture), 10);
}

TEST(BigScreen, WritesTimeLeftAsTheRoomReadsIt)
{
    const QDateTime now =
        QDateTime::fromString(QStringLiteral("2026-12-05T20:00:00.000Z"), Qt::ISODateWithMs);
    const auto left = [&](const QString& closesAt) {
        Model::Item item;
        item.closesAt = closesAt;
        return Gui::BigScreen::timeLeft(Model::lotView(item, {}, now));
    };
    EXPECT_EQ(left(QStringLiteral("2026-12-05T20:04:05.000Z")), QStringLiteral("4:05"));
    EXPECT_EQ(left(QStringLiteral("2026-12-05T22:04:05.000Z")), QStringLiteral("2:04:05"));
    EXPECT_EQ(left(QStringLiteral("2026-12-05T19:59:00.000Z")), QStringLiteral("closing"));
    EXPECT_EQ(left(QString()), QString());
    EXPECT_FALSE(left(QStringLiteral("2026-12-09T20:00:00.000Z")).isEmpty());
    EXPECT_FALSE(left(QStringLiteral("2026-12-09T20:00:00.000Z")).endsWith(u'h'))
        << "beyond a day the room reads the day and time, not \"4d 00h\"";
}

TEST(BigScreen, MarksALotClosedBelowItsReserveUnsoldNeverSold)
{
    // GIVEN a lot bid to 30.00 and closed below its reserve of 50.00
    Testing::TestAuction auction;
    const qint64 berry = auction.addUser(QStringLiteral("Berry"));
    closedLot(auction, QStringLiteral("Reserve not met"), berry, 5000);

    // WHEN the big screen shows it
    Gui::BigScreen screen(auction.service(), auction.notifier());
    screen.resize(1280, 720);
    screen.show();

    // THEN it is marked UNSOLD, with no SOLD badge painted, and the reserve stays secret
    ASSERT_EQ(screen.lines().size(), 1);
    const Line unsold = screen.lines()[0];
    EXPECT_EQ(unsold.mark, Line::Mark::Unsold);
    EXPECT_EQ(Gui::BigScreen::markText(unsold.mark), QStringLiteral("UNSOLD"));
    EXPECT_EQ(unsold.price, QStringLiteral("30.00"));
    EXPECT_FALSE(unsold.price.contains(u"50") || unsold.name.contains(u"50"));
    EXPECT_EQ(soldBadgePixels(screen.grab().toImage()), 0);

    // WHEN a lot whose reserve of 20.00 was met closes at 30.00
    closedLot(auction, QStringLiteral("Reserve met"), berry, 2000);

    // THEN that one, and only that one, is SOLD, and its badge is painted
    QTRY_COMPARE_WITH_TIMEOUT(screen.lines().size(), qsizetype(2), 2000);
    EXPECT_EQ(screen.lines()[0].mark, Line::Mark::Unsold);
    EXPECT_EQ(screen.lines()[1].mark, Line::Mark::Sold);
    EXPECT_EQ(Gui::BigScreen::markText(Line::Mark::Sold), QStringLiteral("SOLD"));
    EXPECT_GT(soldBadgePixels(screen.grab().toImage()), 100);
}

TEST(BigScreen, TheCommandLineDrawsItAsTheScreenshotOfItsOwn)
{
    // GIVEN the sample auction, closing everything in 5 minutes
    Testing::TestAuction auction;
    ASSERT_TRUE(auction.service().loadSampleAuction().has_value());
    auto settings = auction.service().settings();
    settings->closeAllAt =
        QDateTime::currentDateTimeUtc().addSecs(5 * 60).toString(Qt::ISODateWithMs);
    ASSERT_TRUE(auction.service().updateSettings(*settings).has_value());

    // WHEN bidtracker takes a screenshot of the big screen at 1280x720
    const QString png = auction.dir() + QStringLiteral("/bigscreen.png");
    const Testing::ProcessRun run =
        Testing::runBidtracker({"--db", auction.path(), "--screenshot", png, "--screenshot-size",
                                "1280x720", "--screenshot-view", "bigscreen"},
                               auction.dir());

    // THEN the picture is the projector's view alone, at that size: the title band's colour
    // at the top, the screen's dark background below (never the window's light one)
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QImage picture(png);
    ASSERT_FALSE(picture.isNull());
    keep(picture, QStringLiteral("bigscreen-cli-1280x720.png"));
    EXPECT_EQ(picture.size(), QSize(1280, 720));
    EXPECT_EQ(picture.pixelColor(4, 4), QColor(0x1c, 0x25, 0x3a));
    EXPECT_EQ(picture.pixelColor(4, 700), QColor(0x10, 0x16, 0x24));
    EXPECT_GT(colours(picture), 10);
    // AND an unknown view is refused, naming the ones there are
    const Testing::ProcessRun wrong = Testing::runBidtracker(
        {"--db", auction.path(), "--screenshot", png, "--screenshot-view", "projector"},
        auction.dir());
    EXPECT_EQ(wrong.exitCode, 2);
    EXPECT_TRUE(wrong.err.contains("bigscreen")) << wrong.err.toStdString();
}
