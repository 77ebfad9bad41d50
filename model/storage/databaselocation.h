#pragma once

#include "model/error.h"
#include "storage.h"

#include <QString>

namespace BidTracker::Model {

/// Where an auction lives, as given to `--db`: a file path (SQLite) or a PostgreSQL URL
/// `postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME` (libpq's PGPASSWORD and ~/.pgpass
/// supply a password left out).
struct DatabaseLocation
{
    Storage::Engine engine = Storage::Engine::Sqlite;
    QString path; // SQLite
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString database;

    /// What the window and messages show: the path, or the URL without the password.
    QString display() const;
};

/// What people may see of `--db` text: a path as it is, a URL without its password.
QString displayLocation(const QString& text);
/// The same text with a URL's password left out (what is remembered unless asked).
QString withoutPassword(const QString& text);
/// The URL for a PostgreSQL database (user, password and database percent-encoded).
QString postgresUrl(const QString& host, int port, const QString& user, const QString& password,
                    const QString& database);

/// True when the text is meant as a PostgreSQL URL (it names the scheme).
bool isPostgresUrl(const QString& text);

/// A database driver's error text on one line, each distinct part once (libpq reports a
/// failed connection once per attempt, over several lines); "unknown error" when empty.
QString driverMessage(const QString& text);

/// Reads a `--db` value; a bad URL is refused with the part that is wrong.
Result<DatabaseLocation> parseDatabaseLocation(const QString& text);

} // namespace BidTracker::Model
