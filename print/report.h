#pragma once

#include "document.h"
#include "flowlayout.h"
#include "model/invoice.h"

namespace BidTracker::Print {

/// What the end-of-night report is made of, read through the service.
struct ReportData
{
    Model::AuctionSummary summary;
    /// Closed lots with a winner, and closed lots without one.
    QList<Model::Item> sold;
    QList<Model::Item> unsold;
    /// The invoices that are not settled: a balance due, or a refund due.
    QList<Model::Invoice> outstanding;
};

/// The end-of-night report for the treasurer: the summary figures (lots, hammer, premium,
/// tax, donations, invoiced, paid by method, outstanding), then the sold and the unsold
/// lots, and the bidders whose balance is not settled, over as many pages as they need.
class Report final : public Document
{
public:
    Report(Paper paper, QString auctionName, ReportData data);

    QString title() const override;
    int pageCount() const override;
    void paintPage(PageCanvas& canvas, int index) const override;

private:
    QList<FlowRow> rows() const;

    QString m_auctionName;
    ReportData m_data;
    QList<QList<FlowRow>> m_pages;
};

} // namespace BidTracker::Print
