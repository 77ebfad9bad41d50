#include "invoicemath.h"

namespace BidTracker::Model::Rules {

qint64 percentOf(qint64 cents, BasisPoints rate)
{
    // cents x bp / 10,000, half up: amounts stay under 1e11 cents and rates under 1e6 bp,
    // so the product fits in 64 bits.
    return (cents * rate + 5'000) / 10'000;
}

QString invoiceStatusName(InvoiceStatus status)
{
    switch (status) {
    case InvoiceStatus::Unpaid:
        return QStringLiteral("unpaid");
    case InvoiceStatus::Partial:
        return QStringLiteral("partial");
    case InvoiceStatus::Paid:
        return QStringLiteral("paid");
    case InvoiceStatus::Credit:
        return QStringLiteral("credit");
    }
    return {};
}

InvoiceSums invoiceSums(const InvoiceInput& input)
{
    InvoiceSums sums;
    for (const qint64 hammer : input.hammerCents) {
        const qint64 premium = percentOf(hammer, input.buyersPremium);
        sums.premiumCents.append(premium);
        sums.hammer += hammer;
        sums.premium += premium;
    }
    sums.tax = input.taxExempt ? 0 : percentOf(sums.hammer + sums.premium, input.taxRate);
    for (const qint64 donation : input.donationCents)
        sums.donations += donation;
    sums.total = sums.hammer + sums.premium + sums.tax + sums.donations;
    for (const PaymentAmount& payment : input.payments)
        if (!payment.voided)
            sums.paid += payment.cents;
    sums.balance = sums.total - sums.paid;
    // Nothing owed and nothing paid counts as settled: there is nothing to collect.
    if (sums.balance < 0)
        sums.status = InvoiceStatus::Credit;
    else if (sums.balance == 0)
        sums.status = InvoiceStatus::Paid;
    else if (sums.paid == 0)
        sums.status = InvoiceStatus::Unpaid;
    else
        sums.status = InvoiceStatus::Partial;
    return sums;
}

} // namespace BidTracker::Model::Rules
