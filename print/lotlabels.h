#pragma once

#include "document.h"
#include "labelformat.h"
#include "printrecords.h"

namespace BidTracker::Print {

/// Lot labels on a sheet of address labels (labelFormatFor() the paper): the lot number and
/// id, its name and starting price, and a small QR code of the lot id, one label per lot.
class LotLabels final : public Document
{
public:
    LotLabels(Paper paper, QList<PrintLot> lots);

    const LabelFormat& format() const { return m_format; }
    QString title() const override;
    int pageCount() const override;
    void paintPage(PageCanvas& canvas, int index) const override;

private:
    void paintLabel(PageCanvas& canvas, const PrintLot& lot, const QRectF& label) const;

    LabelFormat m_format;
    QList<PrintLot> m_lots;
};

} // namespace BidTracker::Print
