// The SQL of consignors, their lots and payouts (RULES.md 6), which both engines share.
#include "model/rules/lotview.h"
#include "model/storage/database.h"
#include "rowreaders.h"
#include "sqlstorage.h"

namespace BidTracker::Model {

namespace {

const QString consignorSelect =
    QStringLiteral("SELECT id, number, name, phone, email, address, commission_bp, lot_fee_cents,"
                   " unsold_fee_cents, created_at FROM consignors");

Consignor readConsignor(const QSqlQuery& row)
{
    Consignor consignor;
    consignor.id = row.value(0).toLongLong();
    consignor.number = row.value(1).toLongLong();
    consignor.name = row.value(2).toString();
    consignor.phone = row.value(3).toString();
    consignor.email = row.value(4).toString();
    consignor.address = row.value(5).toString();
    if (!row.isNull(6))
        consignor.commission = row.value(6).toLongLong();
    consignor.lotFee = Money::fromCents(row.value(7).toLongLong());
    consignor.unsoldFee = Money::fromCents(row.value(8).toLongLong());
    consignor.createdAt = row.value(9).toString();
    return consignor;
}

const QString payoutSelect =
    QStringLiteral("SELECT id, consignor_id, amount_cents, method, reference, cashier, station,"
                   " paid_at, voided_at, void_reason FROM payouts");

Payout readPayout(const QSqlQuery& row)
{
    Payout payout;
    payout.id = row.value(0).toLongLong();
    payout.consignorId = row.value(1).toLongLong();
    payout.amount = Money::fromCents(row.value(2).toLongLong());
    payout.method = parsePayoutMethod(row.value(3).toString()).value_or(PayoutMethod::Other);
    payout.reference = row.value(4).toString();
    payout.desk = {row.value(5).toString(), row.value(6).toString()};
    payout.paidAt = row.value(7).toString();
    payout.voidedAt = row.value(8).toString();
    payout.voidReason = row.value(9).toString();
    return payout;
}

QVariant nullableRate(const std::optional<Rules::BasisPoints>& rate)
{
    return rate ? QVariant(qint64(*rate)) : QVariant(QMetaType::fromType<qint64>());
}

template <typename Record, typename Read>
Result<QList<Record>> readRows(Result<StatementRun> run, Read read)
{
    if (!run)
        return fail(run.error());
    QList<Record> rows;
    while ((*run)->next())
        rows.append(read(**run));
    return rows;
}

template <typename Record, typename Read>
Result<std::optional<Record>> readFirst(Result<StatementRun> run, Read read)
{
    if (!run)
        return fail(run.error());
    if (!(*run)->next())
        return std::optional<Record>();
    return std::optional<Record>(read(**run));
}

} // namespace

Result<qint64> SqlStorage::insertConsignor(const Consignor& consignor)
{
    return insertReturningId(
        QStringLiteral("INSERT INTO consignors (number, name, phone, email, address, commission_bp,"
                       " lot_fee_cents, unsold_fee_cents, created_at)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {consignor.number, consignor.name, Rows::plainText(consignor.phone),
         Rows::plainText(consignor.email), Rows::plainText(consignor.address),
         nullableRate(consignor.commission), consignor.lotFee.cents(), consignor.unsoldFee.cents(),
         consignor.createdAt});
}

Result<void> SqlStorage::updateConsignor(const Consignor& consignor)
{
    auto run = m_db.run(
        QStringLiteral("UPDATE consignors SET number = ?, name = ?, phone = ?, email = ?,"
                       " address = ?, commission_bp = ?, lot_fee_cents = ?, unsold_fee_cents = ?"
                       " WHERE id = ?"),
        {consignor.number, consignor.name, Rows::plainText(consignor.phone),
         Rows::plainText(consignor.email), Rows::plainText(consignor.address),
         nullableRate(consignor.commission), consignor.lotFee.cents(), consignor.unsoldFee.cents(),
         consignor.id});
    if (!run)
        return fail(run.error());
    return {};
}

Result<void> SqlStorage::deleteConsignor(qint64 id)
{
    auto run = m_db.run(QStringLiteral("DELETE FROM consignors WHERE id = ?"), {id});
    if (!run)
        return fail(run.error());
    return {};
}

Result<std::optional<Consignor>> SqlStorage::findConsignor(qint64 id, Lock lock)
{
    const QString locking = lock == Lock::ForUpdate ? lockClause() : QString();
    return readFirst<Consignor>(
        m_db.run(consignorSelect + QStringLiteral(" WHERE id = ?") + locking, {id}), readConsignor);
}

Result<std::optional<Consignor>> SqlStorage::findConsignorByNumber(qint64 number)
{
    return readFirst<Consignor>(
        m_db.run(consignorSelect + QStringLiteral(" WHERE number = ?"), {number}), readConsignor);
}

Result<qint64> SqlStorage::highestConsignorNumber()
{
    return m_db.scalar(QStringLiteral("SELECT COALESCE(MAX(number), 0) FROM consignors"));
}

Result<QList<Consignor>> SqlStorage::listConsignors()
{
    return readRows<Consignor>(m_db.run(consignorSelect + QStringLiteral(" ORDER BY number")),
                               readConsignor);
}

Result<qint64> SqlStorage::countConsignedLots(qint64 consignorId)
{
    auto run = m_db.run(QStringLiteral("SELECT COUNT(*) FROM items WHERE consignor_id = ?"),
                        {consignorId});
    if (!run)
        return fail(run.error());
    return (*run)->next() ? (*run)->value(0).toLongLong() : 0;
}

Result<QList<ConsignedLotRow>> SqlStorage::consignedLots(qint64 consignorId)
{
    // Through items_by_consignor, then each lot's winning bid by its key: the cost is the
    // consignor's lots, not the auction's.
    return readRows<ConsignedLotRow>(
        m_db.run(
            QStringLiteral("SELECT i.id, i.name, i.status, w.value_cents, i.reserve_cents,"
                           " w.user_id FROM items i LEFT JOIN bids w ON w.id = i.winning_bid_id"
                           " WHERE i.consignor_id = ? ORDER BY i.id"),
            {consignorId}),
        [](const QSqlQuery& row) {
            ConsignedLotRow lot;
            lot.itemId = row.value(0).toLongLong();
            lot.name = row.value(1).toString();
            lot.closed = parseStatus(row.value(2).toString()) == ItemStatus::Closed;
            const bool hasWinner = !row.isNull(3);
            const std::optional<qint64> reserve =
                row.isNull(4) ? std::nullopt : std::optional<qint64>(row.value(4).toLongLong());
            // The lot view decides what sold means (decideOutcome), never the SQL.
            lot.sold = decideOutcome(lot.closed, hasWinner, row.value(3).toLongLong(), reserve) ==
                       LotOutcome::Sold;
            if (hasWinner) {
                lot.hammer = Money::fromCents(row.value(3).toLongLong());
                lot.buyerId = row.value(5).toLongLong();
            }
            return lot;
        });
}

Result<qint64> SqlStorage::insertPayout(const Payout& payout)
{
    return insertReturningId(
        QStringLiteral("INSERT INTO payouts (consignor_id, amount_cents, method, reference,"
                       " cashier, station, paid_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {payout.consignorId, payout.amount.cents(), payoutMethodName(payout.method),
         Rows::plainText(payout.reference), Rows::plainText(payout.desk.cashier),
         Rows::plainText(payout.desk.station), payout.paidAt});
}

Result<void> SqlStorage::voidPayout(qint64 id, const QString& voidedAt, const QString& reason)
{
    auto run =
        m_db.run(QStringLiteral("UPDATE payouts SET voided_at = ?, void_reason = ? WHERE id = ?"),
                 {Rows::nullableText(voidedAt), Rows::plainText(reason), id});
    if (!run)
        return fail(run.error());
    return {};
}

Result<std::optional<Payout>> SqlStorage::findPayout(qint64 id)
{
    return readFirst<Payout>(m_db.run(payoutSelect + QStringLiteral(" WHERE id = ?"), {id}),
                             readPayout);
}

Result<QList<Payout>> SqlStorage::payoutsOfConsignor(qint64 consignorId)
{
    return readRows<Payout>(
        m_db.run(payoutSelect + QStringLiteral(" WHERE consignor_id = ? ORDER BY id"),
                 {consignorId}),
        readPayout);
}

} // namespace BidTracker::Model
