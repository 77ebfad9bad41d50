#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <expected>
#include <utility>

namespace BidTracker::Api {

/// The request line and headers of one HTTP/1.x request, as this server reads them. The
/// connection guard frames requests with it and the routes read their headers from it, so
/// both see the same Content-Length, Host and Origin whatever a client sends.
struct RequestHead
{
    QByteArray method;    // the token as sent: "GET", "TRACE", ...
    QByteArray target;    // the request target as sent: "/api/v1/items?limit=2"
    int minorVersion = 1; // HTTP/1.0 or HTTP/1.1
    QList<std::pair<QByteArray, QByteArray>> headers; // names as sent, values trimmed
    qint64 contentLength = 0;
    /// The client asked to close after the answer (Connection: close, or HTTP/1.0 without
    /// keep-alive).
    bool closeAfterAnswer = false;
    /// Expect: 100-continue: the client waits for "100 Continue" before sending the body.
    bool expectsContinue = false;

    /// The value of the (only or first) header of that name, case-insensitive; empty if none.
    QByteArray header(QByteArrayView name) const;
};

/// Why a head is refused: the status, its reason phrase and a message for people.
struct HeadRefusal
{
    int status = 400;
    QByteArray reason;
    QString message;
};

/// HTTP/1.1 caps that QtHttpServer 6.4 also has (past them it silently drops every header).
inline constexpr int MaxHeaderFields = 100;

/// Parses the bytes of one request head: the request line, the header lines and the empty
/// line that ends them (lines end in CRLF or LF). Refuses, rather than guesses, whatever two
/// HTTP readers could read differently: a malformed request line or header line, an invalid
/// header name ("X Y: z", ": x"), a folded line, control characters in a value, more than
/// MaxHeaderFields headers (431), no Host or two, two Content-Length headers or one that is
/// not a plain number, any Transfer-Encoding (411), a WebSocket upgrade, an Expect other
/// than 100-continue (417), an HTTP version other than 1.0 and 1.1 (505). A pure function:
/// no sockets, no state, so that a fuzzer can call it.
std::expected<RequestHead, HeadRefusal> parseRequestHead(QByteArrayView head);

} // namespace BidTracker::Api
