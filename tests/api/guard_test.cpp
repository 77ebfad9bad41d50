// The connection guard, driven over raw sockets as a hostile or broken client would.
#include "apitestserver.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QThread>

using BidTracker::Testing::ApiTestServer;

namespace {

/// A raw client: sends bytes, then reads until the server closes or `ms` pass.
struct RawClient
{
    QTcpSocket socket;

    explicit RawClient(quint16 port)
    {
        socket.connectToHost(QHostAddress::LocalHost, port);
        EXPECT_TRUE(socket.waitForConnected(3000));
    }
    void send(const QByteArray& bytes)
    {
        socket.write(bytes);
        socket.waitForBytesWritten(3000);
    }
    /// Everything received until the server closes the connection or `ms` pass.
    QByteArray readUntilClosed(int ms)
    {
        QByteArray all;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < ms && socket.state() == QAbstractSocket::ConnectedState) {
            socket.waitForReadyRead(50);
            all += socket.readAll();
        }
        all += socket.readAll();
        return all;
    }
    bool closed() const { return socket.state() == QAbstractSocket::UnconnectedState; }
};

BidTracker::Api::ServerSettings withShortTimeouts()
{
    auto settings = ApiTestServer::defaultSettings();
    settings.limits.idleTimeoutMs = 700;
    settings.limits.requestTimeoutMs = 300;
    settings.limits.maxConnectionsPerAddress = 4;
    return settings;
}
} // namespace

TEST(ConnectionGuard, AnswersOversizedHeadersWith431AndCloses)
{
    ApiTestServer server;
    RawClient client(server.port());
    client.send("GET /api/v1/items HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: " +
                QByteArray(70 * 1024, 'a') + "\r\n\r\n");
    const QByteArray answer = client.readUntilClosed(3000);
    EXPECT_TRUE(answer.startsWith("HTTP/1.1 431")) << answer.left(80).toStdString();
    EXPECT_TRUE(answer.contains("\"message\""));
    EXPECT_TRUE(answer.contains(R"("code":"too_large")")) << answer.toStdString();
    EXPECT_TRUE(client.closed());
}

TEST(ConnectionGuard, AnswersADeclaredBodyOverTheLimitWith413BeforeItArrives)
{
    ApiTestServer server;
    const QString before = server.snapshot();
    RawClient client(server.port());
    client.send(
        "POST /api/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Authorization: Bearer " +
        ApiTestServer::Token.toUtf8() + "\r\nContent-Length: 70000\r\n\r\n{\"name\": \"");
    const QByteArray answer = client.readUntilClosed(3000);
    EXPECT_TRUE(answer.startsWith("HTTP/1.1 413")) << answer.left(80).toStdString();
    EXPECT_TRUE(answer.contains("the limit is 65536 bytes"));
    EXPECT_TRUE(answer.contains(R"("code":"too_large")")) << answer.toStdString();
    EXPECT_EQ(server.snapshot(), before);
}

TEST(ConnectionGuard, RefusesChunkedBodiesWith411)
{
    // GIVEN the sample auction
    ApiTestServer server;
    const QString before = server.snapshot();
    // WHEN a valid new user arrives as a chunked body
    RawClient client(server.port());
    client.send("POST /api/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                "application/json\r\nAuthorization: Bearer " +
                ApiTestServer::Token.toUtf8() +
                "\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n{\"name\": \"Chunk\"}\r\n0\r\n\r\n");
    const QByteArray answer = client.readUntilClosed(3000);
    // THEN it is refused with 411 and no user was stored
    EXPECT_TRUE(answer.startsWith("HTTP/1.1 411")) << answer.left(80).toStdString();
    EXPECT_TRUE(answer.contains(R"("code":"length_required")")) << answer.toStdString();
    EXPECT_EQ(server.snapshot(), before);
}

TEST(ConnectionGuard, ClosesAnIdleConnection)
{
    ApiTestServer server(withShortTimeouts());
    RawClient client(server.port());
    QElapsedTimer timer;
    timer.start();
    client.readUntilClosed(5000);
    EXPECT_TRUE(client.closed());
    EXPECT_LT(timer.elapsed(), 3000);
}

