// Every error row of API.md and a catalogue of malformed input: each case asserts the
// status, a JSON message, and that nothing changed.
#include "apitestserver.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>

using BidTracker::Testing::ApiTestServer;

namespace {

struct BadCase
{
    const char* name;
    QByteArray method;
    QString path;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    int status;
    const char* messagePart; // in the message, or in one of the bundled field messages
};

QByteArray bid(const QByteArray& item, const QByteArray& value, const QByteArray& user)
{
    return R"({"bid": {"item": )" + item + R"(, "value": )" + value + R"(, "user": )" + user + "}}";
}

std::vector<BadCase> cases()
{
    const QString bids = QStringLiteral("/api/v1/bids");
    const QString users = QStringLiteral("/api/v1/users");
    const QString items = QStringLiteral("/api/v1/items");
    const QByteArray hugeName = R"({"name": ")" + QByteArray(10 * 1024, 'x') + R"("})";
    const QByteArray noAuth; // a null value removes the header
    return {
        {"MalformedJson", "POST", bids, "{\"bid\": {", {}, 400, "not valid JSON"},
        {"TruncatedJson",
         "POST",
         bids,
         R"({"bid": {"item": "item1", "value": 10)",
         {},
         400,
         "not valid JSON"},
        {"JsonArrayBody", "POST", bids, "[1, 2]", {}, 400, "must be a JSON object"},
        {"EmptyBody", "POST", bids, "", {}, 400, "not valid JSON"},
        {"MissingBid", "POST", bids, "{}", {}, 400, "Missing required parameter"},
        {"BidNotObject", "POST", bids, R"({"bid": "item1"})", {}, 400, "must be a JSON object"},
        {"MissingValue",
         "POST",
         bids,
         R"({"bid": {"item": "item1", "user": "user1"}})",
         {},
         400,
         "Missing required parameter in bid"},
        {"ValueText",
         "POST",
         bids,
         bid("\"item1\"", "\"lots\"", "\"user1\""),
         {},
         400,
         "must be a number"},
        {"ValueBool",
         "POST",
         bids,
         bid("\"item1\"", "true", "\"user1\""),
         {},
         400,
         "must be a number"},
        {"ValueNull",
         "POST",
         bids,
         bid("\"item1\"", "null", "\"user1\""),
         {},
         400,
         "must be a number"},
        {"ValueNaNString", "POST", bids, bid("\"item1\"", "\"NaN\"", "\"user1\""), {}, 400, "NaN"},
        {"ValueNaNLiteral",
         "POST",
         bids,
         bid("\"item1\"", "NaN", "\"user1\""),
         {},
         400,
         "not valid JSON"},
        {"ValueInfinityString",
         "POST",
         bids,
         bid("\"item1\"", "\"Infinity\"", "\"user1\""),
         {},
         400,
         "Infinity"},
        {"ValueHuge",
         "POST",
         bids,
         bid("\"item1\"", "1e300", "\"user1\""),
         {},
         400,
         "at most 1000000000.00"},
        {"ValueOverMax",
         "POST",
         bids,
         bid("\"item1\"", "1000000000.01", "\"user1\""),
         {},
         400,
         "at most"},
        {"ValueThreeDecimals",
         "POST",
         bids,
         bid("\"item1\"", "1500.123", "\"user1\""),
         {},
         400,
         "two decimals"},
        {"ValueNegative", "POST", bids, bid("\"item1\"", "-5", "\"user1\""), {}, 400, "negative"},
        {"ValueZero",
         "POST",
         bids,
         bid("\"item1\"", "0", "\"user1\""),
         {},
         400,
         "greater than zero"},
        {"ItemNumber", "POST", bids, bid("1", "1500", "\"user1\""), {}, 400, "must be a string id"},
        {"UnknownItem",
         "POST",
         bids,
         bid("\"item9\"", "1500", "\"user1\""),
         {},
         404,
         "Item item9 does not exist"},
        {"UnknownUser",
         "POST",
         bids,
         bid("\"item1\"", "1500", "\"user9\""),
         {},
         404,
         "User user9 does not exist"},
        {"ItemZero", "POST", bids, bid("\"item0\"", "1500", "\"user1\""), {}, 404, "item0"},
        {"SqlLookingItem",
         "POST",
         bids,
         bid("\"item1'; DROP TABLE bids;--\"", "1500", "\"user1\""),
         {},
         404,
         "does not exist"},
        {"LowBid",
         "POST",
         bids,
         bid("\"item1\"", "999", "\"user1\""),
         {},
         409,
         "lowest acceptable bid is 1000.01"},
        {"EqualBid", "POST", bids, bid("\"item1\"", "1000", "\"user3\""), {}, 409, "too low"},
        {"UserNameMissing",
         "POST",
         users,
         R"({"nom": "x"})",
         {},
         400,
         "Missing required parameter"},
        {"UserNameNumber", "POST", users, R"({"name": 42})", {}, 400, "must be a string"},
        {"UserNameEmpty", "POST", users, R"({"name": "   "})", {}, 400, "must not be empty"},
        {"UserName10KB", "POST", users, hugeName, {}, 400, "at most 200 characters"},
        {"UserNameControl", "POST", users, R"({"name": "a\nb"})", {}, 400, "control characters"},
        {"ItemWithoutName",
         "POST",
         items,
         R"({"item": {}})",
         {},
         400,
         "Missing required parameter in item"},
        {"ItemBadStatus",
         "PUT",
         items + QStringLiteral("/item1"),
         R"({"item": {"status": "sold"}})",
         {},
         400,
         "open"},
        {"ItemBadPrice",
         "POST",
         items,
         R"({"item": {"name": "x", "starting_price": "free"}})",
         {},
         400,
         "Starting price must be a number"},
        {"ItemFlatBody", "POST", items, R"({"name": "x"})", {}, 400, "Missing required parameter"},
        {"Item0", "GET", items + QStringLiteral("/item0"), {}, {}, 404, "item0"},
        {"ItemMinus1", "GET", items + QStringLiteral("/item-1"), {}, {}, 404, "does not exist"},
        {"Item01", "GET", items + QStringLiteral("/item01"), {}, {}, 404, "does not exist"},
        {"Item4294967297",
         "GET",
         items + QStringLiteral("/item4294967297"),
         {},
         {},
         404,
         "item4294967297"},
        {"Item20Digits",
         "GET",
         items + QStringLiteral("/item12345678901234567890"),
         {},
         {},
         404,
         "does not exist"},
        {"BareNumberId", "GET", items + QStringLiteral("/1"), {}, {}, 404, "does not exist"},
        {"UserAsItem", "GET", items + QStringLiteral("/user1"), {}, {}, 404, "does not exist"},
        {"UnicodeId", "GET", users + QStringLiteral("/user%D9%A1"), {}, {}, 404, "does not exist"},
        {"UnknownRoute", "GET", QStringLiteral("/api/v1/nothing"), {}, {}, 404, "No such route"},
        {"UnknownBid",
         "DELETE",
         bids + QStringLiteral("/bid99"),
         {},
         {},
         404,
         "Bid bid99 does not exist"},
        {"PutOnBid",
         "PUT",
         bids + QStringLiteral("/bid1"),
         R"({"bid": {}})",
         {},
         405,
         "not allowed"},
        {"PatchOnItem", "PATCH", items + QStringLiteral("/item1"), "{}", {}, 405, "not allowed"},
        {"DeleteAllUsers", "DELETE", users, {}, {}, 405, "not allowed"},
        {"NoToken", "POST", users, R"({"name": "x"})", {{"Authorization", noAuth}}, 401, "token"},
        {"WrongToken",
         "POST",
         users,
         R"({"name": "x"})",
         {{"Authorization", "Bearer wrong"}},
         401,
         "token"},
        {"BasicAuth",
         "DELETE",
         bids + QStringLiteral("/bid1"),
         {},
         {{"Authorization", "Basic dGVzdA=="}},
         401,
         "token"},
        {"TextPlain",
         "POST",
         users,
         R"({"name": "x"})",
         {{"Content-Type", "text/plain"}},
         415,
         "application/json"},
        {"FormEncoded",
         "POST",
         users,
         "name=x",
         {{"Content-Type", "application/x-www-form-urlencoded"}},
         415,
         "application/json"},
        {"ForeignHost", "GET", users, {}, {{"Host", "evil.example:5000"}}, 403, "not this server"},
        {"ForeignHostWrite",
         "POST",
         users,
         R"({"name": "x"})",
         {{"Host", "rebind.attacker.test"}},
         403,
         "not this server"},
        {"ForeignOrigin",
         "POST",
         users,
         R"({"name": "x"})",
         {{"Origin", "http://evil.example"}},
         403,
         "origin"},
        {"NullOrigin", "POST", users, R"({"name": "x"})", {{"Origin", "null"}}, 403, "origin"},
        {"BadLimit",
         "GET",
         users + QStringLiteral("?limit=ten"),
         {},
         {},
         400,
         "limit must be a whole number"},
        {"NegativeOffset", "GET", users + QStringLiteral("?offset=-1"), {}, {}, 400, "offset"},
        {"BadFlag",
         "GET",
         items + QStringLiteral("/item1?complete=maybe"),
         {},
         {},
         400,
         "complete must be"},
        // The rules of real sales (RULES.md 2 and 3)
        {"MaxBelowValue",
         "POST",
         bids,
         R"({"bid": {"item": "item1", "value": 1500, "max_value": 1200, "user": "user3"}})",
         {},
         400,
         "below the value"},
        {"MaxText",
         "POST",
         bids,
         R"({"bid": {"item": "item1", "value": 1500, "max_value": "lots", "user": "user3"}})",
         {},
         400,
         "must be a number"},
        {"MaxNegative",
         "POST",
         bids,
         R"({"bid": {"item": "item1", "max_value": -5, "user": "user3"}})",
         {},
         400,
         "negative"},
        {"MaxZero",
         "POST",
         bids,
         R"({"bid": {"item": "item1", "max_value": 0, "user": "user3"}})",
         {},
         400,
         "greater than zero"},
        {"MaxThreeDecimals",
         "POST",
         bids,
         R"({"bid": {"item": "item1", "max_value": 2000.001, "user": "user3"}})",
         {},
         400,
         "two decimals"},
        {"MaxNull",
         "POST",
         bids,
         R"({"bid": {"item": "item1", "max_value": null, "user": "user3"}})",
         {},
         400,
         "must be a number"},
        {"MaxAloneBelowTheLowestAcceptable",
         "POST",
         bids,
         R"({"bid": {"item": "item1", "max_value": 1000, "user": "user3"}})",
         {},
         400,
         "below the value 1000.01"},
        {"ItemReserveZero",
         "POST",
         items,
         R"({"item": {"name": "x", "reserve": 0}})",
         {},
         400,
         "greater than zero"},
        {"ItemReserveText",
         "POST",
         items,
         R"({"item": {"name": "x", "reserve": "high"}})",
         {},
         400,
         "must be a number"},
        {"ItemBuyNowNegative",
         "POST",
         items,
         R"({"item": {"name": "x", "buy_now": -1}})",
         {},
         400,
         "negative"},
        {"ItemBuyNowThreeDecimals",
         "PUT",
         items + QStringLiteral("/item1"),
         R"({"item": {"buy_now": 10.001}})",
         {},
         400,
         "two decimals"},
        {"ItemClosesAtNotUtc",
         "POST",
         items,
         R"({"item": {"name": "x", "closes_at": "2036-12-05T21:00:00+02:00"}})",
         {},
         400,
         "ISO 8601 UTC"},
        {"ItemClosesAtText",
         "POST",
         items,
         R"({"item": {"name": "x", "closes_at": "tomorrow"}})",
         {},
         400,
         "ISO 8601 UTC"},
        {"ItemClosesAtNumber",
         "POST",
         items,
         R"({"item": {"name": "x", "closes_at": 1765000000}})",
         {},
         400,
         "ISO 8601 UTC"},
        {"ItemClosesAtPast",
         "POST",
         items,
         R"({"item": {"name": "x", "closes_at": "2020-01-01T00:00:00.000Z"}})",
         {},
         400,
         "in the past"},
        {"PutItemClosesAtPast",
         "PUT",
         items + QStringLiteral("/item1"),
         R"({"item": {"closes_at": "2020-01-01T00:00:00.000Z"}})",
         {},
         400,
         "in the past"},
        {"BuyWithoutBuyNowPrice",
         "POST",
         items + QStringLiteral("/item1/buy"),
         R"({"user": "user3"})",
         {},
         409,
         "no buy-now price"},
        {"BuyUnknownUser",
         "POST",
         items + QStringLiteral("/item1/buy"),
         R"({"user": "user9"})",
         {},
         404,
         "user9"},
        {"BuyUnknownItem",
         "POST",
         items + QStringLiteral("/item9/buy"),
         R"({"user": "user3"})",
         {},
         404,
         "item9"},
        {"BuyUserFractionalNumber",
         "POST",
         items + QStringLiteral("/item1/buy"),
         R"({"user": 3.5})",
         {},
         400,
         "or a paddle number from 1 to"},
        {"BuyUserUnknownNumber",
         "POST",
         items + QStringLiteral("/item1/buy"),
         R"({"user": 9999})",
         {},
         404,
         "9999"},
        {"BuyUserBoolean",
         "POST",
         items + QStringLiteral("/item1/buy"),
         R"({"user": true})",
         {},
         400,
         "must be a string id"},
        {"BuyWithoutUser",
         "POST",
         items + QStringLiteral("/item1/buy"),
         R"({})",
         {},
         400,
         "Missing required parameter"},
        {"BuyWithoutToken",
         "POST",
         items + QStringLiteral("/item1/buy"),
         R"({"user": "user3"})",
         {{"Authorization", noAuth}},
         401,
         "token"},
        {"CloseAllWithoutToken",
         "POST",
         items + QStringLiteral("/close-all"),
         {},
         {{"Authorization", noAuth}},
         401,
         "token"},
    };
}

class ApiBadInput : public ::testing::TestWithParam<BadCase>
{
};

TEST_P(ApiBadInput, IsRefusedWithAMessageAndChangesNothing)
{
    // GIVEN the sample auction
    ApiTestServer server;
    const QString before = server.snapshot();
    // WHEN a bad request arrives
    const BadCase& bad = GetParam();
    const auto reply = server.request(bad.method, bad.path, bad.body, bad.headers);
    // THEN it is refused with the documented status and a JSON message that says why
    EXPECT_EQ(reply.status, bad.status) << reply.body.toStdString();
    EXPECT_TRUE(reply.header("Content-Type").startsWith("application/json"));
    const QJsonValue message = reply.object()["message"];
    QString text = message.toString();
    for (const QJsonValue& field : message.toObject())
        text += u' ' + field.toString();
    EXPECT_TRUE(text.contains(QString::fromUtf8(bad.messagePart), Qt::CaseInsensitive))
        << "message: " << reply.body.toStdString();
    // AND nothing changed
    EXPECT_EQ(server.snapshot(), before);
}

INSTANTIATE_TEST_SUITE_P(Requests, ApiBadInput, ::testing::ValuesIn(cases()),
                         [](const auto& info) { return std::string(info.param.name); });

} // namespace

