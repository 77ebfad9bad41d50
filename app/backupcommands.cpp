#include "backupcommands.h"

#include "model/auctionservice.h"
#include "model/backup.h"
#include "model/storage/database.h"
#include "model/storage/databaselocation.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <cstdio>

namespace BidTracker::App {

namespace {

void say(const QString& line)
{
    std::fprintf(stderr, "%s\n", qPrintable(line));
}

/// 2 for a refusal of the file rule (Invalid): the operator named the wrong file.
int exitCodeOf(const Model::Error& error)
{
    return error.code == Model::Error::Code::Unavailable ? 1 : 2;
}

} // namespace

std::expected<Options, QString> parseBackupCommand(const QStringList& positional,
                                                   const QString& output, bool replace,
                                                   Options options)
{
    if (positional.first() == u"backup") {
        if (positional.size() != 1 || output.trimmed().isEmpty())
            return std::unexpected(
                QStringLiteral("Usage: bidtracker backup [--db DB] -o FILE|DIR"));
        if (replace)
            return std::unexpected(QStringLiteral("--replace goes with restore"));
        options.mode = Options::Mode::Backup;
        options.backupFile = output;
        return options;
    }
    if (positional.size() != 2 || positional[1].trimmed().isEmpty() || !output.isEmpty())
        return std::unexpected(
            QStringLiteral("Usage: bidtracker restore FILE [--db DB] [--replace]"));
    options.mode = Options::Mode::Restore;
    options.backupFile = positional[1];
    options.replace = replace;
    return options;
}

int runBackup(const Options& options)
{
    if (!Model::isPostgresUrl(options.databasePath) && !QFileInfo::exists(options.databasePath)) {
        say(QStringLiteral("bidtracker: backup: there is no auction at %1; nothing was written")
                .arg(options.databasePath));
        return 2;
    }
    auto db = Model::Database::open(options.databasePath);
    if (!db) {
        say(QStringLiteral("bidtracker: backup: %1").arg(db.error().message));
        return 1;
    }
    QString target = options.backupFile;
    if (QFileInfo(target).isDir()) {
        Model::AuctionService service(**db);
        const auto settings = service.settings();
        const QString name = settings ? settings->name : QStringLiteral("auction");
        target =
            QDir(target).filePath(Model::Backup::fileName(name, QDateTime::currentDateTimeUtc()));
    }
    const auto written = Model::Backup::write(**db, target);
    if (!written) {
        say(QStringLiteral("bidtracker: backup: %1").arg(written.error().message));
        return exitCodeOf(written.error());
    }
    say(QStringLiteral("Backed up %1 to %2 (%3 MiB, checked) in %4 s")
            .arg((*db)->displayName(), written->file)
            .arg(written->bytes / (1024.0 * 1024.0), 0, 'f', 1)
            .arg(written->milliseconds / 1000.0, 0, 'f', 1));
    return 0;
}

int runRestore(const Options& options)
{
    if (Model::isPostgresUrl(options.databasePath)) {
        say(QStringLiteral("bidtracker: restore: into PostgreSQL, use bidtracker copy BACKUP URL "
                           "(into an empty database)"));
        return 2;
    }
    const auto restored =
        Model::Backup::restore(options.backupFile, options.databasePath, options.replace);
    if (!restored) {
        say(QStringLiteral("bidtracker: restore: %1").arg(restored.error().message));
        return exitCodeOf(restored.error());
    }
    say(QStringLiteral("Restored %1 as %2").arg(options.backupFile, options.databasePath));
    return 0;
}

} // namespace BidTracker::App
