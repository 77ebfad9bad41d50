#include "staffservice.h"

#include "ids.h"
#include "joinedwrites.h"
#include "storage/database.h"
#include "storage/staffstorage.h"
#include "writetransaction.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <sodium.h>

namespace BidTracker::Model {

namespace {

constexpr qint64 FreeTries = 5;
constexpr qint64 FirstWaitSeconds = 30;
constexpr qint64 LongestWaitSeconds = 5 * 60;

QString staffObject(qint64 id)
{
    return QStringLiteral("staff%1").arg(id);
}

QString tokenObject(qint64 id)
{
    return QStringLiteral("token%1").arg(id);
}

/// What an audit entry shows of an account: never its secret nor the hash of it.
QJsonObject accountFields(const StaffAccount& account)
{
    return {{QStringLiteral("name"), account.name},
            {QStringLiteral("role"), roleName(account.role)},
            {QStringLiteral("active"), account.active}};
}

Error unknownStaff(qint64 id)
{
    return Error::refused(Error::Reason::UnknownStaff,
                          QStringLiteral("Staff account %1 does not exist").arg(staffObject(id)))
        .with(QStringLiteral("staff"), staffObject(id));
}

Error unauthorized(const QString& why)
{
    return Error::refused(Error::Reason::Unauthorized, why);
}

QString timestamp(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

/// auditedWrite() inside AuctionService::inOneTransaction(): a savepoint of that transaction,
/// so a refusal undoes only this write, and the entries commit with the rest (a replayed
/// Idempotency-Key runs no write, so it writes no entry).
template <typename Work>
auto joinedWrite(Database& db, const Actor& actor, Work&& work)
    -> decltype(work(std::declval<QList<AuditNote>&>()))
{
    Storage& storage = db.storage();
    if (auto ok = storage.savepoint(); !ok)
        return fail(ok.error());
    QList<AuditNote> notes;
    auto done = work(notes);
    if (done) {
        if (auto ok = StaffStorage(db).appendAudit(actor.name, actor.station, notes); !ok) {
            storage.rollbackToSavepoint();
            return fail(ok.error());
        }
        if (auto ok = storage.releaseSavepoint(); !ok)
            return fail(ok.error());
        return done;
    }
    storage.rollbackToSavepoint();
    return done;
}

/// Runs `work` in one write transaction and appends the notes it made to the audit log in
/// the same one.
template <typename Work>
auto auditedWrite(Database& db, const Actor& actor, Work&& work)
    -> decltype(work(std::declval<QList<AuditNote>&>()))
{
    if (writesJoined(db))
        return joinedWrite(db, actor, work);
    WriteTransaction transaction(db);
    if (auto ok = transaction.begin(); !ok)
        return fail(ok.error());
    QList<AuditNote> notes;
    auto done = work(notes);
    if (!done)
        return done;
    if (auto ok = StaffStorage(db).appendAudit(actor.name, actor.station, notes); !ok)
        return fail(ok.error());
    if (auto ok = transaction.commit(); !ok)
        return fail(ok.error());
    return done;
}

} // namespace

Result<QString> hashSecret(const QString& secret)
{
    if (sodium_init() < 0)
        return fail(Error::unavailable(QStringLiteral("libsodium could not start")));
    const QByteArray bytes = secret.toUtf8();
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, bytes.constData(), static_cast<unsigned long long>(bytes.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return fail(Error::unavailable(QStringLiteral("Out of memory hashing a PIN")));
    return QString::fromLatin1(hash);
}

bool secretMatches(const QString& secret, const QString& hash)
{
    if (sodium_init() < 0)
        return false;
    const QByteArray bytes = secret.toUtf8();
    return crypto_pwhash_str_verify(hash.toLatin1().constData(), bytes.constData(),
                                    static_cast<unsigned long long>(bytes.size())) == 0;
}

QString tokenHash(const QString& token)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

Result<void> checkSecret(const QString& secret)
{
    bool digits = !secret.isEmpty();
    for (const QChar c : secret)
        digits = digits && c >= u'0' && c <= u'9';
    if (digits && secret.size() >= 4 && secret.size() <= 12)
        return {};
    if (!digits && secret.size() >= 8 && secret.size() <= 128)
        return {};
    return fail(Error::invalid(QStringLiteral("The PIN must be 4 to 12 digits (or a password of 8 "
                                              "to 128 characters)"),
                               QStringLiteral("pin")));
}

StaffService::StaffService(Database& db, Actor actor, Clock clock)
    : m_db(db), m_actor(std::move(actor)), m_clock(std::move(clock))
{
    if (!m_clock)
        m_clock = [] { return QDateTime::currentDateTimeUtc(); };
}

QString StaffService::now() const
{
    return timestamp(m_clock());
}

Result<bool> StaffService::accountsExist()
{
    return StaffStorage(m_db).anyStaff();
}

Result<QList<StaffAccount>> StaffService::accounts()
{
    if (auto ok = authorize(m_actor, Permission::Administer); !ok)
        return fail(ok.error());
    return StaffStorage(m_db).listStaff();
}

Result<StaffAccount> StaffService::account(qint64 id)
{
    if (auto ok = authorize(m_actor, Permission::Administer); !ok)
        return fail(ok.error());
    auto found = StaffStorage(m_db).findStaff(id);
    if (!found)
        return fail(found.error());
    if (!*found)
        return fail(unknownStaff(id));
    return **found;
}

Result<void> StaffService::checkName(const QString& name, qint64 self)
{
    if (name.trimmed() != name || name.isEmpty() || name.size() > 64)
        return fail(Error::invalid(QStringLiteral("A staff name is 1 to 64 characters, without "
                                                  "spaces at its ends"),
                                   QStringLiteral("name")));
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control)
            return fail(Error::invalid(QStringLiteral("A staff name may not hold control "
                                                      "characters"),
                                       QStringLiteral("name")));
    }
    auto taken = StaffStorage(m_db).findStaffByName(name);
    if (!taken)
        return fail(taken.error());
    if (*taken && (*taken)->id != self)
        return fail(Error::refused(Error::Reason::NameTaken,
                                   QStringLiteral("The staff name %1 is taken").arg(name))
                        .with(QStringLiteral("name"), name));
    return {};
}

Result<StaffAccount> StaffService::addAccount(const QString& name, Role role, const QString& secret)
{
    if (auto ok = authorize(m_actor, Permission::Administer); !ok)
        return fail(ok.error());
    if (auto ok = checkSecret(secret); !ok)
        return fail(ok.error());
    auto hash = hashSecret(secret); // slow on purpose: outside the transaction
    if (!hash)
        return fail(hash.error());
    return auditedWrite(m_db, m_actor, [&](QList<AuditNote>& notes) -> Result<StaffAccount> {
        if (auto ok = checkName(name, 0); !ok)
            return fail(ok.error());
        StaffAccount account{0, name, role, *hash, true, now()};
        auto id = StaffStorage(m_db).insertStaff(account);
        if (!id)
            return fail(id.error());
        account.id = *id;
        notes.append(
            auditChange(QStringLiteral("staff.add"), staffObject(*id), {}, accountFields(account)));
        return account;
    });
}

Result<void> StaffService::keepsAnAdmin(const StaffAccount& before, const StaffAccount& after)
{
    const bool wasAdmin = before.active && before.role == Role::Admin;
    const bool isAdmin = after.active && after.role == Role::Admin;
    if (!wasAdmin || isAdmin)
        return {};
    auto admins = StaffStorage(m_db).countActiveAdmins();
    if (!admins)
        return fail(admins.error());
    if (*admins <= 1)
        return fail(Error::refused(Error::Reason::LastAdmin,
                                   QStringLiteral("%1 is the last active admin").arg(before.name))
                        .with(QStringLiteral("staff"), staffObject(before.id)));
    return {};
}

Result<StaffAccount> StaffService::updateAccount(qint64 id, const AccountChanges& changes)
{
    if (auto ok = authorize(m_actor, Permission::Administer); !ok)
        return fail(ok.error());
    std::optional<QString> newHash;
    if (changes.secret) {
        if (auto ok = checkSecret(*changes.secret); !ok)
            return fail(ok.error());
        auto hash = hashSecret(*changes.secret);
        if (!hash)
            return fail(hash.error());
        newHash = *hash;
    }
    return auditedWrite(m_db, m_actor, [&](QList<AuditNote>& notes) -> Result<StaffAccount> {
        StaffStorage storage(m_db);
        auto found = storage.findStaff(id);
        if (!found)
            return fail(found.error());
        if (!*found)
            return fail(unknownStaff(id));
        const StaffAccount before = **found;
        StaffAccount after = before;
        if (changes.name) {
            if (auto ok = checkName(*changes.name, id); !ok)
                return fail(ok.error());
            after.name = *changes.name;
        }
        after.role = changes.role.value_or(after.role);
        after.active = changes.active.value_or(after.active);
        after.secretHash = newHash.value_or(after.secretHash);
        if (auto ok = keepsAnAdmin(before, after); !ok)
            return fail(ok.error());
        if (auto ok = storage.updateStaff(after); !ok)
            return fail(ok.error());
        if (before.active && !after.active) {
            if (auto ok = storage.revokeTokensOf(id, now()); !ok)
                return fail(ok.error());
        }
        AuditNote note = auditChange(QStringLiteral("staff.update"), staffObject(id),
                                     accountFields(before), accountFields(after));
        if (newHash) // that it changed, never what to
            note.after.insert(QStringLiteral("pin"), QStringLiteral("changed"));
        notes.append(note);
        return after;
    });
}

Result<StaffAccount> StaffService::deactivate(qint64 id)
{
    return updateAccount(id, AccountChanges{.active = false});
}

Result<std::pair<StaffToken, QString>> StaffService::addToken(qint64 staffId, const QString& name)
{
    if (auto ok = authorize(m_actor, Permission::Administer); !ok)
        return fail(ok.error());
    if (name.trimmed().isEmpty() || name.size() > 64)
        return fail(Error::invalid(QStringLiteral("A token's name is 1 to 64 characters"),
                                   QStringLiteral("name")));
    if (sodium_init() < 0)
        return fail(Error::unavailable(QStringLiteral("libsodium could not start")));
    unsigned char random[32];
    randombytes_buf(random, sizeof random);
    const QString token = QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(random), sizeof random)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    using Made = std::pair<StaffToken, QString>;
    return auditedWrite(m_db, m_actor, [&](QList<AuditNote>& notes) -> Result<Made> {
        StaffStorage storage(m_db);
        auto owner = storage.findStaff(staffId);
        if (!owner)
            return fail(owner.error());
        if (!*owner || !(*owner)->active)
            return fail(unknownStaff(staffId));
        StaffToken made{0, staffId, name.trimmed(), now(), {}};
        auto id = storage.insertToken(made, tokenHash(token));
        if (!id)
            return fail(id.error());
        made.id = *id;
        notes.append(auditChange(QStringLiteral("token.add"), tokenObject(*id), {},
                                 {{QStringLiteral("name"), made.name},
                                  {QStringLiteral("staff"), staffObject(staffId)}}));
        return Made{made, token};
    });
}

