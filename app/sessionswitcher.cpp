#include "sessionswitcher.h"

#include <QTimer>
#include <cstdio>

namespace BidTracker::App {

SessionSwitcher::SessionSwitcher(Options options, QObject* parent)
    : QObject(parent), m_options(std::move(options))
{
}

SessionSwitcher::~SessionSwitcher()
{
    closeAll();
}

bool SessionSwitcher::openFirst(const QString& path, QString* error)
{
    auto session = WindowSession::open(path, m_options, error);
    if (!session)
        return false;
    m_options.demo = false; // the sample is for the first database only
    session->startServer();
    adopt(std::move(session));
    return true;
}

bool SessionSwitcher::switchTo(const QString& path)
{
    QString why;
    auto next = WindowSession::open(path, m_options, &why);
    if (!next) {
        if (m_report)
            m_report(
                tr("%1 cannot be opened; the current auction stays open.\n\n%2").arg(path, why));
        return false;
    }
    bool serve = true;
    if (m_session) {
        EmbeddedServer& old = m_session->server();
        serve = old.isRunning() || !old.lastError().isEmpty();
        const QString address = old.address();
        const quint16 port = old.port();
        m_session->window().close(); // saves the layout
        // The old server lets go of the port before the new one asks for it.
        m_session.reset();
        QString ignored;
        if (serve && !next->server().start(address, port, &ignored))
            std::fprintf(stderr, "bidtracker: the server is off: %s\n", qPrintable(ignored));
        serve = false;
    }
    if (serve)
        next->startServer();
    adopt(std::move(next));
    return true;
}

void SessionSwitcher::adopt(std::unique_ptr<WindowSession> session)
{
    m_session = std::move(session);
    m_session->window().rememberDatabase();
    connect(m_session.get(), &WindowSession::switchRequested, this, [this](const QString& path) {
        // Deferred: the request comes from inside the window that is about to go.
        QTimer::singleShot(0, this, [this, path] { switchTo(path); });
    });
    m_session->window().show();
    // With staff accounts, nobody works at the window before signing in; quitting the
    // sign-in closes it (once the event loop runs, so the application ends with it).
    if (!m_session->desk().signInAtStart())
        QTimer::singleShot(0, &m_session->window(), &QWidget::close);
}

void SessionSwitcher::closeAll()
{
    m_session.reset();
}

} // namespace BidTracker::App
