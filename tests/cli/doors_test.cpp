// One default auction for every door: after a session in the window on gala.sqlite, the
// command line and --headless without --db act on gala.sqlite, and each names it; a database
// file as the only argument opens it; a screenshot run leaves the settings byte for byte and
// has the size asked for. Real processes, the window on the offscreen platform.
#include "api/headlessprocess.h"
#include "cli/windowprocess.h"
#include "model/auctionservice.h"
#include "model/storage/database.h"
#include "support/testauction.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSize>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QtEndian>

using namespace BidTracker::Testing;
using namespace BidTracker;
using Testing::ProcessRun;

namespace {

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString& path, const QByteArray& data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(data);
}

/// The settings file and the default auction under this XDG_CONFIG_HOME/XDG_DATA_HOME.
QString settingsOf(const QString& home)
{
    return home + QStringLiteral("/BidTracker/bidtracker.conf");
}
QString defaultAuctionOf(const QString& home)
{
    return home + QStringLiteral("/BidTracker/bidtracker/auction.sqlite");
}

/// A PNG's size, from its header (this executable links no Qt GUI).
QSize pngSize(const QString& path)
{
    const QByteArray png = readAll(path);
    if (png.size() < 24 || !png.startsWith("\x89PNG\r\n\x1a\n"))
        return {};
    return QSize(qFromBigEndian<qint32>(png.constData() + 16),
                 qFromBigEndian<qint32>(png.constData() + 20));
}

} // namespace

