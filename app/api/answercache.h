#pragma once

#include "apiresponse.h"

#include <QElapsedTimer>
#include <QHash>
#include <optional>

namespace BidTracker::Model {
class AuctionService;
}

namespace BidTracker::Api {

/// GET answers of /api/v1 kept until the auction changes, so that clients polling the same
/// lot are answered without a query. Dropped at once when this server's service changes
/// something or the process's notifier announces a change (the window's edits), and within
/// ExternalCheckMs when another process changes the file (SQLite's data_version, read at
/// most that often because each read of it takes file locks).
class AnswerCache
{
public:
    static constexpr qint64 ExternalCheckMs = 50;
    static constexpr qsizetype MaxAnswers = 4096;
    /// What all kept answers may weigh together, and one answer at most: a client asking for
    /// many distinct big answers must not grow the server's memory without bound.
    static constexpr qint64 MaxBytes = 64 * 1024 * 1024;
    static constexpr qint64 MaxAnswerBytes = 1024 * 1024;

    explicit AnswerCache(Model::AuctionService& service);

    /// A change was announced in this process.
    void noteChange() { ++m_announced; }
    std::optional<ApiResponse> find(const QString& target);
    /// Keeps the answer unless it is over MaxAnswerBytes; makes room by dropping all.
    void store(const QString& target, const ApiResponse& answer);
    /// The bytes the kept answers weigh (bodies, headers and keys).
    qint64 bytes() const { return m_bytes; }

private:
    /// Drops everything if the auction may have changed; false when it cannot tell.
    bool current();
    void clear();
    static qint64 weight(const QString& target, const ApiResponse& answer);

    Model::AuctionService& m_service;
    QHash<QString, ApiResponse> m_answers; // by path?query
    qint64 m_bytes = 0;
    quint64 m_announced = 0;
    quint64 m_announcedSeen = 0;
    quint64 m_ownChangesSeen = 0;
    std::optional<qint64> m_dataVersion;
    QElapsedTimer m_sinceVersionCheck;
};

} // namespace BidTracker::Api
