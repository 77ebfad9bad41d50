#include "model/auctionservice.h"
#include "model/changenotifier.h"
#include "model/database.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QStandardPaths>
#include <cstdio>

using namespace BidTracker;

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("bidtracker"));
    QApplication::setApplicationVersion(QStringLiteral(BIDTRACKER_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Bid Tracker: run an auction from one window"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("SQLite database file"),
                                      QStringLiteral("FILE"));
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        QStringLiteral("Load the sample auction into an empty database"));
    parser.addOptions({dbOption, demoOption});
    parser.process(app);

    const QString path = parser.isSet(dbOption)
        ? parser.value(dbOption)
        : QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
              .filePath(QStringLiteral("auction.sqlite"));
    auto db = Model::Database::open(path);
    if (!db) {
        std::fprintf(stderr, "bidtracker: %s\n", qPrintable(db.error().message));
        return 1;
    }
    Model::ChangeNotifier notifier;
    Model::AuctionService service(**db, &notifier);
    if (parser.isSet(demoOption)) {
        if (auto loaded = service.loadSampleAuction(); !loaded) {
            std::fprintf(stderr, "bidtracker: %s\n", qPrintable(loaded.error().message));
            return 1;
        }
    }
    Gui::MainWindow window(service, notifier, path);
    window.show();
    return app.exec();
}
