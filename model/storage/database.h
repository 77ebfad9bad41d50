#pragma once

#include "model/error.h"
#include "storage.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
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

struct DatabaseLocation;

/// One open connection to an auction database, SQLite or PostgreSQL, for the thread that
/// opened it (Qt Sql connections may not cross threads), with the Storage that runs every
/// statement on it. Opening sets the connection up (SQLite: WAL, synchronous FULL, foreign
/// keys, busy timeout) and migrates the schema forward.
class Database final
{
public:
    /// The schema version this build writes (PRAGMA user_version).
    static constexpr int SchemaVersion = 8;

    /// Opens `location`: a PostgreSQL URL (see DatabaseLocation) or the path of an SQLite
    /// file, created if missing. A database that is not SQLite's, holds someone else's
    /// tables, or was written by a newer Bid Tracker is refused and left exactly as it was.
    static Result<std::unique_ptr<Database>> open(const QString& location);
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    /// What open() was given: opens another connection to the same database.
    const QString& path() const { return m_path; }
    /// The file path, or the URL without its password: for people to read.
    QString displayName() const;
    Storage::Engine engine() const { return m_storage->engine(); }
    Storage& storage() { return *m_storage; }
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
    /// Runs a query and returns the first column of every row as text.
    Result<QStringList> texts(const QString& sql);

    /// True when `candidate` names the database file at `databasePath` or one of SQLite's
    /// files beside it (-wal, -shm, -journal). Such a file must never be written, replaced
    /// or even opened and closed outside SQLite while the database is in use: closing any
    /// descriptor of it drops this process's locks (see open()).
    static bool isDatabaseFile(const QString& candidate, const QString& databasePath);

    /// How long one call on a PostgreSQL connection may wait for the server before the
    /// watchdog (StallWatch) shuts its socket and the call fails as Unavailable ("Lost the
    /// connection to the database, retrying"); 0, the default, waits as long as libpq does.
    /// The window's connection waits WindowStallLimitMs, so a stalled server never freezes it
    /// longer; the API's longer (lock waits under load); command-line jobs longer still.
    static constexpr int WindowStallLimitMs = 1500;
    static constexpr int CommandLineStallLimitMs = 60'000;
    void setStallLimitMs(int limitMs) { m_stallLimitMs = limitMs; }
    int stallLimitMs() const { return m_stallLimitMs; }

    /// For a long job (an export, an import, a copy): calls wait up to `limitMs` while it
    /// lives, then the limit is as before.
    class LongWork final
    {
    public:
        LongWork(Database& db, int limitMs = 120'000)
            : m_db(db), m_before(std::exchange(db.m_stallLimitMs, limitMs))
        {
        }
        ~LongWork() { m_db.m_stallLimitMs = m_before; }
        Q_DISABLE_COPY_MOVE(LongWork)

    private:
        Database& m_db;
        int m_before;
    };

    /// The station's name, sent to PostgreSQL as application_name (pg_stat_activity shows
    /// which station holds which connection): `--station`, by default the host's name.
    static void setStationName(const QString& name);
    static QString stationName();
    /// Why `name` cannot be a station's name (empty when it can): 1 to 63 printable ASCII
    /// characters, what PostgreSQL keeps of an application_name.
    static QString stationNameProblem(const QString& name);

    /// The sentence every failure of a lost connection carries (the status bar says it too).
    static QString lostConnectionText();

    /// The error for a failed statement, naming what was being done; `transient` when a
    /// retry of the whole transaction can cure it (PostgreSQL deadlock or serialization).
    static Error sqlError(const QSqlQuery& query, const QString& doing);
    /// sqlError(), and on PostgreSQL: when the server has gone, the connection is marked
    /// lost and the next statement connects again (a restarted server is used as soon as it
    /// is back; until then every call fails as Unavailable).
    Error statementFailed(const QSqlQuery& query, const QString& doing, bool fired = false);

private:
    Database(QString path, QString connectionName);
    static Result<std::unique_ptr<Database>> openSqlite(const QString& path);
    static Result<std::unique_ptr<Database>> openPostgres(const QString& text,
                                                          const DatabaseLocation& location);
    Result<void> configure();
    Result<void> checkVersion();
    Result<void> checkPostgresVersion();
    Result<qint64> schemaVersion();
    Result<void> setSchemaVersion(int version);
    Result<void> migrate();
    Result<void> configureSession();
    Result<void> reconnect();
    Result<void> execOnce(const QString& sql);
    int socket() const;
    Error connectionLost(const QString& driverText, bool serverDropped = false);

    /// Runs `call` with the watchdog armed on this connection's socket; true when it
    /// succeeded. `fired` tells whether the watchdog cut it short.
    template <typename Call> bool guarded(Call&& call, bool* fired);

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_connection;
    QHash<QString, QSqlQuery*> m_statements;
    std::unique_ptr<Storage> m_storage;
    bool m_lost = false;
    /// Between a BEGIN and its COMMIT or ROLLBACK (every transaction goes through exec()).
    bool m_inTransaction = false;
    bool m_retrying = false;
    int m_stallLimitMs = 0;
    /// Since the last failed try to connect again: tries come at most every RetryEveryMs.
    QElapsedTimer m_lastFailedReconnect;
    /// The server closed the connection (rather than stopped answering): connect at once.
    bool m_reconnectNow = false;
    int m_retryDelayMs = 500;
};

} // namespace BidTracker::Model
