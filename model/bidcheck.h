#pragma once

#include "money.h"

namespace BidTracker::Model {

/// True for an amount far above the lowest acceptable bid: more than ten times it and more
/// than 1,000.00 above it. Such an amount is most often a slip (an extra zero, a paddle number
/// typed into the amount), so the window asks once before recording it. Both conditions are
/// needed: ten times a 5.00 lot is a plausible bid, 1,000.00 over a 50,000.00 lot too.
bool isFarAboveLowest(Money amount, Money lowest);

/// How many times the lowest acceptable bid the amount is, rounded to a whole number, for
/// the question ("… is 455 times the lowest acceptable bid …").
qint64 timesLowest(Money amount, Money lowest);

} // namespace BidTracker::Model
