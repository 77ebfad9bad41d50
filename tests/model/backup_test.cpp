// Backups and restore (issue 25.4) on real files: a copy taken while another connection
// keeps bidding, rotation, the file rule's refusals, and a restore that never overwrites an
// auction in use. The copy runs on both engines (PostgreSQL through copyAuction).
#include "model/backup.h"
#include "model/filepolicy.h"
#include "model/storage/sqlitefiles.h"
#include "support/testauction.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <atomic>
#include <thread>

using namespace BidTracker::Model;
using BidTracker::Testing::openDatabase;
using BidTracker::Testing::TestAuction;

namespace {

bool isPostgres(const TestAuction& auction)
{
    return auction.path().startsWith(QStringLiteral("postgresql:"));
}

/// The backup opened as an auction: its bids, and whether every item's count agrees with
/// them (a copy torn between two commits would not).
struct Contents
{
    qint64 bids = -1;
    bool countsAgree = false;
};

Contents contentsOf(const QString& file)
{
    auto db = Database::open(file);
    if (!db)
        return {};
    const auto bids = (*db)->scalar(QStringLiteral("SELECT count(*) FROM bids"));
    const auto counted =
        (*db)->scalar(QStringLiteral("SELECT coalesce(sum(bid_count), 0) FROM items"));
    return {bids ? *bids : -1, bids && counted && *bids == *counted};
}

void writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(data);
}

} // namespace

TEST(Backup, CopiesALiveAuctionConsistentlyWhileBidsArrive)
{
    // GIVEN an auction that another connection keeps bidding on
    TestAuction auction;
    const qint64 user = auction.addUser();
    QList<qint64> items;
    for (int i = 0; i < 5; ++i)
        items.append(auction.addItem(QStringLiteral("Lot %1").arg(i)));
    std::atomic<bool> stop{false};
    std::atomic<int> placed{0};
    std::thread bidder([&] {
        auto db = openDatabase(auction.path());
        AuctionService service(*db);
        for (qint64 cents = 10; !stop; ++cents)
            if (service.placeBid(items[cents % items.size()], user, Money::fromCents(cents * 10)))
                ++placed;
    });
    // WHEN three backups are taken during the load
    QList<Backup::Written> written;
    for (int i = 0; i < 3; ++i) {
        while (placed < 50 * (i + 1))
            std::this_thread::yield();
        const QString target = auction.dir() + QStringLiteral("/during-%1.sqlite").arg(i);
        auto backup = Backup::write(auction.db(), target);
        ASSERT_TRUE(backup.has_value()) << backup.error().message.toStdString();
        written.append(*backup);
    }
    stop = true;
    bidder.join();
    // THEN each is a whole, checked auction holding a moment of the bidding, no torn state
    qint64 previous = 0;
    for (const Backup::Written& backup : written) {
        EXPECT_TRUE(SqliteFiles::checkIntegrity(backup.file).has_value());
        EXPECT_FALSE(QFile::exists(backup.file + QStringLiteral("-wal")));
        const Contents contents = contentsOf(backup.file);
        EXPECT_TRUE(contents.countsAgree) << backup.file.toStdString();
        EXPECT_GE(contents.bids, previous);
        EXPECT_LE(contents.bids, placed.load());
        previous = contents.bids;
    }
    EXPECT_GE(previous, 150);
    // AND no temporary file is left beside them
    EXPECT_TRUE(QDir(auction.dir())
                    .entryList({QStringLiteral(".bidtracker-*")}, QDir::Files | QDir::Hidden)
                    .isEmpty());
}

TEST(Backup, RotationKeepsTheNewestTwelveAndTouchesNothingElse)
{
    // GIVEN 15 backups of two auctions, and files that only look alike
    TestAuction auction;
    const QDateTime start =
        QDateTime::fromString(QStringLiteral("2026-12-02T20:00:00Z"), Qt::ISODate);
    for (int i = 0; i < 15; ++i)
        writeFile(
            auction.dir() + u'/' +
                Backup::fileName(i % 2 ? QStringLiteral("Gala") : QStringLiteral("Spring fair"),
                                 start.addSecs(600 * i)),
            "x");
    const QStringList others{QStringLiteral("bidtracker-notes.txt"),
                             QStringLiteral("bidtracker-Gala-20261202T200000Z.sqlite.bak"),
                             QStringLiteral("auction.sqlite.old")};
    for (const QString& other : others)
        writeFile(auction.dir() + u'/' + other, "keep me");
    // WHEN rotated
    const auto removed = Backup::rotate(auction.dir());
    // THEN the three oldest are gone, the twelve newest and the other files stay
    ASSERT_TRUE(removed.has_value()) << removed.error().message.toStdString();
    EXPECT_EQ(removed->size(), 3);
    for (int i = 0; i < 15; ++i) {
        const QString name = Backup::fileName(
            i % 2 ? QStringLiteral("Gala") : QStringLiteral("Spring fair"), start.addSecs(600 * i));
        EXPECT_EQ(QFile::exists(auction.dir() + u'/' + name), i >= 3) << name.toStdString();
    }
    for (const QString& other : others)
        EXPECT_TRUE(QFile::exists(auction.dir() + u'/' + other)) << other.toStdString();
    EXPECT_EQ(Backup::fileName(QStringLiteral(" a/b c "), start),
              QStringLiteral("bidtracker-a-b-c-20261202T200000Z.sqlite"));
}

