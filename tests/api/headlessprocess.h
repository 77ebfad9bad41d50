#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>

namespace BidTracker::Testing {

/// Starts `bidtracker --headless` on `db` (a file or a PostgreSQL URL) on a free loopback
/// port, with its settings kept in `dir`; returns the port, or 0 (and a test failure).
quint16 startHeadless(QProcess& process, const QString& dir, const QString& db,
                      const QByteArray& token);

} // namespace BidTracker::Testing
