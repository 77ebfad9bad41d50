#include "metrics.h"

#include <QMap>

namespace BidTracker::Api {

namespace {

/// A label value in Prometheus' escaping: backslash, quote and newline escaped.
QByteArray label(const QString& text)
{
    QByteArray out = text.toUtf8();
    out.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return out;
}

} // namespace

Metrics::Metrics()
{
    m_uptime.start();
}

void Metrics::record(const QString& route, const QByteArray& method, int status, double seconds)
{
    ++m_requests[Key{route, method, status}];
    for (size_t i = 0; i < Buckets.size(); ++i) {
        if (seconds <= Buckets[i])
            ++m_bucketCounts[i];
    }
    ++m_latencyCount;
    m_latencySum += seconds;
    m_served.fetch_add(1, std::memory_order_relaxed);
}

void Metrics::countBid(bool accepted)
{
    ++(accepted ? m_bidsAccepted : m_bidsRejected);
}

QByteArray Metrics::text() const
{
    QByteArray out;
    out += "# HELP bidtracker_http_requests_total HTTP requests answered, by route, method and "
           "status.\n";
    out += "# TYPE bidtracker_http_requests_total counter\n";
    // Sorted, so that the output is stable from one scrape to the next.
    QMap<QByteArray, quint64> lines;
    for (auto it = m_requests.begin(); it != m_requests.end(); ++it) {
        lines.insert("bidtracker_http_requests_total{route=\"" + label(it.key().route) +
                         "\",method=\"" + it.key().method + "\",status=\"" +
                         QByteArray::number(it.key().status) + "\"} ",
                     it.value());
    }
    for (auto it = lines.begin(); it != lines.end(); ++it)
        out += it.key() + QByteArray::number(it.value()) + '\n';

    out += "# HELP bidtracker_http_request_duration_seconds Time to answer a request.\n";
    out += "# TYPE bidtracker_http_request_duration_seconds histogram\n";
    for (size_t i = 0; i < Buckets.size(); ++i) {
        out += "bidtracker_http_request_duration_seconds_bucket{le=\"" +
               QByteArray::number(Buckets[i], 'g', 6) + "\"} " +
               QByteArray::number(m_bucketCounts[i]) + '\n';
    }
    out += "bidtracker_http_request_duration_seconds_bucket{le=\"+Inf\"} " +
           QByteArray::number(m_latencyCount) + '\n';
    out += "bidtracker_http_request_duration_seconds_sum " +
           QByteArray::number(m_latencySum, 'g', 12) + '\n';
    out += "bidtracker_http_request_duration_seconds_count " + QByteArray::number(m_latencyCount) +
           '\n';

    out += "# HELP bidtracker_bids_total Bids received over the API, by outcome.\n";
    out += "# TYPE bidtracker_bids_total counter\n";
    out +=
        "bidtracker_bids_total{outcome=\"accepted\"} " + QByteArray::number(m_bidsAccepted) + '\n';
    out +=
        "bidtracker_bids_total{outcome=\"rejected\"} " + QByteArray::number(m_bidsRejected) + '\n';

    out += "# HELP bidtracker_uptime_seconds Seconds since the server started.\n";
    out += "# TYPE bidtracker_uptime_seconds gauge\n";
    out += "bidtracker_uptime_seconds " + QByteArray::number(m_uptime.elapsed() / 1000.0, 'f', 3) +
           '\n';
    return out;
}

} // namespace BidTracker::Api
