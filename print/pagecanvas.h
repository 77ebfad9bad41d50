#pragma once

#include <QColor>
#include <QFont>
#include <QPainter>
#include <QRectF>

class QPagedPaintDevice;

namespace BidTracker::Print {

class QrCode;

/// A painter on one page of a paged device, measured in typographic points (1/72 inch) from
/// the paper's top-left corner, whatever the device's resolution: the PDF writer, the
/// printer and the preview all get the same layout.
class PageCanvas
{
public:
    /// Begins painting on `device`, whose page layout is already set with no margins.
    explicit PageCanvas(QPagedPaintDevice& device);
    ~PageCanvas();
    Q_DISABLE_COPY_MOVE(PageCanvas)

    /// False when the device could not be painted on (a printer that failed to start).
    bool isActive() const { return m_painter.isActive(); }
    /// The paper's size in points.
    QSizeF pageSize() const { return m_pageSize; }
    /// Ends the page and starts the next one.
    bool newPage();

    /// A font of `points` size, bold or not, in the application's family.
    static QFont font(double points, bool bold = false);

    /// Draws `text` wrapped to the width of `box` in `font`, from its top, at most as high as
    /// the box: lines that do not fit are left out, the last shown one ending in "…".
    /// Returns the height used.
    double drawWrapped(const QRectF& box, const QString& text, const QFont& font,
                       const QColor& color = Qt::black, Qt::Alignment align = Qt::AlignLeft);
    /// The height drawWrapped() would use without a height limit.
    double wrappedHeight(double width, const QString& text, const QFont& font);
    /// One line, elided with "…" to the box's width, aligned in the box.
    void drawLine(const QRectF& box, const QString& text, const QFont& font,
                  const QColor& color = Qt::black, Qt::Alignment align = Qt::AlignLeft);
    /// A name that must be read whole (the auction's, on every document): on one line in the
    /// largest size from `points` down to `minimum` that fits the box's width; when even
    /// `minimum` is too wide, wrapped at `minimum` within the box's height. Returns the
    /// height used.
    double drawFitted(const QRectF& box, const QString& text, double points, double minimum,
                      bool bold, const QColor& color = Qt::black,
                      Qt::Alignment align = Qt::AlignLeft);
    /// The width of `text` on one line, in points.
    double textWidth(const QString& text, const QFont& font) const;
    /// The largest size from `points` down to `minimum` at which `text` fits on one line
    /// `width` wide.
    double fittingSize(const QString& text, double width, double points, double minimum,
                       bool bold = false);
    void strokeRect(const QRectF& box, double widthPoints, const QColor& color = Qt::black);
    void strokeLine(QPointF from, QPointF to, double widthPoints, const QColor& color = Qt::black);
    void fillRect(const QRectF& box, const QColor& color);
    void drawQr(const QrCode& code, const QRectF& box);

private:
    /// A rectangle in points as the device's units.
    QRectF toDevice(const QRectF& box) const;

    QPainter m_painter;
    QPagedPaintDevice& m_device;
    double m_scale = 1; // device units per point
    QSizeF m_pageSize;
};

} // namespace BidTracker::Print
