#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QString>
#include <array>
#include <atomic>

namespace BidTracker::Api {

/// Request counts by route, method and status, a latency histogram, bids accepted and
/// rejected and uptime, written in Prometheus' text format. Updated by the server thread;
/// requestsServed() may be read from any thread (the window's live count).
class Metrics
{
public:
    Metrics();

    void record(const QString& route, const QByteArray& method, int status, double seconds);
    void countBid(bool accepted);
    quint64 requestsServed() const { return m_served.load(std::memory_order_relaxed); }

    /// The Prometheus exposition text.
    QByteArray text() const;

private:
    static constexpr std::array<double, 12> Buckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                    0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
    struct Key
    {
        QString route;
        QByteArray method;
        int status;
        bool operator==(const Key&) const = default;
    };
    friend size_t qHash(const Key& key, size_t seed)
    {
        return qHashMulti(seed, key.route, key.method, key.status);
    }

    QHash<Key, quint64> m_requests;
    std::array<quint64, Buckets.size()> m_bucketCounts{};
    quint64 m_latencyCount = 0;
    double m_latencySum = 0;
    quint64 m_bidsAccepted = 0;
    quint64 m_bidsRejected = 0;
    std::atomic<quint64> m_served{0};
    QElapsedTimer m_uptime;
};

} // namespace BidTracker::Api
