#include "screenshot.h"

#include "ui/tablepage.h"
#include "windowsession.h"

#include <QApplication>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <cstdio>

namespace BidTracker::App {

int takeScreenshot(const Options& options, const QString& databasePath)
{
    auto session = WindowSession::openForOneShot(databasePath, options);
    if (!session)
        return 1;
    Gui::MainWindow& window = session->window();
    window.resize(1280, 800);
    window.show();
    window.itemsPage()->view()->setFocus();
    window.itemsPage()->view()->selectRow(0);
    window.usersPage()->view()->selectRow(0);
    // BIDTRACKER_SCREENSHOT_TAB=1 or 2 pictures the Bidders or Bids tab instead (for docs).
    window.tabs()->setCurrentIndex(qEnvironmentVariableIntValue("BIDTRACKER_SCREENSHOT_TAB"));
    int code = 0;
    QTimer::singleShot(400, [&] {
        if (!window.grab().save(options.screenshot, "PNG")) {
            std::fprintf(stderr, "bidtracker: cannot write %s\n", qPrintable(options.screenshot));
            code = 1;
        }
        QApplication::quit();
    });
    QApplication::exec();
    return code;
}

} // namespace BidTracker::App
