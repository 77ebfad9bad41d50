#pragma once

#include "paper.h"

#include <QRectF>
#include <QString>

namespace BidTracker::Print {

/// The geometry of a sheet of self-adhesive labels, in points from the paper's corner, as
/// the label maker publishes it.
struct LabelFormat
{
    QString name;
    Paper paper = Paper::Letter;
    int columns = 0;
    int rows = 0;
    QSizeF label;
    /// The top-left corner of the first label.
    QPointF origin;
    /// From one label's corner to the next one's.
    double pitchX = 0;
    double pitchY = 0;

    int perPage() const { return columns * rows; }
    /// Label `slot` of a page (0 top-left, row by row).
    QRectF labelRect(int slot) const;
};

/// Avery 5160 (Letter): 30 labels, 3 across and 10 down, 2 5/8 x 1 inch.
LabelFormat avery5160();
/// Avery L7160 (A4): 21 labels, 3 across and 7 down, 63.5 x 38.1 mm: the A4 sheet of the
/// same address-label size (A4 has no 30-label sheet of that size).
LabelFormat averyL7160();
/// The sheet sold for the paper: 5160 on Letter, L7160 on A4.
LabelFormat labelFormatFor(Paper paper);

} // namespace BidTracker::Print
