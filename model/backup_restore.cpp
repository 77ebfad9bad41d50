// Backup::restore: a backup brought back as an auction, never over one in use.
#include "backup.h"
#include "filepolicy.h"
#include "storage/database.h"
#include "storage/sqlitefiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>
#include <cstdio>
#include <unistd.h>

namespace BidTracker::Model::Backup {

namespace {

Error refused(const QString& message)
{
    return Error::invalid(message + QStringLiteral("; nothing was changed"));
}

/// What may be restored: a Bid Tracker auction in one file, that no program has open.
Result<void> checkSource(const QString& file)
{
    const QFileInfo info(file);
    if (!info.exists())
        return fail(refused(QStringLiteral("cannot read %1: there is no such file").arg(file)));
    if (!info.isFile())
        return fail(refused(QStringLiteral("%1 is not a regular file").arg(file)));
    if (!SqliteFiles::isBidTrackerDatabase(file))
        return fail(refused(QStringLiteral("%1 is not a Bid Tracker backup").arg(file)));
    return {};
}

Result<void> checkTarget(const QString& file, const QString& target, bool replace)
{
    if (QFileInfo(file).canonicalFilePath() == QFileInfo(target).canonicalFilePath() &&
        QFileInfo::exists(target))
        return fail(refused(QStringLiteral("%1 is the backup itself").arg(target)));
    if (auto allowed = FilePolicy::checkDatabase(target); !allowed)
        return allowed;
    if (SqliteFiles::inUse(target))
        return fail(Error::conflict(
            QStringLiteral("%1 is in use: close every window and server that has it open, then "
                           "restore; nothing was changed")
                .arg(target)));
    if (QFileInfo::exists(target) && !replace)
        return fail(refused(QStringLiteral("%1 exists: give --replace to overwrite it with the "
                                           "backup")
                                .arg(target)));
    if (!QFileInfo(QFileInfo(target).absolutePath()).isDir())
        return fail(
            refused(QStringLiteral("cannot write %1: its folder does not exist").arg(target)));
    return {};
}

void removeWithLogs(const QString& file)
{
    for (const char* suffix : {"", "-journal", "-wal", "-shm"})
        QFile::remove(file + QLatin1String(suffix));
}

/// A copy of the backup beside the target (VACUUM INTO: whole, with what a log beside the
/// backup holds); the backup itself stays as it is.
Result<QString> copyBeside(const QString& file, const QString& target)
{
    QTemporaryFile copy(
        QFileInfo(target).absoluteDir().filePath(QStringLiteral(".bidtracker-restore-XXXXXX.tmp")));
    copy.setAutoRemove(false);
    if (!copy.open())
        return fail(Error::unavailable(
            QStringLiteral("cannot write beside %1: %2").arg(target, copy.errorString())));
    const QString name = copy.fileName();
    copy.close();
    if (auto copied = SqliteFiles::vacuumFileInto(file, name); !copied) {
        removeWithLogs(name);
        return fail(copied.error());
    }
    return name;
}

/// Integrity, then opened as an auction: migrated to this version or refused.
Result<void> checkCopy(const QString& copy)
{
    if (auto intact = SqliteFiles::checkIntegrity(copy); !intact)
        return intact;
    auto opened = Database::open(copy);
    if (!opened)
        return fail(opened.error());
    return {};
}

} // namespace

Result<void> restore(const QString& file, const QString& target, bool replace)
{
    if (auto source = checkSource(file); !source)
        return source;
    if (auto allowed = checkTarget(file, target, replace); !allowed)
        return allowed;
    const auto copy = copyBeside(file, target);
    if (!copy)
        return fail(copy.error());
    auto checked = checkCopy(*copy);
    // Checked again at the last moment: a window may have opened the target meanwhile.
    if (checked && SqliteFiles::inUse(target))
        checked = fail(Error::conflict(
            QStringLiteral("%1 was opened while the backup was checked; nothing was changed")
                .arg(target)));
    if (!checked) {
        removeWithLogs(*copy);
        return checked;
    }
    // The old auction's logs would be replayed into the restored file: they go first.
    for (const char* suffix : {"-journal", "-wal", "-shm"})
        QFile::remove(target + QLatin1String(suffix));
    if (std::rename(QFile::encodeName(*copy).constData(), QFile::encodeName(target).constData()) !=
        0) {
        removeWithLogs(*copy);
        return fail(Error::unavailable(QStringLiteral("cannot put the backup in place as %1: %2")
                                           .arg(target, QString::fromLocal8Bit(strerror(errno)))));
    }
    return {};
}

} // namespace BidTracker::Model::Backup
