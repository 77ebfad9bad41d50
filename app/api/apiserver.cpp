#include "apiserver.h"

#include "idempotencykey.h"
#include "idempotentwrites.h"
#include "model/staffservice.h"
#include "model/storage/database.h"
#include "requestinput.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHostInfo>
#include <QUrl>
#include <array>
#include <memory>

namespace BidTracker::Api {

namespace {

/// "example.org:5000" -> "example.org"; "[::1]:5000" -> "::1".
QString hostPart(const QByteArray& hostHeader)
{
    const QString host = QString::fromLatin1(hostHeader).trimmed();
    if (host.startsWith(u'[')) {
        const qsizetype close = host.indexOf(u']');
        return close > 0 ? host.mid(1, close - 1) : QString();
    }
    const qsizetype colon = host.lastIndexOf(u':');
    return colon >= 0 ? host.left(colon) : host;
}

/// `text` for one line of the log: control characters (a "%0a" in a path would forge a
/// request line, a "%1b" would send terminal escapes), line separators and text-direction
/// controls become \xNN or \u{NNNN}, and so does the backslash itself.
QString loggable(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool escape = u < 0x20 || (u >= 0x7f && u < 0xa0) || u == 0x2028 || u == 0x2029 ||
                            (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069) ||
                            c.isSurrogate() || u == u'\\';
        if (!escape)
            out += c;
        else if (u < 0x100)
            out += QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
        else
            out += QStringLiteral("\\u{%1}").arg(u, 4, 16, QLatin1Char('0'));
    }
    return out;
}

/// The query with spaces around each value removed, the same for every route (API.md:
/// "?number=%20250" and "?number=250%20" both find paddle 250).
QUrlQuery trimmedQuery(const QUrlQuery& query)
{
    QUrlQuery trimmed;
    for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded))
        trimmed.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(key)),
                             QString::fromLatin1(QUrl::toPercentEncoding(value.trimmed())));
    return trimmed;
}

/// Reads that carry personal data (API.md "Personal data"): 401 without the token. The
/// exports are known by their path (the router names the last pattern a path matched).
bool needsToken(const QByteArray& method, const QString& path, const QString& pattern)
{
    if (method != "GET" && method != "HEAD")
        return false;
    static const QStringList personal{
        apiPrefix + QStringLiteral("/users/{user_id}/invoice"),
        apiPrefix + QStringLiteral("/users/{user_id}/payments"),
        apiPrefix + QStringLiteral("/users/{user_id}/donations"),
        apiPrefix + QStringLiteral("/reports/summary"),
        apiPrefix + QStringLiteral("/staff"),
        apiPrefix + QStringLiteral("/audit"),
        apiPrefix + QStringLiteral("/consignors/{consignor_id}/settlement"),
        apiPrefix + QStringLiteral("/consignors/{consignor_id}/payouts")};
    static const QStringList exports{apiPrefix + QStringLiteral("/export/audit.csv"),
                                     apiPrefix + QStringLiteral("/export/users.csv"),
                                     apiPrefix + QStringLiteral("/export/invoices.csv"),
                                     apiPrefix + QStringLiteral("/export/payments.csv"),
                                     apiPrefix + QStringLiteral("/export/consignors.csv"),
                                     apiPrefix + QStringLiteral("/export/settlements.csv")};
    return personal.contains(pattern) || exports.contains(path);
}

ApiResponse unauthorized(const QString& message)
{
    return ApiResponse::error(401, message)
        .withHeader("WWW-Authenticate", "Bearer realm=\"bidtracker\"");
}

} // namespace

ApiServer::ApiServer(Model::AuctionService& service, Model::Database& db,
                     const ServerSettings& settings)
    : m_settings(settings), m_cache(service), m_port(settings.port),
      m_rateLimiter(settings.rateLimitPerSecond),
      m_batcher(service, m_metrics), m_context{service, db, m_metrics, m_batcher}
{
    addUserRoutes(m_router, m_context);
    addItemRoutes(m_router, m_context);
    addBidRoutes(m_router, m_context);
    addCheckoutRoutes(m_router, m_context); // before the meta routes: its exports come first
    addStaffRoutes(m_router, m_context);
    addConsignorRoutes(m_router, m_context);
    addMetaRoutes(m_router, m_context);
}

