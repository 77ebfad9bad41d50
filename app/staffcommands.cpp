#include "staffcommands.h"

#include "defaultauction.h"
#include "model/staffservice.h"
#include "model/storage/database.h"

#include <QElapsedTimer>
#include <QHostInfo>
#include <QTextStream>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace BidTracker::App {

namespace {

void say(const QString& line)
{
    std::fprintf(stderr, "%s\n", qPrintable(line));
}

std::unique_ptr<Model::Database> openAuction(const Options& options)
{
    const QString path =
        options.databasePath.isEmpty() ? defaultDatabasePath() : options.databasePath;
    auto db = Model::Database::open(path);
    if (!db) {
        say(QStringLiteral("bidtracker: %1").arg(db.error().message));
        return nullptr;
    }
    return std::move(*db);
}

/// One line of standard input; on a terminal, asked for and read without echo.
QString readPin()
{
    const bool terminal = isatty(STDIN_FILENO) == 1;
    termios saved{};
    if (terminal) {
        std::fprintf(stderr, "PIN (4-12 digits): ");
        std::fflush(stderr);
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QTextStream in(stdin);
    const QString line = in.readLine(256);
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fprintf(stderr, "\n");
    }
    return line;
}

} // namespace

Model::Actor commandLineActor()
{
    QString login = qEnvironmentVariable("USER");
    if (login.isEmpty())
        login = qEnvironmentVariable("LOGNAME", QStringLiteral("unknown"));
    return Model::Actor{QStringLiteral("cli:") + login, Model::Role::Admin,
                        Model::Database::stationName(), 0};
}

int runStaffAdd(const Options& options)
{
    const auto role = Model::parseRole(options.staffRole);
    if (!role) {
        say(QStringLiteral("bidtracker: staff add: --role must be viewer, check-in, clerk, "
                           "cashier or admin, not \"%1\"")
                .arg(options.staffRole));
        return 1;
    }
    const QString pin = readPin();
    if (auto ok = Model::checkSecret(pin); !ok) {
        say(QStringLiteral("bidtracker: staff add: %1").arg(ok.error().message));
        return 1;
    }
    auto db = openAuction(options);
    if (!db)
        return 1;
    Model::StaffService staff(*db, commandLineActor());
    auto added = staff.addAccount(options.staffName, *role, pin);
    if (!added) {
        say(QStringLiteral("bidtracker: staff add: %1").arg(added.error().message));
        return 1;
    }
    say(QStringLiteral("Added %1 (%2) as staff%3 to %4")
            .arg(added->name, Model::roleName(added->role))
            .arg(added->id)
            .arg(db->displayName()));
    return 0;
}

int runAuditVerify(const Options& options)
{
    auto db = openAuction(options);
    if (!db)
        return 1;
    QElapsedTimer timer;
    timer.start();
    Model::StaffService staff(*db, commandLineActor());
    auto verdict = staff.verifyAudit();
    if (!verdict) {
        say(QStringLiteral("bidtracker: audit verify: %1").arg(verdict.error().message));
        return 1;
    }
    const double seconds = timer.elapsed() / 1000.0;
    if (!verdict->whole) {
        say(QStringLiteral("The audit log of %1 was tampered with: %2")
                .arg(db->displayName(), verdict->problem));
        return 1;
    }
    std::printf("The audit log of %s is whole: %lld entries, head %s (checked in %.1f s)\n",
                qPrintable(db->displayName()), static_cast<long long>(verdict->head.count),
                qPrintable(verdict->head.hash.isEmpty() ? QStringLiteral("-") : verdict->head.hash),
                seconds);
    return 0;
}

} // namespace BidTracker::App
