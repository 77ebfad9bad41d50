#include "router.h"

namespace BidTracker::Api {

void Router::add(const QByteArray& method, const QString& pattern, Handler handler)
{
    m_routes.append(Route{method, pattern, pattern.split(u'/'), std::move(handler), {}});
}

void Router::addDeferred(const QByteArray& method, const QString& pattern, DeferredHandler handler)
{
    m_routes.append(Route{method, pattern, pattern.split(u'/'), {}, std::move(handler)});
}

bool Router::matches(const Route& route, const QStringList& segments, Params* params)
{
    if (route.segments.size() != segments.size())
        return false;
    Params found;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString& expected = route.segments[i];
        if (expected.startsWith(u'{')) {
            if (segments[i].isEmpty())
                return false;
            found.append(segments[i]);
        } else if (expected != segments[i]) {
            return false;
        }
    }
    *params = std::move(found);
    return true;
}

Router::Match Router::match(const QByteArray& method, const QString& path) const
{
    const QStringList segments = path.split(u'/');
    Match result;
    for (const Route& route : m_routes) {
        Params params;
        if (!matches(route, segments, &params))
            continue;
        result.pattern = route.pattern;
        if (!result.allowed.contains(route.method))
            result.allowed.append(route.method);
        if (route.method == method && !result.handler && !result.deferred) {
            if (route.handler)
                result.handler = &route.handler;
            else
                result.deferred = &route.deferred;
            result.params = std::move(params);
        }
    }
    return result;
}

QList<std::pair<QByteArray, QString>> Router::routes() const
{
    QList<std::pair<QByteArray, QString>> all;
    for (const Route& route : m_routes)
        all.append({route.method, route.pattern});
    return all;
}

} // namespace BidTracker::Api
