// Durability: the server process is killed with SIGKILL at random moments while clients post
// bids and other programs (the command line's export, the sqlite3 shell) open and close the
// same database file; after a restart every bid that was answered 201 is there, and the file
// is intact. The first test pins down the mechanism of the loss it guards against: a reader
// in another process must never be able to delete the running server's write-ahead log.
#include "headlessprocess.h"
#include "httpclients.h"
#include "support/testauction.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <atomic>
#include <csignal>
#include <random>
#include <thread>

using namespace BidTracker;
using Testing::bidBody;
using Testing::HttpClients;

namespace {

const QByteArray token = "crash-test-token-42";
constexpr int Lots = 4;

quint16 startServer(QProcess& process, const QString& dir, const QString& db)
{
    return Testing::startHeadless(process, dir, db, token);
}

/// A database with one bidder and `Lots` lots, as the auction starts.
void createAuction(const QString& db)
{
    auto database = Testing::openDatabase(db);
    Model::AuctionService service(*database);
    ASSERT_TRUE(service.createUser(QStringLiteral("Bidder")).has_value());
    for (int i = 0; i < Lots; ++i)
        ASSERT_TRUE(service.createItem({.name = QStringLiteral("Lot %1").arg(i)}).has_value());
}

/// Another program that opens the database, reads it and closes it again, as a treasurer's
/// script or a second terminal would. `which` alternates between the two programs.
bool readInAnotherProcess(const QString& db, int which)
{
    QProcess reader;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), QFileInfo(db).absolutePath());
    environment.insert(QStringLiteral("XDG_DATA_HOME"), QFileInfo(db).absolutePath());
    reader.setProcessEnvironment(environment);
    if (which % 2 == 0)
        reader.start(
            QStringLiteral(BIDTRACKER_BINARY),
            {QStringLiteral("export"), QStringLiteral("bids"), QStringLiteral("--db"), db});
    else
        reader.start(QStringLiteral("sqlite3"),
                     {QStringLiteral("-cmd"), QStringLiteral(".timeout 5000"), db,
                      QStringLiteral("SELECT count(*) FROM bids;")});
    return reader.waitForFinished(20'000) && reader.exitStatus() == QProcess::NormalExit &&
           reader.exitCode() == 0;
}

/// The files the process has open that were deleted while it held them (Linux: /proc).
QStringList deletedOpenFiles(qint64 pid)
{
    QStringList deleted;
    const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
    for (const QFileInfo& fd :
         fds.entryInfoList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System)) {
        const QString target = fd.symLinkTarget();
        if (target.endsWith(QStringLiteral(" (deleted)")))
            deleted << target;
    }
    return deleted;
}

/// The bids answered 201, by id, with their value in cents.
using Acknowledged = QList<std::pair<qint64, qint64>>;

void collectAcknowledged(HttpClients& clients, Acknowledged& acknowledged, int waitMs)
{
    for (const auto& [status, body] : clients.collect(waitMs)) {
        if (status != 201)
            continue;
        const QJsonObject bid = QJsonDocument::fromJson(body).object();
        acknowledged.append(
            {Model::parseId(Model::EntityKind::Bid, bid["bid_id"].toString()).value(),
             qRound64(bid["bid"]["value"].toDouble() * 100)});
    }
}

/// Every acknowledged bid is in the file with its value, and the file is intact.
void expectAllPresent(const QString& db, const Acknowledged& acknowledged)
{
    auto database = Testing::openDatabase(db);
    QSqlQuery query(database->connection());
    ASSERT_TRUE(query.prepare(QStringLiteral("SELECT value_cents FROM bids WHERE id = ?")));
    qsizetype lost = 0;
    for (const auto& [id, cents] : acknowledged) {
        query.bindValue(0, id);
        ASSERT_TRUE(query.exec());
        if (!query.next()) {
            ++lost;
            continue;
        }
        EXPECT_EQ(query.value(0).toLongLong(), cents) << "bid " << id;
    }
    EXPECT_EQ(lost, 0) << "of " << acknowledged.size() << " acknowledged bids";
    QSqlQuery check(database->connection());
    ASSERT_TRUE(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
    EXPECT_EQ(check.value(0).toString(), QStringLiteral("ok"));
}

} // namespace

TEST(Durability, AReaderInAnotherProcessNeverDeletesTheServersWriteAheadLog)
{
    // GIVEN a headless server on a database
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("crash.sqlite"));
    createAuction(db);
    QProcess server;
    const quint16 port = startServer(server, dir.path(), db);
    ASSERT_NE(port, 0);

    // WHEN the command line's export and the sqlite3 shell each open and close the file once,
    // and then a bid is posted and acknowledged
    ASSERT_TRUE(readInAnotherProcess(db, 0));
    ASSERT_TRUE(readInAnotherProcess(db, 1));
    HttpClients client(port, 1);
    client.send(0, "POST", QStringLiteral("/api/v1/bids"),
                bidBody(QStringLiteral("item1"), 1000, QStringLiteral("user1")), token);
    Acknowledged acknowledged;
    collectAcknowledged(client, acknowledged, 5000);
    ASSERT_EQ(acknowledged.size(), 1);

    // THEN the server still writes into files that exist (its -wal and -shm were not deleted
    // under it), and the bid survives SIGKILL and a restart
    const QStringList deleted = deletedOpenFiles(server.processId());
    EXPECT_TRUE(deleted.isEmpty()) << deleted.join(QStringLiteral(", ")).toStdString();
    ::kill(static_cast<pid_t>(server.processId()), SIGKILL);
    server.waitForFinished(5000);
    ASSERT_TRUE(readInAnotherProcess(db, 1)); // a reader after the crash replays the log
    expectAllPresent(db, acknowledged);
}

