#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace BidTracker::Testing {

/// Starts `bidtracker --headless` on `db` (a file or a PostgreSQL URL) on a free loopback
/// port, with its settings kept in `dir`; returns the port, or 0 (and a test failure).
/// What a finished run of the command line left.
struct ProcessRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/// Runs `bidtracker ARGUMENTS` to the end (at most 60 s) with its settings and data kept in
/// `home` and no display, as a user's shell would.
ProcessRun runBidtracker(const QStringList& arguments, const QString& home);

quint16 startHeadless(QProcess& process, const QString& dir, const QString& db,
                      const QByteArray& token);

} // namespace BidTracker::Testing
