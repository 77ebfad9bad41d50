#include "journal.h"

#include <QByteArray>
#include <QList>
#include <cstdio>
#include <sys/stat.h>
#include <unistd.h>

namespace BidTracker::App::Log {

namespace {

void messageToLog(QtMsgType type, const QMessageLogContext&, const QString& message)
{
    switch (type) {
    case QtFatalMsg:
    case QtCriticalMsg:
        line(Level::Error, message);
        break;
    case QtWarningMsg:
        line(Level::Warning, message);
        break;
    case QtInfoMsg:
        line(Level::Info, message);
        break;
    case QtDebugMsg:
        line(Level::Info, message);
        break;
    }
}

} // namespace

bool stderrIsJournal()
{
    // JOURNAL_STREAM=DEVICE:INODE, both in decimal (systemd.exec(5)).
    const QList<QByteArray> parts = qgetenv("JOURNAL_STREAM").split(':');
    if (parts.size() != 2)
        return false;
    bool deviceOk = false;
    bool inodeOk = false;
    const qulonglong device = parts[0].toULongLong(&deviceOk);
    const qulonglong inode = parts[1].toULongLong(&inodeOk);
    struct stat info
    {
    };
    if (!deviceOk || !inodeOk || ::fstat(STDERR_FILENO, &info) != 0)
        return false;
    return static_cast<qulonglong>(info.st_dev) == device &&
           static_cast<qulonglong>(info.st_ino) == inode;
}

void line(Level level, const QString& text)
{
    static const bool journal = stderrIsJournal();
    const QByteArray bytes = text.toUtf8();
    if (journal) {
        // One entry per line: a message of several lines keeps its priority on each.
        for (const QByteArray& part : bytes.split('\n'))
            std::fprintf(stderr, "<%d>%s\n", static_cast<int>(level), part.constData());
    } else {
        std::fprintf(stderr, "%s\n", bytes.constData());
    }
    std::fflush(stderr);
}

void routeQtMessages()
{
    qInstallMessageHandler(messageToLog);
}

} // namespace BidTracker::App::Log