TEST(Durability, EveryBidAnswered201SurvivesSigkillAtRandomMomentsWhileOthersRead)
{
    // GIVEN a database with a bidder and four lots, and other programs that keep opening,
    // reading and closing it for the whole test
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("crash.sqlite"));
    createAuction(db);
    std::atomic<bool> stopReaders{false};
    std::atomic<int> readerRuns{0};
    std::atomic<int> readerFailures{0};
    std::thread readers([&] {
        for (int i = 0; !stopReaders; ++i) {
            if (!readInAnotherProcess(db, i))
                ++readerFailures;
            ++readerRuns;
        }
    });

    // WHEN, in several rounds, 4 clients post rising bids and the server is killed at a
    // random moment (fixed seed) with requests in flight, then started again
    std::mt19937 random(20261128);
    std::uniform_int_distribution<int> killAfterMs(150, 900);
    Acknowledged acknowledged;
    qint64 cents = 100;
    constexpr int Rounds = 4;
    for (int round = 0; round < Rounds; ++round) {
        QProcess server;
        const quint16 port = startServer(server, dir.path(), db);
        ASSERT_NE(port, 0);
        HttpClients clients(port, Lots);
        const int killAt = killAfterMs(random);
        QElapsedTimer elapsed;
        elapsed.start();
        bool killed = false;
        while (!killed) {
            for (int i = 0; i < clients.size(); ++i)
                clients.send(
                    i, "POST", QStringLiteral("/api/v1/bids"),
                    bidBody(QStringLiteral("item%1").arg(i + 1), cents, QStringLiteral("user1")),
                    token);
            cents += 100;
            if (elapsed.elapsed() >= killAt) {
                ::kill(static_cast<pid_t>(server.processId()), SIGKILL);
                killed = true;
            }
            collectAcknowledged(clients, acknowledged, killed ? 1000 : 5000);
        }
        server.waitForFinished(5000);
    }
    stopReaders = true;
    readers.join();

    // THEN every acknowledged bid is there after a last restart, and the file is intact
    ASSERT_GT(acknowledged.size(), 100);
    EXPECT_GT(readerRuns.load(), Rounds);
    EXPECT_EQ(readerFailures.load(), 0);
    QProcess restarted;
    ASSERT_NE(startServer(restarted, dir.path(), db), 0);
    restarted.terminate();
    EXPECT_TRUE(restarted.waitForFinished(5000));
    EXPECT_EQ(restarted.exitCode(), 0);
    expectAllPresent(db, acknowledged);
}

TEST(Durability, TheCommandLineRefusesTheDatabaseOrItsLogAsACsvFile)
{
    // GIVEN a running server on a database with a bid in it
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("crash.sqlite"));
    createAuction(db);
    QProcess server;
    const quint16 port = startServer(server, dir.path(), db);
    ASSERT_NE(port, 0);
    HttpClients client(port, 1);
    client.send(0, "POST", QStringLiteral("/api/v1/bids"),
                bidBody(QStringLiteral("item1"), 1000, QStringLiteral("user1")), token);
    Acknowledged acknowledged;
    collectAcknowledged(client, acknowledged, 5000);
    ASSERT_EQ(acknowledged.size(), 1);

    // WHEN the command line is asked to export over the database or its log, or to import
    // them as CSV (also through another spelling of the same path)
    const auto run = [&](const QStringList& arguments) {
        QProcess process;
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.start(QStringLiteral(BIDTRACKER_BINARY), arguments);
        EXPECT_TRUE(process.waitForFinished(20'000));
        return std::pair{process.exitCode(), QString::fromUtf8(process.readAllStandardError())};
    };
    const QString sameFile =
        dir.filePath(QStringLiteral("./../%1/crash.sqlite")).arg(QFileInfo(dir.path()).fileName());
    for (const QStringList& arguments :
         {QStringList{"export", "bids", "-o", db, "--db", db},
          QStringList{"export", "bids", "-o", db + "-wal", "--db", db},
          QStringList{"export", "items", "-o", sameFile, "--db", db},
          QStringList{"import", "users", db, "--db", db},
          QStringList{"import", "users", db + "-shm", "--db", sameFile}}) {
        const auto [code, err] = run(arguments);
        // THEN each is refused (the file rule: exit 2) with a message that says why, and the
        // server keeps its log
        EXPECT_EQ(code, 2) << arguments.join(u' ').toStdString();
        EXPECT_TRUE(err.contains(QStringLiteral("SQLite database"))) << err.toStdString();
    }
    const QStringList deleted = deletedOpenFiles(server.processId());
    EXPECT_TRUE(deleted.isEmpty()) << deleted.join(QStringLiteral(", ")).toStdString();
    ::kill(static_cast<pid_t>(server.processId()), SIGKILL);
    server.waitForFinished(5000);
    expectAllPresent(db, acknowledged);
}
