#include "biddercards.h"

#include "model/ids.h"
#include "pagecanvas.h"
#include "qrcode.h"

namespace BidTracker::Print {

namespace {

constexpr double Margin = 36;
constexpr double Gutter = 24;  // between cards: room for the cut marks of both
constexpr double MarkGap = 3;  // cut marks stop short of the card, so no line is left on it
constexpr double MarkLength = 8;
const QColor Ink(0x20, 0x20, 0x20);
const QColor Grey(0x6b, 0x6b, 0x6b);

void paintCutMarks(PageCanvas& canvas, const QRectF& card)
{
    for (const QPointF corner : {card.topLeft(), card.topRight(), card.bottomLeft(),
                                 card.bottomRight()}) {
        const double dx = corner.x() == card.left() ? -1 : 1;
        const double dy = corner.y() == card.top() ? -1 : 1;
        canvas.strokeLine(corner + QPointF(dx * MarkGap, 0),
                          corner + QPointF(dx * (MarkGap + MarkLength), 0), 0.4, Ink);
        canvas.strokeLine(corner + QPointF(0, dy * MarkGap),
                          corner + QPointF(0, dy * (MarkGap + MarkLength)), 0.4, Ink);
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
    const double width = (page.width() - 2 * Margin - (Columns - 1) * Gutter) / Columns;
    const double height = (page.height() - 2 * Margin - (Rows - 1) * Gutter) / Rows;
    for (int slot = 0; slot < PerPage; ++slot) {
        const qsizetype at = static_cast<qsizetype>(index) * PerPage + slot;
        if (at >= m_bidders.size())
            break;
        const QRectF card(Margin + (slot % Columns) * (width + Gutter),
                          Margin + (slot / Columns) * (height + Gutter), width, height);
        paintCutMarks(canvas, card);
        paintCard(canvas, m_bidders[at], card);
    }
}

void BidderCards::paintCard(PageCanvas& canvas, const PrintBidder& bidder,
                            const QRectF& card) const
{
    const QRectF inner = card.adjusted(18, 18, -18, -18);
    double y = inner.top();
    canvas.drawLine(QRectF(inner.left(), y, inner.width(), 16), m_auctionName.toUpper(),
                    PageCanvas::font(10, true), Grey, Qt::AlignHCenter | Qt::AlignTop);
    y += 26;
    canvas.drawLine(QRectF(inner.left(), y, inner.width(), 14), QStringLiteral("BIDDER NUMBER"),
                    PageCanvas::font(8.5, true), Grey, Qt::AlignHCenter | Qt::AlignTop);
    y += 14;
    const QString number = QString::number(bidder.number);
    const double size = canvas.fittingSize(number, inner.width(), 130, 40, true);
    const double numberHeight = size * 1.25;
    canvas.drawLine(QRectF(inner.left(), y, inner.width(), numberHeight), number,
                    PageCanvas::font(size, true), Ink, Qt::AlignHCenter | Qt::AlignVCenter);
    y += numberHeight + 4;
    canvas.drawWrapped(QRectF(inner.left(), y, inner.width(), 44), bidder.name,
                       PageCanvas::font(16, true), Ink, Qt::AlignHCenter);

    const QString id = Model::formatId(Model::EntityKind::User, bidder.id);
    const double qr = std::min(96.0, inner.width() / 2);
    const QRectF qrBox(inner.center().x() - qr / 2, inner.bottom() - qr - 12, qr, qr);
    if (const auto code = QrCode::encode(id.toUtf8()))
        canvas.drawQr(*code, qrBox);
    canvas.drawLine(QRectF(inner.left(), inner.bottom() - 11, inner.width(), 11), id,
                    PageCanvas::font(8), Grey, Qt::AlignHCenter | Qt::AlignTop);
}

} // namespace BidTracker::Print
