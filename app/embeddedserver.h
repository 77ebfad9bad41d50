#pragma once

#include "app/api/serverthread.h"
#include "ui/servercontrol.h"

#include <memory>

namespace BidTracker::App {

/// The window's handle on the embedded server: the server panel starts and stops it; each
/// start runs a new server thread on the same database.
class EmbeddedServer final : public Gui::ServerControl
{
public:
    EmbeddedServer(QString databasePath, Api::ServerSettings settings,
                   Model::ChangeNotifier* notifier);
    ~EmbeddedServer() override;

    bool start(const QString& address, quint16 port, QString* error) override;
    void stop() override;
    bool isRunning() const override;
    QString address() const override;
    quint16 port() const override;
    QString baseUrl() const override;
    bool reachableFromOtherMachines() const override;
    QString token() const override;
    bool authRequired() const override;
    quint64 requestsServed() const override;
    QString lastError() const override { return m_lastError; }
    void rememberAsDefault() override;

private:
    QString m_databasePath;
    Api::ServerSettings m_settings;
    Model::ChangeNotifier* m_notifier;
    std::unique_ptr<Api::ServerThread> m_thread;
    quint64 m_servedBefore = 0; // by earlier runs, so the count survives a restart
    QString m_lastError;
};

} // namespace BidTracker::App
