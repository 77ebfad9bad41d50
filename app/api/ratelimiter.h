#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <optional>

namespace BidTracker::Api {

/// A token bucket per client address: `perSecond` requests a second on average, bursts of
/// up to `perSecond`. 0 turns the limit off.
class RateLimiter
{
public:
    explicit RateLimiter(int perSecond);

    /// Takes one request's token; when none is left, the whole seconds until one is.
    std::optional<int> admit(const QHostAddress& client);

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
    };
    int m_perSecond;
    QHash<QHostAddress, Bucket> m_buckets;
    QElapsedTimer m_clock;
};

} // namespace BidTracker::Api
