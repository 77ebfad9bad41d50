#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

namespace BidTracker::Model::Rules {

/// A rate in basis points: 1 % = 100 bp, so 8.25 % is 825 and every rate is exact.
using BasisPoints = qint64;

/// `cents` x `rate`, rounded half up to the cent (RULES.md: 1.5075 -> 1.51, 0.125 -> 0.13),
/// exact for every amount up to 2^63 - 1 cents (a 128-bit product). Amounts and rates are
/// never negative here, rates at most 100 %.
///
/// Limits: each amount is at most Money::MaxCents (1,000,000,000.00, refused above it); an
/// invoice's sums stay exact in 64-bit cents while its hammer is below 2^61 cents
/// (23,058,430,092,136,939.52, some 23 million lots at the largest amount with 100 % premium
/// and tax): no auction comes near.
qint64 percentOf(qint64 cents, BasisPoints rate);

/// What the invoice rules need to know about one payment.
struct PaymentAmount
{
    qint64 cents = 0;
    bool voided = false;
};

/// The inputs of one bidder's invoice: the hammer price of each sold lot they won, their
/// donations and payments, and the auction's rates.
struct InvoiceInput
{
    QList<qint64> hammerCents;
    QList<qint64> donationCents;
    QList<PaymentAmount> payments;
    BasisPoints buyersPremium = 0;
    BasisPoints taxRate = 0;
    bool taxExempt = false;
};

enum class InvoiceStatus { Unpaid, Partial, Paid, Credit };
QString invoiceStatusName(InvoiceStatus status);

/// Every sum of RULES.md 4 for one invoice, in cents.
struct InvoiceSums
{
    QList<qint64> premiumCents; // per line, in the order of InvoiceInput::hammerCents
    qint64 hammer = 0;
    qint64 premium = 0;
    qint64 tax = 0;
    qint64 donations = 0;
    qint64 total = 0;
    qint64 paid = 0;
    qint64 balance = 0;
    InvoiceStatus status = InvoiceStatus::Paid;
};

/// The sums of an invoice from the totals of its parts (hammer and premium already summed
/// per line, donations, payments that count): tax once on hammer + premium (none when tax-
/// exempt), total, balance and status. invoiceSums() ends here, and so does the summary,
/// which sums its parts in SQL: the tax and the status are decided in one place.
InvoiceSums settle(qint64 hammer, qint64 premium, qint64 donations, qint64 paid,
                   BasisPoints taxRate, bool taxExempt);

/// The invoice's sums: premium per line rounded half up, tax once per invoice on hammer +
/// premium (none for a tax-exempt bidder), donations untaxed, voided payments left out;
/// status `credit` when more was paid than is owed.
InvoiceSums invoiceSums(const InvoiceInput& input);

} // namespace BidTracker::Model::Rules
