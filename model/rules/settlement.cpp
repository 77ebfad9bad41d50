#include "settlement.h"

#include <algorithm>

namespace BidTracker::Model::Rules {

QString settlementStatusName(SettlementStatus status)
{
    switch (status) {
    case SettlementStatus::Unpaid:
        return QStringLiteral("unpaid");
    case SettlementStatus::Partial:
        return QStringLiteral("partial");
    case SettlementStatus::Paid:
        return QStringLiteral("paid");
    case SettlementStatus::OwesHouse:
        return QStringLiteral("owes_house");
    }
    return {};
}

namespace {

SettlementLine lineFor(const ConsignorTerms& terms, const ConsignedLot& lot, int index)
{
    SettlementLine line;
    line.lot = index;
    if (lot.state == ConsignedLotState::Unsold) {
        line.returned = true;
        line.fee = terms.unsoldFeeCents;
        return line;
    }
    line.hammer = lot.hammerCents;
    line.commission = percentOf(lot.hammerCents, terms.commission);
    line.fee = terms.lotFeeCents;
    line.collected = lot.collected;
    return line;
}

SettlementStatus statusOf(qint64 balance, qint64 paid)
{
    // Nothing owed either way counts as settled, as an invoice with nothing to collect does.
    if (balance < 0)
        return SettlementStatus::OwesHouse;
    if (balance == 0)
        return SettlementStatus::Paid;
    return paid == 0 ? SettlementStatus::Unpaid : SettlementStatus::Partial;
}

} // namespace

SettlementSums settlementSums(const ConsignorTerms& terms, const QList<ConsignedLot>& lots,
                              const QList<PaymentAmount>& payouts)
{
    SettlementSums sums;
    qint64 collectedNet = 0;
    qint64 unsoldFees = 0;
    for (int i = 0; i < lots.size(); ++i) {
        if (lots[i].state == ConsignedLotState::Pending) {
            sums.pending.append(i);
            continue;
        }
        const SettlementLine line = lineFor(terms, lots[i], i);
        sums.hammer += line.hammer;
        sums.commission += line.commission;
        sums.fees += line.fee;
        if (line.returned)
            unsoldFees += line.fee;
        else if (line.collected)
            collectedNet += line.hammer - line.commission - line.fee;
        sums.lines.append(line);
    }
    for (const PaymentAmount& payout : payouts) {
        if (!payout.voided)
            sums.paid += payout.cents;
    }
    sums.net = sums.hammer - sums.commission - sums.fees;
    sums.payableNow = std::max<qint64>(0, collectedNet - unsoldFees - sums.paid);
    sums.balance = sums.net - sums.paid;
    sums.status = statusOf(sums.balance, sums.paid);
    return sums;
}

} // namespace BidTracker::Model::Rules
