#include "options.h"

#include "backupcommands.h"
#include "model/storage/database.h"

#include "model/storage/databaselocation.h"
#include "print/documentkind.h"
#include "print/idlist.h"
#include "print/paper.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <array>
#include <tuple>

namespace BidTracker::App {

namespace {

const QStringList exportKinds{QStringLiteral("items"),      QStringLiteral("users"),
                              QStringLiteral("bids"),       QStringLiteral("results"),
                              QStringLiteral("invoices"),   QStringLiteral("payments"),
                              QStringLiteral("consignors"), QStringLiteral("settlements")};
const QStringList importKinds{QStringLiteral("items"), QStringLiteral("users"),
                              QStringLiteral("consignors")};
const QStringList commands{QStringLiteral("export"),    QStringLiteral("import"),
                           QStringLiteral("generate"),  QStringLiteral("copy"),
                           QStringLiteral("close-all"), QStringLiteral("print"),
                           QStringLiteral("staff"),     QStringLiteral("audit"),
                           QStringLiteral("backup"),    QStringLiteral("restore")};

std::expected<qint64, QString> wholeNumber(const QString& text, const QString& option, qint64 max)
{
    bool ok = false;
    const qint64 number = text.toLongLong(&ok);
    if (!ok || number < 0 || number > max)
        return std::unexpected(
            QStringLiteral("--%1 must be a whole number from 0 to %2, not \"%3\"")
                .arg(option)
                .arg(max)
                .arg(text));
    return number;
}

/// `print KIND [--lots IDS] [--bidders IDS] [--paper SIZE] -o FILE`.
std::expected<Options, QString> parsePrint(const QCommandLineParser& parser,
                                           const QStringList& positional,
                                           const std::array<const QCommandLineOption*, 4>& given,
                                           Options options)
{
    const auto& [output, lots, bidders, paper] = given;
    const QString usage =
        QStringLiteral("Usage: bidtracker print bid-sheets|bidder-cards|labels|invoices|report|"
                       "settlements "
                       "[--db DB] [--lots IDS] "
                       "[--bidders IDS] [--paper letter|a4] -o FILE.pdf");
    options.mode = Options::Mode::Print;
    const auto kind =
        positional.size() == 2 ? Print::parseDocumentKind(positional[1]) : std::nullopt;
    if (!kind || parser.value(*output).trimmed().isEmpty())
        return std::unexpected(usage);
    options.printKind = positional[1];
    options.printFile = parser.value(*output);
    const Print::Subject subject = Print::subjectOf(*kind);
    if (parser.isSet(*lots) && subject != Print::Subject::Lots)
        return std::unexpected(QStringLiteral("--lots goes with bid-sheets and labels"));
    if (parser.isSet(*bidders) && subject != Print::Subject::Bidders)
        return std::unexpected(QStringLiteral("--bidders goes with bidder-cards and invoices"));
    if (parser.isSet(*lots)) {
        auto ids = Print::parseIdList(parser.value(*lots), Model::EntityKind::Item);
        if (!ids)
            return std::unexpected(QStringLiteral("--lots: %1").arg(ids.error()));
        if (ids->isEmpty())
            return std::unexpected(QStringLiteral("--lots needs at least one id"));
        options.printLots = std::move(*ids);
    }
    if (parser.isSet(*bidders)) {
        // Paddle numbers, as the printouts and the checkout show them; userN for an id.
        auto chosen = Print::parseBidderList(parser.value(*bidders));
        if (!chosen)
            return std::unexpected(QStringLiteral("--bidders: %1").arg(chosen.error()));
        if (chosen->isEmpty())
            return std::unexpected(QStringLiteral("--bidders needs at least one paddle number"));
        options.printBidders = std::move(*chosen);
    }
    if (parser.isSet(*paper)) {
        if (!Print::parsePaper(parser.value(*paper)))
            return std::unexpected(QStringLiteral("--paper must be letter or a4, not \"%1\"")
                                       .arg(parser.value(*paper)));
        options.printPaper = parser.value(*paper).toLower();
    }
    return options;
}

/// A lone argument that names a database rather than a command: an existing file, a name
/// ending in .sqlite or .db (a new auction), or a PostgreSQL URL.
bool isDatabaseArgument(const QString& text)
{
    if (commands.contains(text))
        return false;
    const QFileInfo file(text);
    return Model::isPostgresUrl(text) || file.isFile() ||
           QStringList{QStringLiteral("sqlite"), QStringLiteral("db")}.contains(
               file.suffix().toLower());
}

} // namespace

QString defaultDatabasePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("auction.sqlite"));
}

