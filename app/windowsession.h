#pragma once

#include "embeddedserver.h"
#include "model/auctionservice.h"
#include "model/changenotifier.h"
#include "model/storage/database.h"
#include "model/storage/postgreslistener.h"
#include "options.h"
#include "ui/mainwindow.h"

#include <QObject>
#include <memory>

namespace BidTracker::App {

/// One open auction in the window: its database connection, service, notifier, embedded
/// server and main window. File > New/Open replaces the whole session with one on the other
/// file, once that file has opened; until then the current one stays.
class WindowSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WindowSession)

public:
    /// Opens the database; null (with the reason in `error`) when it cannot be used.
    static std::unique_ptr<WindowSession> open(const QString& path, const Options& options,
                                               QString* error);
    /// The same, with the server on any free port and the reason printed when it fails: for
    /// the one-shot modes (screenshot, benchmark), which a running instance must not stop.
    static std::unique_ptr<WindowSession> openForOneShot(const QString& path,
                                                         const Options& options);
    ~WindowSession() override;

    Gui::MainWindow& window() { return *m_window; }

Q_SIGNALS:
    void switchRequested(const QString& path);

private:
    WindowSession() = default;

    Model::ChangeNotifier m_notifier;
    std::unique_ptr<Model::Database> m_db;
    std::unique_ptr<Model::AuctionService> m_service;
    std::unique_ptr<EmbeddedServer> m_server;
    std::unique_ptr<Gui::MainWindow> m_window;
    std::unique_ptr<Model::PostgresListener> m_stations;
};

/// Runs the window until it is closed, switching databases on request.
int runWindowSessions(const Options& options, const QString& firstPath);

} // namespace BidTracker::App
