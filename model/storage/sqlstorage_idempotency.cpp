// Idempotency-Key answers (schema version 6) and the savepoints that let a service write join
// the transaction that keeps its answer. The same SQL on both engines.
#include "database.h"
#include "sqlstorage.h"

namespace BidTracker::Model {

Result<void> SqlStorage::savepoint()
{
    return m_db.exec(QStringLiteral("SAVEPOINT joined_write"));
}

Result<void> SqlStorage::releaseSavepoint()
{
    return m_db.exec(QStringLiteral("RELEASE SAVEPOINT joined_write"));
}

void SqlStorage::rollbackToSavepoint()
{
    // Rolling back to a savepoint keeps it: release it too, so savepoints stay paired.
    if (m_db.exec(QStringLiteral("ROLLBACK TO SAVEPOINT joined_write")))
        (void)m_db.exec(QStringLiteral("RELEASE SAVEPOINT joined_write"));
}

Result<bool> SqlStorage::claimIdempotencyKey(const IdempotencyKey& key, const QString& now,
                                             const QString& cutoff)
{
    // Expired keys go first, so an old one is claimed afresh; the index on created_at makes
    // this a short range scan that usually finds nothing.
    if (auto pruned =
            m_db.run(QStringLiteral("DELETE FROM idempotency_keys WHERE created_at < ?"), {cutoff});
        !pruned)
        return fail(pruned.error());
    auto claimed =
        m_db.run(QStringLiteral("INSERT INTO idempotency_keys (credential, method, path, idem_key,"
                                " body_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)"
                                " ON CONFLICT DO NOTHING RETURNING created_at"),
                 {key.credential, key.method, key.path, key.key, key.bodyHash, now});
    if (!claimed)
        return fail(claimed.error());
    return (*claimed)->next();
}

Result<std::optional<KeptAnswer>> SqlStorage::keptAnswer(const IdempotencyKey& key,
                                                         const QString& cutoff)
{
    auto row = m_db.run(QStringLiteral("SELECT status, headers, body, body_hash"
                                       " FROM idempotency_keys WHERE credential = ? AND method = ?"
                                       " AND path = ? AND idem_key = ? AND created_at >= ?"
                                       " AND status IS NOT NULL"),
                        {key.credential, key.method, key.path, key.key, cutoff});
    if (!row)
        return fail(row.error());
    if (!(*row)->next())
        return std::optional<KeptAnswer>();
    return std::optional<KeptAnswer>(
        KeptAnswer{(*row)->value(0).toInt(), (*row)->value(1).toString().toUtf8(),
                   (*row)->value(2).toByteArray(), (*row)->value(3).toString()});
}

Result<void> SqlStorage::keepAnswer(const IdempotencyKey& key, const KeptAnswer& answer)
{
    auto kept = m_db.run(QStringLiteral("UPDATE idempotency_keys SET status = ?, headers = ?,"
                                        " body = ? WHERE credential = ? AND method = ?"
                                        " AND path = ? AND idem_key = ?"),
                         {answer.status, QString::fromUtf8(answer.headers), answer.body,
                          key.credential, key.method, key.path, key.key});
    if (!kept)
        return fail(kept.error());
    return {};
}

} // namespace BidTracker::Model
