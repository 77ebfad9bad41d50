#include "headlessprocess.h"

#include <QRegularExpression>
#include <gtest/gtest.h>

namespace BidTracker::Testing {

ProcessRun runBidtracker(const QStringList& arguments, const QString& home)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home);
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home);
    environment.remove(QStringLiteral("DISPLAY"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(BIDTRACKER_BINARY), arguments);
    EXPECT_TRUE(process.waitForFinished(60'000));
    return ProcessRun{process.exitCode(), process.readAllStandardOutput(),
                      process.readAllStandardError()};
}

quint16 startHeadless(QProcess& process, const QString& dir, const QString& db,
                      const QByteArray& token)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir); // keep the user's settings out
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dir);
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(BIDTRACKER_BINARY),
                  {QStringLiteral("--headless"), QStringLiteral("--db"), db,
                   QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--token"),
                   QString::fromLatin1(token), QStringLiteral("--rate-limit"),
                   QStringLiteral("0")});
    QByteArray output;
    const QRegularExpression url(QStringLiteral("http://127\\.0\\.0\\.1:(\\d+)/api/v1"));
    while (process.waitForReadyRead(10'000)) {
        output += process.readAll();
        if (const auto match = url.match(QString::fromUtf8(output)); match.hasMatch())
            return static_cast<quint16>(match.captured(1).toUInt());
    }
    ADD_FAILURE() << "the server did not start: " << output.toStdString();
    return 0;
}

} // namespace BidTracker::Testing
