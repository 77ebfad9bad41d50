#pragma once

#include "error.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <initializer_list>
#include <memory>
#include <utility>

namespace BidTracker::Model {

/// A cached statement that has been run; finishes it when dropped.
class StatementRun final
{
public:
    explicit StatementRun(QSqlQuery* query) : m_query(query) {}
    StatementRun(StatementRun&& other) noexcept : m_query(std::exchange(other.m_query, nullptr)) {}
    StatementRun& operator=(StatementRun&&) = delete;
    StatementRun(const StatementRun&) = delete;
    StatementRun& operator=(const StatementRun&) = delete;
    ~StatementRun()
    {
        if (m_query)
            m_query->finish();
    }
    QSqlQuery* operator->() const { return m_query; }
    QSqlQuery& operator*() const { return *m_query; }

private:
    QSqlQuery* m_query;
};

/// One open connection to an auction database, for the thread that opened it (Qt Sql
/// connections may not cross threads). Opening sets the connection up (WAL, synchronous
/// FULL, foreign keys, busy timeout) and migrates the schema forward.
class Database final
{
public:
    /// The schema version this build writes (PRAGMA user_version).
    static constexpr int SchemaVersion = 2;

    /// Opens or creates the SQLite file at `path`. A file that is not an SQLite database,
    /// holds someone else's tables, or was written by a newer Bid Tracker is refused and
    /// left exactly as it was.
    static Result<std::unique_ptr<Database>> open(const QString& path);
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    const QString& path() const { return m_path; }
    QSqlDatabase& connection() { return m_connection; }

    /// A prepared statement for `sql`, kept for reuse: preparing once per connection saves
    /// the parse on every call of a hot path. Callers bind, exec, read and finish() it.
    Result<QSqlQuery*> prepared(const QString& sql);
    /// Prepares (once), binds `values` in order and runs `sql`. The handle finishes the
    /// statement when it goes out of scope, so a cached statement never holds a read open.
    Result<class StatementRun> run(const QString& sql, std::initializer_list<QVariant> values = {});
    /// Runs one statement that returns no rows.
    Result<void> exec(const QString& sql);
    /// Runs a query that yields one integer, such as a PRAGMA or a count.
    Result<qint64> scalar(const QString& sql);

    /// True when `candidate` names the database file at `databasePath` or one of SQLite's
    /// files beside it (-wal, -shm, -journal). Such a file must never be written, replaced
    /// or even opened and closed outside SQLite while the database is in use: closing any
    /// descriptor of it drops this process's locks (see open()).
    static bool isDatabaseFile(const QString& candidate, const QString& databasePath);

    /// The error for a failed statement, naming what was being done.
    static Error sqlError(const QSqlQuery& query, const QString& doing);

private:
    Database(QString path, QString connectionName);
    Result<void> configure();
    Result<void> checkVersion();
    Result<void> migrate();

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_connection;
    QHash<QString, QSqlQuery*> m_statements;
};

} // namespace BidTracker::Model
