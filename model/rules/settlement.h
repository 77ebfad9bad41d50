#pragma once

#include "invoicemath.h"

#include <QList>
#include <QString>
#include <QtGlobal>

namespace BidTracker::Model::Rules {

/// A consignor's terms (RULES.md 6): commission on the hammer price, a fee per lot sold and
/// a fee per lot returned unsold.
struct ConsignorTerms
{
    BasisPoints commission = 0;
    qint64 lotFeeCents = 0;
    qint64 unsoldFeeCents = 0;
};

/// Where one consigned lot stands at settlement time. Whether a lot is sold is the lot
/// view's decision (lotview.h); this only takes its answer.
enum class ConsignedLotState { Sold, Unsold, Pending };

struct ConsignedLot
{
    ConsignedLotState state = ConsignedLotState::Pending;
    qint64 hammerCents = 0; // sold lots only
    bool collected = false; // sold lots only: the buyer's invoice is paid in full
};

/// One settlement line, in the order of the lots given; pending lots get no line.
struct SettlementLine
{
    int lot = 0; // index into the lots given
    bool returned = false;
    qint64 hammer = 0;
    qint64 commission = 0;
    qint64 fee = 0;
    bool collected = false;
};

enum class SettlementStatus { Unpaid, Partial, Paid, OwesHouse };
QString settlementStatusName(SettlementStatus status);

/// Every sum of a consignor's settlement, in cents.
struct SettlementSums
{
    QList<SettlementLine> lines;
    QList<int> pending; // indexes of the open lots, listed apart
    qint64 hammer = 0;
    qint64 commission = 0;
    qint64 fees = 0;
    qint64 net = 0;
    qint64 paid = 0; // payouts not voided
    qint64 payableNow = 0;
    qint64 balance = 0;
    SettlementStatus status = SettlementStatus::Paid;
};

/// RULES.md 6: commission per sold lot rounded half up, a lot fee per sold lot, the unsold
/// fee per returned lot; net = hammer - commission - fees; payable now = what the collected
/// lines net less every unsold fee and every payout, never below zero (the house pays out
/// only money it has collected); balance = net - payouts. Voided payouts do not count.
SettlementSums settlementSums(const ConsignorTerms& terms, const QList<ConsignedLot>& lots,
                              const QList<PaymentAmount>& payouts);

} // namespace BidTracker::Model::Rules
