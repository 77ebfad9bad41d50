#include "model/storage/schema.h"
#include "support/testauction.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <memory>
#include <thread>

using namespace BidTracker::Model;
using BidTracker::Testing::TestAuction;

namespace {

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

/// Runs raw SQL on a file through a plain connection, as another program would.
void rawSql(const QString& path, const QStringList& statements)
{
    {
        auto raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        raw.setDatabaseName(path);
        ASSERT_TRUE(raw.open());
        QSqlQuery query(raw);
        for (const QString& statement : statements)
            ASSERT_TRUE(query.exec(statement)) << statement.toStdString();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

qint64 pragma(Database& db, const char* name)
{
    return db.scalar(QStringLiteral("PRAGMA %1").arg(QLatin1String(name))).value_or(-1);
}

} // namespace

TEST(Database, CreatesTheSchemaInAnEmptyFile)
{
    // GIVEN a new file WHEN it is opened THEN it carries the current schema version
    TestAuction auction;
    EXPECT_EQ(pragma(auction.db(), "user_version"), Database::SchemaVersion);
    EXPECT_EQ(auction.db().scalar(QStringLiteral("SELECT count(*) FROM items")).value_or(-1), 0);
}

TEST(Database, MigratesAZeroByteFile)
{
    // GIVEN an empty file already on disk WHEN opened THEN it is migrated like a new one
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("empty.sqlite"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.close();
    auto db = Database::open(path);
    ASSERT_TRUE(db.has_value()) << db.error().message.toStdString();
    EXPECT_EQ(pragma(**db, "user_version"), Database::SchemaVersion);
}

TEST(Database, SetsDurabilityAndIntegrityPragmasOnEveryConnection)
{
    // GIVEN a database, a second connection to it in this thread and a third in another
    // thread (as the server and the export worker have)
    TestAuction auction;
    const auto check = [](Database& db, const char* which) {
        QSqlQuery query(db.connection());
        ASSERT_TRUE(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next()) << which;
        EXPECT_EQ(query.value(0).toString(), QStringLiteral("wal")) << which;
        EXPECT_EQ(pragma(db, "synchronous"), 2) << which; // FULL
        EXPECT_EQ(pragma(db, "foreign_keys"), 1) << which;
        EXPECT_GT(pragma(db, "busy_timeout"), 0) << which;
    };
    // THEN each of them has the pragmas set
    check(auction.db(), "first connection");
    auto second = BidTracker::Testing::openDatabase(auction.path());
    ASSERT_TRUE(second);
    check(*second, "second connection");
    std::thread thread([&] {
        auto third = BidTracker::Testing::openDatabase(auction.path());
        ASSERT_TRUE(third);
        check(*third, "connection of another thread");
    });
    thread.join(); // a join ThreadSanitizer sees, unlike QThread::wait()
}

TEST(Database, ReopeningKeepsEverything)
{
    // GIVEN an auction with users, items and bids
    TestAuction auction;
    const qint64 user = auction.addUser(QStringLiteral("Albert"));
    const qint64 item = auction.addItem(QStringLiteral("Vase"));
    const qint64 bid = auction.bid(item, user, 1500);
    // WHEN the file is closed and opened again
    auction.reopen();
    // THEN all of it is still there, winner included
    EXPECT_EQ(auction.service().user(user)->name, QStringLiteral("Albert"));
    auto reread = auction.service().item(item);
    ASSERT_TRUE(reread.has_value());
    EXPECT_EQ(reread->name, QStringLiteral("Vase"));
    EXPECT_EQ(reread->winningBidId, bid);
    EXPECT_EQ(auction.service().bid(bid)->value.cents(), 1500);
}

TEST(Database, RefusesAFileFromANewerVersionAndLeavesItUnchanged)
{
    // GIVEN a database whose schema version is newer than this build's
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("newer.sqlite"));
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db.has_value());
    }
    rawSql(path, {QStringLiteral("PRAGMA journal_mode = DELETE"),
                  QStringLiteral("PRAGMA user_version = %1").arg(Database::SchemaVersion + 1)});
    const QByteArray before = fileHash(path);
    // WHEN it is opened
    auto db = Database::open(path);
    // THEN it is refused with a message naming the versions, and not one byte changed
    ASSERT_FALSE(db.has_value());
    EXPECT_TRUE(db.error().message.contains(QStringLiteral("newer Bid Tracker")))
        << db.error().message.toStdString();
    EXPECT_EQ(fileHash(path), before);
}

TEST(Database, RefusesAFileThatIsNotADatabaseAndLeavesItUnchanged)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.txt"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("item_id,name\r\n1,Vase\r\n");
    file.close();
    const QByteArray before = fileHash(path);
    auto db = Database::open(path);
    ASSERT_FALSE(db.has_value());
    EXPECT_TRUE(db.error().message.contains(QStringLiteral("not an SQLite file")));
    EXPECT_EQ(fileHash(path), before);
}