TEST(ApiErrors, UnauthorizedNamesTheScheme)
{
    ApiTestServer server;
    const auto reply = server.request("DELETE", QStringLiteral("/api/v1/bids/bid1"), {},
                                      {{"Authorization", QByteArray()}});
    EXPECT_EQ(reply.status, 401);
    EXPECT_TRUE(reply.header("WWW-Authenticate").startsWith("Bearer"));
}

TEST(ApiErrors, MethodNotAllowedListsTheAllowedOnes)
{
    ApiTestServer server;
    const auto reply = server.request("PUT", QStringLiteral("/api/v1/bids/bid1"), "{}");
    EXPECT_EQ(reply.status, 405);
    EXPECT_EQ(reply.header("Allow"), "GET, DELETE");
}

TEST(ApiErrors, ValidationErrorsAreBundledByField)
{
    ApiTestServer server;
    const auto reply = server.post(QStringLiteral("/api/v1/bids"),
                                   R"({"bid": {"item": "item1", "value": "abc"}})");
    EXPECT_EQ(reply.status, 400);
    const QJsonObject message = reply.object()["message"].toObject();
    EXPECT_EQ(message["value"].toString(), QStringLiteral("Value must be a number"));
    EXPECT_EQ(message["user"].toString(), QStringLiteral("Missing required parameter in bid"));
}

