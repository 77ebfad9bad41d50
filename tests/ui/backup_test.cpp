// The window's automatic backups and log (issue 25.4, 25.6): the time of the last good
// backup in the status bar, a warning when the folder is gone, and Help > Show log.
#include "model/backup.h"
#include "model/backupscheduler.h"
#include "model/storage/sqlitefiles.h"
#include "ui/backupstatus.h"
#include "ui/logfile.h"
#include "windowfixture.h"

#include <QDialog>
#include <QDir>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStatusBar>

using namespace BidTracker;
using namespace BidTracker::Testing;

TEST(AutomaticBackups, TheStatusBarShowsTheLastGoodOneAndWarnsWhenTheFolderIsGone)
{
    // GIVEN the window, with no backup folder chosen yet
    WindowFixture f;
    Gui::BackupStatus* status = f.window->backupStatus();
    ASSERT_NE(status, nullptr);
    EXPECT_EQ(status->text(), QStringLiteral("No automatic backups"));
    EXPECT_TRUE(status->isVisible());
    // WHEN a folder (a USB stick) is chosen
    auto stick = std::make_unique<QTemporaryDir>();
    QSignalSpy succeeded(status->scheduler(), &Model::BackupScheduler::succeeded);
    status->apply(stick->path(), 10);
    // THEN a first backup is written there at once, checked, and its time shown
    ASSERT_TRUE(succeeded.wait(30'000));
    EXPECT_TRUE(status->text().startsWith(QStringLiteral("Last backup ")))
        << status->text().toStdString();
    const QStringList files = QDir(stick->path()).entryList(QDir::Files);
    ASSERT_EQ(files.size(), 1);
    EXPECT_TRUE(Model::Backup::isBackupFileName(files.first()));
    EXPECT_TRUE(Model::SqliteFiles::checkIntegrity(QDir(stick->path()).filePath(files.first())));
    EXPECT_EQ(QSettings().value(QStringLiteral("backup/folder")).toString(), stick->path());
    EXPECT_EQ(status->scheduler()->minutes(), 10);
    // WHEN the stick is pulled and the next backup is due
    const QString gone = stick->path();
    stick.reset();
    QSignalSpy failed(status->scheduler(), &Model::BackupScheduler::failed);
    status->scheduler()->backUpNow();
    // THEN the status bar says so, naming the folder
    ASSERT_TRUE(failed.wait(30'000));
    EXPECT_TRUE(status->lastFailed());
    EXPECT_TRUE(status->text().startsWith(QStringLiteral("Backup failed:")));
    EXPECT_TRUE(status->text().contains(gone)) << status->text().toStdString();
}

TEST(WindowLog, HelpShowLogShowsTheLogFileWhichRotates)
{
    WindowFixture f;
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("bidtracker.log"));
    Gui::LogFile::install(file);
    qInfo("a line for the log test");
    QAction* show = nullptr;
    for (QAction* menu : f.window->menuBar()->actions())
        for (QAction* action : menu->menu()->actions())
            if (action->text() == QStringLiteral("Show &log"))
                show = action;
    ASSERT_NE(show, nullptr);
    show->trigger();
    QDialog* dialog = nullptr;
    for (QWidget* widget : QApplication::topLevelWidgets())
        if (widget->objectName() == QStringLiteral("logDialog") && widget->isVisible())
            dialog = qobject_cast<QDialog*>(widget);
    ASSERT_NE(dialog, nullptr);
    const auto* text = dialog->findChild<QPlainTextEdit*>();
    ASSERT_NE(text, nullptr);
    EXPECT_TRUE(text->toPlainText().contains(QStringLiteral(" info a line for the log test")));
    dialog->close();
    // Past its size the file moves to .1 and a new one starts; the older ones are dropped.
    const QString line(200, u'x');
    for (int i = 0; i < 4 * Gui::LogFile::MaxBytes / 200; ++i)
        Gui::LogFile::append(QStringLiteral("info"), line);
    EXPECT_LE(QFileInfo(file).size(), Gui::LogFile::MaxBytes);
    EXPECT_TRUE(QFile::exists(file + QStringLiteral(".1")));
    EXPECT_FALSE(QFile::exists(file + QStringLiteral(".%1").arg(Gui::LogFile::Kept + 1)));
    qInstallMessageHandler(nullptr); // the other tests log to stderr only
}
