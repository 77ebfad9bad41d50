// Durability: the server process is killed with SIGKILL while clients post bids; after a
// restart every bid that was answered 201 is there, and the file is intact.
#include "httpclients.h"
#include "support/testauction.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <csignal>

using namespace BidTracker;
using Testing::bidBody;
using Testing::HttpClients;

namespace {

const QByteArray token = "crash-test-token-42";

/// Starts `bidtracker --headless` on a free port; returns the port, or 0.
quint16 startServer(QProcess& process, const QString& dir, const QString& db)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir); // keep the user's settings out
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dir);
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(BIDTRACKER_BINARY),
                  {QStringLiteral("--headless"), QStringLiteral("--db"), db,
                   QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--token"),
                   QString::fromLatin1(token), QStringLiteral("--rate-limit"),
                   QStringLiteral("0")});
    QByteArray output;
    const QRegularExpression url(QStringLiteral("http://127\\.0\\.0\\.1:(\\d+)/api/v1"));
    while (process.waitForReadyRead(10'000)) {
        output += process.readAll();
        if (const auto match = url.match(QString::fromUtf8(output)); match.hasMatch())
            return static_cast<quint16>(match.captured(1).toUInt());
    }
    ADD_FAILURE() << "the server did not start: " << output.toStdString();
    return 0;
}

} // namespace

TEST(Durability, EveryBidAnswered201SurvivesSigkill)
{
    // GIVEN a headless server on a database with an item and a user
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("crash.sqlite"));
    {
        auto database = Testing::openDatabase(db);
        Model::AuctionService service(*database);
        ASSERT_TRUE(service.createUser(QStringLiteral("Bidder")).has_value());
        for (int i = 0; i < 4; ++i)
            ASSERT_TRUE(
                service.createItem({QStringLiteral("Lot %1").arg(i), {}, {}, {}}).has_value());
    }
    QProcess server;
    const quint16 port = startServer(server, dir.path(), db);
    ASSERT_NE(port, 0);

    // WHEN 4 clients post rising bids and the process is killed in the middle of it
    HttpClients clients(port, 4);
    QList<std::pair<qint64, qint64>> acknowledged; // bid id, cents
    qint64 cents = 100;
    for (int round = 0; round < 150; ++round) {
        for (int i = 0; i < clients.size(); ++i)
            clients.send(
                i, "POST", QStringLiteral("/api/v1/bids"),
                bidBody(QStringLiteral("item%1").arg(i + 1), cents, QStringLiteral("user1")),
                token);
        cents += 100;
        if (round == 149) {
            ::kill(static_cast<pid_t>(server.processId()), SIGKILL);
        }
        for (const auto& [status, body] : clients.collect(5000)) {
            if (status != 201)
                continue;
            const QJsonObject bid = QJsonDocument::fromJson(body).object();
            acknowledged.append(
                {Model::parseId(Model::EntityKind::Bid, bid["bid_id"].toString()).value(),
                 qRound64(bid["bid"]["value"].toDouble() * 100)});
        }
    }
    server.waitForFinished(5000);
    ASSERT_GT(acknowledged.size(), 500);

    // THEN after a restart every acknowledged bid is there and the file is intact
    QProcess restarted;
    ASSERT_NE(startServer(restarted, dir.path(), db), 0);
    restarted.terminate();
    EXPECT_TRUE(restarted.waitForFinished(5000));
    EXPECT_EQ(restarted.exitCode(), 0);
    auto database = Testing::openDatabase(db);
    Model::AuctionService service(*database);
    for (const auto& [id, value] : acknowledged) {
        const auto bid = service.bid(id);
        ASSERT_TRUE(bid.has_value()) << "lost bid" << id;
        EXPECT_EQ(bid->value.cents(), value);
    }
    QSqlQuery check(database->connection());
    ASSERT_TRUE(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
    EXPECT_EQ(check.value(0).toString(), QStringLiteral("ok"));
}
