#pragma once

#include "document.h"
#include "flowlayout.h"
#include "model/invoice.h"

namespace BidTracker::Print {

/// Invoices and receipts, one bidder after the other, each starting on a new page and
/// running over as many as its lines need: the auction's name, the bidder, the lots won with
/// hammer and premium (and, where a lot has a fair market value, the part of the price that
/// may be tax-deductible), donations, tax, total, payments with their method, the balance,
/// and "PAID" once it is settled. Lots still open are listed apart, outside the total.
class Invoices final : public Document
{
public:
    Invoices(Paper paper, QString auctionName, QList<Model::Invoice> invoices);

    QString title() const override;
    int pageCount() const override;
    void paintPage(PageCanvas& canvas, int index) const override;

private:
    struct Page
    {
        qsizetype invoice = 0;
        int number = 0; // from 1, within the invoice
        int of = 0;
        QList<FlowRow> rows;
    };
    QList<FlowRow> rowsOf(const Model::Invoice& invoice) const;
    void paintHeading(PageCanvas& canvas, const Page& page) const;

    QString m_auctionName;
    QList<Model::Invoice> m_invoices;
    QList<Page> m_pages;
};

} // namespace BidTracker::Print
