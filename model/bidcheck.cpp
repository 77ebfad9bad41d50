#include "bidcheck.h"

namespace BidTracker::Model {

namespace {
constexpr qint64 FarFactor = 10;
constexpr qint64 FarMarginCents = 100'000; // 1,000.00
} // namespace

bool isFarAboveLowest(Money amount, Money lowest)
{
    return amount.cents() > FarFactor * lowest.cents() &&
           amount.cents() - lowest.cents() > FarMarginCents;
}

qint64 timesLowest(Money amount, Money lowest)
{
    if (lowest.cents() <= 0)
        return 0;
    return (amount.cents() + lowest.cents() / 2) / lowest.cents();
}

} // namespace BidTracker::Model
