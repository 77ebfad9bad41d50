#include "bigscreen.h"

#include "model/auctionservice.h"
#include "model/changenotifier.h"
#include "model/ids.h"
#include "model/lotrules.h"
#include "model/tables/tablesupport.h"
#include "print/printsource.h"

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
    case Model::LotOutcome::Open:
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
    : QWidget(parent), m_service(service)
{
    setWindowTitle(tr("Big screen"));
    setAutoFillBackground(false);
    setMinimumSize(640, 360);
    m_pageTimer.setInterval(10'000);
    connect(&m_pageTimer, &QTimer::timeout, this, [this] { showPage(m_page + 1); });
    m_pageTimer.start();
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, qOverload<>(&QWidget::update));
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(100);
    connect(&m_reloadTimer, &QTimer::timeout, this, &BigScreen::reload);
    connect(&notifier, &Model::ChangeNotifier::changed, this, [this] { m_reloadTimer.start(); });
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

void BigScreen::reload()
{
    const auto name = Print::PrintSource(m_service).auctionName();
    m_auctionName = name ? *name : QString();
    const int per = linesPerPage();
    auto items = m_service.items(Model::Page{per, static_cast<qint64>(m_page) * per});
    if (!items) {
        m_error = items.error().message;
        update();
        return;
    }
    m_error.clear();
    m_total = items->total;
    if (items->rows.isEmpty() && m_page > 0) {
        // Lots were deleted since: start again from the first page.
        m_page = 0;
        reload();
        return;
    }
    m_lines.clear();
    for (const Model::Item& item : items->rows) {
        Line line;
        line.lotId = item.id;
        line.name = item.name;
        const Model::LotOutcome outcome = Model::lotOutcome(item);
        const bool closed = outcome != Model::LotOutcome::Open;
        if (item.winningValue) {
            line.price = Model::displayMoney(*item.winningValue);
            line.leader = QString::number(item.winnerNumber);
        } else {
            line.price = tr("opens at %1").arg(Model::displayMoney(item.startingPrice));
        }
        line.mark = markOf(outcome);
        if (!closed)
            line.closesAt = item.closesAt;
        m_lines.append(line);
    }
    const bool counting = std::any_of(m_lines.begin(), m_lines.end(),
                                      [](const Line& line) { return !line.closesAt.isEmpty(); });
    if (counting && !m_clock.isActive())
        m_clock.start();
    else if (!counting)
        m_clock.stop();
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

QString BigScreen::timeLeft(const QString& closesAt, const QDateTime& now)
{
    if (closesAt.isEmpty())
        return {};
    const QDateTime end = QDateTime::fromString(closesAt, Qt::ISODateWithMs);
    if (!end.isValid())
        return {};
    const qint64 seconds = now.secsTo(end);
    if (seconds <= 0)
        return tr("closing");
    if (seconds >= 24 * 3600)
        return QLocale().toString(end.toLocalTime(), QStringLiteral("ddd HH:mm"));
    const qint64 h = seconds / 3600;
    const qint64 m = seconds / 60 % 60;
    const qint64 sec = seconds % 60;
    return h > 0 ? QStringLiteral("%1:%2:%3")
                       .arg(h)
                       .arg(m, 2, 10, QChar(u'0'))
                       .arg(sec, 2, 10, QChar(u'0'))
                 : QStringLiteral("%1:%2").arg(m).arg(sec, 2, 10, QChar(u'0'));
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

void BigScreen::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), Background);
    const double w = width();
    const double margin = std::max(16.0, w * 0.03);
    const double header = headerHeight();
    const double line = lineHeight();

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

    // Columns: lot number, name, current bid, leader, mark.
    const double numberWidth = w * 0.08;
    const double markWidth = w * 0.12;
    const double leaderWidth = w * 0.12;
    const double priceWidth = w * 0.18;
    const double timeWidth = w * 0.12;
    const double nameLeft = margin + numberWidth;
    const double nameWidth = w - 2 * margin - numberWidth - timeWidth - priceWidth - leaderWidth -
                             markWidth - margin * 0.5;
    const QFont nameFont = sized(line * 0.46);
    const QFont boldFont = sized(line * 0.46, true);
    const QFont markFont = sized(line * 0.28, true);

    if (!m_error.isEmpty()) {
        painter.setPen(Text);
        painter.setFont(nameFont);
        painter.drawText(QRectF(margin, header, w - 2 * margin, line * 2),
                         Qt::AlignVCenter | Qt::TextWordWrap, m_error);
        return;
    }
    // Column headings, small: the figures below explain themselves once named.
    const double headings = line * 0.5;
    painter.setPen(Dim);
    painter.setFont(sized(line * 0.24, true));
    const double timeLeft0 = nameLeft + nameWidth;
    const double priceLeft0 = timeLeft0 + timeWidth;
    painter.drawText(QRectF(timeLeft0, header, timeWidth, headings),
                     Qt::AlignRight | Qt::AlignBottom, tr("TIME LEFT"));
    painter.drawText(QRectF(margin, header, numberWidth, headings), Qt::AlignLeft | Qt::AlignBottom,
                     tr("LOT"));
    painter.drawText(QRectF(priceLeft0, header, priceWidth, headings),
                     Qt::AlignRight | Qt::AlignBottom, tr("CURRENT BID"));
    painter.drawText(QRectF(priceLeft0 + priceWidth, header, leaderWidth, headings),
                     Qt::AlignRight | Qt::AlignBottom, tr("PADDLE"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    double y = header + headings;
    for (qsizetype i = 0; i < m_lines.size(); ++i, y += line) {
        const Line& entry = m_lines[i];
        if (i % 2 == 1)
            painter.fillRect(QRectF(0, y, w, line), Background.lighter(125));
        const bool dim = entry.mark != Line::Mark::Open;
        painter.setFont(boldFont);
        painter.setPen(Dim);
        painter.drawText(QRectF(margin, y, numberWidth, line), Qt::AlignLeft | Qt::AlignVCenter,
                         QString::number(entry.lotId));
        painter.setFont(nameFont);
        painter.setPen(dim ? Dim : Text);
        painter.drawText(QRectF(nameLeft, y, nameWidth, line), Qt::AlignLeft | Qt::AlignVCenter,
                         painter.fontMetrics().elidedText(entry.name, Qt::ElideRight,
                                                          static_cast<int>(nameWidth)));
        const QString left = timeLeft(entry.closesAt, now);
        if (!left.isEmpty()) {
            painter.setFont(sized(line * 0.36, true));
            painter.setPen(Text);
            painter.drawText(QRectF(timeLeft0, y, timeWidth, line),
                             Qt::AlignRight | Qt::AlignVCenter, left);
        }
        const double priceLeft = priceLeft0;
        const bool noBids = entry.leader.isEmpty();
        painter.setFont(noBids ? sized(line * 0.32) : boldFont);
        painter.setPen(noBids ? Dim : Price);
        painter.drawText(QRectF(priceLeft, y, priceWidth, line), Qt::AlignRight | Qt::AlignVCenter,
                         entry.price);
        painter.setFont(boldFont);
        painter.setPen(Text);
        painter.drawText(QRectF(priceLeft + priceWidth, y, leaderWidth, line),
                         Qt::AlignRight | Qt::AlignVCenter, entry.leader);
        if (entry.mark != Line::Mark::Open) {
            const bool sold = entry.mark == Line::Mark::Sold;
            const QRectF badge(w - margin - markWidth * 0.85, y + line * 0.22, markWidth * 0.85,
                               line * 0.56);
            painter.setPen(Qt::NoPen);
            painter.setBrush(sold ? Sold : ClosedMark);
            painter.drawRoundedRect(badge, line * 0.1, line * 0.1);
            painter.setPen(Text);
            painter.setFont(markFont);
            painter.drawText(badge, Qt::AlignCenter, markText(entry.mark));
        }
    }
    painter.setPen(Dim);
    painter.setFont(sized(line * 0.26));
    const qint64 first = static_cast<qint64>(m_page) * linesPerPage() + 1;
    const QString footer =
        m_lines.isEmpty()
            ? tr("No lots yet")
            : tr("Lots %1–%2 of %3").arg(first).arg(first + m_lines.size() - 1).arg(m_total);
    painter.drawText(QRectF(margin, height() - line * 0.6, w - 2 * margin, line * 0.6),
                     Qt::AlignLeft | Qt::AlignVCenter, footer);
}

} // namespace BidTracker::Gui
