// API.md "Versions and safe retries": ETag on lots, bidders and the settings, and PUT with
// If-Match refused with 412 `stale` when the object changed since, changing nothing.
#include "apitestserver.h"

#include <QJsonObject>

using BidTracker::Testing::ApiTestServer;

namespace {

QString api(const char* path)
{
    return QStringLiteral("/api/v1") + QString::fromUtf8(path);
}

} // namespace

TEST(ApiVersions, ALotAnswersItsVersionAndPutHonoursIfMatch)
{
    ApiTestServer server;
    // GIVEN a lot read at version 1
    const auto read = server.get(api("/items/item1"));
    ASSERT_EQ(read.status, 200);
    EXPECT_EQ(read.header("ETag"), "\"1\"");
    EXPECT_EQ(read.object()["item"]["version"].toInt(), 1);
    // WHEN one client renames it with If-Match "1"
    const auto first = server.request("PUT", api("/items/item1"), R"({"item": {"name": "Urn"}})",
                                      {{"If-Match", "\"1\""}});
    // THEN it is changed and answers version 2
    ASSERT_EQ(first.status, 200);
    EXPECT_EQ(first.header("ETag"), "\"2\"");
    EXPECT_EQ(first.object()["item"]["version"].toInt(), 2);
    // WHEN another client, still at version 1, renames it too
    const QString before = server.snapshot();
    const auto second = server.request("PUT", api("/items/item1"), R"({"item": {"name": "Jug"}})",
                                       {{"If-Match", "\"1\""}});
    // THEN 412 stale with the current version, and nothing changed
    EXPECT_EQ(second.status, 412);
    EXPECT_EQ(second.object()["error"]["code"].toString(), QStringLiteral("stale"));
    EXPECT_EQ(second.object()["error"]["version"].toInt(), 2);
    EXPECT_EQ(server.snapshot(), before);
    EXPECT_EQ(server.get(api("/items/item1")).object()["item"]["name"].toString(),
              QStringLiteral("Urn"));
}

TEST(ApiVersions, ABidderAnswersItsVersionAndPutHonoursIfMatch)
{
    ApiTestServer server;
    const auto read = server.get(api("/users/user2"));
    ASSERT_EQ(read.status, 200);
    EXPECT_EQ(read.header("ETag"), "\"1\"");
    EXPECT_EQ(read.object()["version"].toInt(), 1);
    ASSERT_EQ(server.request("PUT", api("/users/user2"), R"({"name": "Bea"})").status, 200);
    const QString before = server.snapshot();
    const auto stale =
        server.request("PUT", api("/users/user2"), R"({"name": "Bo"})", {{"If-Match", "\"1\""}});
    EXPECT_EQ(stale.status, 412);
    EXPECT_EQ(stale.object()["error"]["code"].toString(), QStringLiteral("stale"));
    EXPECT_EQ(stale.object()["error"]["version"].toInt(), 2);
    EXPECT_EQ(server.snapshot(), before);
    const auto fresh =
        server.request("PUT", api("/users/user2"), R"({"name": "Bo"})", {{"If-Match", "\"2\""}});
    EXPECT_EQ(fresh.status, 200);
    EXPECT_EQ(fresh.header("ETag"), "\"3\"");
}

TEST(ApiVersions, TheSettingsAnswerTheirVersionAndPutHonoursIfMatch)
{
    ApiTestServer server;
    const auto read = server.get(api("/settings"));
    ASSERT_EQ(read.status, 200);
    const QByteArray tag = read.header("ETag");
    const int version = read.object()["settings"]["version"].toInt();
    EXPECT_EQ(tag, '"' + QByteArray::number(version) + '"');
    const auto changed = server.request("PUT", api("/settings"),
                                        R"({"settings": {"name": "Gala"}})", {{"If-Match", tag}});
    ASSERT_EQ(changed.status, 200);
    EXPECT_EQ(changed.object()["settings"]["version"].toInt(), version + 1);
    const QString before = server.snapshot();
    const auto stale = server.request("PUT", api("/settings"), R"({"settings": {"name": "Ball"}})",
                                      {{"If-Match", tag}});
    EXPECT_EQ(stale.status, 412);
    EXPECT_EQ(stale.object()["error"]["code"].toString(), QStringLiteral("stale"));
    EXPECT_EQ(server.snapshot(), before);
}

TEST(ApiVersions, AnIfMatchOfAnotherFormIsRefusedAndChangesNothing)
{
    ApiTestServer server;
    const QString before = server.snapshot();
    for (const QByteArray& value :
         {QByteArray("1"), QByteArray("\"x\""), QByteArray("W/\"1\""), QByteArray("\"0\""),
          // a sign, a space or a leading zero: toLongLong alone read each as version 1
          QByteArray("\"+1\""), QByteArray("\" 1\""), QByteArray("\"01\""), QByteArray("\"1 \"")}) {
        const auto reply = server.request("PUT", api("/items/item1"),
                                          R"({"item": {"name": "Urn"}})", {{"If-Match", value}});
        EXPECT_EQ(reply.status, 400) << value.toStdString();
        EXPECT_EQ(reply.object()["error"]["code"].toString(), QStringLiteral("invalid"));
    }
    EXPECT_EQ(server.snapshot(), before);
}