TEST(Database, RefusesAnotherProgramsSqliteDatabase)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other.sqlite"));
    rawSql(path, {QStringLiteral("CREATE TABLE contacts (name TEXT)")});
    const QByteArray before = fileHash(path);
    auto db = Database::open(path);
    ASSERT_FALSE(db.has_value());
    EXPECT_TRUE(db.error().message.contains(QStringLiteral("another program")));
    EXPECT_EQ(fileHash(path), before);
}

TEST(Database, RefusesAFolder)
{
    QTemporaryDir dir;
    auto db = Database::open(dir.path());
    ASSERT_FALSE(db.has_value());
    EXPECT_TRUE(db.error().message.contains(QStringLiteral("folder")));
}

TEST(Database, IdsAreNeverReused)
{
    // GIVEN a user that was created and deleted WHEN another is created THEN it gets a new id
    TestAuction auction;
    const qint64 first = auction.addUser();
    ASSERT_TRUE(auction.service().deleteUser(first).has_value());
    EXPECT_GT(auction.addUser(), first);
}

TEST(Database, MigratesAVersion1FileForward)
{
    // GIVEN a file as version 1 of Bid Tracker left it, with a bid in it
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v1.sqlite"));
    QStringList v1 = BidTracker::Model::migrationStep(1);
    v1 += QStringList{
        QStringLiteral(
            "INSERT INTO users (name, created_at) VALUES ('Albert', '2026-01-01T00:00:00.000Z')"),
        QStringLiteral(
            "INSERT INTO items (name, created_at) VALUES ('Vase', '2026-01-01T00:00:00.000Z')"),
        QStringLiteral("INSERT INTO bids (item_id, user_id, value_cents, placed_at) VALUES (1, 1, "
                       "500, '2026-01-01T00:00:01.000Z')"),
        QStringLiteral("UPDATE items SET winning_bid_id = 1, bid_count = 1"),
        QStringLiteral("PRAGMA user_version = 1")};
    rawSql(path, v1);
    // WHEN this version opens it
    auto db = Database::open(path);
    ASSERT_TRUE(db.has_value()) << db.error().message.toStdString();
    // THEN it is at the current version, with the new index, and the data is intact
    EXPECT_EQ(pragma(**db, "user_version"), Database::SchemaVersion);
    EXPECT_EQ((*db)
                  ->scalar(QStringLiteral(
                      "SELECT count(*) FROM sqlite_master WHERE name = 'bids_by_value'"))
                  .value_or(0),
              1);
    AuctionService service(**db);
    EXPECT_EQ(service.winningBid(1)->value.cents(), 500);
}

TEST(Database, MigratesAVersion2FileToTheWholeNight)
{
    // GIVEN a file as version 2 left it: two bidders (one deleted in between) and a bid
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v2.sqlite"));
    QStringList v2 = BidTracker::Model::migrationStep(1) + BidTracker::Model::migrationStep(2);
    v2 += QStringList{
        QStringLiteral("INSERT INTO users (id, name, created_at) VALUES"
                       " (1, 'Albert', '2026-01-01T00:00:00.000Z'),"
                       " (3, 'Constance', '2026-01-01T00:00:00.000Z')"),
        QStringLiteral(
            "INSERT INTO items (name, created_at) VALUES ('Vase', '2026-01-01T00:00:00.000Z')"),
        QStringLiteral("INSERT INTO bids (item_id, user_id, value_cents, placed_at) VALUES (1, 3, "
                       "500, '2026-01-01T00:00:01.000Z')"),
        QStringLiteral("UPDATE items SET winning_bid_id = 1, bid_count = 1"),
        QStringLiteral("UPDATE users SET bid_count = 1 WHERE id = 3"),
        QStringLiteral("PRAGMA user_version = 2")};
    rawSql(path, v2);
    // WHEN this version opens it
    auto db = Database::open(path);
    ASSERT_TRUE(db.has_value()) << db.error().message.toStdString();
    // THEN the bidders have paddle numbers in id order from 100, the settings have their
    // defaults, the old bid is a plain one, and a new bidder takes the lowest free number
    // (RULES.md 4: 101, left free between them)
    EXPECT_EQ(pragma(**db, "user_version"), Database::SchemaVersion);
    AuctionService service(**db);
    EXPECT_EQ(service.user(1)->number, 100);
    EXPECT_EQ(service.user(3)->number, 102);
    EXPECT_EQ(*service.settings(), AuctionSettings{});
    const Bid bid = *service.bid(1);
    EXPECT_FALSE(bid.maxValue.has_value());
    EXPECT_FALSE(bid.automatic);
    EXPECT_EQ(service.item(1)->winnerNumber, 102);
    auto added = service.createUser(QStringLiteral("David"));
    ASSERT_TRUE(added.has_value()) << added.error().message.toStdString();
    EXPECT_EQ(added->number, 101);
}

