#include "bigscreen.h"

#include "model/auctionservice.h"
#include "model/changebatcher.h"
#include "model/changenotifier.h"
#include "model/ids.h"
#include "model/tables/tablesupport.h"
#include "model/tables/timeleft.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QLocale>
#include <QPainter>
#include <QScreen>

namespace BidTracker::Gui {

namespace {

const QColor Background(0x10, 0x16, 0x24);
const QColor Band(0x1c, 0x25, 0x3a);
const QColor Text(0xf4, 0xf5, 0xf7);
const QColor Dim(0x9a, 0xa3, 0xb5);
const QColor Price(0xfb, 0xc0, 0x2d);
const QColor Sold(0x2e, 0xa0, 0x5a);
const QColor ClosedMark(0x5a, 0x63, 0x75);

QFont sized(double pixels, bool bold = false)
{
    QFont font;
    font.setPixelSize(std::max(8, static_cast<int>(pixels)));
    font.setBold(bold);
    return font;
}

BigScreen::Line::Mark markOf(Model::LotOutcome outcome)
{
    using Mark = BigScreen::Line::Mark;
    switch (outcome) {
    case Model::LotOutcome::Pending:
        return Mark::Open;
    case Model::LotOutcome::Sold:
        return Mark::Sold;
    case Model::LotOutcome::Unsold:
        return Mark::Unsold;
    case Model::LotOutcome::NoBids:
        return Mark::Closed;
    }
    return Mark::Closed;
}

} // namespace

BigScreen::BigScreen(Model::AuctionService& service, Model::ChangeNotifier& notifier,
                     QWidget* parent)
    : QWidget(parent), m_service(service), m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    setWindowTitle(tr("Big screen"));
    setAutoFillBackground(false);
    setMinimumSize(640, 360);
    m_pageTimer.setInterval(10'000);
    connect(&m_pageTimer, &QTimer::timeout, this, [this] { showPage(m_page + 1); });
    m_pageTimer.start();
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &BigScreen::refreshLines);
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(100);
    connect(&m_reloadTimer, &QTimer::timeout, this, &BigScreen::reload);
    // At most one reload a batch: a timer restarted on every change would never fire while
    // bids stream in, and the screen would freeze on the old prices.
    connect(&notifier.batches(), &Model::ChangeBatcher::changed, this, [this] {
        if (!m_reloadTimer.isActive())
            m_reloadTimer.start();
    });
    reload();
}

BigScreen* BigScreen::open(Model::AuctionService& service, Model::ChangeNotifier& notifier,
                           QWidget* window)
{
    auto* screen = new BigScreen(service, notifier, window);
    screen->setWindowFlag(Qt::Window);
    screen->setAttribute(Qt::WA_DeleteOnClose);
    const QList<QScreen*> screens = QGuiApplication::screens();
    QScreen* target = window ? window->screen() : QGuiApplication::primaryScreen();
    for (QScreen* candidate : screens) {
        if (candidate != target) {
            target = candidate; // the projector: any screen the operator's window is not on
            break;
        }
    }
    if (target)
        screen->setGeometry(target->geometry());
    screen->showFullScreen();
    return screen;
}

double BigScreen::headerHeight() const
{
    return std::max(48.0, height() * 0.12);
}

double BigScreen::lineHeight() const
{
    // Eleven lines at most on any screen: at 1080 pixels a line is ~85 pixels, its type
    // ~40, which reads from 20 metres.
    return std::max(40.0, height() * 0.078);
}

int BigScreen::linesPerPage() const
{
    const double footer = lineHeight() * 0.6;
    const double headings = lineHeight() * 0.5;
    return std::max(
        1, static_cast<int>((height() - headerHeight() - headings - footer) / lineHeight()));
}

int BigScreen::pageCount() const
{
    const int per = linesPerPage();
    return std::max<int>(1, static_cast<int>((m_total + per - 1) / per));
}

void BigScreen::showPage(int page)
{
    const int pages = pageCount();
    m_page = ((page % pages) + pages) % pages;
    reload();
}

void BigScreen::setClock(Clock clock)
{
    m_now = std::move(clock);
    refreshLines();
}

void BigScreen::reload()
{
    const auto settings = m_service.settings();
    const int per = linesPerPage();
    auto items = m_service.items(Model::Page{per, static_cast<qint64>(m_page) * per});
    if (!settings || !items) {
        m_error = settings ? items.error().message : settings.error().message;
        update();
        return;
    }
    m_error.clear();
    m_settings = *settings;
    m_auctionName = settings->name;
    m_total = items->total;
    if (items->rows.isEmpty() && m_page > 0) {
        // Lots were deleted since: start again from the first page.
        m_page = 0;
        reload();
        return;
    }
    m_items = std::move(items->rows);
    refreshLines();
}

