#include "rawsocket.h"

#include "apitestserver.h"

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace BidTracker::Testing {

qint64 nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

RawSocket::RawSocket(quint16 port)
{
    m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::close(m_fd);
        m_fd = -1;
        return;
    }
    ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) | O_NONBLOCK);
}

RawSocket::~RawSocket()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

void RawSocket::setReceiveBuffer(int bytes)
{
    ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &bytes, sizeof bytes);
}

bool RawSocket::send(const QByteArray& bytes, int ms)
{
    const qint64 deadline = nowMs() + ms;
    qsizetype sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = ::send(m_fd, bytes.constData() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n > 0) {
            sent += n;
            continue;
        }
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
            return false;
        const qint64 left = deadline - nowMs();
        if (left <= 0)
            return false;
        pollfd wait{m_fd, POLLOUT, 0};
        ::poll(&wait, 1, static_cast<int>(std::min<qint64>(left, 100)));
    }
    return true;
}

void RawSocket::finishSending()
{
    ::shutdown(m_fd, SHUT_WR);
}

QByteArray RawSocket::readUntil(const std::function<bool(const QByteArray&)>& done, int ms)
{
    QByteArray all;
    const qint64 deadline = nowMs() + ms;
    char buffer[65536];
    while (!done(all)) {
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (n > 0) {
            all.append(buffer, n);
            continue;
        }
        if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) {
            m_eof = true;
            break;
        }
        const qint64 left = deadline - nowMs();
        if (left <= 0)
            break;
        pollfd wait{m_fd, POLLIN, 0};
        ::poll(&wait, 1, static_cast<int>(std::min<qint64>(left, 50)));
    }
    return all;
}

QByteArray RawSocket::exchange(const QByteArray& bytes,
                               const std::function<bool(const QByteArray&)>& done, int ms)
{
    QByteArray all;
    const qint64 deadline = nowMs() + ms;
    qsizetype sent = 0;
    char buffer[65536];
    while (sent < bytes.size() || !done(all)) {
        bool progress = false;
        if (sent < bytes.size()) {
            const ssize_t n =
                ::send(m_fd, bytes.constData() + sent, bytes.size() - sent, MSG_NOSIGNAL);
            if (n > 0) {
                sent += n;
                progress = true;
            } else if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
                break;
            }
        }
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (n > 0) {
            all.append(buffer, n);
            progress = true;
        } else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) {
            m_eof = true;
            break;
        }
        const qint64 left = deadline - nowMs();
        if (left <= 0)
            break;
        if (!progress) {
            pollfd wait{m_fd, short(POLLIN | (sent < bytes.size() ? POLLOUT : 0)), 0};
            ::poll(&wait, 1, static_cast<int>(std::min<qint64>(left, 50)));
        }
    }
    return all;
}

QByteArray RawSocket::readUntilClosed(int ms)
{
    return readUntil([](const QByteArray&) { return false; }, ms);
}

QByteArray RawAnswer::header(QByteArrayView name) const
{
    for (const QByteArray& line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 &&
            QByteArrayView(line).first(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

QList<RawAnswer> splitAnswers(const QByteArray& stream)
{
    QList<RawAnswer> answers;
    qsizetype at = 0;
    while (at < stream.size()) {
        const qsizetype end = stream.indexOf("\r\n\r\n", at);
        if (end < 0)
            break;
        RawAnswer answer;
        answer.head = stream.mid(at, end - at);
        answer.status = answer.head.mid(9, 3).toInt();
        const qint64 length = answer.header("Content-Length").toLongLong();
        if (answer.status == 100) {
            at = end + 4;
            answers.append(answer);
            continue;
        }
        if (end + 4 + length > stream.size())
            break;
        answer.body = stream.mid(end + 4, length);
        answers.append(answer);
        at = end + 4 + length;
    }
    return answers;
}

QByteArray rawGet(const QByteArray& path, const QByteArray& extraHeaders)
{
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n";
}

QByteArray rawPost(const QByteArray& path, const QByteArray& body, const QByteArray& extraHeaders)
{
    return "POST " + path +
           " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
           "Authorization: Bearer " +
           ApiTestServer::Token.toUtf8() +
           "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n" + extraHeaders +
           "\r\n" + body;
}

} // namespace BidTracker::Testing