TEST(Backup, AFailureSaysWhyAndLeavesNothing)
{
    TestAuction auction;
    auction.addItem();
    // The folder (a USB stick) is gone.
    const auto gone =
        Backup::write(auction.db(), auction.dir() + QStringLiteral("/stick/b.sqlite"));
    ASSERT_FALSE(gone.has_value());
    EXPECT_TRUE(gone.error().message.contains(QStringLiteral("folder does not exist")))
        << gone.error().message.toStdString();
    // A folder in the target's place, and an SQLite file that is no backup of ours.
    QDir(auction.dir()).mkdir(QStringLiteral("folder.sqlite"));
    EXPECT_FALSE(Backup::write(auction.db(), auction.dir() + QStringLiteral("/folder.sqlite")));
    const QString foreign = auction.dir() + QStringLiteral("/foreign.sqlite");
    writeFile(foreign, QByteArray("SQLite format 3\0", 16) + QByteArray(4080, '\0'));
    const QByteArray before = [&] {
        QFile f(foreign);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    EXPECT_FALSE(Backup::write(auction.db(), foreign).has_value());
    QFile after(foreign);
    ASSERT_TRUE(after.open(QIODevice::ReadOnly));
    EXPECT_EQ(after.readAll(), before);
    EXPECT_TRUE(QDir(auction.dir())
                    .entryList({QStringLiteral(".bidtracker-*")}, QDir::Files | QDir::Hidden)
                    .isEmpty());
}

TEST(Backup, ReplacesAnEarlierBackupButNeverTheAuction)
{
    TestAuction auction;
    auction.addItem();
    const QString target = auction.dir() + QStringLiteral("/nightly.sqlite");
    ASSERT_TRUE(Backup::write(auction.db(), target).has_value());
    auction.addItem(QStringLiteral("Second"));
    ASSERT_TRUE(Backup::write(auction.db(), target).has_value()) << "an earlier backup";
    EXPECT_EQ(contentsOf(target).bids, 0);
    if (isPostgres(auction))
        return;
    const auto itself = Backup::write(auction.db(), auction.path());
    ASSERT_FALSE(itself.has_value());
    EXPECT_TRUE(itself.error().message.contains(auction.path()));
}

TEST(Restore, RefusesAnAuctionInUseAndAnExistingOneUnlessAsked)
{
    TestAuction auction;
    if (isPostgres(auction))
        GTEST_SKIP() << "restore writes SQLite files; PostgreSQL takes a backup through copy";
    const qint64 user = auction.addUser();
    const qint64 item = auction.addItem();
    auction.bid(item, user, 500);
    const QString backup = auction.dir() + QStringLiteral("/backup.sqlite");
    ASSERT_TRUE(Backup::write(auction.db(), backup).has_value());
    auction.bid(item, user, 700);
    // The auction is open (here, as in a window): refused even with replace, left unchanged.
    const auto live = Backup::restore(backup, auction.path(), true);
    ASSERT_FALSE(live.has_value());
    EXPECT_EQ(live.error().code, Error::Code::Conflict);
    EXPECT_TRUE(live.error().message.contains(QStringLiteral("in use")));
    EXPECT_EQ(*auction.db().scalar(QStringLiteral("SELECT count(*) FROM bids")), 2);
    // (Another program's connection: tests/cli/backup_test.cpp, with a real server.)
    const QString other = auction.dir() + QStringLiteral("/other.sqlite");
    ASSERT_TRUE(Backup::write(auction.db(), other).has_value());
    EXPECT_FALSE(SqliteFiles::inUse(other));
    // Not in use but existing: only when asked.
    const auto exists = Backup::restore(backup, other, false);
    ASSERT_FALSE(exists.has_value());
    EXPECT_TRUE(exists.error().message.contains(QStringLiteral("--replace")));
    EXPECT_EQ(contentsOf(other).bids, 2);
    // A backup once opened by Bid Tracker (now in WAL mode) is restored and left as it was.
    EXPECT_EQ(contentsOf(backup).bids, 1);
    ASSERT_TRUE(Backup::restore(backup, other, true).has_value());
    EXPECT_EQ(contentsOf(other).bids, 1);
    EXPECT_FALSE(QFile::exists(backup + QStringLiteral("-wal")));
    EXPECT_FALSE(QFile::exists(backup + QStringLiteral("-shm")));
    // A new file, and a file that is no backup.
    const QString fresh = auction.dir() + QStringLiteral("/fresh.sqlite");
    ASSERT_TRUE(Backup::restore(backup, fresh, false).has_value());
    EXPECT_EQ(contentsOf(fresh).bids, 1);
    writeFile(auction.dir() + QStringLiteral("/notes.txt"), "not an auction");
    EXPECT_FALSE(
        Backup::restore(auction.dir() + QStringLiteral("/notes.txt"), fresh, true).has_value());
    EXPECT_EQ(contentsOf(fresh).bids, 1);
}