Result<QList<StaffToken>> StaffService::tokens(qint64 staffId)
{
    if (auto ok = authorize(m_actor, Permission::Administer); !ok)
        return fail(ok.error());
    return StaffStorage(m_db).tokensOf(staffId);
}

Result<void> StaffService::revokeToken(qint64 tokenId)
{
    if (auto ok = authorize(m_actor, Permission::Administer); !ok)
        return fail(ok.error());
    return auditedWrite(m_db, m_actor, [&](QList<AuditNote>& notes) -> Result<void> {
        auto revoked = StaffStorage(m_db).revokeToken(tokenId, now());
        if (!revoked)
            return fail(revoked.error());
        if (!*revoked)
            return fail(Error::refused(Error::Reason::UnknownToken,
                                       QStringLiteral("Token %1 does not exist or is revoked "
                                                      "already")
                                           .arg(tokenObject(tokenId)))
                            .with(QStringLiteral("token"), tokenObject(tokenId)));
        notes.append(auditChange(QStringLiteral("token.revoke"), tokenObject(tokenId),
                                 {{QStringLiteral("revoked"), false}},
                                 {{QStringLiteral("revoked"), true}}));
        return {};
    });
}

Result<Actor> StaffService::actorForToken(const QString& token, const QString& station)
{
    const QString hash = tokenHash(token);
    // Read through to the database on every request: a revocation on another station
    // counts at the next request.
    auto found = StaffStorage(m_db).findTokenByHash(hash);
    if (!found)
        return fail(found.error());
    if (!*found)
        return fail(unauthorized(QStringLiteral("The token is not valid")));
    return Actor{QStringLiteral("api:") + (*found)->first.name, (*found)->second.role, station,
                 (*found)->second.id};
}

