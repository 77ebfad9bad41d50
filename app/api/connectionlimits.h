#pragma once

#include <QtGlobal>

namespace BidTracker::Api {

/// What one client may do to the server before its connection is answered and closed.
/// QtHttpServer 6.4 enforces none of these itself.
struct ConnectionLimits
{
    qint64 maxHeaderBytes = 64 * 1024; // request line and headers
    qint64 maxBodyBytes = 64 * 1024;
    int idleTimeoutMs = 30'000;    // nothing sent or received
    int requestTimeoutMs = 10'000; // from a request's first byte to its last
    int maxConnectionsPerAddress = 128;
    int maxConnections = 1024;
    /// Answers a client may leave unread before its further requests wait (memory held for
    /// a client that sends without reading is this, one answer more and maxHeldBytes).
    qint64 maxUnsentBytes = 4 * 1024 * 1024;
    /// Answers all clients together may leave unread: past it, any connection with more than
    /// maxUnsentBytesEach unread waits too, so that many connections cannot each hold their
    /// full maxUnsentBytes.
    qint64 maxUnsentBytesTotal = 64 * 1024 * 1024;
    qint64 maxUnsentBytesEach = 256 * 1024;
    /// Requests that may wait for a client to read its answers; past it the connection closes.
    qint64 maxHeldBytes = 1024 * 1024;
    /// How long answers may stay over maxUnsentBytes with requests waiting, before closing.
    int drainTimeoutMs = 10'000;

    /// What a socket buffers from the kernel: one request of the largest size fits.
    qint64 readBufferBytes() const { return maxHeaderBytes + maxBodyBytes + 64 * 1024; }
};

} // namespace BidTracker::Api
