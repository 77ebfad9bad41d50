#pragma once

#include "document.h"
#include "printrecords.h"

namespace BidTracker::Print {

/// Bid sheets: one page per lot, laid beside it on the night. The lot, its details and
/// prices on top with a QR code of the lot id (a scanner types it into the quick bid bar),
/// then a ruled table of bidder numbers and amounts down to the foot of the page, its first
/// line's amount printed: the lowest acceptable bid.
class BidSheets final : public Document
{
public:
    BidSheets(Paper paper, QString auctionName, QList<PrintLot> lots);

    QString title() const override;
    int pageCount() const override;
    void paintPage(PageCanvas& canvas, int index) const override;

private:
    /// Paints the heading (names, QR code) and returns where the next part starts.
    double paintHeading(PageCanvas& canvas, const PrintLot& lot) const;
    double paintDetails(PageCanvas& canvas, const PrintLot& lot, double top) const;
    double paintPrices(PageCanvas& canvas, const PrintLot& lot, double top) const;
    void paintTable(PageCanvas& canvas, const PrintLot& lot, double top, double bottom) const;

    QString m_auctionName;
    QList<PrintLot> m_lots;
};

} // namespace BidTracker::Print
