// bidtracker: parses the command line, builds the parts and wires them together.
#include "app/api/serverthread.h"
#include "backupcommands.h"
#include "csvcommands.h"
#include "defaultauction.h"
#include "filechecks.h"
#include "journal.h"
#include "model/auctionservice.h"
#include "model/changenotifier.h"
#include "model/lotcloser.h"
#include "model/storage/database.h"
#include "options.h"
#include "printcommand.h"
#include "screenshot.h"
#include "serverconfig.h"
#include "staffcommands.h"
#include "stationlink.h"
#include "stopsignals.h"
#include "ui/helpdialogs.h"
#include "ui/logfile.h"
#include "ui/mainwindow.h"
#include "windowbenchmark.h"
#include "windowsession.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <cstdio>
#include <memory>

using namespace BidTracker;

namespace {

void say(const QString& line)
{
    std::fprintf(stderr, "%s\n", qPrintable(line));
}

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("BidTracker"));
    QCoreApplication::setApplicationName(QStringLiteral("bidtracker"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BIDTRACKER_VERSION));
}

bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

/// The auction this run acts on (App::chosenDatabase: the same for every door), saying so when
/// the remembered one is gone.
QString auctionPath(const App::Options& options)
{
    QString note;
    const QString path = App::chosenDatabase(options, &note);
    if (!note.isEmpty())
        say(QStringLiteral("bidtracker: %1").arg(note));
    return path;
}

/// Opens the database of the options (the default one when none is given) and loads the
/// sample auction when asked to.
std::unique_ptr<Model::Database> openDatabase(const App::Options& options,
                                              Model::ChangeNotifier& notifier, QString* path)
{
    *path = auctionPath(options);
    auto db = Model::Database::open(*path);
    if (!db) {
        say(QStringLiteral("bidtracker: %1").arg(db.error().message));
        return nullptr;
    }
    // This thread closes lots on time and hears the stop signals: a stalled server must not
    // hold it (issue 21.2).
    (*db)->setStallLimitMs(Model::Database::WindowStallLimitMs);
    if (options.demo) {
        Model::AuctionService service(**db, &notifier);
        if (auto loaded = service.loadSampleAuction(); !loaded) {
            say(QStringLiteral("bidtracker: --demo: %1").arg(loaded.error().message));
            return nullptr;
        }
    }
    return std::move(*db);
}

int runHeadless(const App::Options& options)
{
    // Under systemd its lines go to the journal with their priority (plain lines otherwise).
    App::Log::routeQtMessages();
    const auto info = [](const QString& line) { App::Log::line(App::Log::Level::Info, line); };
    const auto fault = [](const QString& line) { App::Log::line(App::Log::Level::Error, line); };
    // Installed first, so that a stop asked for as soon as the address is printed is clean.
    App::StopSignals signals;
    QObject::connect(&signals, &App::StopSignals::stopRequested, [info](int signal) {
        info(QStringLiteral("Stopping (signal %1)").arg(signal));
        QCoreApplication::quit();
    });
    Model::ChangeNotifier notifier;
    QString path;
    auto db = openDatabase(options, notifier, &path);
    if (!db)
        return 1;
    const auto stations = App::listenToOtherStations(*db, notifier);
    if (stations)
        QObject::connect(stations.get(), &Model::PostgresListener::connectionChanged,
                         [](bool connected, const QString& message) {
                             App::Log::line(connected ? App::Log::Level::Notice
                                                      : App::Log::Level::Warning,
                                            message);
                         });
    // Lots close on time on this thread's connection (those whose time passed while nothing
    // ran close now, at their closing time); the API's thread refuses late bids by itself.
    Model::AuctionService service(*db, &notifier);
    Model::LotCloser closer(service);
    QObject::connect(&closer, &Model::LotCloser::failed, [fault](const QString& message) {
        fault(QStringLiteral("bidtracker: closing lots on time: %1").arg(message));
    });
    closer.start();
    const Api::ServerSettings settings = App::serverSettings(options);
    Api::ServerThread server(path, settings, &notifier);
    server.setLogToStderr(true);
    QString error;
    if (!server.startServer(&error)) {
        fault(QStringLiteral("bidtracker: %1").arg(error));
        return 1;
    }
    const QString host = settings.bindAddress.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(settings.bindAddress.toString())
                             : settings.bindAddress.toString();
    const QString base = QStringLiteral("http://%1:%2").arg(host).arg(server.port());
    info(QStringLiteral("Bid Tracker %1 serving %2 on %3/api/v1 (API page: %3/apidocs)")
             .arg(QCoreApplication::applicationVersion(), db->displayName(), base));
    info(settings.authRequired ? QStringLiteral("API token: %1").arg(settings.token)
                               : QStringLiteral("API token: none (--no-auth: writes and personal "
                                                "data are open to every client)"));
    const int code = QCoreApplication::exec();
    server.stopServer();
    return code;
}

