#pragma once

#include "embeddedserver.h"
#include "model/auctionservice.h"
#include "model/changenotifier.h"
#include "model/lotcloser.h"
#include "model/storage/database.h"
#include "model/storage/postgreslistener.h"
#include "options.h"
#include "ui/mainwindow.h"
#include "ui/operatordesk.h"

#include <QObject>
#include <memory>

namespace BidTracker::App {

/// One open auction in the window: its database connection, service, notifier, embedded
/// server and main window. The server is built stopped: whoever opens the session starts it
/// once the port is free (see SessionSwitcher), so a switch of database never races the old
/// server for its port.
class WindowSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WindowSession)

public:
    /// Opens the database; null (with the reason in `error`) when it cannot be used.
    static std::unique_ptr<WindowSession> open(const QString& path, const Options& options,
                                               QString* error);
    /// The same, with the server started on any free port and the reason printed when it
    /// fails: for the one-shot modes (screenshot, benchmark), which a running instance must
    /// not stop and which must leave no trace in the settings.
    static std::unique_ptr<WindowSession> openForOneShot(const QString& path,
                                                         const Options& options);
    ~WindowSession() override;

    Gui::MainWindow& window() { return *m_window; }
    /// Who works at the window (sign-in, roles, lock); owned by the window.
    Gui::OperatorDesk& desk() { return *m_desk; }
    EmbeddedServer& server() { return *m_server; }
    Model::AuctionService& service() { return *m_service; }
    Model::ChangeNotifier& notifier() { return m_notifier; }
    const QString& path() const { return m_path; }
    /// Starts the server on the address and port of the settings it was built with; a failure
    /// is printed and shown in the server panel.
    bool startServer();

Q_SIGNALS:
    void switchRequested(const QString& path);

private:
    WindowSession() = default;
    /// `closeOnTime`: start the lot closer (not in the one-shot modes, which must change
    /// nothing).
    static std::unique_ptr<WindowSession> openSession(const QString& path, const Options& options,
                                                      QString* error, bool closeOnTime);

    QString m_path;
    Model::ChangeNotifier m_notifier;
    std::unique_ptr<Model::Database> m_db;
    std::unique_ptr<Model::AuctionService> m_service;
    std::unique_ptr<EmbeddedServer> m_server;
    std::unique_ptr<Gui::MainWindow> m_window;
    Gui::OperatorDesk* m_desk = nullptr;
    std::unique_ptr<Model::PostgresListener> m_stations;
    /// Closes lots on time (RULES.md 3) on the window's connection.
    std::unique_ptr<Model::LotCloser> m_closer;
    /// The two ways the window reaches the server, each of which can see it go and come back
    /// first: the station link (notifications) and the window's own connection (the closer's
    /// rounds). "Lost" shows while either is down, "again" once both are back.
    bool m_linkDown = false;
    bool m_ownDown = false;
    void showLink(bool wasDown);
};

/// Runs the window until it is closed, switching databases on request.
int runWindowSessions(const Options& options, const QString& firstPath);

} // namespace BidTracker::App
