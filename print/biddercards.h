#pragma once

#include "document.h"
#include "printrecords.h"

namespace BidTracker::Print {

/// Bidder cards handed out at check-in: four to a page (two by two), touching, with cut
/// marks in the margin on the line of every cut. Each shows the paddle number as large as the card
/// allows (read from across the room), the bidder's name and a QR code of the bidder id for the
/// checkout scanner.
class BidderCards final : public Document
{
public:
    static constexpr int Columns = 2;
    static constexpr int Rows = 2;
    static constexpr int PerPage = Columns * Rows;

    BidderCards(Paper paper, QString auctionName, QList<PrintBidder> bidders);

    QString title() const override;
    int pageCount() const override;
    void paintPage(PageCanvas& canvas, int index) const override;

private:
    void paintCard(PageCanvas& canvas, const PrintBidder& bidder, const QRectF& card) const;

    QString m_auctionName;
    QList<PrintBidder> m_bidders;
};

} // namespace BidTracker::Print
