#include "database.h"

#include "databaselocation.h"
#include "model/filepolicy.h"
#include "model/writetransaction.h"
#include "postgresstorage.h"
#include "schema.h"
#include "sqlitestorage.h"

#include "stallwatch.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSysInfo>
#include <atomic>
#include <cstdio>
#include <mutex>

namespace BidTracker::Model {

namespace {

constexpr int BusyTimeoutMs = 5000;
/// After a failed try to reach a lost server, the next comes no sooner than this.
constexpr int RetryEveryMs = 500;
/// ... growing to this while it stays away (a try blocks the caller up to ProbeBudgetMs).
constexpr int MaxRetryEveryMs = 1000;
/// How long a try to reach a lost server may take before it counts as not answering.
constexpr int ProbeBudgetMs = 500;

QString nextConnectionName()
{
    static std::atomic<quint64> counter{0};
    return QStringLiteral("bidtracker-%1").arg(++counter);
}

/// SQLite's primary result code for "file is not a database".
constexpr int SqliteNotADatabase = 26;

/// PostgreSQL SQLSTATEs after which the whole transaction may simply be run again.
bool isTransient(const QSqlError& error)
{
    const QString state = error.nativeErrorCode();
    // A unique violation too: the service checks explicit values (a paddle number) before it
    // writes, so one at the write is another station taking the same next number first.
    return state == u"40001" /* serialization_failure */ || state == u"40P01" /* deadlock */ ||
           state == u"23505" /* unique_violation */;
}

/// Set on a thread while it drops the statements prepared on a session that is gone: Qt's
/// PostgreSQL driver then warns once per statement that it cannot free it ("Unable to free
/// statement"), fourteen lines on stderr about a loss already said in one.
thread_local bool t_droppingDeadSession = false;
QtMessageHandler g_nextHandler = nullptr;

void quietWhileDroppingDeadSession(QtMsgType type, const QMessageLogContext& context,
                                   const QString& message)
{
    if (t_droppingDeadSession && type == QtWarningMsg)
        return;
    if (g_nextHandler)
        g_nextHandler(type, context, message);
    else
        std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, message)));
}

/// Deletes prepared statements; when their session is gone, without the driver's warnings.
void dropStatements(QHash<QString, QSqlQuery*>& statements, bool sessionGone)
{
    static std::once_flag installed;
    if (sessionGone)
        std::call_once(installed, [] {
            g_nextHandler = qInstallMessageHandler(quietWhileDroppingDeadSession);
        });
    t_droppingDeadSession = sessionGone;
    qDeleteAll(statements);
    statements.clear();
    t_droppingDeadSession = false;
}

} // namespace

Database::Database(QString path, QString connectionName)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName))
{
}

Database::~Database()
{
    dropStatements(m_statements, m_lost);
    m_statements.clear();
    // An open SQLite connection was noted to the file policy right after it opened.
    const bool noted =
        m_connection.isOpen() && m_connection.driverName() == QStringLiteral("QSQLITE");
    m_connection.close();
    m_connection = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    if (noted)
        FilePolicy::forgetOpenDatabase(m_path);
}

Result<std::unique_ptr<Database>> Database::open(const QString& location)
{
    auto parsed = parseDatabaseLocation(location);
    if (!parsed)
        return fail(parsed.error());
    if (parsed->engine == Storage::Engine::Postgres)
        return openPostgres(location, *parsed);
    return openSqlite(location);
}

