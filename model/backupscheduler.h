#pragma once

#include "backup.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <atomic>

namespace BidTracker::Model {

/// A station's automatic backups (PRODUCT.md): every `minutes`, a copy of the auction at
/// `databasePath` into `folder` under Backup::fileName(), then the folder rotated to the last
/// Backup::KeptByDefault. Each runs on a thread and a connection of its own, so the window and
/// the server keep working meanwhile; one that is still running when the next is due makes
/// that one wait for the next turn.
class BackupScheduler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupScheduler)

public:
    explicit BackupScheduler(QString databasePath, QObject* parent = nullptr);
    ~BackupScheduler() override;

    /// Backups into `folder` every `minutes` (at least 1); an empty folder turns them off.
    void configure(const QString& folder, int minutes);
    QString folder() const { return m_folder; }
    int minutes() const { return m_minutes; }
    /// Starts one now (unless one is running); the outcome comes as a signal.
    void backUpNow();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void succeeded(const QString& file, const QDateTime& at);
    void failed(const QString& message, const QDateTime& at);

private:
    void finished(const Result<Backup::Written>& outcome);

    QString m_databasePath;
    QString m_folder;
    int m_minutes = Backup::MinutesByDefault;
    QTimer m_timer;
    std::atomic<bool> m_running{false};
    class QThread* m_worker = nullptr;
};

/// One automatic backup of `databasePath` into `folder`, rotated: what a scheduled run does.
Result<Backup::Written> backUpIntoFolder(const QString& databasePath, const QString& folder);

} // namespace BidTracker::Model
