// The headless server's lines (issue 25.6): with the journal's priority prefix when its
// stderr is the stream systemd names in JOURNAL_STREAM, plain lines otherwise.
#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <gtest/gtest.h>
#include <sys/stat.h>

namespace {

/// Runs the server with its stderr in a file until it has said its token, then stops it;
/// returns what it wrote. `journal`: JOURNAL_STREAM names that file, as systemd would.
QByteArray headlessLines(const QTemporaryDir& home, bool journal, const QString& stream = {})
{
    const QString log =
        home.filePath(journal ? QStringLiteral("journal.log") : QStringLiteral("plain.log"));
    QFile(log).open(QIODevice::WriteOnly); // created now, to know its inode
    struct stat info
    {
    };
    EXPECT_EQ(::stat(QFile::encodeName(log).constData(), &info), 0);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.path());
    environment.remove(QStringLiteral("JOURNAL_STREAM"));
    if (journal)
        environment.insert(
            QStringLiteral("JOURNAL_STREAM"),
            stream.isEmpty() ? QStringLiteral("%1:%2").arg(info.st_dev).arg(info.st_ino) : stream);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setStandardErrorFile(log, QIODevice::Append);
    process.start(QStringLiteral(BIDTRACKER_BINARY),
                  {QStringLiteral("--headless"), QStringLiteral("--db"),
                   home.filePath(QStringLiteral("a.sqlite")), QStringLiteral("--port"),
                   QStringLiteral("0"), QStringLiteral("--token"),
                   QStringLiteral("journal-test-token")});
    QByteArray lines;
    for (QDeadlineTimer deadline(20'000); !deadline.hasExpired() && !lines.contains("API token");
         QThread::msleep(50)) {
        QFile file(log);
        if (file.open(QIODevice::ReadOnly))
            lines = file.readAll();
    }
    process.terminate();
    EXPECT_TRUE(process.waitForFinished(20'000));
    QFile file(log);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

TEST(Journal, UnderSystemdEachLineCarriesItsPriority)
{
    QTemporaryDir home;
    const QByteArray lines = headlessLines(home, true);
    EXPECT_TRUE(lines.contains("\n<6>Bid Tracker ") || lines.startsWith("<6>Bid Tracker "))
        << lines.toStdString();
    EXPECT_TRUE(lines.contains("<6>API token: journal-test-token\n")) << lines.toStdString();
    EXPECT_TRUE(lines.contains("<6>Stopping (signal 15)")) << lines.toStdString();
}

TEST(Journal, ElsewhereTheLinesArePlain)
{
    QTemporaryDir home;
    // No JOURNAL_STREAM, and one that names another stream (inherited from a service whose
    // child sent its stderr elsewhere).
    for (const bool journal : {false, true}) {
        const QByteArray lines = headlessLines(home, journal, QStringLiteral("1:2"));
        EXPECT_TRUE(lines.contains("\nAPI token: journal-test-token\n") ||
                    lines.startsWith("API token"))
            << lines.toStdString();
        EXPECT_FALSE(lines.contains("<6>")) << lines.toStdString();
    }
}