TEST(ApiErrors, WritesWithoutAuthWhenSwitchedOff)
{
    auto settings = ApiTestServer::defaultSettings();
    settings.authRequired = false;
    ApiTestServer server(settings);
    const auto reply = server.request("POST", QStringLiteral("/api/v1/users"), R"({"name": "Eve"})",
                                      {{"Authorization", QByteArray()}});
    EXPECT_EQ(reply.status, 201);
}

TEST(ApiErrors, OwnOriginMayWrite)
{
    ApiTestServer server;
    const QByteArray origin = QStringLiteral("http://127.0.0.1:%1").arg(server.port()).toUtf8();
    const auto reply = server.request("POST", QStringLiteral("/api/v1/users"), R"({"name": "Eve"})",
                                      {{"Origin", origin}});
    EXPECT_EQ(reply.status, 201);
    const QByteArray other = QStringLiteral("http://127.0.0.1:%1").arg(server.port() + 1).toUtf8();
    EXPECT_EQ(server
                  .request("POST", QStringLiteral("/api/v1/users"), R"({"name": "Eve"})",
                           {{"Origin", other}})
                  .status,
              403);
}

TEST(ApiErrors, RateLimitAnswers429WithRetryAfter)
{
    auto settings = ApiTestServer::defaultSettings();
    settings.rateLimitPerSecond = 5;
    ApiTestServer server(settings);
    int limited = 0;
    QByteArray retryAfter;
    for (int i = 0; i < 12; ++i) {
        const auto reply = server.get(QStringLiteral("/api/v1/health"));
        if (reply.status == 429) {
            ++limited;
            retryAfter = reply.header("Retry-After");
            EXPECT_TRUE(reply.object()["message"].toString().contains(QStringLiteral("Too many")));
        }
    }
    EXPECT_GE(limited, 5);
    EXPECT_EQ(retryAfter, "1");
}

TEST(ApiErrors, ALockedDatabaseIs503AndNothingChanges)
{
    // GIVEN another program holds the database's write lock longer than the busy timeout
    ApiTestServer server;
    const QString before = server.snapshot();
    {
        auto locker =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("locker"));
        locker.setDatabaseName(server.auction().path());
        ASSERT_TRUE(locker.open());
        QSqlQuery lock(locker);
        ASSERT_TRUE(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        // WHEN a client writes
        const auto reply = server.post(QStringLiteral("/api/v1/users"), R"({"name": "Eve"})");
        // THEN it is told the database is unavailable, with Retry-After
        EXPECT_EQ(reply.status, 503) << reply.body.toStdString();
        EXPECT_TRUE(reply.object()["message"].toString().contains(QStringLiteral("locked")))
            << reply.body.toStdString();
        EXPECT_EQ(reply.header("Retry-After"), "1");
        lock.exec(QStringLiteral("ROLLBACK"));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("locker"));
    // AND nothing was written
    EXPECT_EQ(server.snapshot(), before);
}
