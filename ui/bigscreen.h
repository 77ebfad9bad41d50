#pragma once

#include "model/auctionsettings.h"
#include "model/records.h"
#include "model/rules/lotview.h"

#include <QDateTime>
#include <QList>
#include <QTimer>
#include <QWidget>
#include <functional>

class QPainter;

namespace BidTracker::Model {
class AuctionService;
class ChangeNotifier;
} // namespace BidTracker::Model

namespace BidTracker::Gui {

/// The projector view (View > Big screen): the auction's name and its lots with their
/// current bid, the time left when it closes on time, and the leader's paddle number (never a name:
/// the room is watching), sold, unsold and closed lots marked, in type sized from the window's
/// height so it reads from the back of a hall. Every figure is the lot view's (model/rules/
/// lotview.h), so the projector and the Lots table show the same time left. When the lots do not
/// fit it shows them a page at a time, turning the page on a timer, and it reads only the page
/// shown. It follows the notifier like every other view.
class BigScreen final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BigScreen)

public:
    /// What one line of the screen shows, as text.
    struct Line
    {
        qint64 lotId = 0;
        QString name;
        QString price;
        /// The leader's paddle number ("103"), or "" with no bids.
        QString leader;
        /// Closed: without a bid; Unsold: closed below its reserve (RULES.md 2).
        enum class Mark { Open, Closed, Sold, Unsold } mark = Mark::Open;
        /// When an open lot closes: the closing time that applies (its own or the auction's
        /// "close all at", whichever comes first; ISO 8601 UTC), else "".
        QString closesAt;
        /// The time left as the screen shows it now (see timeLeft()).
        QString timeLeft;
    };

    /// The time left of a lot as the room reads it: as the Lots table writes it ("4:05",
    /// "2:04:05") under a day, the local day and time beyond ("Sat 21:00"), "closing" once it
    /// is due (until the close is announced); "" for a closed lot or one closed by hand.
    static QString timeLeft(const Model::LotView& lot);
    /// The badge a closed lot wears ("SOLD", "UNSOLD", "CLOSED"); "" while it is open.
    static QString markText(Line::Mark mark);

    BigScreen(Model::AuctionService& service, Model::ChangeNotifier& notifier,
              QWidget* parent = nullptr);

    /// Opens the big screen as a window of its own, full screen on a second screen when
    /// there is one (the projector), else on the window's.
    static BigScreen* open(Model::AuctionService& service, Model::ChangeNotifier& notifier,
                           QWidget* window);

    int pageCount() const;
    int currentPage() const { return m_page; }
    int linesPerPage() const;
    /// The lines of the page shown.
    const QList<Line>& lines() const { return m_lines; }
    QString auctionName() const { return m_auctionName; }
    /// Shows page `page` (from 0; wraps around).
    void showPage(int page);
    /// How long a page stays before the next one.
    void setPageInterval(int milliseconds) { m_pageTimer.setInterval(milliseconds); }

    /// The time the countdowns count from (UTC).
    using Clock = std::function<QDateTime()>;
    /// Replaces the system clock (tests and screenshots) and shows the lines by it at once.
    void setClock(Clock clock);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    /// Keeps F11 for this screen: the operator's window's View > Full screen must not take it.
    bool event(QEvent* event) override;

private:
    /// Reads the page shown again (after a change, a resize or a page turn).
    void reload();
    /// Works the page's lines out from its lots at the clock's time (every second).
    void refreshLines();
    double lineHeight() const;
    double headerHeight() const;
    struct Columns;
    Columns columns() const;
    void paintTitle(QPainter& painter) const;
    void paintHeadings(QPainter& painter, const Columns& at) const;
    void paintLine(QPainter& painter, const Columns& at, qsizetype index, double top) const;
    void paintFooter(QPainter& painter) const;

    Model::AuctionService& m_service;
    QTimer m_pageTimer;
    /// Ticks the countdowns once a second while a lot shown closes on time.
    QTimer m_ticker;
    Clock m_now;
    /// Changes arrive in bursts (a batch of bids over the API); one read follows them all.
    QTimer m_reloadTimer;
    QString m_auctionName;
    Model::AuctionSettings m_settings;
    /// The lots of the page shown, as last read.
    QList<Model::Item> m_items;
    QList<Line> m_lines;
    qint64 m_total = 0;
    int m_page = 0;
    QString m_error;
};

} // namespace BidTracker::Gui