Result<Actor> StaffService::signIn(const QString& name, const QString& secret,
                                   const QString& station)
{
    StaffStorage storage(m_db);
    auto found = storage.findStaffByName(name);
    if (!found)
        return fail(found.error());
    if (!*found || !(*found)->active)
        return fail(unauthorized(QStringLiteral("No active staff account is called %1").arg(name)));
    const StaffAccount account = **found;
    auto failures = storage.signInFailures(account.id, station);
    if (!failures)
        return fail(failures.error());
    const QDateTime now = m_clock();
    if (!failures->waitUntil.isEmpty()) {
        const QDateTime until = QDateTime::fromString(failures->waitUntil, Qt::ISODateWithMs);
        if (until.isValid() && now < until) {
            const qint64 wait = std::max<qint64>(1, (now.msecsTo(until) + 999) / 1000);
            return fail(
                Error::refused(Error::Reason::RateLimited,
                               QStringLiteral("Too many wrong PINs: try again in %1 s").arg(wait))
                    .with(QStringLiteral("retry_after"), wait));
        }
    }
    if (secretMatches(secret, account.secretHash)) {
        if (failures->failures > 0) {
            if (auto ok = storage.setSignInFailures(account.id, station, {}); !ok)
                return fail(ok.error());
        }
        return Actor{account.name, account.role, station, account.id};
    }
    SignInFailures next{failures->failures + 1, {}};
    if (next.failures >= FreeTries) {
        const qint64 doublings = std::min<qint64>(next.failures - FreeTries, 10);
        const qint64 wait = std::min(FirstWaitSeconds << doublings, LongestWaitSeconds);
        next.waitUntil = timestamp(now.addSecs(wait));
    }
    if (auto ok = storage.setSignInFailures(account.id, station, next); !ok)
        return fail(ok.error());
    return fail(unauthorized(QStringLiteral("Wrong PIN for %1").arg(account.name)));
}

