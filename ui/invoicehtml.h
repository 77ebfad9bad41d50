#pragma once

#include "model/auctionsettings.h"
#include "model/invoice.h"

#include <QString>

namespace BidTracker::Gui {

/// The method as the cashier reads it: "Cash", "Check", "Card", "Other".
QString paymentMethodWords(Model::PaymentMethod method);

/// The headline of an invoice: "Balance due 120.75", "Paid in full", "Refund due 5.00",
/// "Nothing owed".
QString invoiceHeadline(const Model::Invoice& invoice);

/// The colour an invoice's status is shown in: red while money is owed, green when paid,
/// amber for a refund due.
QString invoiceStatusColour(Model::Rules::InvoiceStatus status);

/// One bidder's invoice as HTML for the Checkout tab, big enough to read across a desk:
/// the lots won with hammer and premium, the donations, the sums, the payments (voided ones
/// struck out, with the reason), and the open lots the bidder leads, apart and outside the
/// total. Every figure is the model's; this only lays them out.
QString invoiceHtml(const Model::Invoice& invoice, const Model::AuctionSettings& settings);

} // namespace BidTracker::Gui
