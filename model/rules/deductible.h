#pragma once

#include <QtGlobal>
#include <algorithm>

namespace BidTracker::Model::Rules {

/// The part of what a buyer paid for a lot (hammer + premium, before tax) above the lot's
/// fair market value: what may be tax-deductible as a gift to the charity (nothing when the
/// price is at or below the value). Receipts print it; whether it is deductible is for the
/// buyer's tax rules, so the wording says "may".
inline qint64 deductibleCents(qint64 paidCents, qint64 fairMarketValueCents)
{
    return std::max<qint64>(0, paidCents - fairMarketValueCents);
}

} // namespace BidTracker::Model::Rules
