// The SQL of invoices and the end-of-night summary, which both engines share.
#include "model/rules/lotview.h"
#include "model/storage/database.h"
#include "rowreaders.h"
#include "sqlstorage.h"

namespace BidTracker::Model {

namespace {

/// Whether the lot of a row is sold, from its status (`status`), winning value (`value`) and
/// reserve (`reserve`) columns: the lot view decides (decideOutcome), never the SQL.
bool soldRow(const QSqlQuery& row, int status, int value, int reserve)
{
    const bool closed = parseStatus(row.value(status).toString()) == ItemStatus::Closed;
    const std::optional<qint64> reserveCents =
        row.isNull(reserve) ? std::nullopt : std::optional<qint64>(row.value(reserve).toLongLong());
    return decideOutcome(closed, !row.isNull(value), row.value(value).toLongLong(), reserveCents) ==
           LotOutcome::Sold;
}

qint64 number(const QSqlQuery& query, int column)
{
    return query.isNull(column) ? 0 : query.value(column).toLongLong();
}

} // namespace

Result<QList<LedLot>> SqlStorage::lotsLedBy(qint64 userId)
{
    // Through the user's bids (bids_by_user) to the lots they win (items_by_winning_bid):
    // the cost is the bidder's bids, not the auction's.
    auto run = m_db.run(
        QStringLiteral("SELECT i.id, i.name, w.value_cents, i.fair_market_value_cents, i.status,"
                       " i.reserve_cents FROM bids w JOIN items i ON i.winning_bid_id = w.id"
                       " WHERE w.user_id = ? ORDER BY i.id"),
        {userId});
    if (!run)
        return fail(run.error());
    QList<LedLot> lots;
    while ((*run)->next()) {
        const QSqlQuery& row = **run;
        LedLot lot;
        lot.itemId = row.value(0).toLongLong();
        lot.name = row.value(1).toString();
        lot.value = Money::fromCents(row.value(2).toLongLong());
        if (!row.isNull(3))
            lot.fairMarketValue = Money::fromCents(row.value(3).toLongLong());
        lot.closed = parseStatus(row.value(4).toString()) == ItemStatus::Closed;
        lot.sold = soldRow(row, 4, 2, 5);
        lots.append(lot);
    }
    return lots;
}

Result<void> SqlStorage::lockUser(qint64 id)
{
    if (lockClause().isEmpty())
        return {};
    auto run = m_db.run(QStringLiteral("SELECT id FROM users WHERE id = ?") + lockClause(), {id});
    if (!run)
        return fail(run.error());
    return {};
}

Result<CheckoutFigures> SqlStorage::checkoutFigures(Rules::BasisPoints buyersPremium)
{
    CheckoutFigures figures;
    // The lots counted, then each winner's sold lots summed: the cost of the summary is one
    // lookup of a winning bid per sold lot.
    struct Lots
    {
        qint64 hammer = 0;
        qint64 premium = 0;
    };
    QHash<qint64, Lots> lotsOf;
    {
        auto run = m_db.run(QStringLiteral(
            "SELECT count(*), CAST(coalesce(sum(CASE WHEN status = 'open' THEN 1 ELSE 0 END), 0)"
            " AS BIGINT) FROM items"));
        if (!run)
            return fail(run.error());
        if (!(*run)->next())
            return fail(m_db.statementFailed(**run, QStringLiteral("counting the lots")));
        figures.lotsTotal = number(**run, 0);
        figures.lotsOpen = number(**run, 1);
    }
    {
        // Summed here rather than by GROUP BY: SQLite would sort the 100,000 rows of a big
        // auction first, which costs more than the scan itself. Each lot's premium is
        // rounded by the invoice's own rule.
        auto run = m_db.run(
            QStringLiteral("SELECT w.user_id, w.value_cents, i.status, i.reserve_cents FROM items i"
                           " JOIN bids w ON w.id = i.winning_bid_id WHERE i.status = 'closed'"));
        if (!run)
            return fail(run.error());
        while ((*run)->next()) {
            if (!soldRow(**run, 2, 1, 3))
                continue;
            const qint64 value = (*run)->value(1).toLongLong();
            Lots& lots = lotsOf[(*run)->value(0).toLongLong()];
            lots.hammer += value;
            lots.premium += Rules::percentOf(value, buyersPremium);
            ++figures.lotsSold;
        }
    }
    {
        auto run =
            m_db.run(QStringLiteral("SELECT method, CAST(sum(amount_cents) AS BIGINT)"
                                    " FROM payments WHERE voided_at IS NULL GROUP BY method"));
        if (!run)
            return fail(run.error());
        while ((*run)->next()) {
            const qint64 cents = number(**run, 1);
            switch (
                parsePaymentMethod((*run)->value(0).toString()).value_or(PaymentMethod::Other)) {
            case PaymentMethod::Cash:
                figures.paidCash += cents;
                break;
            case PaymentMethod::Check:
                figures.paidCheck += cents;
                break;
            case PaymentMethod::Card:
                figures.paidCard += cents;
                break;
            case PaymentMethod::Other:
                figures.paidOther += cents;
                break;
            }
        }
    }
    // Every bidder with their donations and payments summed; those with nothing on an
    // invoice are left out. The service settles each (tax, balance) with the invoice's rule.
    auto run = m_db.run(QStringLiteral(
        "SELECT u.id, u.number, u.name, u.tax_exempt, d.amount, p.amount FROM users u"
        " LEFT JOIN (SELECT user_id, CAST(sum(amount_cents) AS BIGINT) AS amount"
        "   FROM donations GROUP BY user_id) d ON d.user_id = u.id"
        " LEFT JOIN (SELECT user_id, CAST(sum(amount_cents) AS BIGINT) AS amount"
        "   FROM payments WHERE voided_at IS NULL GROUP BY user_id) p ON p.user_id = u.id"
        " ORDER BY u.id"));
    if (!run)
        return fail(run.error());
    while ((*run)->next()) {
        const QSqlQuery& row = **run;
        const qint64 userId = row.value(0).toLongLong();
        const auto lots = lotsOf.constFind(userId);
        if (lots == lotsOf.cend() && row.isNull(4) && row.isNull(5))
            continue;
        CheckoutFigures::Bidder bidder;
        bidder.userId = userId;
        bidder.number = number(row, 1);
        bidder.name = row.value(2).toString();
        bidder.taxExempt = number(row, 3) != 0;
        if (lots != lotsOf.cend()) {
            bidder.hammer = lots->hammer;
            bidder.premium = lots->premium;
        }
        bidder.donations = number(row, 4);
        bidder.paid = number(row, 5);
        figures.bidders.append(bidder);
    }
    return figures;
}

Result<QList<Payment>> SqlStorage::paymentsFrom(qint64 firstId, int limit)
{
    auto run =
        m_db.run(Rows::paymentSelect + QStringLiteral(" WHERE p.id >= ? ORDER BY p.id LIMIT ?"),
                 {firstId, limit});
    if (!run)
        return fail(run.error());
    QList<Payment> rows;
    while ((*run)->next())
        rows.append(Rows::readPayment(**run));
    return rows;
}

Result<QList<Donation>> SqlStorage::donationsFrom(qint64 firstId, int limit)
{
    auto run =
        m_db.run(Rows::donationSelect + QStringLiteral(" WHERE d.id >= ? ORDER BY d.id LIMIT ?"),
                 {firstId, limit});
    if (!run)
        return fail(run.error());
    QList<Donation> rows;
    while ((*run)->next())
        rows.append(Rows::readDonation(**run));
    return rows;
}

} // namespace BidTracker::Model
