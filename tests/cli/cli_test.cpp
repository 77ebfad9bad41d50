// The command line as a user runs it: exit codes, messages, files, and an export read back
// by Python's csv module.
#include "api/headlessprocess.h"
#include "cli/windowprocess.h"
#include "model/csv/csvkind.h"
#include "support/testauction.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

using namespace BidTracker::Testing;
using namespace BidTracker;

namespace {

using Testing::ProcessRun;

ProcessRun bidtracker(const QStringList& arguments, const QString& home)
{
    return Testing::runBidtracker(arguments, home);
}

void writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(data);
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

TEST(CommandLine, ExportsToStdoutAndToAFile)
{
    Testing::TestAuction auction;
    ASSERT_TRUE(auction.service().loadSampleAuction().has_value());
    const ProcessRun out = bidtracker({"export", "results", "--db", auction.path()}, auction.dir());
    EXPECT_EQ(out.exitCode, 0) << out.err.toStdString();
    EXPECT_TRUE(
        out.out.startsWith("item_id,name,winner_user_id,winner_name,winning_value,bid_count,"
                           "sold,winner_number\r\n"));
    EXPECT_TRUE(out.out.contains("item1,Item Nº 1,,,1000.00,2,false,\r\n"))
        << "open: nobody has won it yet";
    const QString file = auction.dir() + QStringLiteral("/items.csv");
    const ProcessRun toFile =
        bidtracker({"export", "items", "-o", file, "--db", auction.path()}, auction.dir());
    EXPECT_EQ(toFile.exitCode, 0);
    EXPECT_TRUE(toFile.err.contains("Exported 2 items"));
    EXPECT_TRUE(readFile(file).startsWith("item_id,name,status"));
}

TEST(CommandLine, ClosesEveryOpenLotAtOnce)
{
    // GIVEN the sample auction (two open lots) with one of them closed already
    Testing::TestAuction auction;
    ASSERT_TRUE(auction.service().loadSampleAuction().has_value());
    ASSERT_TRUE(auction.service().updateItem(2, {.status = Model::ItemStatus::Closed}).has_value());
    // WHEN bidtracker close-all runs on it
    const ProcessRun run = bidtracker({"close-all", "--db", auction.path()}, auction.dir());
    // THEN the other lot is closed, and it says how many
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains("Closed 1 open lot(s)")) << run.err.toStdString();
    auction.reopen();
    EXPECT_EQ(auction.service().item(1)->status, Model::ItemStatus::Closed);
    // AND extra words are a usage error that changes nothing
    EXPECT_EQ(bidtracker({"close-all", "now", "--db", auction.path()}, auction.dir()).exitCode, 2);
}

TEST(CommandLine, ExportsTheCheckoutFiles)
{
    // GIVEN the sample auction with item1 closed (Berry won it at 1,000.00) and paid in part
    Testing::TestAuction auction;
    ASSERT_TRUE(auction.service().loadSampleAuction().has_value());
    ASSERT_TRUE(auction.service().updateItem(1, {.status = Model::ItemStatus::Closed}).has_value());
    ASSERT_TRUE(auction.service()
                    .addPayment(2, Model::Money::fromCents(40000), Model::PaymentMethod::Card,
                                QStringLiteral("r-1"))
                    .has_value());
    // WHEN invoices and payments are exported
    const ProcessRun invoices =
        bidtracker({"export", "invoices", "--db", auction.path()}, auction.dir());
    const QString file = auction.dir() + QStringLiteral("/payments.csv");
    const ProcessRun payments =
        bidtracker({"export", "payments", "-o", file, "--db", auction.path()}, auction.dir());
    // THEN they are the API's files
    EXPECT_EQ(invoices.exitCode, 0) << invoices.err.toStdString();
    EXPECT_EQ(invoices.out,
              "user_id,number,name,hammer,premium,tax,donations,total,paid,balance,status\r\n"
              "user2,101,Berry,1000.00,0.00,0.00,0.00,1000.00,400.00,600.00,partial\r\n");
    EXPECT_EQ(payments.exitCode, 0) << payments.err.toStdString();
    EXPECT_TRUE(payments.err.contains("Exported 1 payments"));
    EXPECT_TRUE(readFile(file).contains("\r\npayment1,user2,101,Berry,400.00,card,r-1,"));
}

