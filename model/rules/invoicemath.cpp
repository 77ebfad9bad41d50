#include "invoicemath.h"

namespace BidTracker::Model::Rules {

namespace {

// GCC's and Clang's 128-bit integer (not ISO C++, hence __extension__).
__extension__ typedef __int128 Wide;

/// cents x bp / 10,000, rounded half up, with a 128-bit product: an invoice's hammer +
/// premium times a rate of 10,000 bp passes 2^63 from about 4,612 lots at 1,000,000,000.00.
/// The result fits in 64 bits for every sum below 2^63 cents (rates are at most 100 %).
qint64 percentOfExact(Wide cents, BasisPoints rate)
{
    return static_cast<qint64>((cents * rate + 5'000) / 10'000);
}

} // namespace

qint64 percentOf(qint64 cents, BasisPoints rate)
{
    return percentOfExact(cents, rate);
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

InvoiceSums settle(qint64 hammer, qint64 premium, qint64 donations, qint64 paid,
                   BasisPoints taxRate, bool taxExempt)
{
    InvoiceSums sums;
    sums.hammer = hammer;
    sums.premium = premium;
    sums.tax = taxExempt ? 0 : percentOfExact(static_cast<Wide>(hammer) + premium, taxRate);
    sums.donations = donations;
    sums.total = sums.hammer + sums.premium + sums.tax + sums.donations;
    sums.paid = paid;
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

InvoiceSums invoiceSums(const InvoiceInput& input)
{
    QList<qint64> premiums;
    qint64 hammer = 0;
    qint64 premium = 0;
    for (const qint64 cents : input.hammerCents) {
        premiums.append(percentOf(cents, input.buyersPremium));
        hammer += cents;
        premium += premiums.back();
    }
    qint64 donations = 0;
    for (const qint64 donation : input.donationCents)
        donations += donation;
    qint64 paid = 0;
    for (const PaymentAmount& payment : input.payments)
        if (!payment.voided)
            paid += payment.cents;
    InvoiceSums sums = settle(hammer, premium, donations, paid, input.taxRate, input.taxExempt);
    sums.premiumCents = std::move(premiums);
    return sums;
}

} // namespace BidTracker::Model::Rules