Result<std::unique_ptr<Database>> Database::openSqlite(const QString& path)
{
    // The file is never opened with anything but SQLite: on Linux, closing any descriptor of
    // a file drops every POSIX lock this process holds on it, SQLite's included, and another
    // program's SQLite would then take this process for gone and delete the write-ahead log
    // under it. So the "is it an SQLite file" check is SQLite's own (see checkVersion).
    // Only the file's metadata is read here (a folder, a FIFO, a device, a database's log).
    if (auto file = FilePolicy::checkDatabase(path); !file)
        return fail(file.error());
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(Error::unavailable(
            QStringLiteral("Cannot create the folder %1").arg(info.absolutePath())));

    std::unique_ptr<Database> db(new Database(path, nextConnectionName()));
    db->m_storage = std::make_unique<SqliteStorage>(*db);
    db->m_connection = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), db->m_connectionName);
    if (!db->m_connection.isValid())
        return fail(Error::unavailable(QStringLiteral("The Qt SQLite driver is not installed")));
    db->m_connection.setDatabaseName(path);
    db->m_connection.setConnectOptions(
        QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(BusyTimeoutMs));
    if (!db->m_connection.open())
        return fail(
            Error::unavailable(QStringLiteral("Cannot open %1: %2")
                                   .arg(path, driverMessage(db->m_connection.lastError().text()))));
    // From here on no file check of this process opens the file (FilePolicy).
    FilePolicy::noteOpenDatabase(path);
    if (auto ok = db->checkVersion(); !ok)
        return fail(ok.error());
    if (auto ok = db->configure(); !ok)
        return fail(ok.error());
    if (auto ok = db->migrate(); !ok)
        return fail(ok.error());
    return db;
}

Result<std::unique_ptr<Database>> Database::openPostgres(const QString& text,
                                                         const DatabaseLocation& location)
{
    std::unique_ptr<Database> db(new Database(text, nextConnectionName()));
    db->m_storage = std::make_unique<PostgresStorage>(*db);
    db->m_connection = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), db->m_connectionName);
    if (!db->m_connection.isValid())
        return fail(Error::unavailable(
            QStringLiteral("The Qt PostgreSQL driver is not installed (Debian: libqt6sql6-psql)")));
    db->m_connection.setHostName(location.host);
    db->m_connection.setPort(location.port);
    db->m_connection.setUserName(location.user);
    db->m_connection.setDatabaseName(location.database);
    if (!location.password.isEmpty())
        db->m_connection.setPassword(location.password); // else PGPASSWORD or ~/.pgpass
    // Keepalives and tcp_user_timeout: a pulled cable or a dead switch ends the connection in
    // seconds instead of the kernel's two hours (the watchdog bounds each call before that).
    db->m_connection.setConnectOptions(
        QStringLiteral("connect_timeout=5;keepalives=1;keepalives_idle=5;keepalives_interval=2;"
                       "keepalives_count=3;tcp_user_timeout=10000"));
    if (!db->m_connection.open())
        return fail(Error::unavailable(
            QStringLiteral("Cannot connect to %1: %2")
                .arg(location.display(), driverMessage(db->m_connection.lastError().text()))));
    if (auto ok = db->configureSession(); !ok)
        return fail(ok.error());
    if (auto ok = db->checkPostgresVersion(); !ok)
        return fail(ok.error());
    if (auto ok = db->migrate(); !ok)
        return fail(ok.error());
    return db;
}

Result<void> Database::configureSession()
{
    if (engine() != Storage::Engine::Postgres)
        return {};
    // The session speaks UTC and UTF-8 whatever the server's defaults are. A slow server
    // (not a stopped one: that is the watchdog's) ends a statement or a lock wait itself.
    for (const auto* setting : {"SET client_encoding = 'UTF8'", "SET TIME ZONE 'UTC'",
                                "SET statement_timeout = '60s'", "SET lock_timeout = '10s'"}) {
        if (auto ok = exec(QString::fromLatin1(setting)); !ok)
            return ok;
    }
    auto named =
        run(QStringLiteral("SELECT set_config('application_name', ?, false)"), {stationName()});
    if (!named)
        return fail(named.error());
    return {};
}

namespace {

std::mutex g_stationMutex;
QString g_station;

} // namespace

void Database::setStationName(const QString& name)
{
    std::lock_guard lock(g_stationMutex);
    g_station = name;
}

