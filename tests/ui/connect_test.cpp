// File > Connect to server... and how a shared database is shown and remembered: a password
// never shows on screen and stays out of the settings file unless the operator asks.
#include "model/storage/databaselocation.h"
#include "ui/connectdialog.h"
#include "ui/windowfixture.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QStatusBar>

using namespace BidTracker;

namespace {

QList<QLineEdit*> fields(Gui::ConnectDialog& dialog)
{
    QList<QLineEdit*> found;
    for (const char* name : {"host", "database", "user", "password"})
        found.append(dialog.findChild<QLineEdit*>(QString::fromLatin1(name)));
    return found;
}

} // namespace

TEST(Connect, TheDialogBuildsTheUrlAndRemembersEverythingButThePassword)
{
    // GIVEN the dialog with its own settings
    QTemporaryDir settings;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    Gui::ConnectDialog dialog;
    const auto edits = fields(dialog);
    ASSERT_EQ(edits.size(), 4);
    // WHEN the operator types server, database, user and a password with an @ in it
    QTest::keyClicks(edits[0], QStringLiteral("192.168.1.20"));
    dialog.findChild<QSpinBox*>()->setValue(5433);
    QTest::keyClicks(edits[1], QStringLiteral("gala2026"));
    QTest::keyClicks(edits[2], QStringLiteral("clerk"));
    QTest::keyClicks(edits[3], QStringLiteral("s@cret"));
    dialog.accept();
    // THEN the URL names exactly that, and the settings keep all but the password
    ASSERT_EQ(dialog.result(), QDialog::Accepted);
    const auto location = Model::parseDatabaseLocation(dialog.url());
    ASSERT_TRUE(location.has_value());
    EXPECT_EQ(location->host, QStringLiteral("192.168.1.20"));
    EXPECT_EQ(location->port, 5433);
    EXPECT_EQ(location->database, QStringLiteral("gala2026"));
    EXPECT_EQ(location->user, QStringLiteral("clerk"));
    EXPECT_EQ(location->password, QStringLiteral("s@cret"));
    EXPECT_FALSE(Gui::ConnectDialog::remembersPassword());
    QFile file(QSettings().fileName());
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray saved = file.readAll();
    EXPECT_TRUE(saved.contains("gala2026"));
    EXPECT_FALSE(saved.contains("s@cret")) << saved.toStdString();
    // AND a second dialog starts from what was remembered, the password empty
    Gui::ConnectDialog again;
    EXPECT_EQ(fields(again)[0]->text(), QStringLiteral("192.168.1.20"));
    EXPECT_EQ(fields(again)[3]->text(), QString());
}

TEST(Connect, TheDialogSaysWhatIsMissingAndStaysOpen)
{
    QTemporaryDir settings;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    Gui::ConnectDialog dialog;
    QTest::keyClicks(fields(dialog)[0], QStringLiteral("db.example.org"));
    QTest::keyClicks(fields(dialog)[2], QStringLiteral("clerk"));
    dialog.accept(); // no database named
    EXPECT_NE(dialog.result(), QDialog::Accepted);
    EXPECT_TRUE(dialog.url().isEmpty());
    const auto* problem = dialog.findChild<QLabel*>(QStringLiteral("problem"));
    ASSERT_TRUE(problem);
    EXPECT_TRUE(problem->text().contains(QStringLiteral("database name")))
        << problem->text().toStdString();
}

TEST(Connect, AWindowOnASharedDatabaseNeverShowsOrKeepsItsPassword)
{
    // GIVEN a window whose database was given as a URL with a password
    QTemporaryDir settings;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    Testing::TestAuction auction;
    const QString url = QStringLiteral("postgresql://clerk:hunter22@192.168.1.20:5432/gala2026");
    Testing::TestServerControl server(auction.path(), &auction.notifier());
    Gui::MainWindow window(auction.service(), auction.notifier(), url, &server);
    // THEN neither the title nor the status bar shows the password
    EXPECT_FALSE(window.windowTitle().contains(QStringLiteral("hunter22")));
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("gala2026")));
    for (const QLabel* label : window.statusBar()->findChildren<QLabel*>())
        EXPECT_FALSE(label->text().contains(QStringLiteral("hunter22")));
    // AND remembering it keeps the URL without the password
    window.rememberDatabase();
    EXPECT_EQ(Gui::MainWindow::rememberedDatabase(),
              QStringLiteral("postgresql://clerk@192.168.1.20:5432/gala2026"));
}