TEST(CommandLine, ExportReadBackByPythonAgreesWithTheDatabase)
{
    // GIVEN bids with awkward names
    Testing::TestAuction auction;
    const qint64 user = auction.addUser(QStringLiteral("=cmd|' /C calc'!A0"));
    const qint64 other = auction.addUser(QString::fromUtf8("Zoë, \"the\" bidder"));
    const qint64 item = auction.addItem(QStringLiteral("+Lot, \"with\" quotes"));
    auction.bid(item, user, 1250);
    auction.bid(item, other, 99999);
    // WHEN exported with the command line
    const QString csv = auction.dir() + QStringLiteral("/bids.csv");
    ASSERT_EQ(
        bidtracker({"export", "bids", "-o", csv, "--db", auction.path()}, auction.dir()).exitCode,
        0);
    // THEN Python's csv module reads exactly what the database holds
    QJsonArray rows;
    const auto bids = auction.service().bids();
    ASSERT_TRUE(bids.has_value());
    for (const Model::Bid& bid : bids->rows) {
        rows.append(QJsonArray{Model::formatId(Model::EntityKind::Bid, bid.id),
                               Model::formatId(Model::EntityKind::Item, bid.itemId), bid.itemName,
                               Model::formatId(Model::EntityKind::User, bid.userId), bid.userName,
                               bid.value.toString(), bid.placedAt});
    }
    const QString expected = auction.dir() + QStringLiteral("/expected.json");
    writeFile(expected,
              QJsonDocument(QJsonObject{{"header", QJsonArray::fromStringList(
                                                       Model::csvColumns(Model::CsvKind::Bids))},
                                        {"rows", rows}})
                  .toJson());
    QProcess python;
    python.start(QStringLiteral("python3"), {QStringLiteral(CHECK_EXPORT_SCRIPT), csv, expected});
    ASSERT_TRUE(python.waitForFinished(30'000));
    EXPECT_EQ(python.exitCode(), 0) << python.readAll().toStdString();
}

TEST(CommandLine, ImportsAllOrNothing)
{
    Testing::TestAuction auction;
    const QString good = auction.dir() + QStringLiteral("/good.csv");
    writeFile(good, "name,notes\r\nAlbert,x\r\n\"Berry, B.\",y\r\n");
    const ProcessRun ok =
        bidtracker({"import", "users", good, "--db", auction.path()}, auction.dir());
    EXPECT_EQ(ok.exitCode, 0) << ok.err.toStdString();
    EXPECT_TRUE(ok.err.contains("Imported 2 users"));
    EXPECT_EQ(auction.service().users()->total, 2);

    const QString bad = auction.dir() + QStringLiteral("/bad.csv");
    writeFile(bad, "name,starting_price\r\nVase,10\r\n,5\r\nClock,-3\r\n");
    const ProcessRun refused =
        bidtracker({"import", "items", bad, "--db", auction.path()}, auction.dir());
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(refused.err.contains("line 3: Name must not be empty"))
        << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains("line 4: Starting price must not be negative"));
    EXPECT_TRUE(refused.err.contains("nothing was imported"));
    EXPECT_EQ(auction.service().items()->total, 0);
}

TEST(CommandLine, ExplainsEveryKindOfFailure)
{
    Testing::TestAuction auction;
    const QString dir = auction.dir();
    const auto check = [&](const QStringList& arguments, int code, const char* message) {
        const ProcessRun run = bidtracker(arguments, dir);
        EXPECT_EQ(run.exitCode, code) << arguments.join(u' ').toStdString();
        EXPECT_TRUE(run.err.contains(message)) << run.err.toStdString();
    };
    check({"export", "lots"}, 2, "Usage: bidtracker export");
    check({"import", "bids", "x.csv"}, 2, "Usage: bidtracker import items|users|consignors FILE");
    check({"import", "users", dir + "/missing.csv", "--db", auction.path()}, 2, "cannot read");
    check({"--port", "70000"}, 2, "--port must be a whole number from 0 to 65535");
    check({"--bind", "not-an-ip"}, 2, "--bind must be an IP address");
    check({"--rate-limit", "-1"}, 2, "--rate-limit");
    check({"--token", "short"}, 2, "--token must be at least 8");
    check({"--frobnicate"}, 2, "Unknown option");
    check({"dance"}, 2, "Unknown command");
    writeFile(dir + "/notes.txt", "just some text");
    check({"export", "items", "--db", dir + "/notes.txt"}, 1, "is not a Bid Tracker database");
    check({"export", "items", "-o", dir + "/no/such/dir/x.csv", "--db", auction.path()}, 2,
          "cannot write");
}

TEST(CommandLine, HeadlessRefusesAPortInUse)
{
    Testing::TestAuction auction;
    QTcpServer blocker;
    ASSERT_TRUE(blocker.listen(QHostAddress::LocalHost, 0));
    const ProcessRun run = bidtracker(
        {"--headless", "--db", auction.path(), "--port", QString::number(blocker.serverPort())},
        auction.dir());
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.err.contains("Cannot listen on 127.0.0.1 port")) << run.err.toStdString();
}

