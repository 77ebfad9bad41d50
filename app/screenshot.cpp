#include "screenshot.h"

#include "model/tables/tablesupport.h"
#include "ui/quickbidbar.h"
#include "ui/tablepage.h"
#include "windowsession.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <cstdio>

namespace BidTracker::App {

namespace {

/// The quick-entry bar half way through a line of a sheet: a lot chosen, a bidder typed.
void stageQuickBid(Gui::MainWindow& window)
{
    Gui::QuickBidBar* bar = window.quickBidBar();
    const qint64 lot = window.itemsPage()->currentId();
    if (lot == 0)
        return;
    bar->chooseLot(lot);
    bar->bidderField()->setFocus();
    bar->bidderField()->setText(QStringLiteral("3"));
    QKeyEvent tab(QEvent::KeyPress, Qt::Key_Tab, Qt::NoModifier);
    QApplication::sendEvent(bar->bidderField(), &tab);
    bar->amountField()->setText(QStringLiteral("1,350"));
}

/// The Bidders tab on the first bidder who bid on a closed lot, else the first bidder.
void showBidderWithClosedLot(Gui::MainWindow& window, Model::AuctionService& service)
{
    window.tabs()->setCurrentIndex(Gui::MainWindow::UsersTab);
    const auto users = service.users();
    qint64 chosen = 0;
    if (users) {
        for (const Model::User& user : users->rows) {
            const auto lots = service.itemsBidByUser(user.id);
            if (lots && std::any_of(lots->begin(), lots->end(),
                                    [](const Model::UserItem& lot) { return lot.closed; })) {
                chosen = user.id;
                break;
            }
        }
    }
    if (chosen)
        window.usersPage()->selectId(chosen);
    else
        window.usersPage()->view()->selectRow(0);
    window.usersPage()->view()->setFocus();
}

} // namespace

int takeScreenshot(const Options& options, const QString& databasePath)
{
    auto session = WindowSession::openForOneShot(databasePath, options);
    if (!session)
        return 1;
    Gui::MainWindow& window = session->window();
    window.resize(options.screenshotSize);
    window.show();
    window.itemsPage()->view()->setFocus();
    window.itemsPage()->view()->selectRow(0);
    window.usersPage()->view()->selectRow(0);
    if (options.screenshotView == u"quickbid")
        stageQuickBid(window);
    else if (options.screenshotView == u"bidder")
        showBidderWithClosedLot(window, session->service());
    else if (options.screenshotView == u"bids")
        window.tabs()->setCurrentIndex(Gui::MainWindow::BidsTab);
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