void ApiServer::handle(const ApiRequest& sent, Reply reply)
{
    // Settled once for every route: whether the token came, and the query's values trimmed.
    ApiRequest request = sent;
    request.authorized = identify(request);
    if (!sent.query.isEmpty())
        request.query = trimmedQuery(sent.query);
    QElapsedTimer timer;
    timer.start();
    auto route = std::make_shared<QString>();
    // Every answer, now or later, passes here: headers, metrics and the log line.
    Reply finish = [this, timer, route, reply = std::move(reply), method = request.method,
                    path = request.path.left(200), peer = request.peer](ApiResponse response) {
        addStandardHeaders(response);
        const double seconds = timer.nsecsElapsed() / 1e9;
        // Any token is a method; the metrics keep a label for the known ones only.
        static const QByteArrayList known{"GET",     "POST",  "PUT",   "DELETE", "HEAD",
                                          "OPTIONS", "PATCH", "TRACE", "CONNECT"};
        m_metrics.record(route->isEmpty() ? QStringLiteral("unmatched") : *route,
                         known.contains(method) ? method : QByteArrayLiteral("OTHER"),
                         response.status, seconds);
        if (m_logger) {
            m_logger(QStringLiteral("%1 %2 %3 %4 %5 ms")
                         .arg(peer.isNull() ? QStringLiteral("-") : peer.toString(),
                              loggable(QString::fromLatin1(method)), loggable(path))
                         .arg(response.status)
                         .arg(seconds * 1000.0, 0, 'f', 2));
        }
        reply(std::move(response));
    };
    if (auto response = answer(request, finish, route.get()))
        finish(std::move(*response));
}

void ApiServer::noteRefused(const QHostAddress& peer, const QByteArray& method,
                            const QByteArray& target, int status, qint64 nanoseconds)
{
    m_metrics.record(QStringLiteral("unmatched"), QByteArrayLiteral("OTHER"), status,
                     nanoseconds / 1e9);
    if (m_logger)
        m_logger(QStringLiteral("%1 %2 %3 %4 %5 ms")
                     .arg(peer.isNull() ? QStringLiteral("-") : peer.toString(),
                          loggable(QString::fromLatin1(method)),
                          loggable(QString::fromLatin1(target)))
                     .arg(status)
                     .arg(nanoseconds / 1e6, 0, 'f', 2));
}

void ApiServer::flushPending()
{
    m_batcher.flush();
}

