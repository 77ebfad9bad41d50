// parseRequestHead: the one reader of request heads, shared by the connection guard and the
// routes. A pure function, tested here without sockets.
#include "app/api/requesthead.h"

#include <gtest/gtest.h>

using BidTracker::Api::parseRequestHead;

namespace {

int statusOf(const QByteArray& head)
{
    const auto parsed = parseRequestHead(head);
    return parsed ? 0 : parsed.error().status;
}

} // namespace

TEST(RequestHead, ReadsTheRequestLineAndHeadersAsSent)
{
    const auto head = parseRequestHead("TRACE //api/v1/items?a=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                       "X-Thing:   spaced value  \r\ncontent-length: 12\r\n\r\n");
    ASSERT_TRUE(head.has_value()) << head.error().message.toStdString();
    EXPECT_EQ(head->method, "TRACE");
    EXPECT_EQ(head->target, "//api/v1/items?a=1");
    EXPECT_EQ(head->minorVersion, 1);
    EXPECT_EQ(head->header("x-thing"), "spaced value");
    EXPECT_EQ(head->contentLength, 12);
    EXPECT_FALSE(head->closeAfterAnswer);
    EXPECT_FALSE(head->expectsContinue);
}

TEST(RequestHead, AcceptsBareLineFeedsAsQtDoes)
{
    EXPECT_TRUE(parseRequestHead("GET / HTTP/1.1\nHost: a\n\n").has_value());
}

TEST(RequestHead, KnowsWhenTheClientWantsTheConnectionClosed)
{
    EXPECT_TRUE(parseRequestHead("GET / HTTP/1.0\r\nHost: a\r\n\r\n")->closeAfterAnswer);
    EXPECT_FALSE(parseRequestHead("GET / HTTP/1.0\r\nHost: a\r\nConnection: Keep-Alive\r\n\r\n")
                     ->closeAfterAnswer);
    EXPECT_TRUE(parseRequestHead("GET / HTTP/1.1\r\nHost: a\r\nConnection: foo, Close\r\n\r\n")
                    ->closeAfterAnswer);
}

TEST(RequestHead, KnowsAClientThatExpects100Continue)
{
    EXPECT_TRUE(parseRequestHead("POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\n"
                                 "Content-Length: 3\r\n\r\n")
                    ->expectsContinue);
    EXPECT_EQ(statusOf("POST / HTTP/1.1\r\nHost: a\r\nExpect: something\r\n\r\n"), 417);
}

TEST(RequestHead, RefusesWhatTwoReadersCouldReadDifferently)
{
    const QByteArray line = "POST / HTTP/1.1\r\nHost: a\r\n";
    EXPECT_EQ(statusOf(line + "Content-Length: 5\r\nContent-Length: 0\r\n\r\n"), 400);
    EXPECT_EQ(statusOf(line + "Content-Length: -1\r\n\r\n"), 400);
    EXPECT_EQ(statusOf(line + "Content-Length: 1 2\r\n\r\n"), 400);
    EXPECT_EQ(statusOf(line + "Content-Length: 9999999999999999999999\r\n\r\n"), 400);
    EXPECT_EQ(statusOf(line + "Transfer-Encoding: chunked\r\n\r\n"), 411);
    EXPECT_EQ(statusOf(line + "X Y: z\r\n\r\n"), 400);
    EXPECT_EQ(statusOf(line + ": x\r\n\r\n"), 400);
    EXPECT_EQ(statusOf(line + "X: a\r\n b\r\n\r\n"), 400);
    EXPECT_EQ(statusOf(line + "X: a\rb\r\n\r\n"), 400);
    EXPECT_EQ(statusOf(line + QByteArray("X: a\0b\r\n\r\n", 11)), 400);
    EXPECT_EQ(statusOf(line + "Connection: Upgrade\r\nUpgrade: websocket\r\n\r\n"), 400);
    EXPECT_EQ(statusOf("GET / HTTP/1.1\r\n\r\n"), 400);
    EXPECT_EQ(statusOf("GET / HTTP/1.1\r\nHost: a\r\nhost: b\r\n\r\n"), 400);
}

TEST(RequestHead, RefusesMalformedRequestLines)
{
    EXPECT_EQ(statusOf("GET  / HTTP/1.1\r\nHost: a\r\n\r\n"), 400);
    EXPECT_EQ(statusOf("GET / HTTP/1.1 x\r\nHost: a\r\n\r\n"), 400);
    EXPECT_EQ(statusOf("G(T / HTTP/1.1\r\nHost: a\r\n\r\n"), 400);
    EXPECT_EQ(statusOf("GET /\x01 HTTP/1.1\r\nHost: a\r\n\r\n"), 400);
    EXPECT_EQ(statusOf("GET / HTTP/2.0\r\nHost: a\r\n\r\n"), 505);
    EXPECT_EQ(statusOf("GET / FTP/1.1\r\nHost: a\r\n\r\n"), 400);
    EXPECT_EQ(statusOf("GET /\r\nHost: a\r\n\r\n"), 400);
    EXPECT_EQ(statusOf(""), 400);
}

TEST(RequestHead, TakesAHundredHeadersAndRefusesMoreWith431)
{
    QByteArray headers = "Host: a\r\n";
    for (int i = 1; i < 100; ++i)
        headers += "X-" + QByteArray::number(i) + ": v\r\n";
    EXPECT_TRUE(parseRequestHead("GET / HTTP/1.1\r\n" + headers + "\r\n").has_value());
    EXPECT_EQ(statusOf("GET / HTTP/1.1\r\n" + headers + "X-100: v\r\n\r\n"), 431);
}

TEST(RequestHead, RefusesBytesAfterTheEmptyLine)
{
    EXPECT_EQ(statusOf("GET / HTTP/1.1\r\nHost: a\r\n\r\nGET"), 400);
    EXPECT_EQ(statusOf("GET / HTTP/1.1\r\nHost: a\r\n"), 400);
}
