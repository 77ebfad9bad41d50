#pragma once

#include <QByteArray>

namespace BidTracker::Testing {

/// One HTTP answer as it came: status, head, body.
struct KeyedAnswer
{
    int status = 0;
    QByteArray head;
    QByteArray body;
    /// The value of a header of the answer, or an empty array.
    QByteArray header(const QByteArray& name) const;
};

/// A POST with a JSON body, `Authorization: Bearer <token>` and `Idempotency-Key: <key>`, on a
/// connection of its own to a server on loopback; waits for the whole answer (10 s at most).
KeyedAnswer keyedPost(quint16 port, const QByteArray& token, const QByteArray& path,
                      const QByteArray& body, const QByteArray& key);

} // namespace BidTracker::Testing
