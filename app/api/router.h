#pragma once

#include "apirequest.h"
#include "apiresponse.h"

#include <QStringList>
#include <functional>

namespace BidTracker::Api {

/// Maps a method and a path to a handler. Patterns are literal segments and named
/// placeholders ("/api/v1/items/{item_id}/bids"); a placeholder takes any one segment as a
/// string, and the handler parses it (no silent integer conversion).
class Router
{
public:
    using Params = QStringList;
    using Handler = std::function<ApiResponse(const ApiRequest&, const Params&)>;
    /// A handler that answers through `reply`, possibly after it returned (bids that wait
    /// for their batch's commit).
    using DeferredHandler = std::function<void(const ApiRequest&, const Params&, Reply)>;

    void add(const QByteArray& method, const QString& pattern, Handler handler);
    void addDeferred(const QByteArray& method, const QString& pattern, DeferredHandler handler);

    struct Match
    {
        const Handler* handler = nullptr; // both null: no route for this method
        const DeferredHandler* deferred = nullptr;
        Params params;
        QString pattern;        // the route's pattern, or empty when no path matched
        QByteArrayList allowed; // the methods the matched path accepts
    };
    Match match(const QByteArray& method, const QString& path) const;
    /// Every route as (method, pattern), for the check that the OpenAPI document has them all.
    QList<std::pair<QByteArray, QString>> routes() const;

private:
    struct Route
    {
        QByteArray method;
        QString pattern;
        QStringList segments;
        Handler handler;
        DeferredHandler deferred;
    };
    static bool matches(const Route& route, const QStringList& segments, Params* params);

    QList<Route> m_routes;
};

} // namespace BidTracker::Api
