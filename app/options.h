#pragma once

#include "app/api/serversettings.h"
#include "print/idlist.h"

#include <QSize>
#include <QString>
#include <QStringList>
#include <expected>
#include <optional>

namespace BidTracker::App {

/// What the command line asked for, checked.
struct Options
{
    enum class Mode {
        Window,
        Headless,
        Export,
        Import,
        Generate,
        Copy,
        CloseAll,
        Print,
        /// `staff add NAME --role ROLE` (staffcommands.cpp)
        StaffAdd,
        /// `audit verify`
        AuditVerify,
        Backup,
        Restore,
        Help,
        HelpKeys,
        Version
    };

    Mode mode = Mode::Window;
    QString databasePath; // empty: the default database
    /// --station: sent to PostgreSQL as application_name; empty: the host name.
    QString station;
    bool demo = false;
    /// Server settings given on the command line; unset ones come from QSettings.
    std::optional<quint16> port;
    std::optional<QHostAddress> bindAddress;
    std::optional<QString> token;
    bool noAuth = false;
    std::optional<int> rateLimit;
    /// export/import: the kind (items, users, bids, results) and the file.
    QString csvKind;
    QString csvFile; // export: empty means stdout
    /// copy: the two databases (files or PostgreSQL URLs).
    QString copyFrom;
    QString copyTo;
    /// print: the document ("bid-sheets", ...), the lots or bidders (empty: all), the
    /// paper ("letter", "a4"; empty: the locale's) and the PDF file (in csvFile's place, -o).
    QString printKind;
    QList<qint64> printLots;
    QList<Print::BidderRef> printBidders; // paddle numbers, or ids written userN
    QString printPaper;
    QString printFile;
    /// generate: the size of the auction.
    qint64 generateItems = 100'000;
    qint64 generateUsers = 10'000;
    qint64 generateBids = 1'000'000;
    /// Measures the window on its database and prints the figures (tests/bench).
    bool benchmarkWindow = false;
    /// Renders the window to this PNG (offscreen) and exits: at this size, showing this view
    /// (lots, quickbid: the quick-entry bar in use, bidder: a bidder with a closed lot, bids).
    QString screenshot;
    QSize screenshotSize{1280, 800};
    QString screenshotView = QStringLiteral("lots");
    QString helpText;
    /// staff add: the account's name and role.
    QString staffName;
    QString staffRole = QStringLiteral("admin");
    /// backup: the file or folder written (-o); restore: the backup read. restore --replace
    /// may overwrite an existing auction (never one in use).
    QString backupFile;
    bool replace = false;
};

/// Parses the arguments (without the program name); the error names the bad option.
std::expected<Options, QString> parseOptions(const QStringList& arguments);

/// The default database: auction.sqlite in the user's data folder.
QString defaultDatabasePath();

} // namespace BidTracker::App
