#include "pagecanvas.h"

#include "qrcode.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPagedPaintDevice>
#include <QTextLayout>

namespace BidTracker::Print {

PageCanvas::PageCanvas(QPagedPaintDevice& device) : m_device(device)
{
    m_scale = device.logicalDpiX() / 72.0;
    m_pageSize = device.pageLayout().fullRect(QPageLayout::Point).size();
    m_painter.begin(&device);
    // Geometry in points from here on. Fonts keep their point sizes: the painter sizes them
    // for the device, and the scale below would apply twice, so text is drawn unscaled.
    m_painter.setRenderHint(QPainter::Antialiasing);
    m_painter.setRenderHint(QPainter::TextAntialiasing);
}

PageCanvas::~PageCanvas()
{
    if (m_painter.isActive())
        m_painter.end();
}

bool PageCanvas::newPage()
{
    return m_device.newPage();
}

QFont PageCanvas::font(double points, bool bold)
{
    QFont font = QGuiApplication::font();
    font.setPointSizeF(points);
    font.setBold(bold);
    // Metrics as the paper has them, not as a screen would round them to pixels.
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

QRectF PageCanvas::toDevice(const QRectF& box) const
{
    return QRectF(box.x() * m_scale, box.y() * m_scale, box.width() * m_scale,
                  box.height() * m_scale);
}

double PageCanvas::drawWrapped(const QRectF& box, const QString& text, const QFont& font,
                               const QColor& color, Qt::Alignment align)
{
    const QRectF target = toDevice(box);
    QTextLayout layout(text, font, &m_device);
    QTextOption option(align);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    const QFontMetricsF metrics(font, &m_device);
    layout.beginLayout();
    double y = 0;
    QList<QTextLine> lines;
    bool cut = false;
    while (true) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(target.width());
        if (y + line.height() > target.height() + 0.01) {
            cut = true;
            break;
        }
        line.setPosition(QPointF(0, y));
        y += line.height();
        lines.append(line);
    }
    layout.endLayout();
    m_painter.save();
    m_painter.setPen(color);
    m_painter.setFont(font);
    // Marks stacked without end on one letter (150 combining accents) reach far above the
    // line's height: nothing drawn leaves the box (issue 21.17). A little room on the sides
    // keeps an italic's overhang.
    const double side = metrics.averageCharWidth() / 2;
    m_painter.setClipRect(target.adjusted(-side, 0, side, 0), Qt::IntersectClip);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QTextLine& line = lines[i];
        if (cut && i == lines.size() - 1) {
            // The rest of the text from this line on, shortened to the line with "…".
            const QString rest = text.mid(line.textStart()).simplified();
            const QString shown = metrics.elidedText(rest, Qt::ElideRight, target.width());
            const double width = metrics.horizontalAdvance(shown);
            double x = target.left();
            if (align & Qt::AlignHCenter)
                x += (target.width() - width) / 2;
            else if (align & Qt::AlignRight)
                x += target.width() - width;
            m_painter.drawText(QPointF(x, target.top() + line.y() + line.ascent()), shown);
        } else {
            line.draw(&m_painter, target.topLeft());
        }
    }
    m_painter.restore();
    return y / m_scale;
}

double PageCanvas::wrappedHeight(double width, const QString& text, const QFont& font)
{
    QTextLayout layout(text, font, &m_device);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    double y = 0;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width * m_scale);
        y += line.height();
    }
    layout.endLayout();
    return y / m_scale;
}

void PageCanvas::drawLine(const QRectF& box, const QString& text, const QFont& font,
                          const QColor& color, Qt::Alignment align)
{
    const QRectF target = toDevice(box);
    const QFontMetricsF metrics(font, &m_device);
    m_painter.setPen(color);
    m_painter.setFont(font);
    m_painter.drawText(target, static_cast<int>(align) | Qt::TextSingleLine,
                       metrics.elidedText(text, Qt::ElideRight, target.width()));
}

double PageCanvas::drawFitted(const QRectF& box, const QString& text, double points, double minimum,
                              bool bold, const QColor& color, Qt::Alignment align)
{
    const double size = fittingSize(text, box.width(), points, minimum, bold);
    const QFont fitted = font(size, bold);
    if (textWidth(text, fitted) <= box.width()) {
        // One line: about 1.35 times the size high, in the box as drawLine() aligns it.
        const double height = std::min(box.height(), size * 1.35);
        drawLine(QRectF(box.left(), box.top(), box.width(), height), text, fitted, color, align);
        return height;
    }
    const Qt::Alignment across = align & Qt::AlignHorizontal_Mask;
    return drawWrapped(box, text, fitted, color, across);
}

double PageCanvas::textWidth(const QString& text, const QFont& font) const
{
    return QFontMetricsF(font, &m_device).horizontalAdvance(text) / m_scale;
}

double PageCanvas::fittingSize(const QString& text, double width, double points, double minimum,
                               bool bold)
{
    for (double size = points; size > minimum; size *= 0.92) {
        if (QFontMetricsF(font(size, bold), &m_device).horizontalAdvance(text) <= width * m_scale)
            return size;
    }
    return minimum;
}

void PageCanvas::strokeRect(const QRectF& box, double widthPoints, const QColor& color)
{
    m_painter.setPen(QPen(color, widthPoints * m_scale));
    m_painter.setBrush(Qt::NoBrush);
    m_painter.drawRect(toDevice(box));
}

void PageCanvas::strokeLine(QPointF from, QPointF to, double widthPoints, const QColor& color)
{
    m_painter.setPen(QPen(color, widthPoints * m_scale, Qt::SolidLine, Qt::FlatCap));
    m_painter.drawLine(from * m_scale, to * m_scale);
}

void PageCanvas::fillRect(const QRectF& box, const QColor& color)
{
    m_painter.fillRect(toDevice(box), color);
}

void PageCanvas::drawQr(const QrCode& code, const QRectF& box)
{
    code.paint(m_painter, toDevice(box));
}

} // namespace BidTracker::Print
