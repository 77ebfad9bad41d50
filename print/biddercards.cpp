#include "biddercards.h"

#include "model/ids.h"
#include "pagecanvas.h"
#include "qrcode.h"

namespace BidTracker::Print {

namespace {

constexpr double Margin = 36;
// Cards touch, so one guillotine cut separates two of them; the marks that show where to
// cut sit in the page's margin, on the line of each cut, and never on a card.
constexpr double MarkGap = 6;
constexpr double MarkLength = 18;
const QColor Ink(0x20, 0x20, 0x20);
const QColor Grey(0x6b, 0x6b, 0x6b);

void paintCutMarks(PageCanvas& canvas, const QRectF& area, int columns, int rows)
{
    const double cardWidth = area.width() / columns;
    const double cardHeight = area.height() / rows;
    for (int column = 0; column <= columns; ++column) {
        const double x = area.left() + column * cardWidth;
        canvas.strokeLine(QPointF(x, area.top() - MarkGap - MarkLength),
                          QPointF(x, area.top() - MarkGap), 0.5, Ink);
        canvas.strokeLine(QPointF(x, area.bottom() + MarkGap),
                          QPointF(x, area.bottom() + MarkGap + MarkLength), 0.5, Ink);
    }
    for (int row = 0; row <= rows; ++row) {
        const double y = area.top() + row * cardHeight;
        canvas.strokeLine(QPointF(area.left() - MarkGap - MarkLength, y),
                          QPointF(area.left() - MarkGap, y), 0.5, Ink);
        canvas.strokeLine(QPointF(area.right() + MarkGap, y),
                          QPointF(area.right() + MarkGap + MarkLength, y), 0.5, Ink);
    }
}

} // namespace

BidderCards::BidderCards(Paper paper, QString auctionName, QList<PrintBidder> bidders)
    : Document(paper), m_auctionName(std::move(auctionName)), m_bidders(std::move(bidders))
{
}

QString BidderCards::title() const
{
    return QStringLiteral("%1: bidder cards").arg(m_auctionName);
}

int BidderCards::pageCount() const
{
    return std::max(1, static_cast<int>((m_bidders.size() + PerPage - 1) / PerPage));
}

void BidderCards::paintPage(PageCanvas& canvas, int index) const
{
    const QSizeF page = canvas.pageSize();
    if (m_bidders.isEmpty()) {
        canvas.drawLine(QRectF(Margin, Margin, page.width() - 2 * Margin, 30),
                        QStringLiteral("No bidders to print"), PageCanvas::font(16, true));
        return;
    }
    const QRectF area(Margin, Margin, page.width() - 2 * Margin, page.height() - 2 * Margin);
    const double width = area.width() / Columns;
    const double height = area.height() / Rows;
    paintCutMarks(canvas, area, Columns, Rows);
    for (int slot = 0; slot < PerPage; ++slot) {
        const qsizetype at = static_cast<qsizetype>(index) * PerPage + slot;
        if (at >= m_bidders.size())
            break;
        const QRectF card(area.left() + (slot % Columns) * width,
                          area.top() + (slot / Columns) * height, width, height);
        paintCard(canvas, m_bidders[at], card);
    }
}

void BidderCards::paintCard(PageCanvas& canvas, const PrintBidder& bidder, const QRectF& card) const
{
    // Nothing within a quarter inch of the cut: a guillotine strays by a millimetre or two.
    const QRectF inner = card.adjusted(18, 18, -18, -18);
    double y = inner.top();
    // The auction's name is read whole: smaller when long, on two lines when longer still.
    const double title =
        canvas.drawFitted(QRectF(inner.left(), y, inner.width(), 24), m_auctionName.toUpper(), 10,
                          8, true, Grey, Qt::AlignHCenter | Qt::AlignTop);
    y += std::max(16.0, title) + 6;
    canvas.drawLine(QRectF(inner.left(), y, inner.width(), 14), QStringLiteral("BIDDER NUMBER"),
                    PageCanvas::font(8.5, true), Grey, Qt::AlignHCenter | Qt::AlignTop);
    y += 14;

    // From the foot up: the QR code and its caption, the name, then the number gets the rest.
    const QString id = Model::formatId(Model::EntityKind::User, bidder.id);
    const double qr = std::min({96.0, inner.width() / 2, inner.height() * 0.3});
    const double captionTop = inner.bottom() - 10;
    const QRectF qrBox(inner.center().x() - qr / 2, captionTop - qr, qr, qr);
    const QFont nameFont = PageCanvas::font(16, true);
    const double nameHeight =
        std::min(44.0, canvas.wrappedHeight(inner.width(), bidder.name, nameFont));
    const double nameTop = qrBox.top() - 8 - nameHeight;
    const double numberHeight = nameTop - 6 - y;
    const QString number = QString::number(bidder.number);
    const double size =
        std::min(canvas.fittingSize(number, inner.width(), 140, 30, true), numberHeight / 1.2);
    canvas.drawLine(QRectF(inner.left(), y, inner.width(), numberHeight), number,
                    PageCanvas::font(size, true), Ink, Qt::AlignHCenter | Qt::AlignVCenter);
    canvas.drawWrapped(QRectF(inner.left(), nameTop, inner.width(), nameHeight), bidder.name,
                       nameFont, Ink, Qt::AlignHCenter);
    if (const auto code = QrCode::encode(id.toUtf8()))
        canvas.drawQr(*code, qrBox);
    canvas.drawLine(QRectF(inner.left(), captionTop, inner.width(), 10), id, PageCanvas::font(7.5),
                    Grey, Qt::AlignHCenter | Qt::AlignTop);
}

} // namespace BidTracker::Print
