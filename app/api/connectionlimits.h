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

    /// What a socket buffers from the kernel: one request of the largest size fits.
    qint64 readBufferBytes() const { return maxHeaderBytes + maxBodyBytes + 64 * 1024; }
};

} // namespace BidTracker::Api
