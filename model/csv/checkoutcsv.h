#pragma once

#include "model/error.h"

#include <QIODevice>
#include <QStringList>

namespace BidTracker::Model {

class AuctionService;

/// The checkout files (README, "CSV of checkout"), written with the same CSV rules as the
/// others (RFC 4180, formulas guarded):
/// - invoices.csv: one row per bidder with an invoice (a sold lot won, a donation or a
///   payment that counts), in id order, amounts as "1234.50", sums as the invoice has them;
/// - payments.csv: one row per payment, voided ones included (voided_at set), in id order.
enum class CheckoutCsv { Invoices, Payments };

QStringList checkoutCsvColumns(CheckoutCsv kind);
/// "invoices.csv" or "payments.csv" to the kind; nothing for another name.
std::optional<CheckoutCsv> parseCheckoutCsvFile(QStringView fileName);

/// Writes one file to `out` from the service's aggregates (never an invoice at a time).
/// Returns the rows written (without the header).
Result<qint64> exportCheckoutCsv(AuctionService& service, CheckoutCsv kind, QIODevice& out);

} // namespace BidTracker::Model