QString Database::stationName()
{
    std::lock_guard lock(g_stationMutex);
    if (g_station.isEmpty())
        g_station = QSysInfo::machineHostName().left(63);
    return g_station;
}

QString Database::stationNameProblem(const QString& name)
{
    if (name.isEmpty())
        return QStringLiteral("The station's name is empty");
    if (name.toUtf8().size() > 63)
        return QStringLiteral("The station's name is %1 bytes long in UTF-8; at most 63 are "
                              "allowed")
            .arg(name.toUtf8().size());
    // PostgreSQL keeps printable ASCII only in application_name (others become "?").
    for (const QChar c : name) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return QStringLiteral("The station's name may hold printable ASCII characters only "
                                  "(letters, digits, spaces, punctuation), not U+%1")
                .arg(
                    QString::number(c.unicode(), 16).toUpper().rightJustified(4, QLatin1Char('0')));
    }
    return {};
}

QString Database::displayName() const
{
    const auto location = parseDatabaseLocation(m_path);
    return location ? location->display() : m_path;
}

bool Database::isDatabaseFile(const QString& candidate, const QString& databasePath)
{
    // Canonical paths see through links and "..": the same file under another name is the
    // same file to the kernel's locks.
    const auto canonical = [](const QString& path) {
        const QFileInfo info(path);
        const QString resolved = info.canonicalFilePath();
        if (!resolved.isEmpty())
            return resolved;
        const QString folder = info.absoluteDir().canonicalPath();
        return folder.isEmpty() ? info.absoluteFilePath() : QDir(folder).filePath(info.fileName());
    };
    const QString target = canonical(candidate);
    const QString database = canonical(databasePath);
    for (const auto* suffix : {"", "-wal", "-shm", "-journal"}) {
        if (target == database + QLatin1String(suffix))
            return true;
    }
    return false;
}

Result<void> Database::checkVersion()
{
    // Read before anything is written: a newer file, or one that is not SQLite's, must stay
    // exactly as it is. Opening a connection writes nothing; this read is the first access.
    QSqlQuery query(m_connection);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        const QSqlError error = query.lastError();
        if (error.nativeErrorCode().toInt() == SqliteNotADatabase)
            return fail(Error::invalid(
                QStringLiteral("%1 is not a Bid Tracker database (it is not an SQLite file)")
                    .arg(m_path)));
        return fail(Error::invalid(
            QStringLiteral("%1 is not a Bid Tracker database (%2)").arg(m_path, error.text())));
    }
    const qint64 version = query.value(0).toLongLong();
    query.finish();
    if (version > SchemaVersion)
        return fail(Error::invalid(
            QStringLiteral("%1 was written by a newer Bid Tracker (schema version %2; this "
                           "version reads up to %3). Open it with a newer Bid Tracker.")
                .arg(m_path)
                .arg(version)
                .arg(SchemaVersion)));
    if (version == 0) {
        const auto tables = scalar(
            QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"));
        if (!tables)
            return fail(tables.error());
        if (*tables > 0)
            return fail(Error::invalid(
                QStringLiteral("%1 is an SQLite database of another program, not Bid Tracker's")
                    .arg(m_path)));
    }
    return {};
}

Result<void> Database::checkPostgresVersion()
{
    const QString name = displayName();
    auto ours =
        scalar(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"
                              " AND tablename = 'bidtracker_schema'"));
    if (!ours)
        return fail(ours.error());
    if (*ours == 0) {
        auto tables = scalar(
            QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"));
        if (!tables)
            return fail(tables.error());
        if (*tables > 0)
            return fail(Error::invalid(
                QStringLiteral("%1 holds the tables of another program, not Bid Tracker's")
                    .arg(name)));
        return {};
    }
    auto version = schemaVersion();
    if (!version)
        return fail(version.error());
    if (*version > SchemaVersion)
        return fail(Error::invalid(
            QStringLiteral("%1 was written by a newer Bid Tracker (schema version %2; this "
                           "version reads up to %3). Open it with a newer Bid Tracker.")
                .arg(name)
                .arg(*version)
                .arg(SchemaVersion)));
    return {};
}

