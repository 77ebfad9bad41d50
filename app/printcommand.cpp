#include "printcommand.h"

#include "model/auctionservice.h"
#include "model/storage/database.h"
#include "model/storage/databaselocation.h"
#include "print/document.h"
#include "print/documentkind.h"
#include "print/idlist.h"
#include "print/pdffile.h"

#include <QFileInfo>
#include <QLocale>
#include <cstdio>

namespace BidTracker::App {

namespace {

void say(const QString& line)
{
    std::fprintf(stderr, "%s\n", qPrintable(line));
}

} // namespace

int runPrint(const Options& options)
{
    const QString path =
        options.databasePath.isEmpty() ? defaultDatabasePath() : options.databasePath;
    // Writing the PDF over the auction would destroy it.
    if (Model::Database::isDatabaseFile(options.printFile, path)) {
        say(QStringLiteral("bidtracker: %1 is the auction database (or one of its files), not "
                           "a PDF file")
                .arg(options.printFile));
        return 2;
    }
    const auto kind = Print::parseDocumentKind(options.printKind);
    const auto paper = options.printPaper.isEmpty() ? Print::paperForLocale(QLocale())
                                                    : Print::parsePaper(options.printPaper);
    if (!kind || !paper)
        return 2; // parseOptions() let through what it should have refused
    // Printing only reads: a mistyped --db must not leave a new empty auction behind.
    if (!Model::isPostgresUrl(path) && !QFileInfo::exists(path)) {
        say(QStringLiteral("bidtracker: there is no auction database at %1").arg(path));
        return 1;
    }
    auto db = Model::Database::open(path);
    if (!db) {
        say(QStringLiteral("bidtracker: %1").arg(db.error().message));
        return 1;
    }
    (*db)->setStallLimitMs(Model::Database::CommandLineStallLimitMs);
    Model::AuctionService service(**db);
    const auto bidders = Print::resolveBidders(options.printBidders, service);
    if (!bidders) {
        say(QStringLiteral("bidtracker: --bidders: %1").arg(bidders.error()));
        return 1;
    }
    const auto document =
        Print::makeDocument(*kind, *paper, Print::Selection{options.printLots, *bidders}, service);
    if (!document) {
        say(QStringLiteral("bidtracker: %1").arg(document.error().message));
        return 1;
    }
    const auto pages = Print::writePdf(**document, options.printFile);
    if (!pages) {
        say(QStringLiteral("bidtracker: %1").arg(pages.error()));
        return 1;
    }
    say(QStringLiteral("Printed %1 of %2 (%3 page(s), %4) to %5")
            .arg(Print::documentKindTitle(*kind).toLower(), (*db)->displayName())
            .arg(*pages)
            .arg(Print::paperName(*paper), options.printFile));
    return 0;
}

} // namespace BidTracker::App
