#include "windowsession.h"

#include "serverconfig.h"
#include "sessionswitcher.h"
#include "stationlink.h"

#include <QApplication>
#include <QMessageBox>
#include <QStatusBar>
#include <cstdio>

namespace BidTracker::App {

std::unique_ptr<WindowSession> WindowSession::open(const QString& path, const Options& options,
                                                   QString* error)
{
    return openSession(path, options, error, true);
}

std::unique_ptr<WindowSession> WindowSession::openSession(const QString& path,
                                                          const Options& options, QString* error,
                                                          bool closeOnTime)
{
    auto db = Model::Database::open(path);
    if (!db) {
        *error = db.error().message;
        return nullptr;
    }
    std::unique_ptr<WindowSession> session(new WindowSession);
    session->m_path = path;
    session->m_db = std::move(*db);
    // A stalled database server never freezes the window longer than this (issue 21.2).
    session->m_db->setStallLimitMs(Model::Database::WindowStallLimitMs);
    session->m_service =
        std::make_unique<Model::AuctionService>(*session->m_db, &session->m_notifier);
    if (options.demo) {
        if (auto loaded = session->m_service->loadSampleAuction(); !loaded)
            std::fprintf(stderr, "bidtracker: --demo: %s\n", qPrintable(loaded.error().message));
    }
    session->m_server =
        std::make_unique<EmbeddedServer>(path, serverSettings(options), &session->m_notifier);
    session->m_window = std::make_unique<Gui::MainWindow>(*session->m_service, session->m_notifier,
                                                          path, session->m_server.get());
    session->m_desk =
        new Gui::OperatorDesk(*session->m_window, *session->m_service, *session->m_db);
    session->m_stations = listenToOtherStations(*session->m_db, session->m_notifier);
    if (session->m_stations) {
        WindowSession* self = session.get();
        connect(session->m_stations.get(), &Model::PostgresListener::connectionChanged, self,
                [self](bool connected, const QString&) {
                    const bool wasDown = self->m_linkDown || self->m_ownDown;
                    self->m_linkDown = !connected;
                    self->showLink(wasDown);
                });
    }
    connect(session->m_window.get(), &Gui::MainWindow::openDatabaseRequested, session.get(),
            &WindowSession::switchRequested);
    if (closeOnTime) {
        // Lots whose time passed while nothing ran close now, at their closing time.
        session->m_closer = std::make_unique<Model::LotCloser>(*session->m_service);
        WindowSession* self = session.get();
        connect(session->m_closer.get(), &Model::LotCloser::failed, self,
                [self](const QString& message) {
                    // A lost server is said as the station link says it, and stays on screen
                    // (the closer's own words would replace it every second).
                    if (message == Model::Database::lostConnectionText()) {
                        const bool wasDown = self->m_linkDown || self->m_ownDown;
                        self->m_ownDown = true;
                        self->showLink(wasDown);
                    } else {
                        self->m_window->statusBar()->showMessage(
                            QObject::tr("Closing lots on time: %1").arg(message), 5000);
                    }
                });
        connect(session->m_closer.get(), &Model::LotCloser::recovered, self, [self] {
            const bool wasDown = self->m_linkDown || self->m_ownDown;
            self->m_ownDown = false;
            self->showLink(wasDown);
        });
        session->m_closer->start();
    }
    return session;
}

void WindowSession::showLink(bool wasDown)
{
    QStatusBar* bar = m_window->statusBar();
    if (m_linkDown || m_ownDown) {
        // A lost server stays on screen until it is back.
        if (!wasDown || bar->currentMessage() != Model::Database::lostConnectionText())
            bar->showMessage(Model::Database::lostConnectionText());
    } else if (wasDown) {
        // "Back" fades.
        bar->showMessage(tr("Connected to the database again"), 5000);
    }
}

bool WindowSession::startServer()
{
    QString error;
    if (m_server->start(m_server->address(), m_server->port(), &error))
        return true;
    std::fprintf(stderr, "bidtracker: the server is off: %s\n", qPrintable(error));
    return false;
}

std::unique_ptr<WindowSession> WindowSession::openForOneShot(const QString& path,
                                                             const Options& options)
{
    Options anyPort = options;
    anyPort.port = 0;
    // A token of its own, so that a first start writes none to the settings either.
    if (!anyPort.token)
        anyPort.token = newApiToken();
    QString error;
    auto session = openSession(path, anyPort, &error, false);
    if (!session) {
        std::fprintf(stderr, "bidtracker: %s\n", qPrintable(error));
        return nullptr;
    }
    session->window().leaveSettingsAlone();
    session->startServer();
    return session;
}

WindowSession::~WindowSession()
{
    // The window's models use the service; the server thread has its own connection.
    m_closer.reset();
    m_stations.reset();
    m_window.reset();
    m_server.reset();
}

int runWindowSessions(const Options& options, const QString& firstPath)
{
    SessionSwitcher switcher(options);
    switcher.setReport([&switcher](const QString& message) {
        QMessageBox::warning(switcher.current() ? &switcher.current()->window() : nullptr,
                             QObject::tr("Open database"), message);
    });
    QString error;
    if (!switcher.openFirst(firstPath, &error)) {
        std::fprintf(stderr, "bidtracker: %s\n", qPrintable(error));
        return 1;
    }
    const int code = QApplication::exec();
    switcher.closeAll();
    return code;
}

} // namespace BidTracker::App
