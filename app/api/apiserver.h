#pragma once

#include "answercache.h"
#include "apirequest.h"
#include "apiresponse.h"
#include "bidbatcher.h"
#include "metrics.h"
#include "model/auctionservice.h"
#include "ratelimiter.h"
#include "routecontext.h"
#include "router.h"
#include "serversettings.h"

#include <QHash>
#include <QSet>
#include <functional>
#include <optional>

namespace BidTracker::Api {

/// The API's front door for one server thread: checks every request (Host, rate limit,
/// route, Origin, token, size, content type) before its route handler runs, adds the
/// security headers, records metrics and writes the log line. Knows nothing of HTTP
/// libraries: it maps an ApiRequest to an ApiResponse.
class ApiServer
{
public:
    using Logger = std::function<void(const QString& line)>;

    ApiServer(Model::AuctionService& service, Model::Database& db, const ServerSettings& settings);
    Q_DISABLE_COPY_MOVE(ApiServer)

    /// The port actually listened on, for the Host and Origin checks.
    void setListeningPort(quint16 port) { m_port = port; }
    void setLogger(Logger logger) { m_logger = std::move(logger); }
    /// A request the connection guard answered before the HTTP layer saw it (400, 408, 411,
    /// 413, 417, 431, 505, 503): counted and logged like every other request.
    void noteRefused(const QHostAddress& peer, const QByteArray& method, const QByteArray& target,
                     int status, qint64 nanoseconds);

    /// Answers the request through `reply`: at once, or (bids) when its batch has committed.
    void handle(const ApiRequest& request, Reply reply);
    /// Commits the bids waiting for their batch and answers them. The transport calls this
    /// when its event loop is about to wait, and before it reads a further request from a
    /// client that still waits for an answer, so answers keep the order of requests.
    void flushPending();
    /// A change was announced in this process (the window's edits): cached answers go.
    void noteChange() { m_cache.noteChange(); }
    const Metrics& metrics() const { return m_metrics; }
    const Router& router() const { return m_router; }

private:
    /// The response, or nothing when a deferred handler took `reply` over.
    std::optional<ApiResponse> answer(const ApiRequest& request, const Reply& reply,
                                      QString* route);
    /// A POST with an Idempotency-Key: carried out once, its answer kept (API.md "Versions
    /// and safe retries"). The response, or nothing when a deferred handler took `reply`.
    std::optional<ApiResponse> answerOnce(const ApiRequest& request, const Router::Match& match,
                                          const Model::IdempotencyKey& key, const Reply& reply);
    bool hostAllowed(const QByteArray& host) const;
    static bool hostNameAllowed(const QString& host);
    bool originAllowed(const QByteArray& origin) const;
    bool tokenMatches(const QByteArray& authorization) const;
    /// Sets the request's actor from its token (the server's own, a staff token, none);
    /// whether it carries a valid one.
    bool identify(ApiRequest& request);
    /// The answer cache's key for who reads: "public " or the reader's role.
    static const QString& readerKey(const ApiRequest& request);
    /// The permission an export of personal data needs, by its path.
    static std::optional<Model::Permission> exportPermission(const QString& path);
    static void addStandardHeaders(ApiResponse& response);

    ServerSettings m_settings;
    AnswerCache m_cache;
    quint16 m_port;
    Metrics m_metrics;
    RateLimiter m_rateLimiter;
    BidBatcher m_batcher;
    RouteContext m_context;
    Router m_router;
    Logger m_logger;
    mutable QByteArray m_lastAllowedHost;
    /// The keys (IdempotencyKey::scope()) of the requests waiting for their batch: a repeat
    /// meanwhile is 409 `idempotency_key_in_flight`.
    QSet<QString> m_inFlight;
    /// Staff tokens seen lately, by Authorization header, and until when (ms since epoch)
    /// their actor may be used without reading the database again: revocation on another
    /// station counts within StaffTokenMemoryMs; on this server at once (a staff change
    /// forgets them all).
    struct KnownToken
    {
        Model::Actor actor;
        qint64 until = 0;
    };
    QHash<QByteArray, KnownToken> m_knownTokens;

public:
    static constexpr qint64 StaffTokenMemoryMs = 500;
};

} // namespace BidTracker::Api
