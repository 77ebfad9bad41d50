#pragma once
// Helpers of the tests that run `bidtracker` as a real window process (cli_test, doors_test).

#include <QElapsedTimer>
#include <QHostAddress>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <gtest/gtest.h>

namespace BidTracker::Testing {

/// A port that was free a moment ago.
inline quint16 freePort()
{
    QTcpServer probe;
    EXPECT_TRUE(probe.listen(QHostAddress::LocalHost, 0));
    return probe.serverPort();
}

/// `bidtracker ARGUMENTS` as a window on the offscreen platform, settings and data in `home`.
inline void startWindow(QProcess& process, const QStringList& arguments, const QString& home)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home);
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home);
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(BIDTRACKER_BINARY), arguments);
    ASSERT_TRUE(process.waitForStarted(10'000));
}

/// The answer to GET path on 127.0.0.1:port (raw socket), retried until it answers or 15 s
/// pass (a window under a sanitizer takes its time to start).
inline QByteArray getWhenUp(quint16 port, const QByteArray& path)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 15'000) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (socket.waitForConnected(500)) {
            socket.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" +
                         QByteArray::number(port) + "\r\nConnection: close\r\n\r\n");
            QByteArray answer;
            while (socket.waitForReadyRead(2000))
                answer += socket.readAll();
            if (!answer.isEmpty())
                return answer;
        }
        QThread::msleep(100);
    }
    return {};
}

} // namespace BidTracker::Testing
