#pragma once

#include <QDateTime>
#include <QLabel>

namespace BidTracker::Model {
class BackupScheduler;
}

namespace BidTracker::Gui {

/// The status bar's word on the automatic backups: the time of the last good one, or a
/// warning in red naming why the last one failed (the folder gone, the disk full). It runs
/// the station's BackupScheduler with the settings kept under backup/ (folder, minutes).
class BackupStatus final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupStatus)

public:
    explicit BackupStatus(const QString& databasePath, QWidget* parent = nullptr);
    ~BackupStatus() override;

    Model::BackupScheduler* scheduler() const { return m_scheduler; }
    /// The station's settings: the folder ("" for none) and the minutes between backups.
    static QString savedFolder();
    static int savedMinutes();
    /// Saves the settings and applies them (a first backup at once when a folder is set).
    void apply(const QString& folder, int minutes);
    /// Auction > Automatic backups: the folder and the minutes, with Back up now.
    void showSettingsDialog();
    bool lastFailed() const { return m_lastFailed; }

private:
    void showState();

    Model::BackupScheduler* m_scheduler;
    QDateTime m_lastGood;
    QString m_lastError;
    bool m_lastFailed = false;
};

} // namespace BidTracker::Gui
