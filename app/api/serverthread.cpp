#include "serverthread.h"

#include "apiserver.h"
#include "guardedtcpserver.h"
#include "httpendpoint.h"
#include "model/auctionservice.h"
#include "model/database.h"

#include <cstdio>

namespace BidTracker::Api {

ServerThread::ServerThread(QString databasePath, ServerSettings settings,
                           Model::ChangeNotifier* notifier, QObject* parent)
    : QThread(parent), m_databasePath(std::move(databasePath)), m_settings(std::move(settings)),
      m_notifier(notifier)
{
}

ServerThread::~ServerThread()
{
    stopServer();
}

bool ServerThread::startServer(QString* error)
{
    m_error.clear();
    start();
    m_ready.acquire();
    if (!m_error.isEmpty()) {
        wait();
        if (error)
            *error = m_error;
        return false;
    }
    return true;
}

void ServerThread::stopServer()
{
    if (isRunning()) {
        quit();
        wait();
    }
    m_port = 0;
}

void ServerThread::run()
{
    // Everything of the server is made here, so that it lives in this thread (the HTTP
    // layer does all its work in the thread of its QTcpServer).
    auto db = Model::Database::open(m_databasePath);
    if (!db) {
        m_error = db.error().message;
        m_ready.release();
        return;
    }
    Model::AuctionService service(**db, m_notifier);
    ApiServer api(service, m_settings);
    if (m_logToStderr) {
        api.setLogger([](const QString& line) {
            std::fprintf(stderr, "%s\n", qPrintable(line));
            std::fflush(stderr);
        });
    }
    HttpEndpoint endpoint([&](const ApiRequest& request) {
        ApiResponse response = api.handle(request);
        m_served.fetch_add(1, std::memory_order_relaxed);
        return response;
    });
    auto* tcp = new GuardedTcpServer(m_settings.limits);
    if (!tcp->listen(m_settings.bindAddress, m_settings.port)) {
        m_error = QStringLiteral("Cannot listen on %1 port %2: %3")
                      .arg(m_settings.bindAddress.toString())
                      .arg(m_settings.port)
                      .arg(tcp->errorString());
        delete tcp;
        m_ready.release();
        return;
    }
    endpoint.bind(tcp); // takes ownership
    m_port = tcp->serverPort();
    api.setListeningPort(m_port);
    m_ready.release();
    exec();
}

} // namespace BidTracker::Api
