#include "ratelimiter.h"

#include <cmath>

namespace BidTracker::Api {

namespace {
constexpr qsizetype MaxTrackedClients = 10'000;
}

RateLimiter::RateLimiter(int perSecond) : m_perSecond(perSecond)
{
    m_clock.start();
}

std::optional<int> RateLimiter::admit(const QHostAddress& client)
{
    if (m_perSecond <= 0)
        return std::nullopt;
    const qint64 now = m_clock.elapsed();
    if (m_buckets.size() > MaxTrackedClients) {
        // Forget clients whose buckets have refilled: they are as good as new.
        const qint64 refillMs = 1000;
        m_buckets.removeIf([&](auto it) { return now - it.value().updatedMs > refillMs; });
    }
    auto it = m_buckets.find(client);
    if (it == m_buckets.end())
        it = m_buckets.insert(client, Bucket{double(m_perSecond), now});
    Bucket& bucket = *it;
    bucket.tokens = std::min<double>(m_perSecond, bucket.tokens + (now - bucket.updatedMs) *
                                                                      m_perSecond / 1000.0);
    bucket.updatedMs = now;
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return std::nullopt;
    }
    return std::max(1, static_cast<int>(std::ceil((1.0 - bucket.tokens) / m_perSecond)));
}

} // namespace BidTracker::Api