void BigScreen::refreshLines()
{
    const QDateTime now = m_now();
    m_lines.clear();
    for (const Model::Item& item : m_items) {
        const Model::LotView lot = Model::lotView(item, m_settings, now);
        Line line;
        line.lotId = item.id;
        line.name = item.name;
        if (lot.price) {
            line.price = Model::displayMoney(*lot.price);
            line.leader = QString::number(lot.leaderNumber);
        } else {
            line.price = tr("opens at %1").arg(Model::displayMoney(lot.nextMinimum));
        }
        line.mark = markOf(lot.outcome);
        if (!lot.closed())
            line.closesAt = lot.closesAt;
        line.timeLeft = timeLeft(lot);
        m_lines.append(line);
    }
    const bool counting = std::any_of(m_lines.begin(), m_lines.end(),
                                      [](const Line& line) { return !line.closesAt.isEmpty(); });
    if (counting && !m_ticker.isActive())
        m_ticker.start();
    else if (!counting)
        m_ticker.stop();
    update();
}

QString BigScreen::markText(Line::Mark mark)
{
    switch (mark) {
    case Line::Mark::Open:
        return {};
    case Line::Mark::Sold:
        return tr("SOLD");
    case Line::Mark::Unsold:
        return tr("UNSOLD"); // the report's and the Lots tab's word for it
    case Line::Mark::Closed:
        return tr("CLOSED");
    }
    return {};
}

QString BigScreen::timeLeft(const Model::LotView& lot)
{
    if (lot.closed() || !lot.secondsLeft)
        return {};
    if (lot.due)
        return tr("closing");
    if (*lot.secondsLeft >= 24 * 3600) {
        const QDateTime end = QDateTime::fromString(lot.closesAt, Qt::ISODateWithMs);
        return QLocale().toString(end.toLocalTime(), QStringLiteral("ddd HH:mm"));
    }
    return Model::formatTimeLeft(*lot.secondsLeft); // the Lots table's own words
}

void BigScreen::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    showPage(m_page);
}

bool BigScreen::event(QEvent* event)
{
    if (event->type() == QEvent::ShortcutOverride &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_F11) {
        event->accept(); // delivered as a key press to keyPressEvent()
        return true;
    }
    return QWidget::event(event);
}

void BigScreen::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Escape:
        close();
        return;
    case Qt::Key_F11: // as in the main window: leave full screen (a window), or go back
        isFullScreen() ? showNormal() : showFullScreen();
        return;
    case Qt::Key_Right:
    case Qt::Key_PageDown:
        showPage(m_page + 1);
        m_pageTimer.start(); // a page turned by hand gets its full time
        return;
    case Qt::Key_Left:
    case Qt::Key_PageUp:
        showPage(m_page - 1);
        m_pageTimer.start();
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

/// Where the columns of a line start and how wide they are: lot number, name, time left,
/// current bid, leader's paddle, mark.
struct BigScreen::Columns
{
    double margin = 0;
    double number = 0;
    double nameLeft = 0;
    double name = 0;
    double timeLeft = 0;
    double time = 0;
    double priceLeft = 0;
    double price = 0;
    double leader = 0;
    double mark = 0;
};

BigScreen::Columns BigScreen::columns() const
{
    const double w = width();
    Columns at;
    at.margin = std::max(16.0, w * 0.03);
    at.number = w * 0.08;
    at.mark = w * 0.12;
    at.leader = w * 0.12;
    at.price = w * 0.18;
    at.time = w * 0.12;
    at.nameLeft = at.margin + at.number;
    at.name =
        w - 2 * at.margin - at.number - at.time - at.price - at.leader - at.mark - at.margin * 0.5;
    at.timeLeft = at.nameLeft + at.name;
    at.priceLeft = at.timeLeft + at.time;
    return at;
}

void BigScreen::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), Background);
    paintTitle(painter);
    const Columns at = columns();
    const double line = lineHeight();
    if (!m_error.isEmpty()) {
        painter.setPen(Text);
        painter.setFont(sized(line * 0.46));
        painter.drawText(QRectF(at.margin, headerHeight(), width() - 2 * at.margin, line * 2),
                         Qt::AlignVCenter | Qt::TextWordWrap, m_error);
        return;
    }
    paintHeadings(painter, at);
    double y = headerHeight() + line * 0.5;
    for (qsizetype i = 0; i < m_lines.size(); ++i, y += line)
        paintLine(painter, at, i, y);
    paintFooter(painter);
}

