#include "backupscheduler.h"

#include "auctionservice.h"
#include "storage/database.h"

#include <QDir>
#include <QFileInfo>
#include <QThread>

namespace BidTracker::Model {

Result<Backup::Written> backUpIntoFolder(const QString& databasePath, const QString& folder)
{
    // The stick may have been pulled: say so rather than "cannot write".
    if (!QFileInfo(folder).isDir())
        return fail(Error::unavailable(
            QStringLiteral("the backup folder %1 is not there (a USB stick pulled?)").arg(folder)));
    auto db = Database::open(databasePath);
    if (!db)
        return fail(db.error());
    AuctionService service(**db);
    const auto settings = service.settings();
    const QString name = settings ? settings->name : QStringLiteral("auction");
    const QString target =
        QDir(folder).filePath(Backup::fileName(name, QDateTime::currentDateTimeUtc()));
    auto written = Backup::write(**db, target);
    if (!written)
        return written;
    if (auto rotated = Backup::rotate(folder); !rotated)
        return fail(rotated.error());
    return written;
}

BackupScheduler::BackupScheduler(QString databasePath, QObject* parent)
    : QObject(parent), m_databasePath(std::move(databasePath))
{
    connect(&m_timer, &QTimer::timeout, this, &BackupScheduler::backUpNow);
}

BackupScheduler::~BackupScheduler()
{
    // A backup under way is let finish: its temporary file is renamed or removed by then.
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
    }
}

void BackupScheduler::configure(const QString& folder, int minutes)
{
    m_folder = folder;
    m_minutes = std::max(1, minutes);
    if (m_folder.isEmpty()) {
        m_timer.stop();
        return;
    }
    m_timer.start(std::chrono::minutes(m_minutes));
}

void BackupScheduler::backUpNow()
{
    if (m_folder.isEmpty() || m_running.exchange(true))
        return;
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
    }
    const QString path = m_databasePath;
    const QString folder = m_folder;
    m_worker = QThread::create([this, path, folder] {
        const auto outcome = backUpIntoFolder(path, folder);
        QMetaObject::invokeMethod(
            this, [this, outcome] { finished(outcome); }, Qt::QueuedConnection);
    });
    m_worker->start();
}

void BackupScheduler::finished(const Result<Backup::Written>& outcome)
{
    m_running = false;
    const QDateTime now = QDateTime::currentDateTime();
    if (outcome)
        Q_EMIT succeeded(outcome->file, now);
    else
        Q_EMIT failed(outcome.error().message, now);
}

} // namespace BidTracker::Model
