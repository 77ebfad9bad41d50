// A whole window session as the program runs it: switching databases with the embedded
// server running, and what the server panel keeps in the settings.
#include "app/embeddedserver.h"
#include "app/sessionswitcher.h"
#include "model/auctionservice.h"
#include "model/storage/database.h"
#include "ui/serverpanel.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

using namespace BidTracker;

namespace {

/// Settings of the test's own, in a temporary folder.
struct IsolatedSettings
{
    QTemporaryDir dir;
    IsolatedSettings()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
        QSettings().clear();
    }
};

/// A database file holding one lot with this name.
QString auctionWithLot(const QTemporaryDir& dir, const QString& file, const QString& lot)
{
    const QString path = dir.filePath(file);
    auto db = Model::Database::open(path);
    EXPECT_TRUE(db.has_value());
    Model::AuctionService service(**db);
    EXPECT_TRUE(service.createItem({.name = lot}).has_value());
    return path;
}

/// GET on the loopback server; the body, or "" when nothing answered.
QByteArray get(quint16 port, const QString& path)
{
    QNetworkAccessManager network;
    QNetworkReply* reply = network.get(
        QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path))));
    QElapsedTimer timer;
    timer.start();
    while (!reply->isFinished() && timer.elapsed() < 5000)
        QTest::qWait(5);
    const QByteArray body =
        reply->error() == QNetworkReply::NoError ? reply->readAll() : QByteArray();
    reply->deleteLater();
    return body;
}

template <typename Condition> bool waitFor(Condition condition, int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition() && timer.elapsed() < ms)
        QTest::qWait(5);
    return condition();
}

App::Options onAnyPort()
{
    App::Options options;
    options.port = 0;
    options.rateLimit = 0;
    return options;
}

} // namespace

TEST(Session, OpeningAnotherDatabaseBringsTheServerBackOnTheSamePort)
{
    // GIVEN a window on auction A, its server on a port
    IsolatedSettings settings;
    QTemporaryDir dir;
    const QString a = auctionWithLot(dir, QStringLiteral("a.sqlite"), QStringLiteral("Vase A"));
    const QString b = auctionWithLot(dir, QStringLiteral("b.sqlite"), QStringLiteral("Clock B"));
    App::SessionSwitcher switcher(onAnyPort());
    QStringList reports;
    switcher.setReport([&](const QString& message) { reports.append(message); });
    QString error;
    ASSERT_TRUE(switcher.openFirst(a, &error)) << error.toStdString();
    const quint16 port = switcher.current()->server().port();
    ASSERT_TRUE(switcher.current()->server().isRunning());
    EXPECT_TRUE(get(port, QStringLiteral("/api/v1/items")).contains("Vase A"));
    // WHEN the operator opens auction B (File > Open)
    ASSERT_TRUE(switcher.switchTo(b));
    // THEN the server serves B on the same address and port, and the panel says so
    EXPECT_TRUE(switcher.current()->server().isRunning())
        << switcher.current()->server().lastError().toStdString();
    EXPECT_EQ(switcher.current()->server().port(), port);
    EXPECT_TRUE(get(port, QStringLiteral("/api/v1/items")).contains("Clock B"));
    auto* panel = switcher.current()->window().findChild<Gui::ServerPanel*>();
    ASSERT_NE(panel, nullptr);
    EXPECT_TRUE(panel->summary().contains(QString::number(port))) << panel->summary().toStdString();
    EXPECT_TRUE(reports.isEmpty());
}

TEST(Session, AServerThatCannotComeBackSaysWhyInThePanel)
{
    // GIVEN another program holds the port the window's server is to use
    IsolatedSettings settings;
    QTemporaryDir dir;
    const QString a = auctionWithLot(dir, QStringLiteral("a.sqlite"), QStringLiteral("Vase A"));
    QTcpServer blocker;
    ASSERT_TRUE(blocker.listen(QHostAddress::LocalHost, 0));
    App::Options options = onAnyPort();
    options.port = blocker.serverPort();
    // WHEN the window opens
    App::SessionSwitcher switcher(options);
    QString error;
    ASSERT_TRUE(switcher.openFirst(a, &error));
    // THEN the panel and the status bar say in words that the server is off, and why
    EXPECT_FALSE(switcher.current()->server().isRunning());
    auto* panel = switcher.current()->window().findChild<Gui::ServerPanel*>();
    ASSERT_NE(panel, nullptr);
    EXPECT_TRUE(panel->summary().contains(QStringLiteral("Cannot listen")))
        << panel->summary().toStdString();
    const auto labels = panel->findChildren<QLabel*>();
    const auto says = [&] {
        return std::any_of(labels.begin(), labels.end(), [](const QLabel* label) {
            return label->text().contains(QStringLiteral("could not start"));
        });
    };
    EXPECT_TRUE(waitFor(says, 2000));
}

TEST(Session, OnlyTheOperatorsChoiceInThePanelIsSaved)
{
    // GIVEN a window started on a one-off port (as --port or the one-shot modes do)
    IsolatedSettings settings;
    QTemporaryDir dir;
    const QString a = auctionWithLot(dir, QStringLiteral("a.sqlite"), QStringLiteral("Vase A"));
    App::SessionSwitcher switcher(onAnyPort());
    QString error;
    ASSERT_TRUE(switcher.openFirst(a, &error));
    // THEN nothing about the server is saved
    EXPECT_FALSE(QSettings().contains(QStringLiteral("server/port")));
    EXPECT_FALSE(QSettings().contains(QStringLiteral("server/bind")));
    // WHEN the operator stops the server and starts it on a port of their choosing
    QTcpServer probe; // a port that is free now
    ASSERT_TRUE(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 chosen = probe.serverPort();
    probe.close();
    auto* panel = switcher.current()->window().findChild<Gui::ServerPanel*>();
    ASSERT_NE(panel, nullptr);
    QPushButton* toggle = nullptr;
    for (auto* button : panel->findChildren<QPushButton*>())
        if (button->text().contains(QStringLiteral("server")))
            toggle = button;
    ASSERT_NE(toggle, nullptr);
    ASSERT_TRUE(waitFor([&] { return toggle->text().contains(QStringLiteral("Stop")); }, 2000));
    toggle->click();
    panel->findChild<QSpinBox*>()->setValue(chosen);
    ASSERT_TRUE(toggle->text().contains(QStringLiteral("Start")));
    toggle->click();
    // THEN that address and port are kept for the next launch
    ASSERT_TRUE(switcher.current()->server().isRunning());
    EXPECT_EQ(QSettings().value(QStringLiteral("server/port")).toInt(), chosen);
    EXPECT_EQ(QSettings().value(QStringLiteral("server/bind")).toString(),
              QStringLiteral("127.0.0.1"));
}
