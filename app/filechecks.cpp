#include "filechecks.h"

#include "model/filepolicy.h"
#include "model/storage/databaselocation.h"

#include <cstdio>

namespace BidTracker::App {

namespace {

using Check = Model::Result<void>;

Check checkDatabase(const QString& location)
{
    if (location.isEmpty() || Model::isPostgresUrl(location))
        return {};
    return Model::FilePolicy::checkDatabase(location);
}

Check checkOutput(const QString& path)
{
    return path.isEmpty() ? Check{} : Model::FilePolicy::checkOutput(path);
}

} // namespace

int checkCommandLineFiles(const Options& options)
{
    using Mode = Options::Mode;
    QList<Check> checks{checkDatabase(options.databasePath)};
    switch (options.mode) {
    case Mode::Export:
        checks.append(checkOutput(options.csvFile));
        break;
    case Mode::Import:
        checks.append(
            Model::FilePolicy::checkInput(options.csvFile, Model::FilePolicy::MaxCsvBytes));
        break;
    case Mode::Print:
        checks.append(checkOutput(options.printFile));
        break;
    case Mode::Copy:
        checks.append(checkDatabase(options.copyFrom));
        checks.append(checkDatabase(options.copyTo));
        break;
    case Mode::Window:
        checks.append(checkOutput(options.screenshot));
        break;
    default:
        break;
    }
    for (const Check& check : std::as_const(checks)) {
        if (!check) {
            std::fprintf(stderr, "bidtracker: %s\n", qPrintable(check.error().message));
            return 2;
        }
    }
    return 0;
}

} // namespace BidTracker::App
