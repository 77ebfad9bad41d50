#include "embeddedserver.h"

#include "serverconfig.h"

namespace BidTracker::App {

EmbeddedServer::EmbeddedServer(QString databasePath, Api::ServerSettings settings,
                               Model::ChangeNotifier* notifier)
    : m_databasePath(std::move(databasePath)), m_settings(std::move(settings)), m_notifier(notifier)
{
}

EmbeddedServer::~EmbeddedServer()
{
    stop();
}

bool EmbeddedServer::start(const QString& address, quint16 port, QString* error)
{
    const QHostAddress bind(address);
    if (bind.isNull()) {
        *error =
            QStringLiteral("\"%1\" is not an IP address; use 127.0.0.1 to serve this machine only")
                .arg(address);
        m_lastError = *error;
        return false;
    }
    stop();
    m_settings.bindAddress = bind;
    m_settings.port = port;
    m_thread = std::make_unique<Api::ServerThread>(m_databasePath, m_settings, m_notifier);
    if (!m_thread->startServer(error)) {
        m_thread.reset();
        m_lastError = *error;
        return false;
    }
    m_lastError.clear();
    return true;
}

void EmbeddedServer::rememberAsDefault()
{
    saveServerAddress(m_settings.bindAddress.toString(), port());
}

void EmbeddedServer::stop()
{
    if (!m_thread)
        return;
    m_servedBefore += m_thread->requestsServed();
    m_thread->stopServer();
    m_thread.reset();
    m_lastError.clear();
}

bool EmbeddedServer::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

QString EmbeddedServer::address() const
{
    return m_settings.bindAddress.toString();
}

quint16 EmbeddedServer::port() const
{
    return m_thread ? m_thread->port() : m_settings.port;
}

QString EmbeddedServer::baseUrl() const
{
    const QString host = m_settings.bindAddress.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(m_settings.bindAddress.toString())
                             : m_settings.bindAddress.toString();
    return QStringLiteral("http://%1:%2").arg(host).arg(port());
}

bool EmbeddedServer::reachableFromOtherMachines() const
{
    return !m_settings.bindAddress.isLoopback();
}

QString EmbeddedServer::token() const
{
    return m_settings.token;
}

bool EmbeddedServer::authRequired() const
{
    return m_settings.authRequired;
}

quint64 EmbeddedServer::requestsServed() const
{
    return m_servedBefore + (m_thread ? m_thread->requestsServed() : 0);
}

} // namespace BidTracker::App
