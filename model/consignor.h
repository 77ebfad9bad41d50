#pragma once

#include "money.h"
#include "rules/settlement.h"

#include <QList>
#include <QString>
#include <optional>

// Consignors, their payouts and settlement (RULES.md 6, API.md "Consignors").
namespace BidTracker::Model {

/// A seller whose lots the house sells. `commission` empty: the auction's `commission_rate`.
struct Consignor
{
    qint64 id = 0;
    qint64 number = 0;
    QString name;
    QString phone;
    QString email;
    QString address;
    std::optional<Rules::BasisPoints> commission;
    Money lotFee;
    Money unsoldFee;
    QString createdAt;
};

/// A creation or edit: fields left empty keep their value (edit) or take the default
/// (create: the next free number, no fees, the auction's rate). `commission` set to an
/// empty inner value follows the auction's rate again.
struct ConsignorChanges
{
    std::optional<qint64> number;
    std::optional<QString> name;
    std::optional<QString> phone;
    std::optional<QString> email;
    std::optional<QString> address;
    std::optional<std::optional<Rules::BasisPoints>> commission;
    std::optional<Money> lotFee;
    std::optional<Money> unsoldFee;
};

enum class PayoutMethod { Cash, Check, Transfer, Other };
QString payoutMethodName(PayoutMethod method);
std::optional<PayoutMethod> parsePayoutMethod(QStringView text);

/// Who handed the money over, and where: printed on the statement.
struct PayoutDesk
{
    QString cashier;
    QString station;
};

/// Money paid to a consignor. Never deleted: voiding marks it and takes it out of every sum.
struct Payout
{
    qint64 id = 0;
    qint64 consignorId = 0;
    Money amount;
    PayoutMethod method = PayoutMethod::Cash;
    QString reference;
    PayoutDesk desk;
    QString paidAt;
    QString voidedAt;
    QString voidReason;
    bool voided() const { return !voidedAt.isEmpty(); }
};

/// A consigned lot as settlement reads it: where it stands and who bought it.
struct ConsignedLotRow
{
    qint64 itemId = 0;
    QString name;
    bool closed = false;
    /// Closed with a winner and the reserve met (or none): a sale.
    bool sold = false;
    Money hammer;
    /// The buyer of a sold lot.
    qint64 buyerId = 0;
};

/// A consignor's settlement: the rows it was worked out from, and the sums
/// (Rules::settlementSums), whose lines point into `lots`.
struct Settlement
{
    Consignor consignor;
    Rules::BasisPoints commission = 0;
    QList<ConsignedLotRow> lots;
    QList<Payout> payouts;
    Rules::SettlementSums sums;
};

} // namespace BidTracker::Model