Result<qint64> Database::schemaVersion()
{
    if (engine() == Storage::Engine::Sqlite)
        return scalar(QStringLiteral("PRAGMA user_version"));
    auto exists =
        scalar(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"
                              " AND tablename = 'bidtracker_schema'"));
    if (!exists)
        return fail(exists.error());
    if (*exists == 0)
        return 0;
    return scalar(QStringLiteral("SELECT max(version) FROM bidtracker_schema"));
}

Result<void> Database::setSchemaVersion(int version)
{
    if (engine() == Storage::Engine::Sqlite)
        return exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
    return exec(QStringLiteral("UPDATE bidtracker_schema SET version = %1").arg(version));
}

Result<void> Database::configure()
{
    // WAL lets the window read while the server writes; FULL makes every acknowledged
    // commit durable; foreign keys are per connection in SQLite, so they are set every time.
    const auto mode = [this]() -> Result<QString> {
        QSqlQuery query(m_connection);
        if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next())
            return fail(sqlError(query, QStringLiteral("switching to WAL")));
        return query.value(0).toString();
    }();
    if (!mode)
        return fail(mode.error());
    if (mode->compare(u"wal", Qt::CaseInsensitive) != 0 && m_path != u":memory:")
        return fail(Error::unavailable(
            QStringLiteral("%1 cannot use write-ahead logging (journal mode is %2)")
                .arg(m_path, *mode)));
    // Reads of a big auction jump around the file (a bidder's bids, each with its lot):
    // memory-mapped reads and a 32 MB page cache keep them off the read() system call.
    for (const auto* pragma : {"PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON",
                               "PRAGMA mmap_size = 268435456", "PRAGMA cache_size = -32768"}) {
        if (auto ok = exec(QString::fromLatin1(pragma)); !ok)
            return ok;
    }
    return {};
}

Result<void> Database::migrate()
{
    auto current = schemaVersion();
    if (!current)
        return fail(current.error());
    while (*current < SchemaVersion) {
        WriteTransaction transaction(*this);
        if (auto ok = transaction.begin(); !ok)
            return ok;
        // Two stations may start at once on a new PostgreSQL database: one migrates, the
        // other waits here and then finds the work done. (SQLite's write lock does this.)
        if (engine() == Storage::Engine::Postgres) {
            if (auto ok = exec(QStringLiteral("SELECT pg_advisory_xact_lock(20261128)")); !ok)
                return ok;
        }
        // Another connection may have migrated while this one waited for the lock.
        current = schemaVersion();
        if (!current)
            return fail(current.error());
        if (*current >= SchemaVersion)
            break;
        const int next = static_cast<int>(*current) + 1;
        for (const QString& statement : migrationStep(next, engine())) {
            if (auto ok = exec(statement); !ok)
                return ok;
        }
        if (auto ok = setSchemaVersion(next); !ok)
            return ok;
        if (auto ok = transaction.commit(); !ok)
            return ok;
        current = next;
    }
    return {};
}

Result<QSqlQuery*> Database::prepared(const QString& sql)
{
    if (m_lost) {
        if (auto ok = reconnect(); !ok)
            return fail(ok.error());
    }
    if (auto it = m_statements.constFind(sql); it != m_statements.constEnd())
        return *it;
    auto query = std::make_unique<QSqlQuery>(m_connection);
    query->setForwardOnly(true); // rows are read once, in order: no client-side row cache
    bool fired = false;
    if (!guarded([&] { return query->prepare(sql); }, &fired))
        return fail(statementFailed(*query, QStringLiteral("preparing a statement"), fired));
    return *m_statements.insert(sql, query.release());
}