std::optional<ApiResponse> ApiServer::answer(const ApiRequest& request, const Reply& reply,
                                             QString* route)
{
    // Refused Host first: a page that reached us through DNS rebinding learns nothing.
    // Every request has exactly one Host (parseRequestHead refuses others); one without is
    // refused here too, so that no path around the parser skips the check.
    if (!hostAllowed(request.header("Host")))
        return ApiResponse::error(403,
                                  QStringLiteral("Host \"%1\" is not this server")
                                      .arg(QString::fromLatin1(request.header("Host").left(100))));
    if (const auto retryAfter = m_rateLimiter.admit(request.peer))
        return ApiResponse::error(
                   429, QStringLiteral("Too many requests from %1: the limit is %2 a second")
                            .arg(request.peer.toString())
                            .arg(m_settings.rateLimitPerSecond))
            .withHeader("Retry-After", QByteArray::number(*retryAfter));

    const Router::Match match = m_router.match(request.method, request.path);
    *route = match.pattern;
    if (match.pattern.isEmpty())
        return ApiResponse::error(404,
                                  QStringLiteral("No such route: %1").arg(request.path.left(200)));
    if (!match.handler && !match.deferred)
        return ApiResponse::error(405, QStringLiteral("%1 is not allowed on %2; use %3")
                                           .arg(QString::fromLatin1(request.method), match.pattern,
                                                QString::fromLatin1(match.allowed.join(", "))))
            .withHeader("Allow", match.allowed.join(", "));

    if (request.isWrite()) {
        if (request.hasHeader("Origin") && !originAllowed(request.header("Origin")))
            return ApiResponse::error(
                403, QStringLiteral("Writes from origin \"%1\" are not allowed")
                         .arg(QString::fromLatin1(request.header("Origin").left(100))));
        if (!request.authorized)
            return unauthorized(QStringLiteral("This request needs the API token: send "
                                               "\"Authorization: Bearer <token>\""));
        if (request.body.size() > m_settings.limits.maxBodyBytes)
            return ApiResponse::error(
                413, QStringLiteral("The request body is %1 bytes; the limit is %2 bytes")
                         .arg(request.body.size())
                         .arg(m_settings.limits.maxBodyBytes));
        // A body, and only a body, must say it is JSON: check-in and close-all send none.
        if (request.method != "DELETE" && !request.body.isEmpty()) {
            const QByteArray type =
                request.header("Content-Type").split(';').first().trimmed().toLower();
            if (type != "application/json")
                return ApiResponse::error(
                    415, QStringLiteral("Content-Type must be application/json, not \"%1\"")
                             .arg(QString::fromLatin1(type.left(100))));
        }
    }
    if (!request.authorized && needsToken(request.method, request.path, match.pattern))
        return unauthorized(QStringLiteral("%1 holds personal data: send \"Authorization: Bearer "
                                           "<token>\"")
                                .arg(request.path.left(200)));
    if (request.authorized) {
        if (auto needed = exportPermission(request.path);
            needed && !Model::mayDo(request.actor.role, *needed))
            return Input::fromError(Model::authorize(request.actor, *needed).error());
    }
    // A change to staff or tokens here counts at once for the tokens this server knows.
    static const QString staffPaths[] = {apiPrefix + QStringLiteral("/staff"),
                                         apiPrefix + QStringLiteral("/tokens")};
    if (request.method != "GET" &&
        (request.path.startsWith(staffPaths[0]) || request.path.startsWith(staffPaths[1])))
        m_knownTokens.clear();
    // The service checks every change against this actor's role and names it in the log.
    m_context.service.setActor(request.actor);
    // A new token's answer holds the token, which is never stored (RULES.md 5): that POST
    // is carried out without keeping its answer, whatever Idempotency-Key it sends.
    static const QString tokenIssue = apiPrefix + QStringLiteral("/staff/{staff_id}/tokens");
    if (request.method == "POST" && match.pattern != tokenIssue) {
        const auto key = Idempotency::keyOf(request);
        if (!key)
            return key.error();
        if (*key)
            return answerOnce(request, match, **key, reply);
    }
    if (match.deferred) {
        (*match.deferred)(request, match.params, reply);
        return std::nullopt;
    }
    // Health must look at the database each time; exports can be large and are rare.
    const bool cacheable = request.method == "GET" && match.pattern.startsWith(apiPrefix) &&
                           !match.pattern.endsWith(QStringLiteral("/health")) &&
                           !match.pattern.contains(QStringLiteral("/export/"));
    if (!cacheable)
        return (*match.handler)(request, match.params);
    // Kept per reader: an answer with personal data is never served to a reader without
    // the token (API.md "Personal data").
    const QString target =
        readerKey(request) + request.path + u'?' + request.query.query(QUrl::FullyEncoded);
    if (auto hit = m_cache.find(target))
        return hit;
    ApiResponse response = (*match.handler)(request, match.params);
    if (response.status == 200)
        m_cache.store(target, response);
    return response;
}

std::optional<ApiResponse> ApiServer::answerOnce(const ApiRequest& request,
                                                 const Router::Match& match,
                                                 const Model::IdempotencyKey& key,
                                                 const Reply& reply)
{
    const QString scope = key.scope();
    if (m_inFlight.contains(scope))
        return Input::fromError(Model::keyInFlight(key.key));
    if (match.handler) {
        return Idempotency::carryOut(m_context.service, key,
                                     [&] { return (*match.handler)(request, match.params); });
    }
    // Answered later (a bid): a kept answer now; else its batch keeps the answer with the bid.
    if (auto kept = Idempotency::keptAnswer(m_context.service, key))
        return kept;
    m_inFlight.insert(scope);
    ApiRequest keyed = request;
    keyed.idempotency = key;
    (*match.deferred)(keyed, match.params, [this, scope, reply](ApiResponse response) {
        m_inFlight.remove(scope);
        reply(std::move(response));
    });
    return std::nullopt;
}

bool ApiServer::hostAllowed(const QByteArray& hostHeader) const
{
    // Clients send the same Host on every request: remember the last one accepted.
    if (hostHeader == m_lastAllowedHost)
        return true;
    if (!hostNameAllowed(hostPart(hostHeader)))
        return false;
    m_lastAllowedHost = hostHeader;
    return true;
}

bool ApiServer::hostNameAllowed(const QString& host)
{
    // DNS rebinding needs a name that resolves to us; an address literal, localhost or this
    // machine's own name cannot be an attacker's.
    if (host.isEmpty())
        return false;
    if (!QHostAddress(host).isNull())
        return true;
    const QString lower = host.toLower();
    static const QString machine = QHostInfo::localHostName().toLower();
    return lower == u"localhost" || lower == machine;
}

