// `bidtracker backup` and `bidtracker restore` as a user runs them (issue 25.4), against an
// auction that a real headless server has open, and --version.
#include "api/headlessprocess.h"
#include "model/backup.h"
#include "support/testauction.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

using BidTracker::Testing::ProcessRun;
using BidTracker::Testing::runBidtracker;

namespace {

qint64 bidsIn(const QString& file)
{
    auto db = BidTracker::Testing::openDatabase(file);
    const auto bids = db->scalar(QStringLiteral("SELECT count(*) FROM bids"));
    return bids ? *bids : -1;
}

} // namespace

TEST(BackupCommand, BacksUpAServedAuctionAndRestoreWaitsUntilItIsClosed)
{
    // GIVEN a generated auction that a headless server has open
    QTemporaryDir home;
    const QString db = home.filePath(QStringLiteral("gala.sqlite"));
    const ProcessRun generated = runBidtracker(
        {"generate", "--items", "40", "--users", "20", "--bids", "3000", "--db", db}, home.path());
    ASSERT_EQ(generated.exitCode, 0) << generated.err.toStdString();
    QProcess server;
    ASSERT_NE(BidTracker::Testing::startHeadless(server, home.path(), db, "backup-test-token"), 0);
    // WHEN it is backed up into a folder
    const QString folder = home.filePath(QStringLiteral("stick"));
    ASSERT_TRUE(QDir().mkpath(folder));
    const ProcessRun backup = runBidtracker({"backup", "--db", db, "-o", folder}, home.path());
    // THEN one checked file of the automatic backups' name is there
    ASSERT_EQ(backup.exitCode, 0) << backup.err.toStdString();
    EXPECT_TRUE(backup.err.contains("checked")) << backup.err.toStdString();
    const QStringList files = QDir(folder).entryList(QDir::Files);
    ASSERT_EQ(files.size(), 1);
    EXPECT_TRUE(BidTracker::Model::Backup::isBackupFileName(files.first()))
        << files.first().toStdString();
    const QString file = QDir(folder).filePath(files.first());
    EXPECT_EQ(bidsIn(file), 3000);
    // AND restoring over the served auction is refused, even with --replace
    const ProcessRun live = runBidtracker({"restore", file, "--db", db, "--replace"}, home.path());
    EXPECT_EQ(live.exitCode, 2);
    EXPECT_TRUE(live.err.contains("in use")) << live.err.toStdString();
    // AND once the server has stopped, only --replace overwrites it
    server.terminate();
    ASSERT_TRUE(server.waitForFinished(20000));
    const ProcessRun unasked = runBidtracker({"restore", file, "--db", db}, home.path());
    EXPECT_EQ(unasked.exitCode, 2);
    EXPECT_TRUE(unasked.err.contains("--replace")) << unasked.err.toStdString();
    const ProcessRun restored =
        runBidtracker({"restore", file, "--db", db, "--replace"}, home.path());
    EXPECT_EQ(restored.exitCode, 0) << restored.err.toStdString();
    EXPECT_EQ(bidsIn(db), 3000);
}

TEST(BackupCommand, RefusesWhatIsNoAuctionAndWritesNothing)
{
    QTemporaryDir home;
    const ProcessRun missing = runBidtracker(
        {"backup", "--db", home.filePath(QStringLiteral("none.sqlite")), "-o", home.path()},
        home.path());
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_TRUE(missing.err.contains("no auction")) << missing.err.toStdString();
    EXPECT_FALSE(QFile::exists(home.filePath(QStringLiteral("none.sqlite"))));
    const ProcessRun usage = runBidtracker({"backup"}, home.path());
    EXPECT_EQ(usage.exitCode, 2);
    EXPECT_TRUE(usage.err.contains("Usage: bidtracker backup")) << usage.err.toStdString();
}

TEST(VersionOption, PrintsTheProjectAndQtVersions)
{
    QTemporaryDir home;
    const ProcessRun version = runBidtracker({"--version"}, home.path());
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_TRUE(QString::fromUtf8(version.out)
                    .contains(QRegularExpression(
                        QStringLiteral("^bidtracker %1 \\(Qt %2\\)\n$")
                            .arg(QRegularExpression::escape(QStringLiteral(BIDTRACKER_VERSION)),
                                 QRegularExpression::escape(QString::fromLatin1(qVersion()))))))
        << version.out.toStdString();
}
