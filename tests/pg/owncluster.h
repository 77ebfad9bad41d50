#pragma once

#include "support/testauction.h"
#include "support/testpostgres.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <csignal>
#include <sys/types.h>

namespace BidTracker::Testing {

/// A PostgreSQL cluster of one test's own (tests/pg/pgcluster.sh), for the tests that stop
/// the database server under a running station, with one bidder and one lot in it.
class OwnCluster
{
public:
    OwnCluster()
    {
        if (!script("start"))
            return;
        const QByteArray shared = qgetenv("BIDTRACKER_TEST_PG_ENV");
        qputenv("BIDTRACKER_TEST_PG_ENV", envFile().toUtf8()); // this cluster's, for its URL
        m_url = TestPostgres::adminUrl();
        qputenv("BIDTRACKER_TEST_PG_ENV", shared);
        auto db = openDatabase(m_url);
        if (!db)
            return;
        Model::AuctionService service(*db);
        m_ready = service.createUser(QStringLiteral("Bidder")).has_value() &&
                  service.createItem({.name = QStringLiteral("Lot")}).has_value();
    }
    ~OwnCluster()
    {
        thaw(); // never leave a server stopped with SIGSTOP, whatever the test did
        script("stop");
    }
    Q_DISABLE_COPY_MOVE(OwnCluster)

    bool ready() const { return m_ready; }
    const QString& url() const { return m_url; }
    QString dir() const { return m_dir.path(); }
    /// Stops the server at once, as a crash of the database machine would, and starts it
    /// again on the same port.
    bool pause() { return script("pause"); }
    bool resume() { return script("resume"); }

    /// Stops every process of the server with SIGSTOP (the postmaster first, so it forks no
    /// more, then its backends), as a hung database machine or a dead switch looks to a
    /// client: connections stay open and nothing answers. True when the postmaster stopped.
    bool freeze() { return signalAll(SIGSTOP); }
    /// Lets them all run again (SIGCONT); the destructor does it too.
    bool thaw() { return signalAll(SIGCONT); }

private:
    /// The postmaster (first line of data/postmaster.pid) and its children (from /proc).
    QList<pid_t> serverProcesses() const
    {
        QFile env(envFile());
        if (!env.open(QIODevice::ReadOnly))
            return {};
        QString dir;
        for (const QByteArray& line : env.readAll().split('\n')) {
            if (line.startsWith("PGCLUSTER_DIR="))
                dir = QString::fromUtf8(line.mid(14)).trimmed();
        }
        QFile pidFile(dir + QStringLiteral("/data/postmaster.pid"));
        if (dir.isEmpty() || !pidFile.open(QIODevice::ReadOnly))
            return {};
        const pid_t postmaster = pidFile.readLine().trimmed().toInt();
        if (postmaster <= 0)
            return {};
        QList<pid_t> processes{postmaster};
        for (const QString& entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
            if (entry.toInt() <= 0 || !stat.open(QIODevice::ReadOnly))
                continue;
            // pid (comm) state ppid ...: the command may hold spaces, so after the last ')'.
            const QByteArray text = stat.readAll();
            const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
            if (fields.size() > 1 && fields[1].toInt() == postmaster)
                processes.append(entry.toInt());
        }
        return processes;
    }
    bool signalAll(int signal)
    {
        const QList<pid_t> processes = serverProcesses();
        for (const pid_t pid : processes)
            ::kill(pid, signal);
        return !processes.isEmpty();
    }

    QString envFile() const { return m_dir.filePath(QStringLiteral("cluster.env")); }
    bool script(const char* action)
    {
        return QProcess::execute(QStringLiteral(PGCLUSTER_SCRIPT),
                                 {QString::fromLatin1(action), envFile()}) == 0;
    }

    QTemporaryDir m_dir;
    QString m_url;
    bool m_ready = false;
};

} // namespace BidTracker::Testing
