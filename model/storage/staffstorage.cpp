// Staff accounts, tokens and the sign-in delay, both engines.
#include "staffstorage.h"

#include "database.h"
#include "rowreaders.h"

namespace BidTracker::Model {

namespace {

const QString staffColumns = QStringLiteral("id, name, role, secret_hash, active, created_at");
const QString tokenColumns = QStringLiteral("id, staff_id, name, created_at, revoked_at");

StaffAccount readStaff(const QSqlQuery& row, int first = 0)
{
    StaffAccount account;
    account.id = row.value(first).toLongLong();
    account.name = row.value(first + 1).toString();
    account.role = parseRole(row.value(first + 2).toString()).value_or(Role::Viewer);
    account.secretHash = row.value(first + 3).toString();
    account.active = row.value(first + 4).toLongLong() != 0;
    account.createdAt = row.value(first + 5).toString();
    return account;
}

StaffToken readToken(const QSqlQuery& row, int first = 0)
{
    StaffToken token;
    token.id = row.value(first).toLongLong();
    token.staffId = row.value(first + 1).toLongLong();
    token.name = row.value(first + 2).toString();
    token.createdAt = row.value(first + 3).toString();
    token.revokedAt = row.isNull(first + 4) ? QString() : row.value(first + 4).toString();
    return token;
}

Result<qint64> insertedId(Result<StatementRun> run)
{
    if (!run)
        return fail(run.error());
    if (!(*run)->next())
        return fail(Error::unavailable(QStringLiteral("An insert returned no id")));
    return (*run)->value(0).toLongLong();
}

} // namespace

QString StaffStorage::lockClause() const
{
    return m_db.engine() == Storage::Engine::Postgres ? QStringLiteral(" FOR UPDATE") : QString();
}

QString StaffStorage::nowExpression() const
{
    return m_db.engine() == Storage::Engine::Postgres
               ? QStringLiteral("to_char(clock_timestamp() AT TIME ZONE 'UTC',"
                                " 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')")
               : QStringLiteral("strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");
}

Result<qint64> StaffStorage::insertStaff(const StaffAccount& account)
{
    return insertedId(
        m_db.run(QStringLiteral("INSERT INTO staff (name, role, secret_hash, active, created_at)"
                                " VALUES (?, ?, ?, ?, ?) RETURNING id"),
                 {account.name, roleName(account.role), account.secretHash, account.active ? 1 : 0,
                  account.createdAt}));
}

Result<void> StaffStorage::updateStaff(const StaffAccount& account)
{
    auto run = m_db.run(QStringLiteral("UPDATE staff SET name = ?, role = ?, secret_hash = ?,"
                                       " active = ? WHERE id = ?"),
                        {account.name, roleName(account.role), account.secretHash,
                         account.active ? 1 : 0, account.id});
    if (!run)
        return fail(run.error());
    return {};
}

Result<std::optional<StaffAccount>> StaffStorage::findStaff(qint64 id)
{
    auto run =
        m_db.run(QStringLiteral("SELECT %1 FROM staff WHERE id = ?").arg(staffColumns), {id});
    if (!run)
        return fail(run.error());
    if (!(*run)->next())
        return std::optional<StaffAccount>();
    return readStaff(**run);
}

Result<std::optional<StaffAccount>> StaffStorage::findStaffByName(const QString& name)
{
    auto run = m_db.run(
        QStringLiteral("SELECT %1 FROM staff WHERE lower(name) = lower(?)").arg(staffColumns),
        {name});
    if (!run)
        return fail(run.error());
    if (!(*run)->next())
        return std::optional<StaffAccount>();
    return readStaff(**run);
}

Result<QList<StaffAccount>> StaffStorage::listStaff()
{
    auto run = m_db.run(QStringLiteral("SELECT %1 FROM staff ORDER BY id").arg(staffColumns));
    if (!run)
        return fail(run.error());
    QList<StaffAccount> accounts;
    while ((*run)->next())
        accounts.append(readStaff(**run));
    return accounts;
}

Result<qint64> StaffStorage::countActiveAdmins()
{
    auto run =
        m_db.run(QStringLiteral("SELECT count(*) FROM staff WHERE role = 'admin' AND active = 1"));
    if (!run)
        return fail(run.error());
    (*run)->next();
    return (*run)->value(0).toLongLong();
}

Result<bool> StaffStorage::anyStaff()
{
    auto run = m_db.run(QStringLiteral("SELECT count(*) FROM staff"));
    if (!run)
        return fail(run.error());
    (*run)->next();
    return (*run)->value(0).toLongLong() > 0;
}

Result<qint64> StaffStorage::insertToken(const StaffToken& token, const QString& tokenHash)
{
    return insertedId(
        m_db.run(QStringLiteral("INSERT INTO staff_tokens (staff_id, name, token_hash, created_at)"
                                " VALUES (?, ?, ?, ?) RETURNING id"),
                 {token.staffId, token.name, tokenHash, token.createdAt}));
}

Result<std::optional<StaffToken>> StaffStorage::findToken(qint64 id)
{
    auto run = m_db.run(
        QStringLiteral("SELECT %1 FROM staff_tokens WHERE id = ?").arg(tokenColumns), {id});
    if (!run)
        return fail(run.error());
    if (!(*run)->next())
        return std::optional<StaffToken>();
    return readToken(**run);
}

Result<std::optional<std::pair<StaffToken, StaffAccount>>>
StaffStorage::findTokenByHash(const QString& tokenHash)
{
    auto run = m_db.run(
        QStringLiteral("SELECT t.id, t.staff_id, t.name, t.created_at, t.revoked_at, s.id,"
                       " s.name, s.role, s.secret_hash, s.active, s.created_at"
                       " FROM staff_tokens t JOIN staff s ON s.id = t.staff_id"
                       " WHERE t.token_hash = ? AND t.revoked_at IS NULL AND s.active = 1"),
        {tokenHash});
    if (!run)
        return fail(run.error());
    if (!(*run)->next())
        return std::optional<std::pair<StaffToken, StaffAccount>>();
    return std::make_pair(readToken(**run), readStaff(**run, 5));
}

Result<bool> StaffStorage::revokeToken(qint64 id, const QString& at)
{
    auto run = m_db.run(QStringLiteral("UPDATE staff_tokens SET revoked_at = ?"
                                       " WHERE id = ? AND revoked_at IS NULL RETURNING id"),
                        {at, id});
    if (!run)
        return fail(run.error());
    return (*run)->next();
}

Result<void> StaffStorage::revokeTokensOf(qint64 staffId, const QString& at)
{
    auto run = m_db.run(QStringLiteral("UPDATE staff_tokens SET revoked_at = ?"
                                       " WHERE staff_id = ? AND revoked_at IS NULL"),
                        {at, staffId});
    if (!run)
        return fail(run.error());
    return {};
}

Result<QList<StaffToken>> StaffStorage::tokensOf(qint64 staffId)
{
    auto run = m_db.run(QStringLiteral("SELECT %1 FROM staff_tokens WHERE staff_id = ? ORDER BY id")
                            .arg(tokenColumns),
                        {staffId});
    if (!run)
        return fail(run.error());
    QList<StaffToken> tokens;
    while ((*run)->next())
        tokens.append(readToken(**run));
    return tokens;
}

Result<SignInFailures> StaffStorage::signInFailures(qint64 staffId, const QString& station)
{
    auto run = m_db.run(QStringLiteral("SELECT failures, wait_until FROM staff_sign_in_failures"
                                       " WHERE staff_id = ? AND station = ?"),
                        {staffId, Rows::plainText(station)});
    if (!run)
        return fail(run.error());
    if (!(*run)->next())
        return SignInFailures{};
    return SignInFailures{(*run)->value(0).toLongLong(), (*run)->value(1).toString()};
}

Result<void> StaffStorage::setSignInFailures(qint64 staffId, const QString& station,
                                             const SignInFailures& failures)
{
    auto run =
        m_db.run(QStringLiteral("INSERT INTO staff_sign_in_failures (staff_id, station, failures,"
                                " wait_until) VALUES (?, ?, ?, ?) ON CONFLICT (staff_id, station)"
                                " DO UPDATE SET failures = excluded.failures,"
                                " wait_until = excluded.wait_until"),
                 {staffId, Rows::plainText(station), failures.failures,
                  Rows::plainText(failures.waitUntil)});
    if (!run)
        return fail(run.error());
    return {};
}

} // namespace BidTracker::Model