int runWindow(const App::Options& options)
{
    const QString path = auctionPath(options);
    if (!options.screenshot.isEmpty())
        return App::takeScreenshot(options, path);
    if (options.benchmarkWindow)
        return App::benchmarkWindow(options, path);
    // The operator's window keeps a log in its data folder (Help > Show log).
    Gui::LogFile::install();
    qInfo("Bid Tracker %s (Qt %s) started on %s", BIDTRACKER_VERSION, qVersion(), qPrintable(path));
    const int code = App::runWindowSessions(options, path);
    qInfo("Bid Tracker stopped (exit code %d)", code);
    return code;
}

} // namespace

int main(int argc, char** argv)
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    auto options = App::parseOptions(arguments);
    if (!options) {
        say(QStringLiteral("bidtracker: %1").arg(options.error()));
        return 2;
    }
    if (!options->station.isEmpty())
        Model::Database::setStationName(options->station);
    using Mode = App::Options::Mode;
    if (options->mode != Mode::Help && options->mode != Mode::Version) {
        if (const int refused = App::checkCommandLineFiles(*options))
            return refused;
    }
    switch (options->mode) {
    case Mode::Help:
        std::printf("%s", qPrintable(options->helpText));
        return 0;
    case Mode::HelpKeys:
        std::fputs(Gui::keyboardTable().toUtf8().constData(), stdout);
        return 0;
    case Mode::Version:
        std::printf("bidtracker %s (Qt %s)\n", BIDTRACKER_VERSION, qVersion());
        return 0;
    case Mode::Window:
        if (hasDisplay() || !options->screenshot.isEmpty() || options->benchmarkWindow) {
            QApplication app(argc, argv);
            setIdentity();
            return runWindow(*options);
        }
        say(QStringLiteral("No display (DISPLAY and WAYLAND_DISPLAY are unset): running headless, "
                           "the API only."));
        [[fallthrough]];
    case Mode::Headless: {
        QCoreApplication app(argc, argv);
        setIdentity();
        return runHeadless(*options);
    }
    case Mode::Print: {
        // Fonts need a GUI application, but a PDF needs no screen: a server prints too.
        if (!hasDisplay())
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(argc, argv);
        setIdentity();
        options->databasePath = auctionPath(*options);
        return App::runPrint(*options);
    }
    case Mode::Export:
    case Mode::Import:
    case Mode::Copy:
    case Mode::CloseAll:
    case Mode::StaffAdd:
    case Mode::AuditVerify:
    case Mode::Backup:
    case Mode::Restore:
    case Mode::Generate: {
        QCoreApplication app(argc, argv);
        setIdentity();
        // One default auction for every door: the one the window had open last.
        options->databasePath = auctionPath(*options);
        if (options->mode == Mode::Generate)
            return App::runGenerate(*options);
        if (options->mode == Mode::Copy)
            return App::runCopy(*options);
        if (options->mode == Mode::Backup)
            return App::runBackup(*options);
        if (options->mode == Mode::Restore)
            return App::runRestore(*options);
        if (options->mode == Mode::CloseAll)
            return App::runCloseAll(*options);
        if (options->mode == Mode::StaffAdd)
            return App::runStaffAdd(*options);
        if (options->mode == Mode::AuditVerify)
            return App::runAuditVerify(*options);
        return options->mode == Mode::Export ? App::runExport(*options) : App::runImport(*options);
    }
    }
    return 0;
}