TEST(DefaultAuction, AfterAWindowSessionTheCommandLineActsOnItsAuction)
{
    // GIVEN a night in the window on gala.sqlite (the sample auction)
    QTemporaryDir home;
    const QString gala = home.filePath(QStringLiteral("gala.sqlite"));
    {
        auto db = Model::Database::open(gala);
        ASSERT_TRUE(db.has_value());
        Model::AuctionService service(**db);
        ASSERT_TRUE(service.loadSampleAuction().has_value());
    }
    const quint16 port = freePort();
    QProcess window;
    startWindow(window, {"--db", gala, "--port", QString::number(port)}, home.path());
    ASSERT_TRUE(getWhenUp(port, "/api/v1/health").contains("200 OK"));
    window.kill();
    window.waitForFinished(10'000);
    ASSERT_TRUE(readAll(settingsOf(home.path())).contains("lastDatabase=" + gala.toUtf8()));

    // WHEN the command line runs without --db
    const ProcessRun results = Testing::runBidtracker({"export", "results"}, home.path());
    const QString pdf = home.filePath(QStringLiteral("sheets.pdf"));
    const ProcessRun print =
        Testing::runBidtracker({"print", "bid-sheets", "-o", pdf}, home.path());
    const QString csv = home.filePath(QStringLiteral("users.csv"));
    writeAll(csv, "name\r\nDana\r\n");
    const ProcessRun import = Testing::runBidtracker({"import", "users", csv}, home.path());
    const ProcessRun closeAll = Testing::runBidtracker({"close-all"}, home.path());

    // THEN each acts on gala.sqlite and names it
    EXPECT_EQ(results.exitCode, 0) << results.err.toStdString();
    // (the sample's item1 is still open: its price and bids, no winner named yet)
    EXPECT_TRUE(results.out.contains("item1,Item Nº 1,,,1000.00,2,false,"))
        << results.out.toStdString();
    EXPECT_TRUE(results.err.contains("Exported 2 results from " + gala.toUtf8()))
        << results.err.toStdString();
    EXPECT_EQ(print.exitCode, 0) << print.err.toStdString();
    EXPECT_TRUE(print.err.contains(gala.toUtf8())) << print.err.toStdString();
    EXPECT_TRUE(
        import.err.contains("Imported 1 users from " + csv.toUtf8() + " into " + gala.toUtf8()))
        << import.err.toStdString();
    EXPECT_TRUE(closeAll.err.contains("Closed 2 open lot(s) of " + gala.toUtf8()))
        << closeAll.err.toStdString();

    // AND --headless without --db serves it too, saying so
    QProcess headless;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.path());
    headless.setProcessEnvironment(environment);
    headless.setProcessChannelMode(QProcess::MergedChannels);
    headless.start(QStringLiteral(BIDTRACKER_BINARY), {"--headless", "--port", "0"});
    QByteArray said;
    while (!said.contains("API token:") && headless.waitForReadyRead(10'000))
        said += headless.readAll();
    headless.terminate();
    headless.waitForFinished(10'000);
    EXPECT_TRUE(said.contains("serving " + gala.toUtf8())) << said.toStdString();
    // AND the data folder's default auction was never made
    EXPECT_FALSE(QFile::exists(defaultAuctionOf(home.path())));
}

TEST(DefaultAuction, WithoutAWindowSessionItIsTheDataFoldersAuction)
{
    QTemporaryDir home;
    const ProcessRun run = Testing::runBidtracker({"close-all"}, home.path());
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains("of " + defaultAuctionOf(home.path()).toUtf8()))
        << run.err.toStdString();
}

TEST(DefaultAuction, ADatabaseFileAsTheOnlyArgumentOpensItInTheWindow)
{
    // GIVEN gala.sqlite with the sample auction, as a file manager's "Open with" passes it
    QTemporaryDir home;
    const QString gala = home.filePath(QStringLiteral("gala.sqlite"));
    {
        auto db = Model::Database::open(gala);
        ASSERT_TRUE(db.has_value());
        ASSERT_TRUE(Model::AuctionService(**db).loadSampleAuction().has_value());
    }
    // WHEN bidtracker gala.sqlite starts
    const quint16 port = freePort();
    QProcess window;
    startWindow(window, {gala, "--port", QString::number(port)}, home.path());
    const QByteArray items = getWhenUp(port, "/api/v1/items");
    window.kill();
    window.waitForFinished(10'000);
    // THEN the window serves gala.sqlite's lots
    EXPECT_TRUE(items.contains("Item N")) << items.toStdString();
    // AND a mistyped command is still refused as one
    const ProcessRun typo = Testing::runBidtracker({"exprot", "items"}, home.path());
    EXPECT_EQ(typo.exitCode, 2);
    const ProcessRun lone = Testing::runBidtracker({"exprot"}, home.path());
    EXPECT_EQ(lone.exitCode, 2);
    EXPECT_TRUE(lone.err.contains("Unknown command")) << lone.err.toStdString();
}

TEST(Screenshot, WritesNothingToTheSettingsAndHasExactlyTheSizeAskedFor)
{
    // GIVEN settings with a remembered auction but no token yet (a first start would make one)
    Testing::TestAuction auction;
    ASSERT_TRUE(auction.service().loadSampleAuction().has_value());
    QTemporaryDir home;
    const QByteArray before = "[window]\nlastDatabase=/srv/tonight.sqlite\n";
    writeAll(settingsOf(home.path()), before);
    for (const char* view : {"lots", "quickbid", "bidder", "bids", "checkout"}) {
        // WHEN a 900x600 screenshot is taken of each view
        const QString png = home.filePath(QStringLiteral("%1.png").arg(QLatin1String(view)));
        QProcess shot;
        startWindow(shot,
                    {"--db", auction.path(), "--screenshot", png, "--screenshot-size", "900x600",
                     "--screenshot-view", QString::fromLatin1(view)},
                    home.path());
        ASSERT_TRUE(shot.waitForFinished(30'000));
        EXPECT_EQ(shot.exitCode(), 0) << shot.readAllStandardError().toStdString();
        // THEN the picture is 900x600 exactly
        EXPECT_EQ(pngSize(png), QSize(900, 600)) << view;
    }
    // AND the settings file is byte for byte what it was
    EXPECT_EQ(readAll(settingsOf(home.path())), before);
}
