// Every error row of API.md and a catalogue of malformed input: each case asserts the
// status, a JSON message, and that nothing changed.
#include "apitestserver.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>

using BidTracker::Testing::ApiTestServer;
using BidTracker::Testing::isRefusal;

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
    const char* code;        // error.code (API.md "Refusals say why, as data")
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
        {"MalformedJson", "POST", bids, "{\"bid\": {", {}, 400, "not valid JSON", "invalid"},
        {"TruncatedJson",
         "POST",
         bids,
         R"({"bid": {"item": "item1", "value": 10)",
         {},
         400,
         "not valid JSON",
         "invalid"},
        {"JsonArrayBody", "POST", bids, "[1, 2]", {}, 400, "must be a JSON object", "invalid"},
        {"EmptyBody", "POST", bids, "", {}, 400, "not valid JSON", "invalid"},
        {"MissingBid", "POST", bids, "{}", {}, 400, "Missing required parameter", "invalid"},
        {"BidNotObject",
         "POST",
         bids,
         R"({"bid": "item1"})",
         {},
         400,
         "must be a JSON object",
         "invalid"},
        {"MissingValue",
         "POST",
         bids,
         R"({"bid": {"item": "item1", "user": "user1"}})",
         {},
         400,
         "Missing required parameter in bid",
         "invalid"},
        {"ValueText",
         "POST",
         bids,
         bid("\"item1\"", "\"lots\"", "\"user1\""),
         {},
         400,
         "must be a number",
         "invalid"},
        {"ValueBool",
         "POST",
         bids,
         bid("\"item1\"", "true", "\"user1\""),
         {},
         400,
         "must be a number",
         "invalid"},
        {"ValueNull",
         "POST",
         bids,
         bid("\"item1\"", "null", "\"user1\""),
         {},
         400,
         "must be a number",
         "invalid"},
        {"ValueNaNString",
         "POST",
         bids,
         bid("\"item1\"", "\"NaN\"", "\"user1\""),
         {},
         400,
         "NaN",
         "invalid"},
        {"ValueNaNLiteral",
         "POST",
         bids,
         bid("\"item1\"", "NaN", "\"user1\""),
         {},
         400,
         "not valid JSON",
         "invalid"},
        {"ValueInfinityString",
         "POST",
         bids,
         bid("\"item1\"", "\"Infinity\"", "\"user1\""),
         {},
         400,
         "Infinity",
         "invalid"},
        {"ValueHuge",
         "POST",
         bids,
         bid("\"item1\"", "1e300", "\"user1\""),
         {},
         400,
         "at most 1000000000.00",
         "invalid"},
        {"ValueOverMax",
         "POST",
         bids,
         bid("\"item1\"", "1000000000.01", "\"user1\""),
         {},
         400,
         "at most",
         "invalid"},
        {"ValueThreeDecimals",
         "POST",
         bids,
         bid("\"item1\"", "1500.123", "\"user1\""),
         {},
         400,
         "two decimals",
         "invalid"},
        {"ValueNegative",
         "POST",
         bids,
         bid("\"item1\"", "-5", "\"user1\""),
         {},
         400,
         "negative",
         "invalid"},
        {"ValueZero",
         "POST",
         bids,
         bid("\"item1\"", "0", "\"user1\""),
         {},
         400,
         "greater than zero",
         "invalid"},
        {"ItemNumber",
         "POST",
         bids,
         bid("1", "1500", "\"user1\""),
         {},
         400,
         "must be a string id",
         "invalid"},
        {"UnknownItem",
         "POST",
         bids,
         bid("\"item9\"", "1500", "\"user1\""),
         {},
         404,
         "Item item9 does not exist",
         "unknown_item"},
        {"UnknownUser",
         "POST",
         bids,
         bid("\"item1\"", "1500", "\"user9\""),
         {},
         404,
         "User user9 does not exist",
         "unknown_user"},
        {"ItemZero",
         "POST",
         bids,
         bid("\"item0\"", "1500", "\"user1\""),
         {},
         404,
         "item0",
         "unknown_item"},
        {"SqlLookingItem",
         "POST",
         bids,
         bid("\"item1'; DROP TABLE bids;--\"", "1500", "\"user1\""),
         {},
         404,
         "does not exist",
         "unknown_item"},
        {"LowBid",
         "POST",
         bids,
         bid("\"item1\"", "999", "\"user1\""),
         {},
         409,
         "lowest acceptable bid is 1000.01",
         "below_minimum"},
        {"EqualBid",
         "POST",
         bids,
         bid("\"item1\"", "1000", "\"user3\""),
         {},
         409,
         "too low",
         "below_minimum"},
        {"UserNameMissing",
         "POST",
         users,
         R"({"nom": "x"})",
         {},
         400,
         "Missing required parameter",
         "invalid"},
        {"UserNameNumber",
         "POST",
         users,
         R"({"name": 42})",
         {},
         400,
         "must be a string",
         "invalid"},
        {"UserNameEmpty",
         "POST",
         users,
         R"({"name": "   "})",
         {},
         400,
         "must not be empty",
         "invalid"},
        {"UserName10KB", "POST", users, hugeName, {}, 400, "at most 200 characters", "invalid"},
        {"UserNameControl",
         "POST",
         users,
         R"({"name": "a\nb"})",
         {},
         400,
         "control characters",
         "invalid"},
        {"ItemWithoutName",
         "POST",
         items,
         R"({"item": {}})",
         {},
         400,
         "Missing required parameter in item",
         "invalid"},
        {"ItemBadStatus",
         "PUT",
         items + QStringLiteral("/item1"),
         R"({"item": {"status": "sold"}})",
         {},
         400,
         "open",
         "invalid"},
        {"ItemBadPrice",
         "POST",
         items,
         R"({"item": {"name": "x", "starting_price": "free"}})",
         {},
         400,
         "Starting price must be a number",
         "invalid"},
        {"ItemFlatBody",
         "POST",
         items,
         R"({"name": "x"})",
         {},
         400,
         "Missing required parameter",
         "invalid"},
        {"Item0", "GET", items + QStringLiteral("/item0"), {}, {}, 404, "item0", "unknown_item"},
        {"ItemMinus1",
         "GET",
         items + QStringLiteral("/item-1"),
         {},
         {},
         404,
         "does not exist",
         "unknown_item"},
        {"Item01",
         "GET",
         items + QStringLiteral("/item01"),
         {},
         {},
         404,
         "does not exist",
         "unknown_item"},
        {"Item4294967297",
         "GET",
         items + QStringLiteral("/item4294967297"),
         {},
         {},
         404,
         "item4294967297",
         "unknown_item"},
        {"Item20Digits",
         "GET",
         items + QStringLiteral("/item12345678901234567890"),
         {},
         {},
         404,
         "does not exist",
         "unknown_item"},
        {"BareNumberId",
         "GET",
         items + QStringLiteral("/1"),
         {},
         {},
         404,
         "does not exist",
         "unknown_item"},
        {"UserAsItem",
         "GET",
         items + QStringLiteral("/user1"),
         {},
         {},
         404,
         "does not exist",
         "unknown_item"},
        {"UnicodeId",
         "GET",
         users + QStringLiteral("/user%D9%A1"),
         {},
         {},
         404,
         "does not exist",
         "unknown_user"},
        {"UnknownRoute",
         "GET",
         QStringLiteral("/api/v1/nothing"),
         {},
         {},
         404,
         "No such route",
         "not_found"},
        {"UnknownBid",
         "DELETE",
         bids + QStringLiteral("/bid99"),
         {},
         {},
         404,
         "Bid bid99 does not exist",
         "unknown_bid"},
        {"PutOnBid",
         "PUT",
         bids + QStringLiteral("/bid1"),
         R"({"bid": {}})",
         {},
         405,
         "not allowed",
         "method_not_allowed"},
        {"PatchOnItem",
         "PATCH",
         items + QStringLiteral("/item1"),
         "{}",
         {},
         405,
         "not allowed",
         "method_not_allowed"},
        {"DeleteAllUsers", "DELETE", users, {}, {}, 405, "not allowed", "method_not_allowed"},
        {"NoToken",
         "POST",
         users,
         R"({"name": "x"})",
         {{"Authorization", noAuth}},
         401,
         "token",
         "unauthorized"},
        {"WrongToken",
         "POST",
         users,
         R"({"name": "x"})",
         {{"Authorization", "Bearer wrong"}},
         401,
         "token",
         "unauthorized"},
        {"BasicAuth",
         "DELETE",
         bids + QStringLiteral("/bid1"),
         {},
         {{"Authorization", "Basic dGVzdA=="}},
         401,
         "token",
         "unauthorized"},
        {"TextPlain",
         "POST",
         users,
         R"({"name": "x"})",
         {{"Content-Type", "text/plain"}},
         415,
         "application/json",
         "unsupported_media_type"},
        {"FormEncoded",
         "POST",
         users,
         "name=x",
         {{"Content-Type", "application/x-www-form-urlencoded"}},
         415,
         "application/json",
         "unsupported_media_type"},
        {"ForeignHost",
         "GET",
         users,
         {},
         {{"Host", "evil.example:5000"}},
         403,
         "not this server",
         "forbidden"},
        {"ForeignHostWrite",
         "POST",
         users,
         R"({"name": "x"})",
         {{"Host", "rebind.attacker.test"}},
         403,
         "not this server",
         "forbidden"},
        {"ForeignOrigin",
         "POST",
         users,
         R"({"name": "x"})",
         {{"Origin", "http://evil.example"}},
         403,
         "origin",
         "forbidden"},
        {"NullOrigin",
         "POST",
         users,
         R"({"name": "x"})",
         {{"Origin", "null"}},
         403,
         "origin",
         "forbidden"},
        {"BadLimit",
         "GET",
         users + QStringLiteral("?limit=ten"),
         {},
         {},
         400,
         "limit must be a whole number",
         "invalid"},
        {"NegativeOffset",
         "GET",
         users + QStringLiteral("?offset=-1"),
         {},
         {},
         400,
         "offset",
         "invalid"},
        {"BadFlag",
         "GET",
         items + QStringLiteral("/item1?complete=maybe"),
         {},
         {},
         400,
         "complete must be",
         "invalid"},
        // The rules of real sales (RULES.md 2 and 3)
        {"MaxBelowValue",
         "POST",
         bids,
         R"({"bid": {"item": "item1", "value": 1500, "max_value": 1200, "user": "user3"}})",
         {},
         400,
         "below the value",
         "invalid"},
        {"MaxText",
         "POST",
         bids,
         R"({"bid": {"item": "item1", "value": 1500, "max_value": "lots", "user": "user3"}})",
         {},
         400,
         "must be a number",
         "invalid"},
        {"MaxNegative",
         "POST",
         bids,
         R"({"bid": {"item": "item1", "max_value": -5, "user": "user3"}})",
         {},
         400,
         "negative",
         "invalid"},
        {"MaxZero",
         "POST",
         bids,
         R"({"bid": {"item": "item1", "max_value": 0, "user": "user3"}})",
         {},
         400,
         "greater than zero",
         "invalid"},
        {"MaxThreeDecimals",
         "POST",
         bids,
         R"({"bid": {"item": "item1", "max_value": 2000.001, "user": "user3"}})",
         {},
         400,
         "two decimals",
         "invalid"},
        {"MaxNull",
         "POST",
         bids,
         R"({"bid": {"item": "item1", "max_value": null, "user": "user3"}})",
         {},
         400,
         "must be a number",
         "invalid"},
        {"MaxAloneBelowTheLowestAcceptable",
         "POST",
         bids,
         R"({"bid": {"item": "item1", "max_value": 1000, "user": "user3"}})",
         {},
         400,
         "below the value 1000.01",
         "invalid"},
        {"ItemReserveZero",
         "POST",
         items,
         R"({"item": {"name": "x", "reserve": 0}})",
         {},
         400,
         "greater than zero",
         "invalid"},
        {"ItemReserveText",
         "POST",
         items,
         R"({"item": {"name": "x", "reserve": "high"}})",
         {},
         400,
         "must be a number",
         "invalid"},
        {"ItemBuyNowNegative",
         "POST",
         items,
         R"({"item": {"name": "x", "buy_now": -1}})",
         {},
         400,
         "negative",
         "invalid"},
        {"ItemBuyNowThreeDecimals",
         "PUT",
         items + QStringLiteral("/item1"),
         R"({"item": {"buy_now": 10.001}})",
         {},
         400,
         "two decimals",
         "invalid"},
        {"ItemClosesAtNotUtc",
         "POST",
         items,
         R"({"item": {"name": "x", "closes_at": "2036-12-05T21:00:00+02:00"}})",
         {},
         400,
         "ISO 8601 UTC",
         "invalid"},
        {"ItemClosesAtText",
         "POST",
         items,
         R"({"item": {"name": "x", "closes_at": "tomorrow"}})",
         {},
         400,
         "ISO 8601 UTC",
         "invalid"},
        {"ItemClosesAtNumber",
         "POST",
         items,
         R"({"item": {"name": "x", "closes_at": 1765000000}})",
         {},
         400,
         "ISO 8601 UTC",
         "invalid"},
        {"ItemClosesAtPast",
         "POST",
         items,
         R"({"item": {"name": "x", "closes_at": "2020-01-01T00:00:00.000Z"}})",
         {},
         400,
         "in the past",
         "invalid"},
        {"PutItemClosesAtPast",
         "PUT",
         items + QStringLiteral("/item1"),
         R"({"item": {"closes_at": "2020-01-01T00:00:00.000Z"}})",
         {},
         400,
         "in the past",
         "invalid"},
        {"BuyWithoutBuyNowPrice",
         "POST",
         items + QStringLiteral("/item1/buy"),
         R"({"user": "user3"})",
         {},
         409,
         "no buy-now price",
         "buy_now_unavailable"},
        {"BuyUnknownUser",
         "POST",
         items + QStringLiteral("/item1/buy"),
         R"({"user": "user9"})",
         {},
         404,
         "user9",
         "unknown_user"},
        {"BuyUnknownItem",
         "POST",
         items + QStringLiteral("/item9/buy"),
         R"({"user": "user3"})",
         {},
         404,
         "item9",
         "unknown_item"},
        {"BuyUserFractionalNumber",
         "POST",
         items + QStringLiteral("/item1/buy"),
         R"({"user": 3.5})",
         {},
         400,
         "or a paddle number from 1 to",
         "invalid"},
        {"BuyUserUnknownNumber",
         "POST",
         items + QStringLiteral("/item1/buy"),
         R"({"user": 9999})",
         {},
         404,
         "9999",
         "unknown_user"},
        {"BuyUserBoolean",
         "POST",
         items + QStringLiteral("/item1/buy"),
         R"({"user": true})",
         {},
         400,
         "must be a string id",
         "invalid"},
        {"BuyWithoutUser",
         "POST",
         items + QStringLiteral("/item1/buy"),
         R"({})",
         {},
         400,
         "Missing required parameter",
         "invalid"},
        {"BuyWithoutToken",
         "POST",
         items + QStringLiteral("/item1/buy"),
         R"({"user": "user3"})",
         {{"Authorization", noAuth}},
         401,
         "token",
         "unauthorized"},
        {"CloseAllWithoutToken",
         "POST",
         items + QStringLiteral("/close-all"),
         {},
         {{"Authorization", noAuth}},
         401,
         "token",
         "unauthorized"},
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
    EXPECT_TRUE(isRefusal(reply, bad.status, bad.code));
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
    EXPECT_TRUE(isRefusal(reply, 401, "unauthorized"));
    EXPECT_TRUE(reply.header("WWW-Authenticate").startsWith("Bearer"));
}

