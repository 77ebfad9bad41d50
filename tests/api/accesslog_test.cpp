// The access log has one line for every request, the ones the request-head parser refuses
// before the HTTP layer sees them included (README: "logs one line per request").
#include "apitestserver.h"
#include "app/api/serverthread.h"
#include "rawsocket.h"
#include "stderrcapture.h"

using namespace BidTracker::Testing;

TEST(AccessLog, RequestsRefusedByTheHeadParserAreLoggedWithTheirStatus)
{
    // GIVEN the headless server's request log
    TestAuction auction;
    BidTracker::Api::ServerThread thread(auction.path(), ApiTestServer::defaultSettings(),
                                         &auction.notifier());
    thread.setLogToStderr(true);
    StderrCapture capture;
    ASSERT_TRUE(thread.startServer(nullptr));
    // WHEN one client per kind of refusal sends a request the parser refuses
    QByteArray manyHeaders;
    for (int i = 0; i < 101; ++i)
        manyHeaders += "X-H" + QByteArray::number(i) + ": v\r\n";
    const std::pair<int, QByteArray> refused[] = {
        {400, rawGet("/api/v1/users", "Content-Length: 1\r\nContent-Length: 2\r\n")},
        {411, rawGet("/api/v1/items", "Transfer-Encoding: chunked\r\n")},
        {413, rawGet("/api/v1/bids", "Content-Length: 99999999\r\n")},
        {417, rawGet("/api/v1/health", "Expect: tea\r\n")},
        {431, rawGet("/api/v1/settings", manyHeaders)},
        {505, QByteArray("GET /api/v1/openapi.json HTTP/2.0\r\nHost: 127.0.0.1\r\n\r\n")},
    };
    for (const auto& [status, request] : refused) {
        RawSocket client(thread.port());
        client.send(request);
        const auto answers = splitAnswers(client.readUntilClosed(3000));
        ASSERT_EQ(answers.size(), 1) << status;
        EXPECT_EQ(answers[0].status, status);
    }
    thread.stopServer();
    const QByteArray log = capture.restore();
    // THEN each is one line of the log, with the client, method, path and status
    const QList<QByteArray> lines = log.trimmed().split('\n');
    ASSERT_EQ(lines.size(), 6) << log.toStdString();
    const char* expected[] = {
        "127.0.0.1 GET /api/v1/users 400 ",    "127.0.0.1 GET /api/v1/items 411 ",
        "127.0.0.1 GET /api/v1/bids 413 ",     "127.0.0.1 GET /api/v1/health 417 ",
        "127.0.0.1 GET /api/v1/settings 431 ", "127.0.0.1 GET /api/v1/openapi.json 505 "};
    for (int i = 0; i < 6; ++i)
        EXPECT_TRUE(lines[i].contains(expected[i])) << lines[i].toStdString();
}
