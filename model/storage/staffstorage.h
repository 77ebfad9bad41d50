#pragma once

#include "model/audit.h"
#include "model/staff.h"

#include <functional>
#include <optional>

namespace BidTracker::Model {

class Database;

/// The SQL of staff accounts, tokens and the audit log, both engines (the tables of schema
/// step StaffSchemaVersion). There is no statement here that changes or deletes an audit
/// entry: the log only grows (and triggers refuse it below any door).
class StaffStorage final
{
public:
    explicit StaffStorage(Database& db) : m_db(db) {}

    // Accounts (staffstorage.cpp)
    Result<qint64> insertStaff(const StaffAccount& account);
    /// Writes name, role, secret hash and active flag.
    Result<void> updateStaff(const StaffAccount& account);
    Result<std::optional<StaffAccount>> findStaff(qint64 id);
    /// Case-insensitive, as names are unique.
    Result<std::optional<StaffAccount>> findStaffByName(const QString& name);
    Result<QList<StaffAccount>> listStaff();
    Result<qint64> countActiveAdmins();
    /// Whether any account exists: without one Bid Tracker runs as one operator.
    Result<bool> anyStaff();

    // Tokens
    Result<qint64> insertToken(const StaffToken& token, const QString& tokenHash);
    Result<std::optional<StaffToken>> findToken(qint64 id);
    /// The working token with this hash (hex), with its account; revoked ones are left out.
    Result<std::optional<std::pair<StaffToken, StaffAccount>>>
    findTokenByHash(const QString& tokenHash);
    /// Marks the token revoked; false when it was revoked already or is not there.
    Result<bool> revokeToken(qint64 id, const QString& at);
    Result<void> revokeTokensOf(qint64 staffId, const QString& at);
    Result<QList<StaffToken>> tokensOf(qint64 staffId);

    // Sign-in delay
    Result<SignInFailures> signInFailures(qint64 staffId, const QString& station);
    Result<void> setSignInFailures(qint64 staffId, const QString& station,
                                   const SignInFailures& failures);

    // The audit log (auditstorage.cpp)
    /// Appends the notes, in order, to the chain inside the write transaction in progress:
    /// the head is locked first (PostgreSQL FOR UPDATE; SQLite's write lock), `at` is the
    /// database's clock read after it.
    Result<void> appendAudit(const QString& staff, const QString& station,
                             const QList<AuditNote>& notes);
    Result<AuditHead> auditHead();
    Result<qint64> countAudit(const AuditFilter& filter);
    /// Oldest first.
    Result<QList<AuditEntry>> listAudit(const AuditFilter& filter, qint64 limit, qint64 offset);
    /// Every entry in id order; `entry` returns false to stop.
    Result<void> forEachAudit(const std::function<bool(const AuditEntry&)>& entry);
    /// The payment's taker, from its "payment.add" entry: (staff, at), or nothing.
    Result<std::optional<std::pair<QString, QString>>> paymentTaker(qint64 paymentId);

    // Copying (staffcopy.cpp): every account, token and entry as it is, ids included.
    /// Copies the staff, tokens and the whole audit log of `from` into this (empty) database
    /// inside the write transaction in progress; returns the entries copied. The copy's
    /// chain verifies as the original's does.
    Result<qint64> copyFrom(Database& from);

private:
    /// The head under its lock (PostgreSQL FOR UPDATE; SQLite's write lock), and the
    /// database's clock read after it in `at`.
    Result<AuditHead> lockedHead(QString* at);
    /// Inserts `entry` only while the head is `chain`; false when it is not.
    Result<bool> insertAfter(const AuditHead& chain, const AuditEntry& entry);
    QString lockClause() const;
    QString nowExpression() const;

    Database& m_db;
};

} // namespace BidTracker::Model
