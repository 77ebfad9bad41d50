#pragma once

#include "records.h"
#include "rules/invoicemath.h"

#include <QList>
#include <QString>

namespace BidTracker::Model {

/// One bidder's invoice (RULES.md 4), computed from the lots, donations and payments, never
/// stored. Amounts in cents; the sums are Rules::invoiceSums' over the lines.
struct Invoice
{
    struct Line
    {
        qint64 itemId = 0;
        QString name;
        Money hammer;
        Money premium;
        /// Set when the lot has one: the part of the price above it may be tax-deductible.
        std::optional<Money> fairMarketValue;
    };
    /// A lot the bidder leads that is still open: listed apart, outside the total.
    struct Pending
    {
        qint64 itemId = 0;
        QString name;
        Money value;
    };
    User bidder;
    QList<Line> lines;
    QList<Donation> donations;
    QList<Pending> pending;
    /// Voided ones included, marked.
    QList<Payment> payments;
    Rules::InvoiceSums sums;
};

/// One bidder's invoice sums without its lines: a row of the invoices export.
struct InvoiceTotals
{
    qint64 userId = 0;
    qint64 number = 0;
    QString name;
    bool taxExempt = false;
    /// premiumCents is left empty: the lines were summed by the database.
    Rules::InvoiceSums sums;
};

/// The end-of-night figures (RULES.md 4, API.md), from aggregates over the whole auction.
struct AuctionSummary
{
    qint64 lotsTotal = 0;
    qint64 lotsOpen = 0;
    qint64 lotsSold = 0;
    qint64 lotsUnsold = 0;
    qint64 hammer = 0;
    qint64 premium = 0;
    qint64 tax = 0;
    qint64 donations = 0;
    qint64 invoiced = 0;
    qint64 paidCash = 0;
    qint64 paidCheck = 0;
    qint64 paidCard = 0;
    qint64 paidOther = 0;
    qint64 paidTotal = 0;
    qint64 outstanding = 0;
    qint64 biddersWithBalance = 0;
    bool operator==(const AuctionSummary&) const = default;
};

} // namespace BidTracker::Model
