#include "labelformat.h"

namespace BidTracker::Print {

namespace {

constexpr double PointsPerInch = 72;
constexpr double PointsPerMm = 72 / 25.4;

} // namespace

QRectF LabelFormat::labelRect(int slot) const
{
    return QRectF(origin.x() + (slot % columns) * pitchX, origin.y() + (slot / columns) * pitchY,
                  label.width(), label.height());
}

LabelFormat avery5160()
{
    // Avery's template: 3/16" side margins, 1/2" top margin, 1/8" between columns.
    return LabelFormat{QStringLiteral("Avery 5160"),
                       Paper::Letter,
                       3,
                       10,
                       QSizeF(2.625 * PointsPerInch, 1.0 * PointsPerInch),
                       QPointF(0.1875 * PointsPerInch, 0.5 * PointsPerInch),
                       2.75 * PointsPerInch,
                       1.0 * PointsPerInch};
}

LabelFormat averyL7160()
{
    // Avery's template: 7.2 mm side margins, 15.1 mm top margin, 2.5 mm between columns.
    return LabelFormat{QStringLiteral("Avery L7160"),
                       Paper::A4,
                       3,
                       7,
                       QSizeF(63.5 * PointsPerMm, 38.1 * PointsPerMm),
                       QPointF(7.2 * PointsPerMm, 15.1 * PointsPerMm),
                       66.0 * PointsPerMm,
                       38.1 * PointsPerMm};
}

LabelFormat labelFormatFor(Paper paper)
{
    return paper == Paper::Letter ? avery5160() : averyL7160();
}

} // namespace BidTracker::Print
