#include "increments.h"

#include <algorithm>

namespace BidTracker::Model::Rules {

qint64 stepAt(qint64 priceCents, qint64 lotMinIncrementCents, const IncrementTable& table)
{
    qint64 fromTable = 0;
    for (const IncrementRow& row : table) {
        if (row.fromCents > priceCents)
            break; // rows ascend: no later row applies either
        fromTable = row.stepCents;
    }
    return std::max(lotMinIncrementCents, fromTable);
}

bool isValidIncrementTable(const IncrementTable& table)
{
    for (qsizetype i = 0; i < table.size(); ++i) {
        if (table[i].fromCents < 0 || table[i].stepCents <= 0)
            return false;
        if (i > 0 && table[i].fromCents <= table[i - 1].fromCents)
            return false;
    }
    return true;
}

} // namespace BidTracker::Model::Rules
