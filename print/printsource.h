#pragma once

#include "model/error.h"
#include "model/rules/increments.h"
#include "printrecords.h"
#include "report.h"

namespace BidTracker::Model {
class AuctionService;
}

namespace BidTracker::Print {

/// Reads what the documents print through the auction's service (the one door to the
/// rules and the data), so a printout shows exactly what the window shows.
class PrintSource
{
public:
    explicit PrintSource(Model::AuctionService& service) : m_service(service) {}

    /// Printed at the top of every document (the settings' `name`).
    Model::Result<QString> auctionName();
    /// The auction's increment table (empty: each lot's own minimum increment).
    Model::Result<Model::Rules::IncrementTable> increments();
    /// The lots with these ids in the order given, or every lot by id when `ids` is empty.
    /// NotFound naming the first id that does not exist; nothing is returned then.
    Model::Result<QList<PrintLot>> lots(const QList<qint64>& ids);
    /// The bidders the same way.
    Model::Result<QList<PrintBidder>> bidders(const QList<qint64>& ids);
    /// The invoices of these bidders, in the order given; with no ids, of every bidder with
    /// anything on theirs (a lot won or still led, a donation, a payment), by id.
    Model::Result<QList<Model::Invoice>> invoices(const QList<qint64>& ids);
    /// The end-of-night report: the service's summary, the lots sold (as the invoices have
    /// them: the model decides what is sold) and unsold, and the unsettled invoices.
    Model::Result<ReportData> report();

private:
    Model::AuctionService& m_service;
};

} // namespace BidTracker::Print
