// The SQL of the settings row, payments and donations, which both engines share.
#include "model/storage/database.h"
#include "rowreaders.h"
#include "sqlstorage.h"

namespace BidTracker::Model {

namespace {

template <typename Record, typename Read>
Result<std::optional<Record>> readOne(Database& db, const QString& sql, qint64 id, Read read)
{
    auto run = db.run(sql, {id});
    if (!run)
        return fail(run.error());
    if (!(*run)->next())
        return std::optional<Record>();
    return std::optional<Record>(read(**run));
}

template <typename Record, typename Read>
Result<QList<Record>> readAll(Database& db, const QString& sql, qint64 id, Read read)
{
    auto run = db.run(sql, {id});
    if (!run)
        return fail(run.error());
    QList<Record> rows;
    while ((*run)->next())
        rows.append(read(**run));
    return rows;
}

} // namespace

Result<AuctionSettings> SqlStorage::readSettings()
{
    auto run = m_db.run(QStringLiteral(
        "SELECT name, currency, buyers_premium_bp, tax_rate_bp, increments,"
        " soft_close_window_seconds, soft_close_extend_seconds, soft_close_max_extend_seconds,"
        " first_bidder_number, close_all_at, commission_rate_bp FROM settings WHERE id = 1"));
    if (!run)
        return fail(run.error());
    if (!(*run)->next())
        return fail(Error::unavailable(QStringLiteral("The auction's settings row is missing")));
    const QSqlQuery& row = **run;
    AuctionSettings settings;
    settings.name = row.value(0).toString();
    settings.currency = row.value(1).toString();
    settings.buyersPremium = row.value(2).toLongLong();
    settings.taxRate = row.value(3).toLongLong();
    // Only this program writes the column, through encodeIncrements.
    settings.increments =
        decodeIncrements(row.value(4).toString()).value_or(Rules::IncrementTable{});
    settings.softClose =
        SoftClose{row.value(5).toLongLong(), row.value(6).toLongLong(), row.value(7).toLongLong()};
    settings.firstBidderNumber = row.value(8).toLongLong();
    settings.closeAllAt = row.value(9).toString();
    settings.commissionRate = row.value(10).toLongLong();
    return settings;
}

Result<void> SqlStorage::writeSettings(const AuctionSettings& settings)
{
    auto run =
        m_db.run(QStringLiteral("UPDATE settings SET name = ?, currency = ?, buyers_premium_bp = ?,"
                                " tax_rate_bp = ?, increments = ?, soft_close_window_seconds = ?,"
                                " soft_close_extend_seconds = ?, soft_close_max_extend_seconds = ?,"
                                " first_bidder_number = ?, close_all_at = ?, commission_rate_bp = ?"
                                " WHERE id = 1"),
                 {settings.name, settings.currency, settings.buyersPremium, settings.taxRate,
                  Rows::plainText(encodeIncrements(settings.increments)),
                  settings.softClose.windowSeconds, settings.softClose.extendSeconds,
                  settings.softClose.maxExtendSeconds, settings.firstBidderNumber,
                  Rows::nullableText(settings.closeAllAt), settings.commissionRate});
    if (!run)
        return fail(run.error());
    return {};
}

Result<SettingsVersion> SqlStorage::readSettingsVersion()
{
    auto run = m_db.run(QStringLiteral("SELECT version, changed_at FROM settings WHERE id = 1") +
                        lockClause());
    if (!run)
        return fail(run.error());
    if (!(*run)->next())
        return fail(Error::unavailable(QStringLiteral("The auction's settings row is missing")));
    return SettingsVersion{(*run)->value(0).toLongLong(), (*run)->value(1).toString()};
}

Result<qint64> SqlStorage::insertPayment(const Payment& payment)
{
    QVariantList values{payment.userId,
                        payment.amount.cents(),
                        paymentMethodName(payment.method),
                        Rows::plainText(payment.reference),
                        payment.paidAt,
                        Rows::nullableText(payment.voidedAt),
                        Rows::plainText(payment.voidReason)};
    const QString columns =
        QStringLiteral("user_id, amount_cents, method, reference, paid_at, voided_at, void_reason");
    if (payment.id == 0)
        return insertReturningId(
            QStringLiteral("INSERT INTO payments (%1) VALUES (?, ?, ?, ?, ?, ?, ?)").arg(columns),
            values);
    values.prepend(payment.id);
    return insertReturningId(
        QStringLiteral("INSERT INTO payments (id, %1) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            .arg(columns),
        values);
}

Result<bool> SqlStorage::voidPayment(qint64 id, const QString& voidedAt, const QString& reason)
{
    auto run =
        m_db.run(QStringLiteral("UPDATE payments SET voided_at = ?, void_reason = ? WHERE id = ?"),
                 {Rows::nullableText(voidedAt), Rows::plainText(reason), id});
    if (!run)
        return fail(run.error());
    return (*run)->numRowsAffected() > 0;
}

Result<std::optional<Payment>> SqlStorage::findPayment(qint64 id)
{
    return readOne<Payment>(m_db, Rows::paymentSelect + QStringLiteral(" WHERE p.id = ?"), id,
                            Rows::readPayment);
}

Result<QList<Payment>> SqlStorage::paymentsOfUser(qint64 userId)
{
    return readAll<Payment>(
        m_db, Rows::paymentSelect + QStringLiteral(" WHERE p.user_id = ? ORDER BY p.id"), userId,
        Rows::readPayment);
}

Result<qint64> SqlStorage::insertDonation(const Donation& donation)
{
    QVariantList values{donation.userId, donation.amount.cents(), Rows::plainText(donation.note),
                        donation.createdAt};
    if (donation.id == 0)
        return insertReturningId(QStringLiteral("INSERT INTO donations (user_id, amount_cents,"
                                                " note, created_at) VALUES (?, ?, ?, ?)"),
                                 values);
    values.prepend(donation.id);
    return insertReturningId(QStringLiteral("INSERT INTO donations (id, user_id, amount_cents,"
                                            " note, created_at) VALUES (?, ?, ?, ?, ?)"),
                             values);
}

Result<void> SqlStorage::deleteDonation(qint64 id)
{
    auto run = m_db.run(QStringLiteral("DELETE FROM donations WHERE id = ?"), {id});
    if (!run)
        return fail(run.error());
    return {};
}

Result<std::optional<Donation>> SqlStorage::findDonation(qint64 id)
{
    return readOne<Donation>(m_db, Rows::donationSelect + QStringLiteral(" WHERE d.id = ?"), id,
                             Rows::readDonation);
}

Result<QList<Donation>> SqlStorage::donationsOfUser(qint64 userId)
{
    return readAll<Donation>(
        m_db, Rows::donationSelect + QStringLiteral(" WHERE d.user_id = ? ORDER BY d.id"), userId,
        Rows::readDonation);
}

} // namespace BidTracker::Model
