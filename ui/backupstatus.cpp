#include "backupstatus.h"

#include "model/backup.h"
#include "model/backupscheduler.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>

namespace BidTracker::Gui {

namespace {

const QString folderKey = QStringLiteral("backup/folder");
const QString minutesKey = QStringLiteral("backup/minutes");

} // namespace

BackupStatus::BackupStatus(const QString& databasePath, QWidget* parent)
    : QLabel(parent), m_scheduler(new Model::BackupScheduler(databasePath, this))
{
    setObjectName(QStringLiteral("backupStatus"));
    connect(m_scheduler, &Model::BackupScheduler::succeeded, this,
            [this](const QString& file, const QDateTime& at) {
                m_lastGood = at;
                m_lastFailed = false;
                qInfo("Automatic backup written: %s", qPrintable(file));
                setToolTip(tr("Last backup: %1").arg(QDir::toNativeSeparators(file)));
                showState();
            });
    connect(m_scheduler, &Model::BackupScheduler::failed, this,
            [this](const QString& message, const QDateTime&) {
                m_lastFailed = true;
                m_lastError = message;
                qWarning("Automatic backup failed: %s", qPrintable(message));
                showState();
            });
    m_scheduler->configure(savedFolder(), savedMinutes());
    if (!savedFolder().isEmpty())
        m_scheduler->backUpNow();
    showState();
}

BackupStatus::~BackupStatus() = default;

QString BackupStatus::savedFolder()
{
    return QSettings().value(folderKey).toString();
}

int BackupStatus::savedMinutes()
{
    return QSettings().value(minutesKey, Model::Backup::MinutesByDefault).toInt();
}

void BackupStatus::apply(const QString& folder, int minutes)
{
    QSettings().setValue(folderKey, folder);
    QSettings().setValue(minutesKey, minutes);
    m_scheduler->configure(folder, minutes);
    m_lastFailed = false;
    m_scheduler->backUpNow();
    showState();
}

void BackupStatus::showState()
{
    if (m_lastFailed) {
        setStyleSheet(QStringLiteral("color: white; background: #b00020; padding: 0 4px;"));
        setText(tr("Backup failed: %1").arg(m_lastError));
        setToolTip(tr("The last automatic backup failed at %1. Choose another folder in "
                      "Auction > Automatic backups.")
                       .arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
        return;
    }
    setStyleSheet({});
    if (m_scheduler->folder().isEmpty())
        setText(tr("No automatic backups"));
    else if (!m_lastGood.isValid())
        setText(tr("No backup yet"));
    else
        setText(
            tr("Last backup %1").arg(QLocale().toString(m_lastGood.time(), QLocale::ShortFormat)));
}

void BackupStatus::showSettingsDialog()
{
    QDialog dialog(window());
    dialog.setWindowTitle(tr("Automatic backups"));
    auto* folder = new QLineEdit(m_scheduler->folder(), &dialog);
    folder->setPlaceholderText(tr("None: no automatic backups"));
    auto* browse = new QPushButton(tr("&Browse…"), &dialog);
    connect(browse, &QPushButton::clicked, &dialog, [&dialog, folder] {
        const QString chosen =
            QFileDialog::getExistingDirectory(&dialog, tr("Backup folder"), folder->text());
        if (!chosen.isEmpty())
            folder->setText(chosen);
    });
    auto* minutes = new QSpinBox(&dialog);
    minutes->setRange(1, 24 * 60);
    minutes->setValue(m_scheduler->minutes());
    minutes->setSuffix(tr(" min"));
    auto* row = new QHBoxLayout;
    row->addWidget(folder, 1);
    row->addWidget(browse);
    auto* form = new QFormLayout(&dialog);
    form->addRow(tr("&Folder:"), row);
    form->addRow(tr("&Every:"), minutes);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() == QDialog::Accepted)
        apply(folder->text().trimmed(), minutes->value());
}

} // namespace BidTracker::Gui