Result<StatementRun> Database::run(const QString& sql, std::initializer_list<QVariant> values)
{
    auto query = prepared(sql);
    if (!query)
        return fail(query.error());
    int position = 0;
    for (const QVariant& value : values)
        (*query)->bindValue(position++, value);
    bool fired = false;
    if (!guarded([&] { return (*query)->exec(); }, &fired)) {
        Error error =
            statementFailed(**query, QStringLiteral("running \"%1\"").arg(sql.left(40)), fired);
        if (!m_lost)
            (*query)->finish(); // (a lost session's statements are dropped with it)
        // Outside a transaction a statement that met a dead connection (the server restarted
        // while this one was idle) is simply run again on a new one: the first read after an
        // outage must not fail just because nothing noticed the outage before it. Inside a
        // transaction the transaction is gone with the connection, so the error goes up.
        if (m_lost && !m_inTransaction && !m_retrying && !fired) {
            m_retrying = true;
            auto again = run(sql, values);
            m_retrying = false;
            return again;
        }
        return fail(std::move(error));
    }
    return StatementRun(*query);
}

Result<void> Database::exec(const QString& sql)
{
    // A transaction on a lost connection ended with it: the server rolls it back.
    if (m_lost && sql == u"ROLLBACK") {
        m_inTransaction = false;
        return {};
    }
    auto done = execOnce(sql);
    // A BEGIN that met a connection the server dropped while this one was idle (a restart)
    // began nothing: it is run once more on a new connection, so the first request after a
    // restart is answered. Not after the watchdog fired: the server is not answering.
    if (!done && m_lost && sql.startsWith(u"BEGIN") && !m_retrying && m_reconnectNow) {
        m_retrying = true;
        done = execOnce(sql);
        m_retrying = false;
    }
    return done;
}

Result<void> Database::execOnce(const QString& sql)
{
    if (m_lost) {
        if (auto ok = reconnect(); !ok)
            return ok;
    }
    QSqlQuery query(m_connection);
    const bool begins = sql.startsWith(u"BEGIN");
    const bool commits = sql == u"COMMIT";
    if (begins || commits || sql == u"ROLLBACK")
        m_inTransaction = false; // a failed BEGIN opened nothing; COMMIT/ROLLBACK always end it
    bool fired = false;
    if (!guarded([&] { return query.exec(sql); }, &fired)) {
        Error error = statementFailed(query, sql.section(u' ', 0, 1), fired);
        // The COMMIT was sent and no answer came: it may have been committed or not.
        if (commits && m_lost)
            return fail(Error::refused(Error::Reason::OutcomeUnknown,
                                       QStringLiteral("Lost the connection to the database "
                                                      "before it confirmed the change: it may or "
                                                      "may not have been saved")));
        return fail(std::move(error));
    }
    if (begins)
        m_inTransaction = true;
    return {};
}

template <typename Call> bool Database::guarded(Call&& call, bool* fired)
{
    StallWatch::Guard guard(socket(), m_stallLimitMs);
    const bool ok = call();
    *fired = guard.fired();
    return ok && !*fired;
}

int Database::socket() const
{
    if (!m_storage || engine() != Storage::Engine::Postgres)
        return -1;
    return postgresSocket(m_connection);
}

Error Database::statementFailed(const QSqlQuery& query, const QString& doing, bool fired)
{
    if (engine() != Storage::Engine::Postgres)
        return sqlError(query, doing);
    // A server that went away (restart, network) leaves this connection dead: libpq errors
    // of that kind carry no SQLSTATE or class 08 / 57P0x. The next call connects again. A
    // server that stopped answering was cut off by the watchdog.
    const QString state = query.lastError().nativeErrorCode();
    if (fired)
        return connectionLost(QStringLiteral("no answer within %1 ms").arg(m_stallLimitMs));
    if (state.isEmpty() || state.startsWith(u"08") || state.startsWith(u"57P0")) {
        QSqlQuery probe(m_connection);
        bool probeFired = false;
        if (!guarded([&] { return probe.exec(QStringLiteral("SELECT 1")); }, &probeFired))
            return connectionLost(driverMessage(query.lastError().text()), !probeFired);
    }
    return sqlError(query, doing);
}

