#include "backup.h"

#include "auctioncopy.h"
#include "filepolicy.h"
#include "storage/database.h"
#include "storage/sqlitefiles.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryFile>
#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace BidTracker::Model::Backup {

namespace {

const QString TimeFormat = QStringLiteral("yyyyMMdd'T'HHmmss'Z'");

const QRegularExpression& namePattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("^bidtracker-.+-(\\d{8}T\\d{6}Z)\\.sqlite$"));
    return pattern;
}

/// Letters, digits, dots and dashes; anything else (slashes, spaces, quotes) becomes a dash.
QString safeName(const QString& name)
{
    QString safe;
    for (const QChar c : name.trimmed().left(60))
        safe.append(c.isLetterOrNumber() || c == u'.' || c == u'-' || c == u'_' ? c : u'-');
    while (safe.contains(QStringLiteral("--")))
        safe.replace(QStringLiteral("--"), QStringLiteral("-"));
    while (safe.startsWith(u'-') || safe.startsWith(u'.'))
        safe.remove(0, 1);
    return safe.isEmpty() ? QStringLiteral("auction") : safe;
}

/// Flushes a file (or a folder's entries) to the disk: a backup is only one once it is there.
bool syncToDisk(const QString& path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    return synced;
}

/// A name for a new file beside `target`, reserved as an empty file (SQLite writes into an
/// empty file as into a new one).
Result<QString> reserveTemporary(const QString& target, const QString& kind)
{
    QTemporaryFile file(QFileInfo(target).absoluteDir().filePath(
        QStringLiteral(".bidtracker-%1-XXXXXX.tmp").arg(kind)));
    file.setAutoRemove(false);
    if (!file.open())
        return fail(Error::unavailable(QStringLiteral("cannot write in the folder of %1: %2")
                                           .arg(target, file.errorString())));
    return file.fileName();
}

void removeTemporary(const QString& file)
{
    for (const char* suffix : {"", "-journal", "-wal", "-shm"})
        QFile::remove(file + QLatin1String(suffix));
}

/// The file rule for a backup's target, with its one exception: an earlier backup (a Bid
/// Tracker auction no program has open, without logs beside it) may be replaced.
Result<void> checkTarget(Database& from, const QString& target)
{
    if (from.engine() == Storage::Engine::Sqlite && Database::isDatabaseFile(target, from.path()))
        return fail(Error::invalid(
            QStringLiteral("%1 is the auction being backed up; nothing was changed").arg(target)));
    const auto allowed = FilePolicy::checkOutput(target);
    if (allowed)
        return {};
    const QFileInfo info(target);
    const bool earlierBackup = info.isFile() && !info.isSymLink() && !SqliteFiles::inUse(target) &&
                               !QFileInfo::exists(target + QStringLiteral("-wal")) &&
                               !QFileInfo::exists(target + QStringLiteral("-journal")) &&
                               SqliteFiles::isBidTrackerDatabase(target);
    if (earlierBackup)
        return {};
    return allowed;
}

/// The copy itself, into the reserved temporary file.
Result<void> copyInto(Database& from, const QString& temporary)
{
    if (from.engine() == Storage::Engine::Sqlite)
        return SqliteFiles::vacuumInto(from, temporary);
    {
        auto to = Database::open(temporary);
        if (!to)
            return fail(to.error());
        if (auto copied = copyAuction(from, **to); !copied)
            return fail(copied.error());
    }
    return SqliteFiles::closeAsSingleFile(temporary);
}

} // namespace

QString fileName(const QString& auctionName, const QDateTime& when)
{
    return QStringLiteral("bidtracker-%1-%2.sqlite")
        .arg(safeName(auctionName), when.toUTC().toString(TimeFormat));
}

bool isBackupFileName(const QString& name)
{
    return namePattern().match(name).hasMatch();
}

Result<Written> write(Database& from, const QString& target)
{
    QElapsedTimer timer;
    timer.start();
    if (auto allowed = checkTarget(from, target); !allowed)
        return fail(allowed.error());
    const auto temporary = reserveTemporary(target, QStringLiteral("backup"));
    if (!temporary)
        return fail(temporary.error());
    auto written = copyInto(from, *temporary);
    if (written)
        written = SqliteFiles::checkIntegrity(*temporary);
    if (written &&
        (!syncToDisk(*temporary) || std::rename(QFile::encodeName(*temporary).constData(),
                                                QFile::encodeName(target).constData()) != 0))
        written =
            fail(Error::unavailable(QStringLiteral("cannot put the backup in place as %1: %2")
                                        .arg(target, QString::fromLocal8Bit(strerror(errno)))));
    if (!written) {
        removeTemporary(*temporary);
        return fail(written.error());
    }
    syncToDisk(QFileInfo(target).absolutePath());
    return Written{target, QFileInfo(target).size(), timer.elapsed()};
}

Result<QStringList> rotate(const QString& folder, int keep)
{
    const QDir dir(folder);
    if (!dir.exists())
        return fail(Error::unavailable(QStringLiteral("the backup folder %1 is gone").arg(folder)));
    QStringList backups;
    for (const QString& name : dir.entryList(QDir::Files | QDir::NoSymLinks | QDir::Hidden))
        if (isBackupFileName(name))
            backups.append(name);
    // Newest first, by the time in the name (the same time format sorts as text).
    std::sort(backups.begin(), backups.end(), [](const QString& a, const QString& b) {
        return namePattern().match(a).captured(1) > namePattern().match(b).captured(1);
    });
    QStringList removed;
    for (qsizetype i = std::max(keep, 0); i < backups.size(); ++i) {
        const QString path = dir.filePath(backups[i]);
        if (SqliteFiles::inUse(path))
            continue; // someone is looking at that one: it goes next time
        if (!QFile::remove(path))
            return fail(
                Error::unavailable(QStringLiteral("cannot delete the old backup %1").arg(path)));
        removed.append(path);
    }
    return removed;
}

} // namespace BidTracker::Model::Backup
