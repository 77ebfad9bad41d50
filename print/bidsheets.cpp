#include "bidsheets.h"

#include "model/ids.h"
#include "model/tables/tablesupport.h"
#include "pagecanvas.h"
#include "qrcode.h"

namespace BidTracker::Print {

namespace {

constexpr double Margin = 40;
constexpr double QrSide = 104;
constexpr double RowHeight = 30; // room for a hand-written number
constexpr double FooterHeight = 22;
/// The description may take this much of the page; more is cut with "…", so the table
/// always keeps room for bids.
constexpr double DescriptionMaxHeight = 190;
const QColor Ink(0x20, 0x20, 0x20);
const QColor Grey(0x6b, 0x6b, 0x6b);
const QColor Rule(0xa0, 0xa0, 0xa0);
const QColor Shade(0xec, 0xec, 0xec);

QString lotId(const PrintLot& lot)
{
    return Model::formatId(Model::EntityKind::Item, lot.id);
}

} // namespace

BidSheets::BidSheets(Paper paper, QString auctionName, QList<PrintLot> lots)
    : Document(paper), m_auctionName(std::move(auctionName)), m_lots(std::move(lots))
{
}

QString BidSheets::title() const
{
    return QStringLiteral("%1: bid sheets").arg(m_auctionName);
}

int BidSheets::pageCount() const
{
    return std::max<int>(1, static_cast<int>(m_lots.size()));
}

void BidSheets::paintPage(PageCanvas& canvas, int index) const
{
    if (m_lots.isEmpty()) {
        canvas.drawLine(QRectF(Margin, Margin, canvas.pageSize().width() - 2 * Margin, 30),
                        QStringLiteral("No lots to print"), PageCanvas::font(16, true));
        return;
    }
    const PrintLot& lot = m_lots[index];
    double y = paintHeading(canvas, lot);
    y = paintDetails(canvas, lot, y);
    y = paintPrices(canvas, lot, y);
    const double footerTop = canvas.pageSize().height() - Margin - FooterHeight;
    paintTable(canvas, lot, y, footerTop - 8);

    const double width = canvas.pageSize().width() - 2 * Margin;
    canvas.strokeLine(QPointF(Margin, footerTop), QPointF(Margin + width, footerTop), 0.5, Rule);
    const QString rule =
        lot.steps.isEmpty()
            ? QStringLiteral("Each bid must be at least %1 above the one before it.")
                  .arg(Model::displayMoney(lot.minIncrement))
            : QStringLiteral("Each bid must beat the one before it by at least the bid step.");
    canvas.drawWrapped(QRectF(Margin, footerTop + 5, width * 0.8, FooterHeight),
                       rule + QStringLiteral(" Write your bidder number and amount clearly."),
                       PageCanvas::font(8), Grey);
    canvas.drawLine(QRectF(Margin, footerTop + 5, width, 12), lotId(lot), PageCanvas::font(8, true),
                    Grey, Qt::AlignRight | Qt::AlignTop);
}

double BidSheets::paintHeading(PageCanvas& canvas, const PrintLot& lot) const
{
    const double width = canvas.pageSize().width() - 2 * Margin;
    const double textWidth = width - QrSide - 20;
    double y = Margin;
    // The auction's name is read whole: smaller when long, never cut.
    canvas.drawFitted(QRectF(Margin, y, textWidth, 18), m_auctionName.toUpper(), 10, 6.5, true,
                      Grey);
    y += 20;
    canvas.drawLine(QRectF(Margin, y, textWidth, 18), QStringLiteral("Lot %1").arg(lot.id),
                    PageCanvas::font(13, true), Ink);
    y += 22;
    y += canvas.drawWrapped(QRectF(Margin, y, textWidth, 62), lot.name, PageCanvas::font(22, true),
                            Ink);

    if (const auto code = QrCode::encode(lotId(lot).toUtf8()))
        canvas.drawQr(*code, QRectF(Margin + width - QrSide, Margin - 6, QrSide, QrSide));
    canvas.drawLine(QRectF(Margin + width - QrSide, Margin + QrSide - 8, QrSide, 12), lotId(lot),
                    PageCanvas::font(8), Grey, Qt::AlignHCenter | Qt::AlignTop);

    y = std::max(y, Margin + QrSide + 6) + 6;
    canvas.strokeLine(QPointF(Margin, y), QPointF(Margin + width, y), 1.2, Ink);
    return y + 12;
}

double BidSheets::paintDetails(PageCanvas& canvas, const PrintLot& lot, double top) const
{
    const double width = canvas.pageSize().width() - 2 * Margin;
    double y = top;
    if (!lot.description.trimmed().isEmpty()) {
        y += canvas.drawWrapped(QRectF(Margin, y, width, DescriptionMaxHeight), lot.description,
                                PageCanvas::font(10.5), Ink);
        y += 8;
    }
    QStringList facts;
    if (!lot.donor.trimmed().isEmpty())
        facts.append(QStringLiteral("Donated by %1").arg(lot.donor));
    if (lot.fairMarketValue)
        facts.append(
            QStringLiteral("Fair market value %1").arg(Model::displayMoney(*lot.fairMarketValue)));
    if (!lot.closesAt.isEmpty())
        facts.append(QStringLiteral("Closes %1").arg(Model::displayTime(lot.closesAt)));
    if (!facts.isEmpty()) {
        y += canvas.drawWrapped(QRectF(Margin, y, width, 30), facts.join(QStringLiteral("   ·   ")),
                                PageCanvas::font(10), Grey);
        y += 8;
    }
    return y;
}

double BidSheets::paintPrices(PageCanvas& canvas, const PrintLot& lot, double top) const
{
    QList<std::pair<QString, QString>> boxes{
        {QStringLiteral("STARTING BID"), Model::displayMoney(lot.startingPrice)},
        {QStringLiteral("MINIMUM RAISE"), Model::displayMoney(lot.openingStep)},
    };
    if (lot.buyNow)
        boxes.append({QStringLiteral("BUY NOW"), Model::displayMoney(*lot.buyNow)});
    const double width = canvas.pageSize().width() - 2 * Margin;
    const double gap = 12;
    const double boxWidth = (width - gap * (boxes.size() - 1)) / boxes.size();
    const double height = 50;
    for (qsizetype i = 0; i < boxes.size(); ++i) {
        const QRectF box(Margin + i * (boxWidth + gap), top, boxWidth, height);
        canvas.strokeRect(box, 0.8, Rule);
        canvas.drawLine(box.adjusted(10, 7, -10, 0), boxes[i].first, PageCanvas::font(7.5, true),
                        Grey, Qt::AlignLeft | Qt::AlignTop);
        const double size = canvas.fittingSize(boxes[i].second, boxWidth - 20, 19, 10, true);
        canvas.drawLine(box.adjusted(10, 18, -10, -6), boxes[i].second,
                        PageCanvas::font(size, true), Ink, Qt::AlignLeft | Qt::AlignVCenter);
    }
    double bottom = top + height;
    if (!lot.steps.isEmpty()) {
        QStringList steps;
        for (const auto& [from, step] : lot.steps)
            steps.append(QStringLiteral("%1 from %2")
                             .arg(Model::displayMoney(step), Model::displayMoney(from)));
        bottom += 6;
        bottom +=
            canvas.drawWrapped(QRectF(Margin, bottom, width, 26),
                               QStringLiteral("Bid steps: ") + steps.join(QStringLiteral("  ·  ")),
                               PageCanvas::font(9), Grey);
    }
    return bottom + 16;
}

void BidSheets::paintTable(PageCanvas& canvas, const PrintLot& lot, double top, double bottom) const
{
    const double width = canvas.pageSize().width() - 2 * Margin;
    const double numberWidth = 28;
    const double bidderWidth = (width - numberWidth) * 0.42;
    const double headerHeight = 22;
    const int rows = std::max(1, static_cast<int>((bottom - top - headerHeight) / RowHeight));
    const double tableBottom = top + headerHeight + rows * RowHeight;
    const double bidderLeft = Margin + numberWidth;
    const double amountLeft = bidderLeft + bidderWidth;

    canvas.fillRect(QRectF(Margin, top, width, headerHeight), Shade);
    const QFont headerFont = PageCanvas::font(8, true);
    canvas.drawLine(QRectF(bidderLeft + 8, top, bidderWidth - 16, headerHeight),
                    QStringLiteral("BIDDER NUMBER"), headerFont, Ink, Qt::AlignVCenter);
    canvas.drawLine(
        QRectF(amountLeft + 8, top, width - bidderWidth - numberWidth - 16, headerHeight),
        QStringLiteral("BID AMOUNT"), headerFont, Ink, Qt::AlignVCenter);

    const QFont numberFont = PageCanvas::font(7.5);
    for (int row = 0; row < rows; ++row) {
        const double rowTop = top + headerHeight + row * RowHeight;
        canvas.drawLine(QRectF(Margin, rowTop, numberWidth - 6, RowHeight),
                        QString::number(row + 1), numberFont, Grey,
                        Qt::AlignRight | Qt::AlignVCenter);
        if (row > 0)
            canvas.strokeLine(QPointF(Margin, rowTop), QPointF(Margin + width, rowTop), 0.5, Rule);
    }
    // The first line's amount: the lowest acceptable bid, so the first bidder need not work
    // it out and every later line only has to beat the one above.
    canvas.drawLine(QRectF(amountLeft + 8, top + headerHeight,
                           width - bidderWidth - numberWidth - 16, RowHeight),
                    QStringLiteral("%1 (minimum)").arg(Model::displayMoney(lot.firstMinimum)),
                    PageCanvas::font(12, true), Grey, Qt::AlignLeft | Qt::AlignVCenter);

    canvas.strokeLine(QPointF(bidderLeft, top), QPointF(bidderLeft, tableBottom), 0.5, Rule);
    canvas.strokeLine(QPointF(amountLeft, top), QPointF(amountLeft, tableBottom), 0.8, Rule);
    canvas.strokeRect(QRectF(Margin, top, width, tableBottom - top), 1, Ink);
    canvas.strokeLine(QPointF(Margin, top + headerHeight),
                      QPointF(Margin + width, top + headerHeight), 1, Ink);
}

} // namespace BidTracker::Print
