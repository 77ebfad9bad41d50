#pragma once

#include "databaselocation.h"

#include <QObject>
#include <QSqlDatabase>
#include <QTimer>

namespace BidTracker::Model {

class ChangeNotifier;

/// Hears the changes other processes commit on a shared PostgreSQL database (LISTEN on the
/// change channel) and announces them on this process's ChangeNotifier, exactly as its own
/// changes are announced, so windows and answer caches follow other stations as they follow
/// their own. Its connection is its own. When the server goes away it says so, tries again
/// with growing pauses, and after reconnecting announces a Reset: notifications sent while
/// it was away are lost, so every view reloads.
class PostgresListener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PostgresListener)

public:
    /// Starts listening at once (or retrying, when the server cannot be reached).
    PostgresListener(const DatabaseLocation& location, ChangeNotifier& notifier,
                     QObject* parent = nullptr);
    ~PostgresListener() override;

    bool isConnected() const { return m_connected; }
    /// How long after a failed check the next try comes (grows to MaxRetryMs).
    static constexpr int FirstRetryMs = 250;
    static constexpr int MaxRetryMs = 4000;
    /// How often a quiet connection is checked: a lost server is noticed within this time.
    static constexpr int CheckEveryMs = 1000;
    /// How long a check may wait for the server, and a try to reach it again.
    static constexpr int PingLimitMs = 1000;
    static constexpr int ProbeBudgetMs = 700;

Q_SIGNALS:
    /// The connection to the server was lost (false) or is back (true); `message` says why
    /// in words for the status bar.
    void connectionChanged(bool connected, const QString& message);

private:
    bool connectNow();
    void check();
    template <typename Call> bool runGuarded(Call&& call);
    void setConnected(bool connected, const QString& message);
    void onNotification(const QString& name, const QVariant& payload);

    DatabaseLocation m_location;
    ChangeNotifier& m_notifier;
    QString m_connectionName;
    QSqlDatabase m_connection;
    QTimer m_timer;
    int m_retryMs = FirstRetryMs;
    bool m_connected = false;
};

} // namespace BidTracker::Model
