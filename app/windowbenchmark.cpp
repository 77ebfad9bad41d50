#include "windowbenchmark.h"

#include "model/tables/bidstablemodel.h"
#include "model/tables/itemstablemodel.h"
#include "ui/checkoutpage.h"
#include "ui/tablepage.h"
#include "windowsession.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <unistd.h>

namespace BidTracker::App {

namespace {

/// Resident memory of this process in MB, from /proc.
double residentMegabytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

/// Milliseconds since this process started (kernel clock ticks, so 10 ms steps): launch time
/// includes loading the program and creating the application object.
double millisecondsSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile uptime(QStringLiteral("/proc/uptime"));
    if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    const double startTicks = fields.value(19).toDouble(); // field 22 of the whole line
    const double upSeconds = uptime.readAll().split(' ').first().toDouble();
    return (upSeconds - startTicks / static_cast<double>(sysconf(_SC_CLK_TCK))) * 1000.0;
}

/// Runs `step`, then paints the view now, and returns the milliseconds both took.
template <typename Step> double timed(QTableView* view, Step step)
{
    QElapsedTimer timer;
    timer.start();
    step();
    QApplication::processEvents();
    view->viewport()->repaint();
    return timer.nsecsElapsed() / 1e6;
}

void print(const char* name, double value, const char* unit)
{
    std::printf("%s %.1f %s\n", name, value, unit);
    std::fflush(stdout);
}

/// Notes when a widget has painted for the first time.
class FirstPaint final : public QObject
{
public:
    std::function<void()> onPainted;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && onPainted) {
            // Let the paint happen first, then report.
            QTimer::singleShot(0, this, [this] {
                if (onPainted) {
                    auto done = std::move(onPainted);
                    onPainted = nullptr;
                    done();
                }
            });
        }
        return QObject::eventFilter(watched, event);
    }
};

/// The Checkout tab as a cashier uses it: for bidders spread over the auction, the paddle
/// number typed and Enter, timed until the invoice is painted. Prints the median and the
/// slowest.
void benchmarkCheckout(Gui::MainWindow& window, Model::AuctionService& service)
{
    window.tabs()->setCurrentIndex(Gui::MainWindow::CheckoutTab);
    QApplication::processEvents();
    Gui::CheckoutPage* page = window.checkoutPage();
    QList<double> times;
    const auto listing = service.users(Model::Page{1, 0});
    const qint64 users = listing ? listing->total : 0;
    for (qint64 step = 0; step < 40 && users > 0; ++step) {
        const auto picked = service.users(Model::Page{1, (step * 7919) % users});
        if (!picked || picked->rows.isEmpty() || picked->rows.first().number <= 0)
            continue;
        page->nextBidder();
        page->bidderField()->setText(QString::number(picked->rows.first().number));
        QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
        QElapsedTimer timer;
        timer.start();
        QApplication::sendEvent(page->bidderField(), &enter);
        QApplication::processEvents();
        page->repaint();
        times.append(timer.nsecsElapsed() / 1e6);
        if (page->userId() != picked->rows.first().id)
            std::fprintf(stderr, "checkout: paddle %lld was not found\n",
                         static_cast<long long>(picked->rows.first().number));
    }
    std::sort(times.begin(), times.end());
    print("checkout_invoice_after_enter_median", times.isEmpty() ? -1 : times[times.size() / 2],
          "ms");
    print("checkout_invoice_after_enter_max", times.isEmpty() ? -1 : times.last(), "ms");
}

} // namespace

int benchmarkWindow(const Options& options, const QString& databasePath)
{
    auto session = WindowSession::openForOneShot(databasePath, options);
    if (!session)
        return 1;
    Gui::MainWindow& window = session->window();
    FirstPaint firstPaint;
    window.itemsPage()->view()->viewport()->installEventFilter(&firstPaint);
    firstPaint.onPainted = [&] {
        print("launch_to_first_paint", millisecondsSinceProcessStart(), "ms");
        QTableView* bids = window.bidsPage()->view();
        window.tabs()->setCurrentIndex(Gui::MainWindow::BidsTab);
        QApplication::processEvents();
        print("bids_scroll_to_end", timed(bids, [&] { bids->scrollToBottom(); }), "ms");
        print("bids_sort_by_amount",
              timed(bids,
                    [&] { bids->sortByColumn(Model::BidsTableModel::Value, Qt::DescendingOrder); }),
              "ms");
        window.tabs()->setCurrentIndex(Gui::MainWindow::ItemsTab);
        QApplication::processEvents();
        QTableView* items = window.itemsPage()->view();
        print(
            "items_filter_by_name",
            timed(items,
                  [&] { window.itemsPage()->searchField()->setText(QStringLiteral("no. 4242")); }),
            "ms");
        print("items_shown_after_filter", items->model()->rowCount(), "rows");
        benchmarkCheckout(window, session->service());
        print("resident_memory", residentMegabytes(), "MB");
        QApplication::quit();
    };
    window.resize(1280, 800);
    window.show();
    return QApplication::exec();
}

} // namespace BidTracker::App
