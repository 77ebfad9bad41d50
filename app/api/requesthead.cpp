#include "requesthead.h"

namespace BidTracker::Api {

namespace {

/// RFC 9110 token characters: what a method or a header name may be made of.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

/// Visible ASCII, space, tab and bytes of UTF-8 or Latin-1 text; never a control character.
bool isValueChar(char c)
{
    const auto byte = static_cast<unsigned char>(c);
    return byte == '\t' || (byte >= 0x20 && byte != 0x7f);
}

std::unexpected<HeadRefusal> refuse(int status, QByteArray reason, QString message)
{
    return std::unexpected(HeadRefusal{status, std::move(reason), std::move(message)});
}

std::unexpected<HeadRefusal> badRequest(QString message)
{
    return refuse(400, "Bad Request", std::move(message));
}

/// A header value's comma-separated tokens contain `token` (case-insensitive).
bool listHas(QByteArrayView value, QByteArrayView token)
{
    qsizetype start = 0;
    while (start <= value.size()) {
        qsizetype comma = value.indexOf(',', start);
        if (comma < 0)
            comma = value.size();
        if (value.sliced(start, comma - start).trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
        start = comma + 1;
    }
    return false;
}

/// "GET /path HTTP/1.1": exactly one space between the three parts.
std::expected<RequestHead, HeadRefusal> parseRequestLine(QByteArrayView line)
{
    const qsizetype firstSpace = line.indexOf(' ');
    const qsizetype lastSpace = line.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace <= firstSpace + 1)
        return badRequest(QStringLiteral("The request line must be \"METHOD target HTTP/1.1\""));
    RequestHead head;
    head.method = line.first(firstSpace).toByteArray();
    head.target = line.sliced(firstSpace + 1, lastSpace - firstSpace - 1).toByteArray();
    const QByteArrayView version = line.sliced(lastSpace + 1);
    if (!isToken(head.method))
        return badRequest(QStringLiteral("The request method is not a valid token"));
    for (const char c : head.target) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte >= 0x7f)
            return badRequest(QStringLiteral(
                "The request target must be visible ASCII; percent-encode other characters"));
    }
    if (version == "HTTP/1.1")
        head.minorVersion = 1;
    else if (version == "HTTP/1.0")
        head.minorVersion = 0;
    else if (version.startsWith("HTTP/"))
        return refuse(505, "HTTP Version Not Supported",
                      QStringLiteral("Only HTTP/1.1 and HTTP/1.0 are spoken here"));
    else
        return badRequest(QStringLiteral("The request line must end with HTTP/1.1"));
    return head;
}

/// Content-Length: one or more digits, nothing else (no sign, no list, no spaces inside).
std::optional<qint64> contentLength(QByteArrayView value)
{
    if (value.isEmpty() || value.size() > 18)
        return std::nullopt;
    qint64 length = 0;
    for (const char c : value) {
        if (c < '0' || c > '9')
            return std::nullopt;
        length = length * 10 + (c - '0');
    }
    return length;
}

/// What the headers mean for framing and the connection, checked once all are read.
std::expected<void, HeadRefusal> interpret(RequestHead& head)
{
    int hosts = 0;
    int lengths = 0;
    bool keepAlive = false;
    for (const auto& [name, value] : head.headers) {
        if (name.compare("host", Qt::CaseInsensitive) == 0) {
            ++hosts;
        } else if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
            if (++lengths > 1)
                return badRequest(QStringLiteral(
                    "The request has more than one Content-Length header; send exactly one"));
            const auto length = contentLength(value);
            if (!length)
                return badRequest(QStringLiteral("Content-Length is not a number"));
            head.contentLength = *length;
        } else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
            return refuse(411, "Length Required",
                          QStringLiteral("Chunked request bodies are not accepted; send "
                                         "Content-Length"));
        } else if (name.compare("connection", Qt::CaseInsensitive) == 0) {
            if (listHas(value, "close"))
                head.closeAfterAnswer = true;
            if (listHas(value, "keep-alive"))
                keepAlive = true;
        } else if (name.compare("upgrade", Qt::CaseInsensitive) == 0) {
            // QtHttpServer would hand the connection to a WebSocket server this API does not
            // have, answering nothing (and a POST would still have been carried out).
            if (value.toLower().contains("websocket"))
                return badRequest(QStringLiteral(
                    "This server offers no WebSocket; send the request without Upgrade"));
        } else if (name.compare("expect", Qt::CaseInsensitive) == 0) {
            if (value.compare("100-continue", Qt::CaseInsensitive) != 0)
                return refuse(417, "Expectation Failed",
                              QStringLiteral("Only \"Expect: 100-continue\" is understood"));
            head.expectsContinue = head.minorVersion == 1;
        }
    }
    // Without Host the check against DNS rebinding would have nothing to check.
    if (hosts == 0)
        return badRequest(QStringLiteral("The request has no Host header"));
    if (hosts > 1)
        return badRequest(QStringLiteral("The request has more than one Host header"));
    if (head.minorVersion == 0 && !keepAlive)
        head.closeAfterAnswer = true;
    return {};
}

} // namespace

QByteArray RequestHead::header(QByteArrayView name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

std::expected<RequestHead, HeadRefusal> parseRequestHead(QByteArrayView bytes)
{
    // Lines end in LF, optionally preceded by CR; the head ends with an empty line.
    qsizetype lineEnd = bytes.indexOf('\n');
    if (lineEnd < 0)
        return badRequest(QStringLiteral("The request head is not complete"));
    QByteArrayView line = bytes.first(lineEnd);
    if (line.endsWith('\r'))
        line.chop(1);
    auto head = parseRequestLine(line);
    if (!head)
        return head;
    qsizetype at = lineEnd + 1;
    bool ended = false;
    while (at < bytes.size()) {
        lineEnd = bytes.indexOf('\n', at);
        if (lineEnd < 0)
            return badRequest(QStringLiteral("A header line does not end"));
        line = bytes.sliced(at, lineEnd - at);
        at = lineEnd + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty()) {
            ended = true;
            break;
        }
        if (line.front() == ' ' || line.front() == '\t')
            return badRequest(QStringLiteral("Folded header lines are not accepted"));
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            return badRequest(QStringLiteral("A header line has no colon: \"%1\"")
                                  .arg(QString::fromLatin1(line.first(qMin(line.size(), 40)))));
        const QByteArrayView name = line.first(colon);
        if (!isToken(name))
            return badRequest(QStringLiteral("\"%1\" is not a valid header name")
                                  .arg(QString::fromLatin1(name.first(qMin(name.size(), 40)))));
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        if (!std::all_of(value.begin(), value.end(), isValueChar))
            return badRequest(QStringLiteral("The value of header %1 contains control characters")
                                  .arg(QString::fromLatin1(name)));
        if (head->headers.size() >= MaxHeaderFields)
            return refuse(
                431, "Request Header Fields Too Large",
                QStringLiteral("The request has more than %1 headers").arg(MaxHeaderFields));
        head->headers.append({name.toByteArray(), value.toByteArray()});
    }
    if (!ended)
        return badRequest(QStringLiteral("The request head does not end with an empty line"));
    if (at != bytes.size())
        return badRequest(QStringLiteral("Bytes follow the end of the request head"));
    if (auto valid = interpret(*head); !valid)
        return std::unexpected(valid.error());
    return head;
}

} // namespace BidTracker::Api
