#include "databaselocation.h"

#include <QUrl>
#include <QUrlQuery>

namespace BidTracker::Model {

namespace {

Error badUrl(const QString& why)
{
    return Error::invalid(QStringLiteral("Not a usable PostgreSQL URL (%1); the form is "
                                         "postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME")
                              .arg(why),
                          QStringLiteral("db"));
}

} // namespace

QString DatabaseLocation::display() const
{
    if (engine == Storage::Engine::Sqlite)
        return path;
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

QString displayLocation(const QString& text)
{
    const auto location = parseDatabaseLocation(text);
    return location ? location->display() : withoutPassword(text);
}

QString withoutPassword(const QString& text)
{
    if (!isPostgresUrl(text))
        return text;
    QUrl url(text);
    url.setPassword(QString());
    return url.toString();
}

QString postgresUrl(const QString& host, int port, const QString& user, const QString& password,
                    const QString& database)
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(host);
    url.setPort(port);
    url.setUserName(user);
    if (!password.isEmpty())
        url.setPassword(password);
    url.setPath(u'/' + database);
    return url.toString(QUrl::FullyEncoded);
}

bool isPostgresUrl(const QString& text)
{
    return text.startsWith(QStringLiteral("postgresql://"), Qt::CaseInsensitive) ||
           text.startsWith(QStringLiteral("postgres://"), Qt::CaseInsensitive);
}

Result<DatabaseLocation> parseDatabaseLocation(const QString& text)
{
    DatabaseLocation location;
    if (text.trimmed().isEmpty())
        return fail(Error::invalid(QStringLiteral("No database given"), QStringLiteral("db")));
    if (!isPostgresUrl(text)) {
        location.path = text;
        return location;
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return fail(badUrl(url.errorString()));
    location.engine = Storage::Engine::Postgres;
    location.host = url.host();
    if (location.host.isEmpty())
        return fail(badUrl(QStringLiteral("no host")));
    location.port = url.port(5432);
    if (location.port < 1 || location.port > 65535)
        return fail(badUrl(QStringLiteral("the port must be from 1 to 65535")));
    location.user = url.userName(QUrl::FullyDecoded);
    if (location.user.isEmpty())
        return fail(badUrl(QStringLiteral("no user")));
    location.password = url.password(QUrl::FullyDecoded);
    QString name = url.path(QUrl::FullyDecoded);
    if (name.startsWith(u'/'))
        name.remove(0, 1);
    if (name.isEmpty() || name.contains(u'/'))
        return fail(badUrl(QStringLiteral("the path must be one database name")));
    location.database = name;
    if (url.hasQuery() || url.hasFragment())
        return fail(badUrl(QStringLiteral("options after ? or # are not supported")));
    return location;
}

QString driverMessage(const QString& text)
{
    // libpq tries a connection twice (with SSL, then without) and reports each attempt on a
    // line of its own, and Qt adds its own words: one line, each distinct part once.
    QStringList parts;
    for (const QString& line : text.split(u'\n', Qt::SkipEmptyParts)) {
        const QString part = line.simplified();
        if (!part.isEmpty() && !parts.contains(part))
            parts.append(part);
    }
    return parts.isEmpty() ? QStringLiteral("unknown error") : parts.join(QStringLiteral("; "));
}

} // namespace BidTracker::Model