Result<std::pair<QList<AuditEntry>, qint64>> StaffService::audit(const AuditFilter& filter,
                                                                 qint64 limit, qint64 offset)
{
    if (auto ok = authorize(m_actor, Permission::Administer); !ok)
        return fail(ok.error());
    StaffStorage storage(m_db);
    auto total = storage.countAudit(filter);
    if (!total)
        return fail(total.error());
    auto entries = storage.listAudit(filter, limit, offset);
    if (!entries)
        return fail(entries.error());
    return std::make_pair(*entries, *total);
}

Result<AuditHead> StaffService::auditHead()
{
    return StaffStorage(m_db).auditHead();
}

Result<AuditVerdict> StaffService::verifyAudit(const QList<AuditHead>& knownHeads)
{
    // One snapshot: a station writing meanwhile moves neither the head nor the chain read.
    if (auto ok = m_db.storage().beginRead(); !ok)
        return fail(ok.error());
    StaffStorage storage(m_db);
    auto head = storage.auditHead();
    AuditChainCheck check;
    auto walked =
        head ? storage.forEachAudit([&](const AuditEntry& entry) { return check.add(entry); })
             : Result<void>(fail(head.error()));
    m_db.storage().rollback();
    if (!walked)
        return fail(walked.error());
    return check.finish(*head, knownHeads);
}

} // namespace BidTracker::Model
