#include "flowlayout.h"

#include "pagecanvas.h"

#include <algorithm>

namespace BidTracker::Print {

namespace {

const QColor Ink(0x20, 0x20, 0x20);
const QColor Grey(0x6b, 0x6b, 0x6b);
const QColor Rule(0xc8, 0xc8, 0xc8);
const QColor Shade(0xee, 0xee, 0xee);

/// How many of `rows` from `start` must stay together (a run of keepWithNext and the row
/// that ends it).
qsizetype keptTogether(const QList<FlowRow>& rows, qsizetype start)
{
    qsizetype end = start;
    while (end < rows.size() - 1 && rows[end].keepWithNext)
        ++end;
    return end - start + 1;
}

} // namespace

FlowRow FlowRow::title(const QString& text)
{
    FlowRow row;
    row.kind = Kind::Title;
    row.cells = {text};
    row.keepWithNext = true;
    return row;
}

FlowRow FlowRow::heading(int table)
{
    FlowRow row;
    row.kind = Kind::Heading;
    row.table = table;
    row.keepWithNext = true;
    return row;
}

FlowRow FlowRow::cellsOf(int table, QStringList cells, bool strong)
{
    FlowRow row;
    row.kind = Kind::Cells;
    row.table = table;
    row.cells = std::move(cells);
    row.strong = strong;
    return row;
}

FlowRow FlowRow::note(const QString& text, bool muted, int lines)
{
    FlowRow row;
    row.kind = Kind::Note;
    row.cells = {text};
    row.muted = muted;
    row.lines = std::max(1, lines);
    return row;
}

FlowRow FlowRow::gap()
{
    FlowRow row;
    row.kind = Kind::Gap;
    return row;
}

double FlowRow::height() const
{
    switch (kind) {
    case Kind::Title:
        return 26;
    case Kind::Heading:
        return 18;
    case Kind::Cells:
        return strong ? 20 : 17;
    case Kind::Note:
        return 14 + 11 * (lines - 1);
    case Kind::Gap:
        return 12;
    }
    return 0;
}

QList<QList<FlowRow>> paginate(const QList<FlowRow>& rows, double available)
{
    QList<QList<FlowRow>> pages(1);
    double used = 0;
    int openTable = -1; // the table the last row placed belongs to
    for (qsizetype i = 0; i < rows.size();) {
        const qsizetype count = keptTogether(rows, i);
        double needed = 0;
        for (qsizetype k = i; k < i + count; ++k)
            needed += rows[k].height();
        const bool continuesTable = rows[i].kind == FlowRow::Kind::Cells && rows[i].table >= 0 &&
                                    rows[i].table == openTable;
        if (used + needed > available && !pages.last().isEmpty()) {
            pages.append(QList<FlowRow>());
            used = 0;
            if (continuesTable) {
                pages.last().append(FlowRow::heading(rows[i].table));
                used += pages.last().last().height();
            }
        }
        for (qsizetype k = i; k < i + count; ++k) {
            if (pages.last().isEmpty() && rows[k].kind == FlowRow::Kind::Gap)
                continue;
            pages.last().append(rows[k]);
            used += rows[k].height();
            openTable = rows[k].kind == FlowRow::Kind::Title ? -1 : rows[k].table;
        }
        i += count;
    }
    return pages;
}

QList<double> paintFlow(PageCanvas& canvas, const QList<FlowRow>& rows,
                        const QList<FlowTable>& tables, const QRectF& area)
{
    QList<double> tops;
    double y = area.top();
    for (const FlowRow& row : rows) {
        tops.append(y);
        const double height = row.height();
        switch (row.kind) {
        case FlowRow::Kind::Title:
            canvas.drawLine(QRectF(area.left(), y + 6, area.width(), height - 6),
                            row.cells.value(0), PageCanvas::font(12, true), Ink,
                            Qt::AlignLeft | Qt::AlignVCenter);
            break;
        case FlowRow::Kind::Note:
            if (row.lines > 1)
                canvas.drawWrapped(QRectF(area.left(), y + 2, area.width(), height - 2),
                                   row.cells.value(0), PageCanvas::font(8.5),
                                   row.muted ? Grey : Ink);
            else
                canvas.drawLine(QRectF(area.left(), y, area.width(), height), row.cells.value(0),
                                PageCanvas::font(8.5), row.muted ? Grey : Ink,
                                Qt::AlignLeft | Qt::AlignVCenter);
            break;
        case FlowRow::Kind::Gap:
            break;
        case FlowRow::Kind::Heading:
        case FlowRow::Kind::Cells: {
            const FlowTable& table = tables[row.table];
            const bool heading = row.kind == FlowRow::Kind::Heading;
            const QStringList& cells = heading ? table.headings : row.cells;
            if (heading)
                canvas.fillRect(QRectF(area.left(), y, area.width(), height), Shade);
            else if (row.strong)
                canvas.strokeLine(
                    QPointF(area.left() + area.width() * std::max(0.5, table.ruleFrom), y),
                    QPointF(area.right(), y), 0.8, Ink);
            else
                canvas.strokeLine(QPointF(area.left(), y + height),
                                  QPointF(area.right(), y + height), 0.3, Rule);
            const QFont font = heading ? PageCanvas::font(7.5, true)
                                       : PageCanvas::font(row.strong ? 10.5 : 9, row.strong);
            double x = area.left();
            for (qsizetype c = 0; c < table.widths.size(); ++c) {
                const double width = area.width() * table.widths[c];
                const QRectF cell(x + 4, y, width - 8, height);
                canvas.drawLine(cell, cells.value(c), font, row.muted ? Grey : Ink,
                                table.alignments.value(c, Qt::AlignLeft) | Qt::AlignVCenter);
                if (row.struck && !cells.value(c).isEmpty()) {
                    const double text = std::min(cell.width(), canvas.textWidth(cells[c], font));
                    const bool right = table.alignments.value(c) & Qt::AlignRight;
                    const double from = right ? cell.right() - text : cell.left();
                    canvas.strokeLine(QPointF(from, cell.center().y()),
                                      QPointF(from + text, cell.center().y()), 0.6, Grey);
                }
                x += width;
            }
            break;
        }
        }
        y += height;
    }
    return tops;
}

} // namespace BidTracker::Print