Error Database::connectionLost(const QString& driverText, bool serverDropped)
{
    if (!m_lost)
        std::fprintf(stderr, "bidtracker: lost the connection to the database server %s: %s\n",
                     qPrintable(displayName()), qPrintable(driverText));
    m_lost = true;
    // A connection the server closed (a restart) may be replaced at once; one that stopped
    // answering waits for the server to answer a probe.
    m_reconnectNow = serverDropped;
    if (serverDropped)
        m_lastFailedReconnect.invalidate();
    else
        m_lastFailedReconnect.start();
    return Error::unavailable(lostConnectionText());
}

QString Database::lostConnectionText()
{
    return QStringLiteral("Lost the connection to the database, retrying");
}

Result<void> Database::reconnect()
{
    // While the server does not answer, every call fails at once, and a new connection is
    // tried at most every RetryEveryMs, each try bounded by ProbeBudgetMs: a window never
    // waits on libpq's connect (at least 2 seconds against a stopped server).
    if (m_lastFailedReconnect.isValid() && !m_lastFailedReconnect.hasExpired(m_retryDelayMs))
        return fail(Error::unavailable(lostConnectionText()));
    dropStatements(m_statements, true); // prepared on the old session, they are gone with it
    m_connection.close();
    const auto location = parseDatabaseLocation(m_path);
    if (!location || !serverAnswers(*location, ProbeBudgetMs, stationName()) ||
        !m_connection.open()) {
        m_lastFailedReconnect.start();
        m_reconnectNow = false;
        m_retryDelayMs = std::min(m_retryDelayMs * 2, MaxRetryEveryMs);
        return fail(Error::unavailable(lostConnectionText()));
    }
    m_lost = false;
    m_inTransaction = false;
    m_lastFailedReconnect.invalidate();
    m_retryDelayMs = RetryEveryMs;
    std::fprintf(stderr, "bidtracker: connected to the database server %s again\n",
                 qPrintable(displayName()));
    return configureSession();
}

Result<qint64> Database::scalar(const QString& sql)
{
    auto statement = run(sql);
    if (!statement)
        return fail(statement.error());
    if (!(*statement)->next())
        return fail(sqlError(**statement, sql.section(u' ', 0, 1)));
    return (*statement)->value(0).toLongLong();
}

Result<QStringList> Database::texts(const QString& sql)
{
    auto statement = run(sql);
    if (!statement)
        return fail(statement.error());
    QStringList rows;
    while ((*statement)->next())
        rows.append((*statement)->value(0).toString());
    return rows;
}

Error Database::sqlError(const QSqlQuery& query, const QString& doing)
{
    const QSqlError error = query.lastError();
    // The driver's own words ("QPSQL: ...") and the statement go to the log, never to a
    // window or an answer; a failure that a retry of the transaction cures is not news.
    // SQLite's busy and locked (result codes 5 and 6): another program holds the file's
    // write lock past the busy timeout; saying so tells the operator what to look for.
    const QString code = error.nativeErrorCode();
    const bool locked =
        error.text().contains(u"database is locked") || code == u"5" || code == u"6";
    Error failure = Error::unavailable(
        locked ? QStringLiteral("The database is locked by another program; nothing was changed")
               : QStringLiteral("The database could not do this; nothing was changed"));
    failure.transient = isTransient(error);
    if (!failure.transient)
        std::fprintf(stderr, "bidtracker: the database failed while %s: %s\n", qPrintable(doing),
                     qPrintable(driverMessage(error.text())));
    return failure;
}

} // namespace BidTracker::Model