TEST(ConnectionGuard, AnswersARequestThatNeverCompletesWith408)
{
    ApiTestServer server(withShortTimeouts());
    RawClient client(server.port());
    client.send("GET /api/v1/items HTTP/1.1\r\nHost: 127.");
    const QByteArray answer = client.readUntilClosed(5000);
    EXPECT_TRUE(answer.startsWith("HTTP/1.1 408")) << answer.left(80).toStdString();
    EXPECT_TRUE(answer.contains(R"("code":"timeout")")) << answer.toStdString();
}

TEST(ConnectionGuard, ASlowClientDoesNotStallOthers)
{
    // GIVEN a client trickling a request byte by byte
    ApiTestServer server;
    RawClient slow(server.port());
    slow.send("POST /api/v1/users HTTP/1.1\r\nHost: 1");
    // WHEN another client asks something THEN it is answered at once
    QElapsedTimer timer;
    timer.start();
    const auto reply = server.get(QStringLiteral("/api/v1/items/item1"));
    EXPECT_EQ(reply.status, 200);
    EXPECT_LT(timer.elapsed(), 1000);
}

TEST(ConnectionGuard, CapsConnectionsPerAddress)
{
    ApiTestServer server(withShortTimeouts());
    std::vector<std::unique_ptr<RawClient>> clients;
    for (int i = 0; i < 4; ++i)
        clients.push_back(std::make_unique<RawClient>(server.port()));
    RawClient extra(server.port());
    const QByteArray answer = extra.readUntilClosed(2000);
    EXPECT_TRUE(answer.startsWith("HTTP/1.1 503")) << answer.left(80).toStdString();
    EXPECT_TRUE(answer.contains("Retry-After: 1"));
}

TEST(ConnectionGuard, ServesSeveralRequestsOnOneConnection)
{
    ApiTestServer server;
    RawClient client(server.port());
    for (int i = 0; i < 3; ++i) {
        client.send("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QByteArray answer;
        QElapsedTimer timer;
        timer.start();
        while (!answer.contains("{\"status\":\"ok\"}") && timer.elapsed() < 3000) {
            client.socket.waitForReadyRead(50);
            answer += client.socket.readAll();
        }
        EXPECT_TRUE(answer.startsWith("HTTP/1.1 200")) << answer.left(80).toStdString();
    }
}

TEST(ConnectionGuard, DotDotPathsSentAsRawBytesReachNoFile)
{
    // GIVEN the server, and paths a browser or Qt's client would normalise before sending,
    // sent here byte for byte
    ApiTestServer server;
    const QByteArray paths[] = {
        "/apidocs/../../etc/passwd",
        "/apidocs/../../../../../../etc/passwd",
        "/apidocs/..%2f..%2f..%2fetc%2fpasswd",
        "/apidocs/%2e%2e/%2e%2e/etc/passwd",
        "/apidocs/..\\..\\etc\\passwd",
        "/apidocs/....//....//etc/passwd",
        "/apidocs//etc/passwd",
        "/apidocs/%2fetc%2fpasswd",
        "/apidocs/:/apidocs/index.html",
        "/apidocs/..%00/etc/passwd",
        "/api/v1/export/../../../etc/passwd",
        "/api/v1/export/..%2f..%2fetc%2fpasswd.csv",
        "/../../etc/passwd",
        "//etc/passwd",
    };
    for (const QByteArray& path : paths) {
        // WHEN one is asked for
        RawClient client(server.port());
        client.send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        const QByteArray answer = client.readUntilClosed(1500);
        // THEN it is refused or unknown, and no file of the machine or of the program's
        // resources is in the answer
        EXPECT_TRUE(answer.startsWith("HTTP/1.1 404") || answer.startsWith("HTTP/1.1 400"))
            << path.toStdString() << ": " << answer.left(200).toStdString();
        EXPECT_FALSE(answer.contains("root:")) << path.toStdString();
        EXPECT_FALSE(answer.contains("<html")) << path.toStdString();
    }
}
