#pragma once

#include "serversettings.h"

#include <QSemaphore>
#include <QThread>
#include <atomic>

namespace BidTracker::Model {
class ChangeNotifier;
}

namespace BidTracker::Api {

/// Runs the embedded REST API on a thread of its own, with its own database connection and
/// service, so the window never waits for the network and the network never waits for
/// painting. Changes it makes reach the window through the shared notifier.
class ServerThread final : public QThread
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerThread)

public:
    /// How long one database call of a request may wait (Model::Database::setStallLimitMs).
    static constexpr int ApiStallLimitMs = 2500;

    ServerThread(QString databasePath, ServerSettings settings, Model::ChangeNotifier* notifier,
                 QObject* parent = nullptr);
    ~ServerThread() override;

    /// Starts the thread and waits until the server listens or has failed. On failure the
    /// thread has ended and `error` says why (port in use, database unusable).
    bool startServer(QString* error);
    /// Stops listening, closes the connection and ends the thread.
    void stopServer();

    quint16 port() const { return m_port.load(); }
    const ServerSettings& settings() const { return m_settings; }
    quint64 requestsServed() const { return m_served.load(std::memory_order_relaxed); }
    /// Writes one line per request to stderr (the headless mode's log).
    void setLogToStderr(bool on) { m_logToStderr = on; }

protected:
    void run() override;

private:
    QString m_databasePath;
    ServerSettings m_settings;
    Model::ChangeNotifier* m_notifier;
    QSemaphore m_ready;
    QString m_error;
    std::atomic<quint16> m_port{0};
    std::atomic<quint64> m_served{0};
    bool m_logToStderr = false;
};

} // namespace BidTracker::Api
