// `--db` values and the notifications between stations: outside input, read strictly.
#include "model/storage/changechannel.h"
#include "model/storage/databaselocation.h"

#include <gtest/gtest.h>

using namespace BidTracker::Model;

TEST(DatabaseLocation, APathIsAnSqliteFile)
{
    const auto location = parseDatabaseLocation(QStringLiteral("/tmp/night.sqlite"));
    ASSERT_TRUE(location.has_value());
    EXPECT_EQ(location->engine, Storage::Engine::Sqlite);
    EXPECT_EQ(location->path, QStringLiteral("/tmp/night.sqlite"));
}

TEST(DatabaseLocation, APostgresqlUrlNamesServerUserAndDatabase)
{
    const auto location = parseDatabaseLocation(
        QStringLiteral("postgresql://clerk:s%40cret@192.168.1.20:5433/gala2026"));
    ASSERT_TRUE(location.has_value()) << location.error().message.toStdString();
    EXPECT_EQ(location->engine, Storage::Engine::Postgres);
    EXPECT_EQ(location->host, QStringLiteral("192.168.1.20"));
    EXPECT_EQ(location->port, 5433);
    EXPECT_EQ(location->user, QStringLiteral("clerk"));
    EXPECT_EQ(location->password, QStringLiteral("s@cret"));
    EXPECT_EQ(location->database, QStringLiteral("gala2026"));
    // THEN what people see never shows the password
    EXPECT_EQ(location->display(), QStringLiteral("postgresql://clerk@192.168.1.20:5433/gala2026"));
    const auto defaultPort = parseDatabaseLocation(QStringLiteral("postgres://clerk@db/gala"));
    ASSERT_TRUE(defaultPort.has_value());
    EXPECT_EQ(defaultPort->port, 5432);
    EXPECT_TRUE(defaultPort->password.isEmpty()); // PGPASSWORD or ~/.pgpass then
}

TEST(DatabaseLocation, RefusesUrlsThatNameNoDatabaseUserOrHost)
{
    for (const char* bad :
         {"postgresql://clerk@host/", "postgresql://clerk@host/a/b", "postgresql://@host/db",
          "postgresql://host/db", "postgresql://clerk@:5432/db", "postgresql://clerk@host:0/db",
          "postgresql://clerk@host/db?sslmode=disable", "postgresql://clerk@host:99999/db", ""}) {
        const auto location = parseDatabaseLocation(QString::fromLatin1(bad));
        EXPECT_FALSE(location.has_value()) << bad;
    }
}

TEST(ChangeChannel, CarriesChangesToAnotherProcessAndBack)
{
    QList<Change> changes;
    for (int i = 1; i <= 250; ++i)
        changes.append({EntityKind::Bid, Change::Action::Added, i, 7, 9});
    changes.append({EntityKind::User, Change::Action::Reset, 0, 0, 0});
    const QStringList payloads = ChangeChannel::encode(changes);
    EXPECT_EQ(payloads.size(), 3); // 100 a notification
    QList<Change> received;
    for (const QString& payload : payloads) {
        EXPECT_LT(payload.size(), 8000);
        const auto decoded = ChangeChannel::decode(payload);
        ASSERT_TRUE(decoded.has_value()) << payload.toStdString();
        EXPECT_EQ(decoded->tag, ChangeChannel::processTag());
        received += decoded->changes;
    }
    ASSERT_EQ(received.size(), changes.size());
    for (qsizetype i = 0; i < changes.size(); ++i) {
        EXPECT_EQ(received[i].kind, changes[i].kind);
        EXPECT_EQ(received[i].action, changes[i].action);
        EXPECT_EQ(received[i].id, changes[i].id);
        EXPECT_EQ(received[i].itemId, changes[i].itemId);
        EXPECT_EQ(received[i].userId, changes[i].userId);
    }
}

TEST(ChangeChannel, IgnoresWhatItDoesNotUnderstand)
{
    for (const char* bad : {"", "hello", "v1", "v1 tag", "v2 tag;0 0 1 0 0", "v1 tag;0 0 1 0",
                            "v1 tag;9 0 1 0 0", "v1 tag;0 9 1 0 0", "v1 tag;0 0 -1 0 0",
                            "v1 tag;0 0 x 0 0", "v1  ;0 0 1 0 0", "v1 tag;0 0 1 0 0;"}) {
        EXPECT_FALSE(ChangeChannel::decode(QString::fromLatin1(bad)).has_value()) << bad;
    }
}

TEST(DatabaseLocation, ADriverErrorIsOneLineEachPartOnce)
{
    // libpq reports a refused password once per attempt (SSL, then plain), line by line
    const QString libpq =
        QStringLiteral("connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  password "
                       "authentication failed for user \"auction\"\n"
                       "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  password "
                       "authentication failed for user \"auction\"\n QPSQL: Unable to connect");
    EXPECT_EQ(driverMessage(libpq),
              QStringLiteral("connection to server at \"127.0.0.1\", port 5432 failed: FATAL: "
                             "password authentication failed for user \"auction\"; QPSQL: "
                             "Unable to connect"));
    EXPECT_EQ(driverMessage(QStringLiteral(" \n ")), QStringLiteral("unknown error"));
}