std::expected<Options, QString> parseOptions(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Bid Tracker: run an auction from one window, with a REST API and CSV in and out.\n\n"
        "  bidtracker [options] [DATABASE]            window + server (DATABASE: as --db)\n"
        "  bidtracker --headless [options]            server only\n"
        "  bidtracker export items|users|bids|results|invoices|payments|consignors|settlements\n"
        "                    [-o FILE]\n"
        "  bidtracker import items|users|consignors FILE\n"
        "  bidtracker generate [--items N] [--users N] [--bids N] --db FILE\n"
        "  bidtracker copy FROM TO                    a whole auction into an empty database\n"
        "  bidtracker close-all [--db DB]             close every open lot\n"
        "  bidtracker print bid-sheets|bidder-cards|labels|invoices|report|settlements\n"
        "                   [--lots IDS] [--bidders IDS] [--paper letter|a4] -o FILE.pdf\n"
        "  bidtracker backup [--db DB] -o FILE|DIR   a checked copy of the (live) auction\n"
        "  bidtracker restore FILE [--db DB] [--replace]   a backup back as the auction\n"
        "  bidtracker staff add NAME --role ROLE      a staff account (PIN from the terminal)\n"
        "  bidtracker audit verify [--db DB]          prove the audit log's chain whole"));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    const QCommandLineOption helpKeys(
        QStringLiteral("help-keys"),
        QStringLiteral("Print the window's keyboard shortcuts (the README's table)."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     QStringLiteral("Show the version."));
    const QCommandLineOption db(
        QStringLiteral("db"),
        QStringLiteral("The auction: an SQLite file (created if missing) or a shared PostgreSQL "
                       "database, postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME (PGPASSWORD "
                       "and ~/.pgpass work too)."),
        QStringLiteral("FILE|URL"));
    const QCommandLineOption station(
        QStringLiteral("station"),
        QStringLiteral("This station's name, shown to PostgreSQL as application_name (default: "
                       "the host name; printable ASCII, at most 63 characters)."),
        QStringLiteral("NAME"));
    const QCommandLineOption demo(
        QStringLiteral("demo"), QStringLiteral("Load the sample auction into an empty database."));
    const QCommandLineOption headless(QStringLiteral("headless"),
                                      QStringLiteral("Run the server only, without a window."));
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("Server port (default 5000; 0 picks a free one)."),
                                  QStringLiteral("N"));
    const QCommandLineOption bind(QStringLiteral("bind"),
                                  QStringLiteral("Server address (default 127.0.0.1)."),
                                  QStringLiteral("ADDR"));
    const QCommandLineOption token(QStringLiteral("token"),
                                   QStringLiteral("API token for writes (default: the saved one)."),
                                   QStringLiteral("T"));
    const QCommandLineOption noAuth(QStringLiteral("no-auth"),
                                    QStringLiteral("Accept writes without a token."));
    const QCommandLineOption rateLimit(QStringLiteral("rate-limit"),
                                       QStringLiteral("Requests a second per client address "
                                                      "(default 100; 0 turns it off)."),
                                       QStringLiteral("N"));
    const QCommandLineOption output(
        {QStringLiteral("o"), QStringLiteral("output")},
        QStringLiteral("export: the CSV file to write (default: stdout); print: the PDF file."),
        QStringLiteral("FILE"));
    const QCommandLineOption items(QStringLiteral("items"),
                                   QStringLiteral("generate: items (default 100000)."),
                                   QStringLiteral("N"));
    const QCommandLineOption users(QStringLiteral("users"),
                                   QStringLiteral("generate: users (default 10000)."),
                                   QStringLiteral("N"));
    const QCommandLineOption bids(QStringLiteral("bids"),
                                  QStringLiteral("generate: bids (default 1000000)."),
                                  QStringLiteral("N"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Save a picture of the window and exit."),
                                        QStringLiteral("PNG"));
    const QCommandLineOption screenshotSize(QStringLiteral("screenshot-size"),
                                            QStringLiteral("--screenshot: the window's size "
                                                           "(default 1280x800)."),
                                            QStringLiteral("WxH"));
    const QCommandLineOption screenshotView(
        QStringLiteral("screenshot-view"),
        QStringLiteral("--screenshot: lots, quickbid, quickbid-refused, bidder, bids, checkout "
                       "or bigscreen (default lots)."),
        QStringLiteral("VIEW"));
    const QCommandLineOption lots(
        QStringLiteral("lots"),
        QStringLiteral("print: these lots only (item12,3,5-7; default all)."),
        QStringLiteral("IDS"));
    const QCommandLineOption bidders(
        QStringLiteral("bidders"),
        QStringLiteral("print: these bidders only, by paddle number (101,105-107) or id (user3); "
                       "default all."),
        QStringLiteral("IDS"));
    const QCommandLineOption paper(QStringLiteral("paper"),
                                   QStringLiteral("print: letter or a4 (default: the locale's)."),
                                   QStringLiteral("SIZE"));
    const QCommandLineOption role(
        QStringLiteral("role"),
        QStringLiteral("staff add: viewer, check-in, clerk, cashier or admin (default admin)."),
        QStringLiteral("ROLE"));
    QCommandLineOption benchmark(QStringLiteral("benchmark-window"),
                                 QStringLiteral("Measure the window on the database and exit."));
    benchmark.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({help, version, db, demo, headless, port, bind, token, noAuth, rateLimit,
                       output, items, users, bids, screenshot, screenshotSize, screenshotView,
                       benchmark});
    parser.addOptions({lots, bidders, paper, helpKeys, station, role});
    // Backups (issue 25).
    const QCommandLineOption replace(
        QStringLiteral("replace"),
        QStringLiteral("restore: overwrite the existing auction (never one in use)."));
    parser.addOption(replace);
    parser.addPositionalArgument(
        QStringLiteral("command"), QStringLiteral("export or import"),
        QStringLiteral(
            "[export|import KIND [FILE] | generate | copy FROM TO | close-all | print KIND | "
            "backup | restore FILE | staff add NAME --role ROLE | audit verify]"));

    if (!parser.parse(QStringList{QStringLiteral("bidtracker")} + arguments))
        return std::unexpected(parser.errorText());

    Options options;
    // Without an application object the parser cannot know the program's name.
    options.helpText = parser.helpText().replace(QStringLiteral("<executable_name>"),
                                                 QStringLiteral("bidtracker"));
    if (parser.isSet(help)) {
        options.mode = Options::Mode::Help;
        return options;
    }
    if (parser.isSet(helpKeys)) {
        options.mode = Options::Mode::HelpKeys;
        return options;
    }
    if (parser.isSet(version)) {
        options.mode = Options::Mode::Version;
        return options;
    }
    options.databasePath = parser.value(db);
    if (parser.isSet(db) && options.databasePath.trimmed().isEmpty())
        return std::unexpected(QStringLiteral("--db needs a file name"));
    if (parser.isSet(station)) {
        options.station = parser.value(station);
        if (const QString problem = Model::Database::stationNameProblem(options.station);
            !problem.isEmpty())
            return std::unexpected(QStringLiteral("--station: %1").arg(problem));
    }
    options.demo = parser.isSet(demo);
    options.screenshot = parser.value(screenshot);
    options.benchmarkWindow = parser.isSet(benchmark);
    if (parser.isSet(screenshotSize)) {
        const QStringList parts = parser.value(screenshotSize).split(u'x');
        bool okWidth = false;
        bool okHeight = false;
        const int width = parts.size() == 2 ? parts[0].toInt(&okWidth) : 0;
        const int height = parts.size() == 2 ? parts[1].toInt(&okHeight) : 0;
        if (!okWidth || !okHeight || width < 320 || height < 240 || width > 7680 || height > 4320)
            return std::unexpected(
                QStringLiteral("--screenshot-size must be WIDTHxHEIGHT such as 900x600, not \"%1\"")
                    .arg(parser.value(screenshotSize)));
        options.screenshotSize = QSize(width, height);
    }
    if (parser.isSet(screenshotView)) {
        const QStringList views{QStringLiteral("lots"),
                                QStringLiteral("quickbid"),
                                QStringLiteral("quickbid-refused"),
                                QStringLiteral("bidder"),
                                QStringLiteral("bids"),
                                QStringLiteral("checkout"),
                                QStringLiteral("bigscreen")};
        if (!views.contains(parser.value(screenshotView)))
            return std::unexpected(
                QStringLiteral("--screenshot-view must be one of %1, not \"%2\"")
                    .arg(views.join(QStringLiteral(", ")), parser.value(screenshotView)));
        options.screenshotView = parser.value(screenshotView);
    }
    options.noAuth = parser.isSet(noAuth);
    if (parser.isSet(port)) {
        const auto number = wholeNumber(parser.value(port), QStringLiteral("port"), 65535);
        if (!number)
            return std::unexpected(number.error());
        options.port = static_cast<quint16>(*number);
    }
    if (parser.isSet(bind)) {
        const QHostAddress address(parser.value(bind));
        if (address.isNull())
            return std::unexpected(
                QStringLiteral("--bind must be an IP address such as 127.0.0.1, not \"%1\"")
                    .arg(parser.value(bind)));
        options.bindAddress = address;
    }
    if (parser.isSet(token)) {
        const QString value = parser.value(token);
        const bool printable = std::all_of(value.begin(), value.end(), [](QChar c) {
            return c.unicode() > 32 && c.unicode() < 127;
        });
        if (value.size() < 8 || !printable)
            return std::unexpected(
                QStringLiteral("--token must be at least 8 printable characters without spaces"));
        options.token = value;
    }
    if (parser.isSet(rateLimit)) {
        const auto number =
            wholeNumber(parser.value(rateLimit), QStringLiteral("rate-limit"), 1'000'000);
        if (!number)
            return std::unexpected(number.error());
        options.rateLimit = static_cast<int>(*number);
    }

    const QStringList positional = parser.positionalArguments();
    // `bidtracker gala.sqlite`: a database as the only argument opens it (the launcher's
    // `Exec=bidtracker %f` and a file manager's "Open with" give it so).
    const bool databaseGiven = positional.size() == 1 && isDatabaseArgument(positional.first());
    if (databaseGiven && parser.isSet(db))
        return std::unexpected(QStringLiteral("the database is given twice: \"%1\" and --db %2")
                                   .arg(positional.first(), options.databasePath));
    if (positional.isEmpty() || databaseGiven) {
        if (databaseGiven)
            options.databasePath = positional.first();
        options.mode = parser.isSet(headless) ? Options::Mode::Headless : Options::Mode::Window;
        if (parser.isSet(output))
            return std::unexpected(QStringLiteral("-o/--output goes with export and print"));
        return options;
    }
    const QString command = positional.first();
    if (command == u"export") {
        options.mode = Options::Mode::Export;
        if (positional.size() != 2 || !exportKinds.contains(positional[1]))
            return std::unexpected(QStringLiteral(
                "Usage: bidtracker export items|users|bids|results|invoices|payments|consignors|"
                "settlements [-o FILE]"));
        options.csvKind = positional[1];
        options.csvFile = parser.value(output);
        return options;
    }
    if (command == u"import") {
        options.mode = Options::Mode::Import;
        if (positional.size() != 3 || !importKinds.contains(positional[1]))
            return std::unexpected(
                QStringLiteral("Usage: bidtracker import items|users|consignors FILE"));
        options.csvKind = positional[1];
        options.csvFile = positional[2];
        return options;
    }
    if (command == u"generate") {
        options.mode = Options::Mode::Generate;
        if (positional.size() != 1 || options.databasePath.isEmpty())
            return std::unexpected(QStringLiteral(
                "Usage: bidtracker generate [--items N] [--users N] [--bids N] --db FILE"));
        for (const auto& [option, target, minimum] :
             {std::tuple{&items, &options.generateItems, 1},
              std::tuple{&users, &options.generateUsers, 1},
              std::tuple{&bids, &options.generateBids, 0}}) {
            if (!parser.isSet(*option))
                continue;
            const auto number =
                wholeNumber(parser.value(*option), option->names().first(), 100'000'000);
            if (!number || *number < minimum)
                return std::unexpected(number ? QStringLiteral("--%1 must be at least %2")
                                                    .arg(option->names().first())
                                                    .arg(minimum)
                                              : number.error());
            *target = *number;
        }
        return options;
    }
    if (command == u"backup" || command == u"restore")
        return parseBackupCommand(positional, parser.value(output), parser.isSet(replace), options);
    if (command == u"print")
        return parsePrint(parser, positional, {&output, &lots, &bidders, &paper}, options);
    if (command == u"close-all") {
        options.mode = Options::Mode::CloseAll;
        if (positional.size() != 1)
            return std::unexpected(QStringLiteral("Usage: bidtracker close-all [--db DB]"));
        return options;
    }
    if (command == u"staff") {
        options.mode = Options::Mode::StaffAdd;
        if (positional.size() != 3 || positional[1] != u"add")
            return std::unexpected(QStringLiteral("Usage: bidtracker staff add NAME --role "
                                                  "viewer|check-in|clerk|cashier|admin"));
        options.staffName = positional[2];
        if (parser.isSet(role))
            options.staffRole = parser.value(role);
        return options;
    }
    if (command == u"audit") {
        options.mode = Options::Mode::AuditVerify;
        if (positional.size() != 2 || positional[1] != u"verify")
            return std::unexpected(QStringLiteral("Usage: bidtracker audit verify [--db DB]"));
        return options;
    }
    if (command == u"copy") {
        options.mode = Options::Mode::Copy;
        if (positional.size() != 3 || positional[1].trimmed().isEmpty() ||
            positional[2].trimmed().isEmpty())
            return std::unexpected(QStringLiteral("Usage: bidtracker copy FROM TO (each a file or "
                                                  "a postgresql:// URL)"));
        options.copyFrom = positional[1];
        options.copyTo = positional[2];
        return options;
    }
    return std::unexpected(
        QStringLiteral("Unknown command \"%1\"; see bidtracker --help").arg(command));
}

} // namespace BidTracker::App
