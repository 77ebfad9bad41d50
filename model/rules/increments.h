#pragma once

#include <QList>
#include <QtGlobal>

namespace BidTracker::Model::Rules {

/// One row of the auction's increment table (RULES.md 2, "Step"): from `fromCents` on, bids
/// rise by at least `stepCents`.
struct IncrementRow
{
    qint64 fromCents = 0;
    qint64 stepCents = 0;
    bool operator==(const IncrementRow&) const = default;
};

/// The increment table, rows in ascending `fromCents`; empty means each lot's own minimum
/// increment only.
using IncrementTable = QList<IncrementRow>;

/// The step at price `priceCents`: the larger of the lot's minimum increment and the step of
/// the last table row whose `from` is at or below the price.
qint64 stepAt(qint64 priceCents, qint64 lotMinIncrementCents, const IncrementTable& table);

/// Whether a table is usable: `from` strictly ascending and not negative, every step positive.
bool isValidIncrementTable(const IncrementTable& table);

} // namespace BidTracker::Model::Rules