void BigScreen::paintTitle(QPainter& painter) const
{
    const double w = width();
    const double margin = std::max(16.0, w * 0.03);
    const double header = headerHeight();
    painter.fillRect(QRectF(0, 0, w, header), Band);
    painter.setPen(Text);
    painter.setFont(sized(header * 0.45, true));
    const QRectF titleBox(margin, 0, w * 0.7 - margin, header);
    painter.drawText(titleBox, Qt::AlignLeft | Qt::AlignVCenter,
                     painter.fontMetrics().elidedText(m_auctionName, Qt::ElideRight,
                                                      static_cast<int>(titleBox.width())));
    painter.setPen(Dim);
    painter.setFont(sized(header * 0.24));
    const QString pageText = pageCount() > 1
                                 ? tr("Page %1 of %2").arg(m_page + 1).arg(pageCount())
                                 : (m_total == 1 ? tr("1 lot") : tr("%1 lots").arg(m_total));
    painter.drawText(QRectF(w * 0.7, 0, w * 0.3 - margin, header),
                     Qt::AlignRight | Qt::AlignVCenter, pageText);
}

void BigScreen::paintHeadings(QPainter& painter, const Columns& at) const
{
    // Column headings, small: the figures below explain themselves once named.
    const double header = headerHeight();
    const double headings = lineHeight() * 0.5;
    painter.setPen(Dim);
    painter.setFont(sized(lineHeight() * 0.24, true));
    const auto heading = [&](double left, double width, Qt::Alignment side, const QString& text) {
        painter.drawText(QRectF(left, header, width, headings), side | Qt::AlignBottom, text);
    };
    heading(at.timeLeft, at.time, Qt::AlignRight, tr("TIME LEFT"));
    heading(at.margin, at.number, Qt::AlignLeft, tr("LOT"));
    heading(at.priceLeft, at.price, Qt::AlignRight, tr("CURRENT BID"));
    heading(at.priceLeft + at.price, at.leader, Qt::AlignRight, tr("PADDLE"));
}

void BigScreen::paintLine(QPainter& painter, const Columns& at, qsizetype index, double y) const
{
    const Line& entry = m_lines[index];
    const double w = width();
    const double line = lineHeight();
    const QFont boldFont = sized(line * 0.46, true);
    const auto cell = [&](double left, double width) { return QRectF(left, y, width, line); };
    if (index % 2 == 1)
        painter.fillRect(QRectF(0, y, w, line), Background.lighter(125));
    const bool dim = entry.mark != Line::Mark::Open;
    painter.setFont(boldFont);
    painter.setPen(Dim);
    painter.drawText(cell(at.margin, at.number), Qt::AlignLeft | Qt::AlignVCenter,
                     QString::number(entry.lotId));
    painter.setFont(sized(line * 0.46));
    painter.setPen(dim ? Dim : Text);
    painter.drawText(
        cell(at.nameLeft, at.name), Qt::AlignLeft | Qt::AlignVCenter,
        painter.fontMetrics().elidedText(entry.name, Qt::ElideRight, static_cast<int>(at.name)));
    if (!entry.timeLeft.isEmpty()) {
        painter.setFont(sized(line * 0.36, true));
        painter.setPen(Text);
        painter.drawText(cell(at.timeLeft, at.time), Qt::AlignRight | Qt::AlignVCenter,
                         entry.timeLeft);
    }
    const bool noBids = entry.leader.isEmpty();
    painter.setFont(noBids ? sized(line * 0.32) : boldFont);
    painter.setPen(noBids ? Dim : Price);
    painter.drawText(cell(at.priceLeft, at.price), Qt::AlignRight | Qt::AlignVCenter, entry.price);
    painter.setFont(boldFont);
    painter.setPen(Text);
    painter.drawText(cell(at.priceLeft + at.price, at.leader), Qt::AlignRight | Qt::AlignVCenter,
                     entry.leader);
    if (entry.mark == Line::Mark::Open)
        return;
    const QRectF badge(w - at.margin - at.mark * 0.85, y + line * 0.22, at.mark * 0.85,
                       line * 0.56);
    painter.setPen(Qt::NoPen);
    painter.setBrush(entry.mark == Line::Mark::Sold ? Sold : ClosedMark);
    painter.drawRoundedRect(badge, line * 0.1, line * 0.1);
    painter.setPen(Text);
    painter.setFont(sized(line * 0.28, true));
    painter.drawText(badge, Qt::AlignCenter, markText(entry.mark));
}

void BigScreen::paintFooter(QPainter& painter) const
{
    const double line = lineHeight();
    const double margin = std::max(16.0, width() * 0.03);
    painter.setPen(Dim);
    painter.setFont(sized(line * 0.26));
    const qint64 first = static_cast<qint64>(m_page) * linesPerPage() + 1;
    const QString footer =
        m_lines.isEmpty()
            ? tr("No lots yet")
            : tr("Lots %1–%2 of %3").arg(first).arg(first + m_lines.size() - 1).arg(m_total);
    painter.drawText(QRectF(margin, height() - line * 0.6, width() - 2 * margin, line * 0.6),
                     Qt::AlignLeft | Qt::AlignVCenter, footer);
}

} // namespace BidTracker::Gui
