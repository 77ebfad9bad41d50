#include "qrcode.h"

#include <QPainter>
#include <QPainterPath>
#include <memory>
#include <qrencode.h>

namespace BidTracker::Print {

namespace {

constexpr int QuietZone = 4;

struct QrFree
{
    void operator()(QRcode* code) const { QRcode_free(code); }
};

} // namespace

std::optional<QrCode> QrCode::encode(const QByteArray& text)
{
    // Version 0: the smallest symbol that holds the text; 8-bit mode keeps any UTF-8 intact.
    const std::unique_ptr<QRcode, QrFree> code(QRcode_encodeData(
        static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.constData()), 0,
        QR_ECLEVEL_M));
    if (!code)
        return std::nullopt;
    const int size = code->width;
    QList<bool> dark(size * size);
    for (int i = 0; i < size * size; ++i)
        dark[i] = (code->data[i] & 1) != 0; // bit 0 is the module's colour (qrencode.h)
    return QrCode(size, std::move(dark));
}

void QrCode::paint(QPainter& painter, const QRectF& target) const
{
    const double side = std::min(target.width(), target.height());
    const double module = side / (m_size + 2 * QuietZone);
    const QPointF origin(target.center().x() - side / 2 + QuietZone * module,
                         target.center().y() - side / 2 + QuietZone * module);
    painter.fillRect(QRectF(target.center() - QPointF(side / 2, side / 2), QSizeF(side, side)),
                     Qt::white);
    // One path of horizontal runs, filled once: squares painted one by one leave hairline
    // seams where a rasteriser antialiases their shared edges.
    QPainterPath path;
    path.setFillRule(Qt::WindingFill);
    for (int y = 0; y < m_size; ++y) {
        for (int x = 0; x < m_size;) {
            if (!isDark(x, y)) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < m_size && isDark(x, y))
                ++x;
            path.addRect(QRectF(origin.x() + start * module, origin.y() + y * module,
                                (x - start) * module, module));
        }
    }
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::black);
    painter.drawPath(path);
    painter.restore();
}

} // namespace BidTracker::Print
