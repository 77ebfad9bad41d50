#pragma once

#include <QString>

class QSqlDatabase;

namespace BidTracker::Model {

struct DatabaseLocation;

/// A watchdog for calls on a database socket (issue 21.2). A PostgreSQL server that stops
/// answering (stopped, a dead switch) leaves libpq blocked in a read with no end: a Guard arms
/// a deadline around one call, and when it passes, a thread of the watchdog's own shuts the
/// socket down, so the blocked call returns at once with an error and the connection is known
/// to be gone. Bytes already sent stay sent: a statement the server had not read yet is read
/// when it wakes, followed by the end of the connection, so a transaction whose COMMIT was not
/// sent is rolled back by the server, never committed.
class StallWatch final
{
public:
    /// Arms a deadline for the socket `fd` for as long as it lives; `limitMs` <= 0 or a
    /// negative fd arms nothing.
    class Guard final
    {
    public:
        Guard(int fd, int limitMs);
        ~Guard();
        Guard(const Guard&) = delete;
        Guard& operator=(const Guard&) = delete;
        /// True when the deadline passed and the socket was shut down.
        bool fired() const;

    private:
        quint64 m_id = 0;
    };

    /// How many sockets the watchdog has shut down since the program started (for tests).
    static quint64 shutdowns();
};

/// The socket under a PostgreSQL connection of Qt's driver; -1 for anything else.
int postgresSocket(const QSqlDatabase& connection);

/// True when the server at `location` completes a connection within `budgetMs` (a real
/// connection attempt, closed at once). Never blocks longer than the budget, unlike a
/// libpq connection with connect_timeout, which waits at least 2 seconds.
bool serverAnswers(const DatabaseLocation& location, int budgetMs, const QString& station = {});

} // namespace BidTracker::Model
