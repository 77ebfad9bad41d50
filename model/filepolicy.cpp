#include "filepolicy.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <array>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace BidTracker::Model::FilePolicy {

namespace {

struct FileId
{
    dev_t device = 0;
    ino_t inode = 0;
    bool operator==(const FileId&) const = default;
};

struct OpenDatabase
{
    FileId id;
    int count = 0;
};

QMutex registryMutex;
QHash<QString, OpenDatabase>& registry()
{
    static QHash<QString, OpenDatabase> files; // by the path the database was opened with
    return files;
}

std::optional<struct stat> statOf(const QString& path, bool followLinks)
{
    struct stat info
    {
    };
    const QByteArray native = QFile::encodeName(path);
    const int result =
        followLinks ? ::stat(native.constData(), &info) : ::lstat(native.constData(), &info);
    if (result != 0)
        return std::nullopt;
    return info;
}

bool isOpenDatabase(const struct stat& info)
{
    const FileId id{info.st_dev, info.st_ino};
    const QMutexLocker lock(&registryMutex);
    for (const OpenDatabase& open : std::as_const(registry()))
        if (open.id == id)
            return true;
    return false;
}

/// What a file that is not regular is, in the operator's words.
QString kindOf(mode_t mode)
{
    if (S_ISFIFO(mode))
        return QStringLiteral("a FIFO (named pipe)");
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return QStringLiteral("a device");
    if (S_ISDIR(mode))
        return QStringLiteral("a folder");
    if (S_ISSOCK(mode))
        return QStringLiteral("a socket");
    return QStringLiteral("not a regular file");
}

enum class Header { Other, Database, WriteAheadLog, Journal };

/// Reads the first 16 bytes of a regular file that this process has not open as a database.
Header headerOf(const QString& path)
{
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return Header::Other;
    std::array<unsigned char, 16> bytes{};
    const ssize_t got = ::read(fd, bytes.data(), bytes.size());
    ::close(fd);
    if (got >= 16 && std::memcmp(bytes.data(), "SQLite format 3\0", 16) == 0)
        return Header::Database;
    // The magic numbers of SQLite's write-ahead log and rollback journal (sqlite.org/fileformat).
    static constexpr std::array<unsigned char, 4> wal{0x37, 0x7f, 0x06, 0x82};
    if (got >= 4 && std::memcmp(bytes.data(), wal.data(), 3) == 0 && (bytes[3] & 0xfe) == 0x82)
        return Header::WriteAheadLog;
    static constexpr std::array<unsigned char, 8> journal{0xd9, 0xd5, 0x05, 0xf9,
                                                          0x20, 0xa1, 0x63, 0xd7};
    if (got >= 8 && std::memcmp(bytes.data(), journal.data(), journal.size()) == 0)
        return Header::Journal;
    return Header::Other;
}

/// Whether `path` names an SQLite database: one this process has open, or one whose header
/// says so.
bool isSqliteDatabase(const QString& path)
{
    const auto info = statOf(path, true);
    if (!info || !S_ISREG(info->st_mode))
        return false;
    return isOpenDatabase(*info) || headerOf(path) == Header::Database;
}

Error refusal(const QString& path, const QString& why)
{
    return Error::invalid(
        QStringLiteral("%1 %2: Bid Tracker reads and writes regular files only, and never an "
                       "auction database or its files; nothing was changed")
            .arg(path, why));
}

/// The -wal, -shm or -journal name of an existing SQLite database refuses, whether the log
/// exists or not: SQLite would take a file written there for its own.
std::optional<Error> checkLogName(const QString& path)
{
    for (const QLatin1String suffix :
         {QLatin1String("-wal"), QLatin1String("-shm"), QLatin1String("-journal")}) {
        if (!path.endsWith(suffix))
            continue;
        const QString database = path.chopped(suffix.size());
        if (isSqliteDatabase(database))
            return refusal(path, QStringLiteral("is the %1 file of the SQLite database %2")
                                     .arg(QString(suffix.mid(1)), database));
    }
    return std::nullopt;
}

enum class Use { Output, Input, Database };

/// The checks common to every use: the kind of file (links followed) and SQLite's files.
/// `existing` is set to whether the path names an existing file.
std::optional<Error> checkKind(const QString& path, Use use, bool* existing)
{
    *existing = false;
    if (path.isEmpty())
        return Error::invalid(QStringLiteral("No file name given"));
    const auto link = statOf(path, false);
    const auto target = statOf(path, true);
    if (link && !target)
        return refusal(path, QStringLiteral("is a link to nothing"));
    if (auto log = checkLogName(path))
        return log;
    if (!target)
        return std::nullopt;
    *existing = true;
    const bool isLink = S_ISLNK(link->st_mode);
    if (!S_ISREG(target->st_mode))
        return refusal(path, (isLink ? QStringLiteral("is a link to ") : QStringLiteral("is "))
                                 .append(kindOf(target->st_mode)));
    // A database is never opened outside SQLite, which itself refuses a file that is not
    // one, before it writes anything (Database::checkVersion).
    if (use == Use::Database)
        return std::nullopt;
    if (isOpenDatabase(*target))
        return refusal(path, QStringLiteral("is an auction database this program has open"));
    switch (headerOf(path)) {
    case Header::Database:
        return refusal(path, QStringLiteral("is an SQLite database"));
    case Header::WriteAheadLog:
        return refusal(path, QStringLiteral("is an SQLite write-ahead log"));
    case Header::Journal:
        return refusal(path, QStringLiteral("is an SQLite rollback journal"));
    case Header::Other:
        break;
    }
    return std::nullopt;
}

} // namespace

Result<void> checkOutput(const QString& path)
{
    bool existing = false;
    if (auto refused = checkKind(path, Use::Output, &existing))
        return fail(*refused);
    if (!existing && !QFileInfo(QFileInfo(path).absolutePath()).isDir())
        return fail(
            Error::invalid(QStringLiteral("cannot write %1: its folder does not exist").arg(path)));
    return {};
}

Result<void> checkInput(const QString& path, qint64 maxBytes)
{
    bool existing = false;
    if (auto refused = checkKind(path, Use::Input, &existing))
        return fail(*refused);
    if (!existing)
        return fail(
            Error::invalid(QStringLiteral("cannot read %1: there is no such file").arg(path)));
    const qint64 size = QFileInfo(path).size();
    if (size > maxBytes)
        return fail(Error::invalid(QStringLiteral("%1 is %2 MiB; the most a file here may be is "
                                                  "%3 MiB; nothing was read")
                                       .arg(path)
                                       .arg(size / (1024.0 * 1024.0), 0, 'f', 1)
                                       .arg(maxBytes / (1024 * 1024))));
    return {};
}

Result<void> checkDatabase(const QString& path)
{
    bool existing = false;
    if (auto refused = checkKind(path, Use::Database, &existing))
        return fail(*refused);
    return {};
}

void noteOpenDatabase(const QString& path)
{
    const auto info = statOf(path, true);
    if (!info)
        return;
    const QMutexLocker lock(&registryMutex);
    OpenDatabase& open = registry()[path];
    open.id = FileId{info->st_dev, info->st_ino};
    ++open.count;
}

bool isOpenHere(const QString& path)
{
    const auto info = statOf(path, true);
    return info && isOpenDatabase(*info);
}

void forgetOpenDatabase(const QString& path)
{
    const QMutexLocker lock(&registryMutex);
    auto found = registry().find(path);
    if (found != registry().end() && --found->count <= 0)
        registry().erase(found);
}

} // namespace BidTracker::Model::FilePolicy
