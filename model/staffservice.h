#pragma once

#include "audit.h"
#include "staff.h"

#include <QDateTime>
#include <functional>
#include <optional>

namespace BidTracker::Model {

class Database;

/// Staff accounts, their tokens, sign-in and the audit log's reads (RULES.md 5). Every change
/// is checked against the actor's role first and writes its audit entry in its own
/// transaction. Not thread-safe: one per thread, on its thread's Database.
class StaffService final
{
public:
    using Clock = std::function<QDateTime()>;
    /// `clock` gives the time the sign-in delay is measured by (tests move it on).
    StaffService(Database& db, Actor actor, Clock clock = {});

    /// Whether any account exists (without one, everyone is the operator with every right).
    Result<bool> accountsExist();
    Result<QList<StaffAccount>> accounts();
    Result<StaffAccount> account(qint64 id);

    /// A new active account. The name (1-64 characters, unique ignoring case) and the
    /// secret are checked: a PIN of 4-12 digits, or a password of 8-128 characters.
    Result<StaffAccount> addAccount(const QString& name, Role role, const QString& secret);
    struct AccountChanges
    {
        std::optional<QString> name;
        std::optional<Role> role;
        std::optional<QString> secret;
        std::optional<bool> active;
    };
    /// The last active admin may not be demoted or deactivated (Reason::LastAdmin);
    /// deactivating revokes every token of the account.
    Result<StaffAccount> updateAccount(qint64 id, const AccountChanges& changes);
    Result<StaffAccount> deactivate(qint64 id);

    /// A new token for the account: the token itself is in the answer only.
    Result<std::pair<StaffToken, QString>> addToken(qint64 staffId, const QString& name);
    Result<void> revokeToken(qint64 tokenId);
    /// The account's tokens, revoked ones too (never the tokens themselves: only hashes are kept).
    Result<QList<StaffToken>> tokens(qint64 staffId);

    /// The actor a token stands for ("api:<token name>" with the account's role), or
    /// Unauthorized. Revoked tokens and deactivated accounts are refused at once.
    Result<Actor> actorForToken(const QString& token, const QString& station);
    /// Name and PIN at a station: five wrong in a row make the next try wait 30 s, doubling
    /// up to 5 minutes (Reason::RateLimited with `retry_after`).
    Result<Actor> signIn(const QString& name, const QString& secret, const QString& station);

    /// The log's entries (admin), oldest first, and how many match.
    Result<std::pair<QList<AuditEntry>, qint64>> audit(const AuditFilter& filter, qint64 limit,
                                                       qint64 offset);
    /// Walks the whole chain and compares it with the database's head and `knownHeads`.
    Result<AuditVerdict> verifyAudit(const QList<AuditHead>& knownHeads = {});
    Result<AuditHead> auditHead();

private:
    Result<void> checkName(const QString& name, qint64 self);
    Result<void> keepsAnAdmin(const StaffAccount& before, const StaffAccount& after);
    QString now() const;

    Database& m_db;
    Actor m_actor;
    Clock m_clock;
};

/// The Argon2id string of a PIN or password (libsodium crypto_pwhash_str), and its check.
Result<QString> hashSecret(const QString& secret);
bool secretMatches(const QString& secret, const QString& hash);
/// SHA-256 (hex) of a token: all that is stored of it.
QString tokenHash(const QString& token);
/// Invalid, naming "pin", unless a PIN of 4-12 digits or a password of 8-128 characters.
Result<void> checkSecret(const QString& secret);

} // namespace BidTracker::Model
