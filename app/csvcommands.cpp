#include "csvcommands.h"

#include "model/auctioncopy.h"
#include "model/auctionservice.h"
#include "model/csv/checkoutcsv.h"
#include "model/csv/consignorcsv.h"
#include "model/csv/csvexport.h"
#include "model/csv/csvimport.h"
#include "model/generator.h"
#include "model/storage/database.h"
#include "staffcommands.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLocale>
#include <QSaveFile>
#include <cstdio>

namespace BidTracker::App {

namespace {

void say(const QString& line)
{
    std::fprintf(stderr, "%s\n", qPrintable(line));
}

QString databasePath(const Options& options)
{
    return options.databasePath.isEmpty() ? defaultDatabasePath() : options.databasePath;
}

/// A CSV file given on the command line must not be the database or its log: writing it
/// would destroy the auction, and even reading it outside SQLite drops a running server's
/// locks on the file.
bool refusedAsDatabaseFile(const Options& options)
{
    if (!Model::Database::isDatabaseFile(options.csvFile, databasePath(options)))
        return false;
    say(QStringLiteral("bidtracker: %1 is the auction database (or one of its files), not a "
                       "CSV file")
            .arg(options.csvFile));
    return true;
}

std::unique_ptr<Model::Database> open(const Options& options)
{
    const QString path = databasePath(options);
    auto db = Model::Database::open(path);
    if (!db) {
        say(QStringLiteral("bidtracker: %1").arg(db.error().message));
        return nullptr;
    }
    (*db)->setStallLimitMs(Model::Database::CommandLineStallLimitMs);
    return std::move(*db);
}

} // namespace

int runExport(const Options& options)
{
    const auto kind = Model::parseCsvKind(options.csvKind);
    const auto checkout = Model::parseCheckoutCsvFile(options.csvKind + QStringLiteral(".csv"));
    const auto consignor = Model::parseConsignorCsvFile(options.csvKind + QStringLiteral(".csv"));
    if (!options.csvFile.isEmpty() && refusedAsDatabaseFile(options))
        return 2;
    auto db = open(options);
    if (!db || (!kind && !checkout && !consignor))
        return 1;
    // The checkout files are the service's sums (invoices.csv settles every bidder).
    Model::AuctionService service(*db);
    service.setActor(commandLineActor());
    const auto exportTo = [&](QIODevice& out) {
        // The command line is the operator's: the reserve is written (PRODUCT.md, items.csv).
        if (consignor)
            return Model::exportConsignorCsv(service, *consignor, out);
        return kind ? Model::exportCsv(*db, *kind, out, {}, Model::CsvAudience::Operator)
                    : Model::exportCheckoutCsv(service, *checkout, out);
    };
    if (options.csvFile.isEmpty()) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly)) {
            say(QStringLiteral("bidtracker: cannot write to standard output"));
            return 1;
        }
        const auto written = exportTo(out);
        if (!written) {
            say(QStringLiteral("bidtracker: export failed: %1").arg(written.error().message));
            return 1;
        }
        out.close();
        say(QStringLiteral("Exported %1 %2 from %3")
                .arg(*written)
                .arg(options.csvKind, db->displayName()));
        return 0;
    }
    // QSaveFile: the file appears only when complete, and an old one stays if export fails.
    QSaveFile out(options.csvFile);
    if (!out.open(QIODevice::WriteOnly)) {
        say(QStringLiteral("bidtracker: cannot write %1: %2")
                .arg(options.csvFile, out.errorString()));
        return 1;
    }
    const auto written = exportTo(out);
    if (!written) {
        out.cancelWriting();
        say(QStringLiteral("bidtracker: export failed: %1").arg(written.error().message));
        return 1;
    }
    if (!out.commit()) {
        say(QStringLiteral("bidtracker: cannot write %1: %2")
                .arg(options.csvFile, out.errorString()));
        return 1;
    }
    say(QStringLiteral("Exported %1 %2 from %3 to %4")
            .arg(*written)
            .arg(options.csvKind, db->displayName(), options.csvFile));
    return 0;
}

namespace {

/// `import consignors FILE`: read whole (a club's sellers, not a 100,000-row catalogue),
/// checked, then added in one transaction or not at all.
int importConsignors(const Options& options, QFile& file)
{
    const auto rows = Model::readConsignorCsv(file);
    if (!rows) {
        say(QStringLiteral("bidtracker: %1: %2; nothing was imported")
                .arg(options.csvFile, rows.error().message));
        return 1;
    }
    auto db = open(options);
    if (!db)
        return 1;
    Model::AuctionService service(*db);
    const auto added = service.importConsignors(*rows);
    if (!added) {
        say(QStringLiteral("bidtracker: %1: %2; nothing was imported")
                .arg(options.csvFile, added.error().message));
        return 1;
    }
    say(QStringLiteral("Imported %1 consignors into %2").arg(*added).arg(db->displayName()));
    return 0;
}

} // namespace