TEST(Database, MigratesAVersion3FileToTheRulesOfRealSales)
{
    // GIVEN a file as version 3 left it: a lot with a bid carrying a maximum of 50, and a
    // plain bid of 20 by someone else after it (the lot row knows nothing of ceilings)
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v3.sqlite"));
    QStringList v3 = BidTracker::Model::migrationStep(1) + BidTracker::Model::migrationStep(2) +
                     BidTracker::Model::migrationStep(3);
    v3 += QStringList{
        QStringLiteral("INSERT INTO users (id, name, created_at, number) VALUES"
                       " (1, 'A', '2026-01-01T00:00:00.000Z', 100),"
                       " (2, 'B', '2026-01-01T00:00:00.000Z', 101)"),
        QStringLiteral(
            "INSERT INTO items (name, created_at, starting_price_cents,"
            " min_increment_cents) VALUES ('Vase', '2026-01-01T00:00:00.000Z', 1000, 100)"),
        QStringLiteral(
            "INSERT INTO bids (item_id, user_id, value_cents, placed_at, max_value_cents)"
            " VALUES (1, 1, 1000, '2026-01-01T00:00:01.000Z', 5000)"),
        QStringLiteral("INSERT INTO bids (item_id, user_id, value_cents, placed_at)"
                       " VALUES (1, 2, 2000, '2026-01-01T00:00:02.000Z')"),
        QStringLiteral("INSERT INTO bids (item_id, user_id, value_cents, placed_at, auto)"
                       " VALUES (1, 1, 2100, '2026-01-01T00:00:02.000Z', 1)"),
        QStringLiteral("UPDATE items SET winning_bid_id = 3, bid_count = 3"),
        QStringLiteral("UPDATE users SET bid_count = 2 WHERE id = 1"),
        QStringLiteral("UPDATE users SET bid_count = 1 WHERE id = 2"),
        QStringLiteral("PRAGMA user_version = 3")};
    rawSql(path, v3);
    // WHEN this version opens it
    auto db = Database::open(path);
    ASSERT_TRUE(db.has_value()) << db.error().message.toStdString();
    // THEN it is version 4, the lot's ceilings are unknown, and the next bid works them out
    // from the bids: B bidding 40 leaves A leading at 41 on A's maximum
    EXPECT_EQ(pragma(**db, "user_version"), Database::SchemaVersion);
    AuctionService service(**db);
    EXPECT_FALSE(service.item(1)->leaderCeiling.has_value());
    ASSERT_TRUE(service.placeBid(1, 2, Money::fromCents(4000)));
    const Item lot = *service.item(1);
    EXPECT_EQ(lot.winnerUserId, 1);
    EXPECT_EQ(lot.winningValue, Money::fromCents(4100));
    EXPECT_EQ(lot.leaderCeiling, Money::fromCents(5000));
    // AND a leader's maximum alone is kept in the new table
    BidRequest raise{1, 1, {}, Money::fromCents(9000)};
    const auto raised = service.placeBid(raise);
    ASSERT_TRUE(raised) << raised.error().message.toStdString();
    EXPECT_FALSE(raised->added);
    EXPECT_EQ(service.item(1)->leaderCeiling, Money::fromCents(9000));
}

TEST(Database, MigratesAVersion4FileToVersions)
{
    // GIVEN a file as version 4 left it: a bidder, a lot and the settings row
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v4.sqlite"));
    QStringList v4;
    for (int step = 1; step <= 4; ++step)
        v4 += BidTracker::Model::migrationStep(step);
    v4 += QStringList{
        QStringLiteral("INSERT INTO users (id, name, created_at, number) VALUES"
                       " (1, 'A', '2026-01-01T00:00:00.000Z', 100)"),
        QStringLiteral("INSERT INTO items (name, created_at, starting_price_cents,"
                       " min_increment_cents) VALUES ('Vase', '2026-01-01T00:00:00.000Z', 1000,"
                       " 100)"),
        QStringLiteral("PRAGMA user_version = 4")};
    rawSql(path, v4);
    // WHEN this version opens it
    auto db = Database::open(path);
    ASSERT_TRUE(db.has_value()) << db.error().message.toStdString();
    // THEN every row starts at version 1, with no change time yet
    EXPECT_GE(pragma(**db, "user_version"), 5);
    AuctionService service(**db);
    EXPECT_EQ(service.item(1)->version, 1);
    EXPECT_TRUE(service.item(1)->changedAt.isEmpty());
    EXPECT_EQ(service.user(1)->version, 1);
    EXPECT_EQ(service.settingsVersion()->version, 1);
    // AND a rename counts, a bid does not
    ASSERT_TRUE(service.placeBid(1, 1, Money::fromCents(1000)));
    EXPECT_EQ(service.item(1)->version, 1);
    ItemChanges rename;
    rename.name = QStringLiteral("Urn");
    ASSERT_TRUE(service.updateItem(1, rename));
    EXPECT_EQ(service.item(1)->version, 2);
    EXPECT_TRUE(service.item(1)->changedAt.endsWith(u'Z'));
    ASSERT_TRUE(service.renameUser(1, QStringLiteral("Bea")));
    EXPECT_EQ(service.user(1)->version, 2);
}
