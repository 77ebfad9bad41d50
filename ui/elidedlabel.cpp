#include "elidedlabel.h"

#include <QPainter>
#include <QTextLayout>

namespace BidTracker::Gui {

namespace {

/// No label asks for more than this many average characters of width: a longer text is
/// elided or wrapped inside whatever width the layout gives.
constexpr int WidestChars = 60;
constexpr int NarrowestChars = 8;

} // namespace

bool ElidedLabel::plain() const
{
    return textFormat() == Qt::PlainText ||
           (textFormat() == Qt::AutoText && !Qt::mightBeRichText(text()));
}

QSize ElidedLabel::minimumSizeHint() const
{
    QSize size = QLabel::minimumSizeHint();
    if (plain())
        size.setWidth(std::min(size.width(), fontMetrics().averageCharWidth() * NarrowestChars));
    return size;
}

QSize ElidedLabel::sizeHint() const
{
    QSize size = QLabel::sizeHint();
    if (plain())
        size.setWidth(std::min(size.width(), fontMetrics().averageCharWidth() * WidestChars));
    return size;
}

void ElidedLabel::paintEvent(QPaintEvent* event)
{
    if (!plain()) {
        QLabel::paintEvent(event);
        return;
    }
    QPainter painter(this);
    painter.setPen(palette().color(foregroundRole()));
    const QRect area = contentsRect().adjusted(margin(), margin(), -margin(), -margin());
    const QFontMetrics metrics = fontMetrics();
    const QString shown = text();
    const int lines = wordWrap() ? std::max(1, area.height() / metrics.lineSpacing()) : 1;
    QTextOption option;
    option.setWrapMode(wordWrap() ? QTextOption::WrapAtWordBoundaryOrAnywhere
                                  : QTextOption::NoWrap);
    QTextLayout layout(shown, font());
    layout.setTextOption(option);
    layout.beginLayout();
    QStringList rows;
    m_elided = false;
    for (int row = 0; row < lines; ++row) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(area.width());
        const qsizetype end = line.textStart() + line.textLength();
        if (row == lines - 1 && end < shown.size()) {
            // The last line that fits takes the rest, elided.
            const QString rest = shown.mid(line.textStart()).simplified();
            rows.append(metrics.elidedText(rest, Qt::ElideRight, area.width()));
            m_elided = true;
            break;
        }
        rows.append(shown.mid(line.textStart(), line.textLength()));
    }
    layout.endLayout();
    if (!m_elided && !wordWrap() && metrics.horizontalAdvance(shown) > area.width()) {
        rows = {metrics.elidedText(shown, Qt::ElideRight, area.width())};
        m_elided = true;
    }
    const int height = static_cast<int>(rows.size()) * metrics.lineSpacing();
    int y = alignment() & Qt::AlignTop      ? area.top()
            : alignment() & Qt::AlignBottom ? area.bottom() - height
                                            : area.top() + (area.height() - height) / 2;
    painter.setClipRect(area);
    for (const QString& row : std::as_const(rows)) {
        painter.drawText(QRect(area.left(), y, area.width(), metrics.lineSpacing()),
                         int(alignment() & Qt::AlignHorizontal_Mask) | Qt::TextSingleLine, row);
        y += metrics.lineSpacing();
    }
}

} // namespace BidTracker::Gui
