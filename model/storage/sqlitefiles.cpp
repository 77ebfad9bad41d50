#include "sqlitefiles.h"

#include "database.h"
#include "model/filepolicy.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <atomic>
#include <fcntl.h>
#include <unistd.h>

namespace BidTracker::Model::SqliteFiles {

namespace {

/// Byte 128 of the -shm file: SQLite's unix VFS keeps a shared lock on it for as long as a
/// connection has the database open in WAL mode (UNIX_SHM_DMS in os_unix.c).
constexpr off_t DeadMansSwitchByte = 128;

QString quoted(const QString& text)
{
    return QStringLiteral("'%1'").arg(QString(text).replace(u'\'', QStringLiteral("''")));
}

/// A short-lived connection to one file, removed from Qt's registry when done.
class FileConnection final
{
public:
    explicit FileConnection(const QString& file)
    {
        static std::atomic<quint64> counter{0};
        m_name = QStringLiteral("bidtracker-file-%1").arg(++counter);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(file);
        m_open = db.open();
    }
    ~FileConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Q_DISABLE_COPY_MOVE(FileConnection)

    bool isOpen() const { return m_open; }
    QSqlDatabase database() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
    bool m_open = false;
};

Error fileError(const QString& file, const QString& doing, const QString& why)
{
    return Error::unavailable(QStringLiteral("%1 %2: %3").arg(doing, file, why));
}

} // namespace

Result<void> vacuumInto(Database& from, const QString& file)
{
    QSqlQuery query(from.connection());
    if (!query.exec(QStringLiteral("VACUUM INTO %1").arg(quoted(file))))
        return fail(
            Database::sqlError(query, QStringLiteral("copying the auction to %1").arg(file)));
    return {};
}

Result<void> vacuumFileInto(const QString& source, const QString& file)
{
    FileConnection connection(source);
    QSqlQuery query(connection.database());
    if (!connection.isOpen() || !query.exec(QStringLiteral("VACUUM INTO %1").arg(quoted(file))))
        return fail(fileError(source, QStringLiteral("cannot copy"), query.lastError().text()));
    return {};
}

Result<void> closeAsSingleFile(const QString& file)
{
    FileConnection connection(file);
    QSqlQuery query(connection.database());
    if (!connection.isOpen() || !query.exec(QStringLiteral("PRAGMA journal_mode = DELETE")) ||
        !query.next() || query.value(0).toString() != u"delete")
        return fail(fileError(file, QStringLiteral("cannot finish"), query.lastError().text()));
    return {};
}

Result<void> checkIntegrity(const QString& file)
{
    FileConnection connection(file);
    QSqlQuery query(connection.database());
    if (!connection.isOpen() || !query.exec(QStringLiteral("PRAGMA integrity_check")))
        return fail(fileError(file, QStringLiteral("cannot check"), query.lastError().text()));
    QStringList problems;
    while (query.next())
        problems.append(query.value(0).toString());
    if (problems != QStringList{QStringLiteral("ok")})
        return fail(fileError(file, QStringLiteral("integrity check failed on"),
                              problems.mid(0, 3).join(QStringLiteral("; "))));
    return {};
}

bool isBidTrackerDatabase(const QString& file)
{
    if (!QFileInfo(file).isFile())
        return false;
    // Only read: a file that is not ours is left as it was.
    FileConnection connection(file);
    if (!connection.isOpen())
        return false;
    QSqlQuery query(connection.database());
    if (!query.exec(QStringLiteral("SELECT (SELECT user_version FROM pragma_user_version), "
                                   "(SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                   "AND name IN ('items', 'users', 'bids'))")) ||
        !query.next())
        return false;
    return query.value(0).toLongLong() >= 1 && query.value(1).toInt() == 3;
}

bool inUse(const QString& file)
{
    if (FilePolicy::isOpenHere(file))
        return true;
    // Opened only when no connection of this process has the database: closing a descriptor
    // would drop this process's own locks on it.
    const int fd = ::open(QFile::encodeName(file + QStringLiteral("-shm")).constData(),
                          O_RDONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct flock probe
    {
    };
    probe.l_type = F_WRLCK;
    probe.l_whence = SEEK_SET;
    probe.l_start = DeadMansSwitchByte;
    probe.l_len = 1;
    const bool locked = ::fcntl(fd, F_GETLK, &probe) == 0 && probe.l_type != F_UNLCK;
    ::close(fd);
    return locked;
}

} // namespace BidTracker::Model::SqliteFiles
