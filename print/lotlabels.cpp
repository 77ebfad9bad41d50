#include "lotlabels.h"

#include "model/ids.h"
#include "model/tables/tablesupport.h"
#include "pagecanvas.h"
#include "qrcode.h"

namespace BidTracker::Print {

namespace {

// Label printers and sheets shift by a millimetre or two: nothing is printed this close to
// a label's edge.
constexpr double SafeInset = 7;
const QColor Ink(0x20, 0x20, 0x20);
const QColor Grey(0x6b, 0x6b, 0x6b);

} // namespace

LotLabels::LotLabels(Paper paper, QList<PrintLot> lots)
    : Document(paper), m_format(labelFormatFor(paper)), m_lots(std::move(lots))
{
}

QString LotLabels::title() const
{
    return QStringLiteral("Lot labels (%1)").arg(m_format.name);
}

int LotLabels::pageCount() const
{
    const int perPage = m_format.perPage();
    return std::max(1, static_cast<int>((m_lots.size() + perPage - 1) / perPage));
}

void LotLabels::paintPage(PageCanvas& canvas, int index) const
{
    if (m_lots.isEmpty()) {
        canvas.drawLine(m_format.labelRect(0).adjusted(SafeInset, SafeInset, 0, 0),
                        QStringLiteral("No lots to print"), PageCanvas::font(10, true));
        return;
    }
    const int perPage = m_format.perPage();
    for (int slot = 0; slot < perPage; ++slot) {
        const qsizetype at = static_cast<qsizetype>(index) * perPage + slot;
        if (at >= m_lots.size())
            break;
        paintLabel(canvas, m_lots[at], m_format.labelRect(slot));
    }
}

void LotLabels::paintLabel(PageCanvas& canvas, const PrintLot& lot, const QRectF& label) const
{
    const QRectF inner = label.adjusted(SafeInset, SafeInset, -SafeInset, -SafeInset);
    const QString id = Model::formatId(Model::EntityKind::Item, lot.id);
    const double qr = std::min(inner.height(), 72.0);
    if (const auto code = QrCode::encode(id.toUtf8()))
        canvas.drawQr(*code, QRectF(inner.right() - qr, inner.center().y() - qr / 2, qr, qr));
    const double textWidth = inner.width() - qr - 4;
    // Sized by the label's height, so the taller A4 labels get somewhat larger type.
    const double scale = std::min(1.2, inner.height() / 58);
    double y = inner.top();
    const double headHeight = 13 * scale;
    const QString head = QStringLiteral("Lot %1").arg(lot.id);
    const QFont headFont = PageCanvas::font(10 * scale, true);
    canvas.drawLine(QRectF(inner.left(), y, textWidth, headHeight), head, headFont, Ink,
                    Qt::AlignLeft | Qt::AlignTop);
    y += headHeight;
    const QString price =
        QStringLiteral("Starting bid %1").arg(Model::displayMoney(lot.startingPrice));
    const double priceSize = canvas.fittingSize(price, textWidth, 7.5 * scale, 5, true);
    const double priceHeight = priceSize * 1.45;
    canvas.drawWrapped(QRectF(inner.left(), y, textWidth, inner.bottom() - priceHeight - y - 1),
                       lot.name, PageCanvas::font(8.5 * scale), Ink);
    canvas.drawLine(QRectF(inner.left(), inner.bottom() - priceHeight, textWidth, priceHeight),
                    price, PageCanvas::font(priceSize, true), Grey,
                    Qt::AlignLeft | Qt::AlignBottom);
    // The id beside the number when both fit (the QR code holds it in any case).
    const QFont idFont = PageCanvas::font(7 * scale);
    if (canvas.textWidth(head, headFont) + canvas.textWidth(id, idFont) + 6 <= textWidth)
        canvas.drawLine(QRectF(inner.left(), y - headHeight, textWidth, headHeight), id, idFont,
                        Grey, Qt::AlignRight | Qt::AlignTop);
}

} // namespace BidTracker::Print
