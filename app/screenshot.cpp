#include "screenshot.h"

#include "model/tables/tablesupport.h"
#include "ui/bigscreen.h"
#include "ui/checkoutpage.h"
#include "ui/quickbidbar.h"
#include "ui/tablepage.h"
#include "windowsession.h"

#include <QApplication>
#include <QDockWidget>
#include <QImage>
#include <QKeyEvent>
#include <QLineEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <cstdio>

namespace BidTracker::App {

namespace {

/// The quick-entry bar half way through a line of a sheet on the first open lot: the lot
/// chosen, a bidder taken by paddle number, an amount typed; or (`refused`) a number no
/// paddle carries (199 when free) refused. Nothing is recorded.
void stageQuickBid(Gui::MainWindow& window, Model::AuctionService& service, bool refused)
{
    const auto first = service.items(Model::Page{200, 0});
    if (!first)
        return;
    const auto open = std::find_if(first->rows.begin(), first->rows.end(), [](const auto& item) {
        return item.status == Model::ItemStatus::Open;
    });
    if (open == first->rows.end())
        return;
    const Model::Item& lot = *open;
    window.itemsPage()->selectId(lot.id);
    Gui::QuickBidBar* bar = window.quickBidBar();
    bar->chooseLot(lot.id);
    bar->bidderField()->setFocus();
    qint64 paddle = 0;
    if (refused) {
        for (paddle = 199; service.userByNumber(paddle).value_or(std::nullopt); ++paddle) {
        }
    } else if (const auto bidders = service.users(Model::Page{3, 0});
               bidders && !bidders->rows.isEmpty()) {
        paddle = bidders->rows.last().number;
    }
    bar->bidderField()->setText(QString::number(paddle));
    QKeyEvent tab(QEvent::KeyPress, Qt::Key_Tab, Qt::NoModifier);
    QApplication::sendEvent(bar->bidderField(), &tab);
    if (const auto lowest = service.lowestAcceptableBid(lot.id); lowest && !refused)
        bar->amountField()->setText(Model::displayMoney(*lowest));
}

/// The Bidders tab on the first bidder who bid on a closed lot, else the first bidder.
void showBidderWithClosedLot(Gui::MainWindow& window, Model::AuctionService& service)
{
    window.tabs()->setCurrentIndex(Gui::MainWindow::UsersTab);
    const auto users = service.users();
    qint64 chosen = 0;
    if (users) {
        // Best a bidder who won a closed lot and lost another: both words in one picture.
        for (const Model::User& user : users->rows) {
            const auto lots = service.itemsBidByUser(user.id);
            if (!lots)
                continue;
            const bool won = std::any_of(lots->begin(), lots->end(),
                                         [](const auto& lot) { return lot.closed && lot.leading; });
            const bool lost = std::any_of(lots->begin(), lots->end(), [](const auto& lot) {
                return lot.closed && !lot.leading;
            });
            if (won && lost) {
                chosen = user.id;
                break;
            }
            if (!chosen && (won || lost))
                chosen = user.id;
        }
    }
    if (chosen)
        window.usersPage()->selectId(chosen);
    else
        window.usersPage()->view()->selectRow(0);
    window.usersPage()->view()->setFocus();
}

/// The Checkout tab on the first bidder (of the first 500) whose invoice has lots won, best
/// one with a payment too, as a cashier sees it after Enter.
void showCheckout(Gui::MainWindow& window, Model::AuctionService& service)
{
    window.tabs()->setCurrentIndex(Gui::MainWindow::CheckoutTab);
    const auto users = service.users(Model::Page{500, 0});
    qint64 chosen = 0;
    for (const Model::User& user : users ? users->rows : QList<Model::User>()) {
        const auto invoice = service.invoice(user.id);
        if (!invoice || invoice->lines.isEmpty())
            continue;
        if (!chosen)
            chosen = user.id;
        if (!invoice->payments.isEmpty()) {
            chosen = user.id;
            break;
        }
    }
    Gui::CheckoutPage* page = window.checkoutPage();
    if (const auto user = service.user(chosen); user && user->number > 0)
        page->bidderField()->setText(QString::number(user->number));
    page->showBidder(chosen);
    page->amountField()->setFocus();
    page->amountField()->selectAll();
}

} // namespace

namespace {

/// Saves a picture of `widget` in 400 ms (once it has laid itself out and read its data)
/// and leaves the event loop; returns the exit code. `fewColours`: a palette of 256 colours,
/// for the window (flat colours and grey text), so the picture stays a fraction of the size
/// for the README; the big screen's dark shades would turn into other colours, so it keeps
/// them all.
int grabLater(QWidget& widget, const QString& path, bool fewColours)
{
    int code = 0;
    QTimer::singleShot(400, [&] {
        QImage picture = widget.grab().toImage();
        if (fewColours)
            picture = picture.convertToFormat(QImage::Format_Indexed8,
                                              Qt::ThresholdDither | Qt::AvoidDither);
        if (!picture.save(path, "PNG", 0)) {
            std::fprintf(stderr, "bidtracker: cannot write %s\n", qPrintable(path));
            code = 1;
        }
        QApplication::quit();
    });
    QApplication::exec();
    return code;
}

} // namespace

int takeScreenshot(const Options& options, const QString& databasePath)
{
    auto session = WindowSession::openForOneShot(databasePath, options);
    if (!session)
        return 1;
    if (options.screenshotView == u"bigscreen") {
        // The projector's view alone, at the size asked for, as View > Big screen shows it.
        Gui::BigScreen screen(session->service(), session->notifier());
        screen.resize(options.screenshotSize);
        screen.show();
        return grabLater(screen, options.screenshot, /*fewColours=*/false);
    }
    Gui::MainWindow& window = session->window();
    // Exactly the size asked for: a plain resize is held back by the layout's minimum (600
    // high came out 610), so the size is fixed, which the layout must fit into.
    window.setFixedSize(options.screenshotSize);
    // As a first start on a screen of that size lays the window out (see restoreLayout).
    window.serverDock()->setVisible(options.screenshotSize.width() >= 1100);
    window.show();
    window.itemsPage()->view()->setFocus();
    window.itemsPage()->view()->selectRow(0);
    window.usersPage()->view()->selectRow(0);
    if (options.screenshotView.startsWith(u"quickbid"))
        stageQuickBid(window, session->service(), options.screenshotView == u"quickbid-refused");
    else if (options.screenshotView == u"bidder")
        showBidderWithClosedLot(window, session->service());
    else if (options.screenshotView == u"checkout")
        showCheckout(window, session->service());
    else if (options.screenshotView == u"bids")
        window.tabs()->setCurrentIndex(Gui::MainWindow::BidsTab);
    return grabLater(window, options.screenshot, /*fewColours=*/true);
}

} // namespace BidTracker::App
