#pragma once

#include <QList>
#include <QRectF>
#include <QStringList>

namespace BidTracker::Print {

class PageCanvas;

/// The columns of one table in a flow: each a share of the width and an alignment.
struct FlowTable
{
    QList<double> widths; // shares of the width, summing to 1
    QList<Qt::Alignment> alignments;
    QStringList headings;
    /// Where the rules under the rows start, as a share of the width (a block of sums is
    /// ruled under its figures only).
    double ruleFrom = 0;
};

/// One row of a flowing document (an invoice, the report): a title, a table's heading, a row
/// of cells, a note, or a gap. Every kind has a fixed height, so pages are counted before any
/// is painted, and a long list breaks across pages without a row cut in two.
struct FlowRow
{
    enum class Kind { Title, Heading, Cells, Note, Gap };
    Kind kind = Kind::Cells;
    /// For Heading and Cells: which of the flow's tables.
    int table = -1;
    QStringList cells; // Title and Note: cells[0]
    bool strong = false;
    bool muted = false;
    /// Struck through (a voided payment).
    bool struck = false;
    /// Kept on one page with the row after it (a title with its table, a total block).
    bool keepWithNext = false;
    /// Note: the lines it may wrap onto (its height is counted before it is painted).
    int lines = 1;

    static FlowRow title(const QString& text);
    static FlowRow heading(int table);
    static FlowRow cellsOf(int table, QStringList cells, bool strong = false);
    static FlowRow note(const QString& text, bool muted = true, int lines = 1);
    static FlowRow gap();

    double height() const;
};

/// Cuts rows into pages `available` points high. A page that starts inside a table begins
/// with that table's heading again (counted here); no page starts with a gap.
QList<QList<FlowRow>> paginate(const QList<FlowRow>& rows, double available);

/// Paints one page's rows from the top of `area`; returns the top of each row painted.
QList<double> paintFlow(PageCanvas& canvas, const QList<FlowRow>& rows,
                        const QList<FlowTable>& tables, const QRectF& area);

} // namespace BidTracker::Print