TEST(ApiErrors, MethodNotAllowedListsTheAllowedOnes)
{
    ApiTestServer server;
    const auto reply = server.request("PUT", QStringLiteral("/api/v1/bids/bid1"), "{}");
    EXPECT_TRUE(isRefusal(reply, 405, "method_not_allowed"));
    EXPECT_EQ(reply.header("Allow"), "GET, DELETE");
}

TEST(ApiErrors, ValidationErrorsAreBundledByField)
{
    ApiTestServer server;
    const auto reply = server.post(QStringLiteral("/api/v1/bids"),
                                   R"({"bid": {"item": "item1", "value": "abc"}})");
    EXPECT_TRUE(isRefusal(reply, 400, "invalid"));
    const QJsonObject message = reply.object()["message"].toObject();
    EXPECT_EQ(message["value"].toString(), QStringLiteral("Value must be a number"));
    EXPECT_EQ(message["user"].toString(), QStringLiteral("Missing required parameter in bid"));
    // The same fields as data beside the original's bundled message
    EXPECT_EQ(reply.fact(QStringLiteral("fields")).toObject(), message);
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
    EXPECT_TRUE(isRefusal(server.request("POST", QStringLiteral("/api/v1/users"),
                                         R"({"name": "Eve"})", {{"Origin", other}}),
                          403, "forbidden"));
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
            EXPECT_EQ(reply.code(), QStringLiteral("rate_limited"));
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
        EXPECT_TRUE(isRefusal(reply, 503, "unavailable"));
        EXPECT_TRUE(reply.object()["message"].toString().contains(QStringLiteral("locked")))
            << reply.body.toStdString();
        EXPECT_EQ(reply.header("Retry-After"), "1");
        lock.exec(QStringLiteral("ROLLBACK"));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("locker"));
    // AND nothing was written
    EXPECT_EQ(server.snapshot(), before);
}

TEST(ApiErrors, AFailedReadOfALotsBidsIsAnsweredNotTakenForNoBids)
{
    // GIVEN the bids' lot column is gone from under the server (as a broken file would have
    // it): the lot reads, its list of bids does not
    ApiTestServer server;
    {
        auto other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
        other.setDatabaseName(server.auction().path());
        ASSERT_TRUE(other.open());
        QSqlQuery rename(other);
        ASSERT_TRUE(
            rename.exec(QStringLiteral("ALTER TABLE bids RENAME COLUMN item_id TO lot_id")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
    ASSERT_TRUE(server.auction().service().item(1).has_value());
    // WHEN lot item1 is renamed over the API
    const auto reply = server.request("PUT", QStringLiteral("/api/v1/items/item1"),
                                      R"({"item": {"name": "Renamed"}})");
    // THEN the failure is said (503, nothing changed), never a lot answered without its bids
    EXPECT_TRUE(isRefusal(reply, 503, "unavailable"));
    EXPECT_EQ(reply.header("Retry-After"), "1");
    EXPECT_EQ(server.auction().service().item(1)->name, QString::fromUtf8("Item Nº 1"));
}
