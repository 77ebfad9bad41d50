#include "defaultauction.h"

#include "model/storage/databaselocation.h"
#include "ui/mainwindow.h"

#include <QFileInfo>

namespace BidTracker::App {

QString chosenDatabase(const Options& options, QString* note)
{
    if (!options.databasePath.isEmpty())
        return options.databasePath;
    // The window writes the key (MainWindow::rememberDatabase); everyone reads it here.
    const QString last = Gui::MainWindow::rememberedDatabase();
    if (!last.isEmpty()) {
        if (Model::isPostgresUrl(last) || QFileInfo::exists(last))
            return last;
        if (note)
            *note =
                QStringLiteral("the last auction, %1, is gone; using the default one").arg(last);
    }
    return defaultDatabasePath();
}

} // namespace BidTracker::App