bool ApiServer::originAllowed(const QByteArray& origin) const
{
    const QUrl url(QString::fromLatin1(origin));
    if (!url.isValid() || url.scheme() != u"http" || url.host().isEmpty())
        return false;
    if (url.port(80) != m_port)
        return false;
    return hostNameAllowed(url.host());
}

const QString& ApiServer::readerKey(const ApiRequest& request)
{
    // Built once: the answer cache's key starts with it on every read.
    static const QString publicKey = QStringLiteral("public ");
    static const std::array<QString, 5> roleKeys = [] {
        std::array<QString, 5> keys;
        for (std::size_t i = 0; i < keys.size(); ++i)
            keys[i] = Model::roleName(static_cast<Model::Role>(i)) + u' ';
        return keys;
    }();
    return request.authorized ? roleKeys[static_cast<std::size_t>(request.actor.role)] : publicKey;
}

bool ApiServer::identify(ApiRequest& request)
{
    // The station as PostgreSQL's application_name names it (--station, else the host).
    const QString station = Model::Database::stationName();
    if (!m_settings.authRequired) {
        request.actor = Model::Actor{QStringLiteral("operator"), Model::Role::Admin, station, 0};
        return true;
    }
    const QByteArray authorization = request.header("Authorization");
    if (tokenMatches(authorization)) {
        // --token T is an admin token (RULES.md 5).
        request.actor = Model::Actor{QStringLiteral("api:admin"), Model::Role::Admin, station, 0};
        return true;
    }
    request.actor = Model::Actor{QStringLiteral("public"), Model::Role::Viewer, station, 0};
    static const QByteArray scheme = "bearer ";
    if (authorization.size() <= scheme.size() ||
        authorization.first(scheme.size()).compare(scheme, Qt::CaseInsensitive) != 0)
        return false;
    // A staff token: read from the database (only its SHA-256 is looked up), then known for
    // half a second, so a revocation on any station counts within a second.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (const auto known = m_knownTokens.constFind(authorization);
        known != m_knownTokens.cend() && now < known->until) {
        request.actor = known->actor;
        request.actor.station = station;
        return true;
    }
    auto actor =
        Model::StaffService(m_context.db, {})
            .actorForToken(QString::fromUtf8(authorization.mid(scheme.size()).trimmed()), station);
    if (!actor) {
        m_knownTokens.remove(authorization);
        return false;
    }
    if (m_knownTokens.size() >= 256) // bounded, whatever tokens are sent
        m_knownTokens.clear();
    m_knownTokens.insert(authorization, KnownToken{*actor, now + StaffTokenMemoryMs});
    request.actor = *actor;
    return true;
}

std::optional<Model::Permission> ApiServer::exportPermission(const QString& path)
{
    // Built once: this runs on every request.
    static const QString exports = apiPrefix + QStringLiteral("/export/");
    static const QHash<QString, Model::Permission> needed{
        {exports + QStringLiteral("users.csv"), Model::Permission::ReadContacts},
        {exports + QStringLiteral("invoices.csv"), Model::Permission::ReadCheckout},
        {exports + QStringLiteral("payments.csv"), Model::Permission::ReadCheckout},
        {exports + QStringLiteral("audit.csv"), Model::Permission::Administer}};
    if (!path.startsWith(exports))
        return std::nullopt;
    const auto found = needed.constFind(path);
    return found == needed.cend() ? std::nullopt : std::optional(*found);
}

bool ApiServer::tokenMatches(const QByteArray& authorization) const
{
    // The scheme is case-insensitive (RFC 9110, 11.1): "bearer" and "BEARER" are Bearer.
    static const QByteArray scheme = "bearer ";
    if (authorization.size() <= scheme.size() ||
        authorization.first(scheme.size()).compare(scheme, Qt::CaseInsensitive) != 0 ||
        m_settings.token.isEmpty())
        return false;
    const QByteArray given = authorization.mid(scheme.size()).trimmed();
    const QByteArray expected = m_settings.token.toUtf8();
    // Constant time: how much of the token matched must not show in how long it takes.
    if (given.size() != expected.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < expected.size(); ++i)
        difference |= static_cast<unsigned char>(expected[i] ^ given[i]);
    return difference == 0;
}

void ApiServer::addStandardHeaders(ApiResponse& response)
{
    response.withHeader("X-Content-Type-Options", "nosniff").withHeader("X-Frame-Options", "DENY");
    if (response.isJson())
        response.withHeader("Cache-Control", "no-store");
}

} // namespace BidTracker::Api
