#include "windowsession.h"

#include "serverconfig.h"
#include "stationlink.h"

#include <QApplication>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>
#include <cstdio>

namespace BidTracker::App {

std::unique_ptr<WindowSession> WindowSession::open(const QString& path, const Options& options,
                                                   QString* error)
{
    auto db = Model::Database::open(path);
    if (!db) {
        *error = db.error().message;
        return nullptr;
    }
    std::unique_ptr<WindowSession> session(new WindowSession);
    session->m_db = std::move(*db);
    session->m_service =
        std::make_unique<Model::AuctionService>(*session->m_db, &session->m_notifier);
    if (options.demo) {
        if (auto loaded = session->m_service->loadSampleAuction(); !loaded)
            std::fprintf(stderr, "bidtracker: --demo: %s\n", qPrintable(loaded.error().message));
    }
    session->m_server =
        std::make_unique<EmbeddedServer>(path, serverSettings(options), &session->m_notifier);
    const Api::ServerSettings settings = serverSettings(options);
    QString serverError;
    if (!session->m_server->start(settings.bindAddress.toString(), settings.port, &serverError))
        std::fprintf(stderr, "bidtracker: the server is off: %s\n", qPrintable(serverError));
    session->m_window = std::make_unique<Gui::MainWindow>(*session->m_service, session->m_notifier,
                                                          path, session->m_server.get());
    session->m_stations = listenToOtherStations(*session->m_db, session->m_notifier);
    if (session->m_stations) {
        Gui::MainWindow* window = session->m_window.get();
        connect(session->m_stations.get(), &Model::PostgresListener::connectionChanged, window,
                [window](bool connected, const QString& message) {
                    // A lost server stays on screen until it is back; "back" fades.
                    window->statusBar()->showMessage(message, connected ? 5000 : 0);
                });
    }
    connect(session->m_window.get(), &Gui::MainWindow::openDatabaseRequested, session.get(),
            &WindowSession::switchRequested);
    return session;
}

std::unique_ptr<WindowSession> WindowSession::openForOneShot(const QString& path,
                                                             const Options& options)
{
    Options anyPort = options;
    anyPort.port = 0;
    QString error;
    auto session = open(path, anyPort, &error);
    if (!session)
        std::fprintf(stderr, "bidtracker: %s\n", qPrintable(error));
    return session;
}

WindowSession::~WindowSession()
{
    // The window's models use the service; the server thread has its own connection.
    m_stations.reset();
    m_window.reset();
    m_server.reset();
}

int runWindowSessions(const Options& options, const QString& firstPath)
{
    QString error;
    std::unique_ptr<WindowSession> session = WindowSession::open(firstPath, options, &error);
    if (!session) {
        std::fprintf(stderr, "bidtracker: %s\n", qPrintable(error));
        return 1;
    }
    Options later = options;
    later.demo = false; // the sample is for the first database only
    std::function<void(const QString&)> switchTo;
    const auto wire = [&](WindowSession* current) {
        QObject::connect(current, &WindowSession::switchRequested, current,
                         [&](const QString& path) {
                             // Deferred: the request comes from inside the window that is about to
                             // go.
                             QTimer::singleShot(0, qApp, [&, path] { switchTo(path); });
                         });
    };
    switchTo = [&](const QString& path) {
        QString why;
        session->window().close(); // saves the layout
        auto next = WindowSession::open(path, later, &why);
        if (!next) {
            session->window().show();
            QMessageBox::warning(
                &session->window(), QObject::tr("Open database"),
                QObject::tr("%1 cannot be opened; the current auction stays open.\n\n%2")
                    .arg(path, why));
            return;
        }
        session = std::move(next);
        wire(session.get());
        session->window().show();
    };
    wire(session.get());
    session->window().show();
    const int code = QApplication::exec();
    session.reset();
    return code;
}

} // namespace BidTracker::App
