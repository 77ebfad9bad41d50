#pragma once

#include <QByteArray>
#include <QList>
#include <chrono>
#include <functional>

namespace BidTracker::Testing {

/// A loopback TCP client on a plain POSIX socket, for the hostile-client tests: it sends
/// exactly the bytes it is given (no HTTP library normalises them), can half-close, stop
/// reading, and reads with a deadline so that no test can hang.
class RawSocket
{
public:
    explicit RawSocket(quint16 port);
    ~RawSocket();
    RawSocket(const RawSocket&) = delete;
    RawSocket& operator=(const RawSocket&) = delete;

    bool connected() const { return m_fd >= 0; }
    /// Sends everything (waiting for the server to take it) within `ms`; false if it could not.
    bool send(const QByteArray& bytes, int ms = 5000);
    /// shutdown(SHUT_WR): the server reads end of file, the client can still read.
    void finishSending();
    /// Reads until `done(received)` holds, the server closes, or `ms` pass.
    QByteArray readUntil(const std::function<bool(const QByteArray&)>& done, int ms);
    /// Sends `bytes` while reading what comes back (so that a long pipeline never blocks on
    /// full buffers), until everything is sent and `done(received)` holds, or `ms` pass.
    QByteArray exchange(const QByteArray& bytes, const std::function<bool(const QByteArray&)>& done,
                        int ms);
    /// Everything until the server closes the connection or `ms` pass.
    QByteArray readUntilClosed(int ms);
    /// Whether the server closed the connection (seen by the last read).
    bool closedByServer() const { return m_eof; }
    /// Sets the kernel receive buffer (before the server sends much): small means a
    /// client that does not read holds little in its own kernel.
    void setReceiveBuffer(int bytes);
    int descriptor() const { return m_fd; }

private:
    int m_fd = -1;
    bool m_eof = false;
};

/// One parsed HTTP answer.
struct RawAnswer
{
    int status = 0;
    QByteArray head;
    QByteArray body;
    QByteArray header(QByteArrayView name) const;
};

/// Splits a stream of HTTP/1.1 answers (each with Content-Length) into answers; stops at the
/// first incomplete one.
QList<RawAnswer> splitAnswers(const QByteArray& stream);

/// "GET <path> HTTP/1.1" with Host: 127.0.0.1 and the given extra header lines.
QByteArray rawGet(const QByteArray& path, const QByteArray& extraHeaders = {});
/// A POST with a JSON body, the test token and Host: 127.0.0.1.
QByteArray rawPost(const QByteArray& path, const QByteArray& body,
                   const QByteArray& extraHeaders = {});

/// Milliseconds since an arbitrary start, for timing.
qint64 nowMs();

} // namespace BidTracker::Testing