int runImport(const Options& options)
{
    if (options.csvKind == u"consignors") {
        if (refusedAsDatabaseFile(options))
            return 2;
        QFile file(options.csvFile);
        if (!file.open(QIODevice::ReadOnly)) {
            say(QStringLiteral("bidtracker: cannot read %1: %2")
                    .arg(options.csvFile, file.errorString()));
            return 1;
        }
        return importConsignors(options, file);
    }
    const auto kind = Model::parseCsvKind(options.csvKind);
    if (refusedAsDatabaseFile(options))
        return 2;
    QFile file(options.csvFile);
    if (!kind || !file.open(QIODevice::ReadOnly)) {
        say(QStringLiteral("bidtracker: cannot read %1: %2")
                .arg(options.csvFile, file.errorString()));
        return 1;
    }
    // Read one record at a time, and keep none: the file was checked (a regular file, at
    // most FilePolicy::MaxCsvBytes) before anything was opened (checkCommandLineFiles), so it
    // can be read again to be written, a chunk of rows at a time (bounded memory).
    const Model::ImportPlan plan =
        Model::planImport(*kind, file, QLocale(), {}, Model::PlanRows::CheckOnly);
    if (!plan.ok()) {
        say(QStringLiteral("bidtracker: %1 has %2 problem(s); nothing was imported:")
                .arg(options.csvFile)
                .arg(plan.problems.size()));
        say(plan.problemText());
        return 1;
    }
    auto db = open(options);
    if (!db)
        return 1;
    Model::AuctionService service(*db);
    service.setActor(commandLineActor());
    const auto added = Model::importCheckedFile(service, *kind, file, QLocale());
    if (!added) {
        say(QStringLiteral("bidtracker: import failed, nothing was imported: %1")
                .arg(added.error().message));
        return 1;
    }
    say(QStringLiteral("Imported %1 %2 from %3 into %4")
            .arg(*added)
            .arg(options.csvKind, options.csvFile, db->displayName()));
    return 0;
}

int runCopy(const Options& options)
{
    if (options.copyFrom == options.copyTo) {
        say(QStringLiteral("bidtracker: copy: FROM and TO are the same database"));
        return 1;
    }
    auto from = Model::Database::open(options.copyFrom);
    if (!from) {
        say(QStringLiteral("bidtracker: copy: %1").arg(from.error().message));
        return 1;
    }
    auto to = Model::Database::open(options.copyTo);
    if (!to) {
        say(QStringLiteral("bidtracker: copy: %1").arg(to.error().message));
        return 1;
    }
    (*from)->setStallLimitMs(Model::Database::CommandLineStallLimitMs);
    (*to)->setStallLimitMs(Model::Database::CommandLineStallLimitMs);
    QElapsedTimer timer;
    timer.start();
    const auto copied = Model::copyAuction(**from, **to);
    if (!copied) {
        say(QStringLiteral("bidtracker: copy: %1").arg(copied.error().message));
        return 1;
    }
    say(QStringLiteral("Copied from %7 to %8 in %9 s: users %1, items %2, bids %3, raised "
                       "maximums %4, payments %5, donations %6")
            .arg(copied->users)
            .arg(copied->items)
            .arg(copied->bids)
            .arg(copied->maximums)
            .arg(copied->payments)
            .arg(copied->donations)
            .arg((*from)->displayName(), (*to)->displayName())
            .arg(timer.elapsed() / 1000.0, 0, 'f', 1));
    return 0;
}

int runCloseAll(const Options& options)
{
    auto db = open(options);
    if (!db)
        return 1;
    Model::AuctionService service(*db);
    service.setActor(commandLineActor());
    const auto closed = service.closeAll();
    if (!closed) {
        say(QStringLiteral("bidtracker: close-all: %1").arg(closed.error().message));
        return 1;
    }
    say(QStringLiteral("Closed %1 open lot(s) of %2").arg(closed->size()).arg(db->displayName()));
    return 0;
}

int runGenerate(const Options& options)
{
    auto db = open(options);
    if (!db)
        return 1;
    QElapsedTimer timer;
    timer.start();
    const Model::GenerateSpec spec{options.generateItems, options.generateUsers,
                                   options.generateBids, 20261128};
    if (auto made = Model::generateAuction(*db, spec); !made) {
        say(QStringLiteral("bidtracker: generate: %1").arg(made.error().message));
        return 1;
    }
    say(QStringLiteral("Generated %1 items, %2 users and %3 bids into %4 in %5 s")
            .arg(spec.items)
            .arg(spec.users)
            .arg(spec.bids)
            .arg(db->displayName())
            .arg(timer.elapsed() / 1000.0, 0, 'f', 1));
    return 0;
}

} // namespace BidTracker::App
