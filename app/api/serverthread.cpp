#include "serverthread.h"

#include "apiserver.h"
#include "guardedtcpserver.h"
#include "httpendpoint.h"
#include "model/auctionservice.h"
#include "model/changenotifier.h"
#include "model/storage/database.h"

#include <QAbstractEventDispatcher>
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
    // Lock waits under load may take longer than the window's limit; a stopped server is still
    // answered 503 well within API.md's 5 seconds.
    (*db)->setStallLimitMs(ApiStallLimitMs);
    Model::AuctionService service(**db, m_notifier);
    ApiServer api(service, **db, m_settings);
    if (m_logToStderr) {
        api.setLogger([](const QString& line) {
            std::fprintf(stderr, "%s\n", qPrintable(line));
            std::fflush(stderr);
        });
    }
    HttpEndpoint endpoint(
        [&](const ApiRequest& request, Reply reply) {
            api.handle(request, [&, reply = std::move(reply)](ApiResponse response) {
                m_served.fetch_add(1, std::memory_order_relaxed);
                reply(std::move(response));
            });
        },
        [&api] { api.flushPending(); });
    // Changes made elsewhere in this process (the window) drop the cached answers at once.
    if (m_notifier) {
        QObject::connect(m_notifier, &Model::ChangeNotifier::changed, &endpoint,
                         [&api](const Model::Change&) { api.noteChange(); });
    }
    // The bid batch commits when the thread has worked through every request that was
    // ready: right before its event loop would wait for more.
    QObject::connect(QAbstractEventDispatcher::instance(), &QAbstractEventDispatcher::aboutToBlock,
                     &endpoint, [&api] { api.flushPending(); });
    auto* tcp = new GuardedTcpServer(m_settings.limits);
    tcp->setRefusalLog([&api](const QHostAddress& peer, const QByteArray& method,
                              const QByteArray& target, int status,
                              qint64 ns) { api.noteRefused(peer, method, target, status, ns); });
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
    api.flushPending(); // bids still waiting for their batch are placed and answered
}

} // namespace BidTracker::Api