TEST(CommandLine, WithoutADisplayRunsHeadlessAndStopsOnSigterm)
{
    Testing::TestAuction auction;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), auction.dir());
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(BIDTRACKER_BINARY), {"--db", auction.path(), "--port", "0"});
    QByteArray output;
    while (!output.contains("API token:") && process.waitForReadyRead(10'000))
        output += process.readAll();
    EXPECT_TRUE(output.contains("No display")) << output.toStdString();
    EXPECT_TRUE(output.contains("/api/v1"));
    process.terminate();
    ASSERT_TRUE(process.waitForFinished(10'000));
    EXPECT_EQ(process.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(process.exitCode(), 0);
}

TEST(CommandLine, WithoutAuthSaysWhatEveryClientMayDo)
{
    // --no-auth opens writes and personal data alike (README, Personal data): it says so
    Testing::TestAuction auction;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), auction.dir());
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(BIDTRACKER_BINARY),
                  {"--headless", "--no-auth", "--db", auction.path(), "--port", "0"});
    QByteArray output;
    while (!output.contains("every client") && process.waitForReadyRead(10'000))
        output += process.readAll();
    EXPECT_TRUE(output.contains("API token: none (--no-auth: writes and personal data are open"))
        << output.toStdString();
    process.terminate();
    ASSERT_TRUE(process.waitForFinished(10'000));
}

namespace {

/// The settings file the program uses under this XDG_CONFIG_HOME.
QString settingsFile(const QString& home)
{
    return home + QStringLiteral("/BidTracker/bidtracker.conf");
}

} // namespace

TEST(CommandLine, ARelaunchWithoutDbBringsBackTheLastAuction)
{
    // GIVEN the settings remember tonight's auction (the sample) from the last run
    Testing::TestAuction auction;
    ASSERT_TRUE(auction.service().loadSampleAuction().has_value());
    QTemporaryDir home;
    QDir().mkpath(home.filePath(QStringLiteral("BidTracker")));
    writeFile(settingsFile(home.path()),
              "[window]\nlastDatabase=" + auction.path().toUtf8() + "\n");
    // WHEN the window is started again without --db, on a one-off port
    const quint16 port = freePort();
    QProcess window;
    startWindow(window, {"--port", QString::number(port)}, home.path());
    const QByteArray items = getWhenUp(port, "/api/v1/items");
    window.kill();
    window.waitForFinished(10'000);
    // THEN it serves tonight's auction, not an empty default one
    EXPECT_TRUE(items.contains("Item N")) << items.toStdString();
    EXPECT_FALSE(
        QFile::exists(home.filePath(QStringLiteral("BidTracker/bidtracker/auction.sqlite"))));
    // AND the one-off port was not made permanent
    const QByteArray saved = readFile(settingsFile(home.path()));
    EXPECT_FALSE(saved.contains("port=")) << saved.toStdString();
    EXPECT_TRUE(saved.contains("lastDatabase=" + auction.path().toUtf8()));
}

TEST(CommandLine, AScreenshotLeavesTheSettingsAlone)
{
    // GIVEN the operator's saved server address, port and last auction
    Testing::TestAuction auction;
    ASSERT_TRUE(auction.service().loadSampleAuction().has_value());
    QTemporaryDir home;
    QDir().mkpath(home.filePath(QStringLiteral("BidTracker")));
    const QByteArray before =
        "[server]\nbind=127.0.0.1\nport=5123\ntoken=saved-token-123\n\n[window]\nlastDatabase=/"
        "srv/tonight.sqlite\n";
    writeFile(settingsFile(home.path()), before);
    // WHEN a screenshot is taken of another database (its server on port 0)
    QProcess shot;
    const QString png = home.filePath(QStringLiteral("shot.png"));
    startWindow(shot, {"--db", auction.path(), "--screenshot", png}, home.path());
    ASSERT_TRUE(shot.waitForFinished(30'000));
    EXPECT_EQ(shot.exitCode(), 0) << shot.readAllStandardError().toStdString();
    // THEN the picture is there and the settings still name the operator's port and auction
    EXPECT_TRUE(QFile::exists(png));
    const QByteArray after = readFile(settingsFile(home.path()));
    EXPECT_TRUE(after.contains("port=5123")) << after.toStdString();
    EXPECT_TRUE(after.contains("lastDatabase=/srv/tonight.sqlite")) << after.toStdString();
}

TEST(CommandLine, HelpNamesTheProgram)
{
    QTemporaryDir home;
    const ProcessRun run = bidtracker({"--help"}, home.path());
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_TRUE(run.out.contains("Usage: bidtracker [options]")) << run.out.toStdString();
    EXPECT_FALSE(run.out.contains("<executable_name>"));
    EXPECT_TRUE(run.out.contains("--screenshot-view"));
}
