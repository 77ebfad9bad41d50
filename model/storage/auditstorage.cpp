// The audit log's SQL, both engines: appended under the head's lock, read in id order, never
// changed.
#include "database.h"
#include "model/ids.h"
#include "rowreaders.h"
#include "staffstorage.h"

#include <QDateTime>
#include <QHash>

namespace BidTracker::Model {

namespace {

const QString auditColumns =
    QStringLiteral("id, at, staff, station, action, object, before, after, hash");

AuditEntry readEntry(const QSqlQuery& row)
{
    AuditEntry entry;
    entry.id = row.value(0).toLongLong();
    entry.at = row.value(1).toString();
    entry.staff = row.value(2).toString();
    entry.station = row.value(3).toString();
    entry.action = row.value(4).toString();
    entry.object = row.value(5).toString();
    entry.before = row.value(6).toString().toUtf8();
    entry.after = row.value(7).toString().toUtf8();
    entry.hash = row.value(8).toString();
    return entry;
}

/// Each filter is bound twice: "(? = '' OR column = ?)" keeps one statement for every mix.
const QString filterClause =
    QStringLiteral(" WHERE (? = '' OR object = ?) AND (? = '' OR lower(staff) = lower(?))"
                   " AND (? = '' OR station = ?) AND (? = '' OR action = ?) AND (? = '' OR at >= ?)"
                   " AND (? = '' OR at < ?)");

/// Empty filters as '' (a null QString would bind NULL, and "NULL = ''" matches nothing).
AuditFilter textOnly(AuditFilter filter)
{
    for (QString* field : {&filter.object, &filter.staff, &filter.station, &filter.action,
                           &filter.since, &filter.until}) {
        if (field->isNull())
            *field = QStringLiteral("");
    }
    return filter;
}

} // namespace

namespace {

/// The head this thread's last entry left, per database connection. On SQLite the next entry
/// is then written in one statement that only inserts while the head is still that one (the
/// write lock is held since BEGIN IMMEDIATE, and a trigger moves the head); another station's
/// entry meanwhile, or a rolled-back one, makes it insert nothing, and the head is read.
thread_local QHash<const Database*, AuditHead> t_lastHeads;

const QString insertAfterHead =
    QStringLiteral("INSERT INTO audit_log (id, at, staff, station, action, object, before, after,"
                   " hash) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? FROM audit_head"
                   " WHERE id = 1 AND count = ? AND hash = ?");

} // namespace

Result<AuditHead> StaffStorage::lockedHead(QString* at)
{
    // SQLite: the write lock is held since BEGIN IMMEDIATE, so the head and the clock come in
    // one statement. PostgreSQL: the clock is read once the head's row lock is granted.
    const bool sqlite = m_db.engine() == Storage::Engine::Sqlite;
    auto head = m_db.run(
        sqlite ? QStringLiteral("SELECT count, hash, ") + nowExpression() +
                     QStringLiteral(" FROM audit_head WHERE id = 1")
               : QStringLiteral("SELECT count, hash FROM audit_head WHERE id = 1") + lockClause());
    if (!head)
        return fail(head.error());
    if (!(*head)->next())
        return fail(Error::unavailable(QStringLiteral("The audit log's head row is missing")));
    AuditHead chain{(*head)->value(0).toLongLong(), (*head)->value(1).toString()};
    if (sqlite)
        *at = (*head)->value(2).toString();
    (*head)->finish();
    if (!sqlite) {
        auto now = m_db.run(QStringLiteral("SELECT ") + nowExpression());
        if (!now)
            return fail(now.error());
        (*now)->next();
        *at = (*now)->value(0).toString();
        (*now)->finish();
    }
    return chain;
}

Result<bool> StaffStorage::insertAfter(const AuditHead& chain, const AuditEntry& entry)
{
    auto insert =
        m_db.run(insertAfterHead,
                 {entry.id, entry.at, Rows::plainText(entry.staff), Rows::plainText(entry.station),
                  entry.action, entry.object, QString::fromUtf8(entry.before),
                  QString::fromUtf8(entry.after), entry.hash, chain.count, chain.hash});
    if (!insert)
        return fail(insert.error());
    return (*insert)->numRowsAffected() == 1;
}

Result<void> StaffStorage::appendAudit(const QString& staff, const QString& station,
                                       const QList<AuditNote>& notes)
{
    if (notes.isEmpty())
        return {};
    // On SQLite the head this thread left last is tried first (one statement an entry); the
    // clock is this process's, as SQLite's own 'now' is.
    const bool sqlite = m_db.engine() == Storage::Engine::Sqlite;
    const auto last = sqlite ? t_lastHeads.constFind(&m_db) : t_lastHeads.cend();
    bool headRead = last == t_lastHeads.cend();
    AuditHead chain;
    QString at;
    if (headRead) {
        auto locked = lockedHead(&at);
        if (!locked)
            return fail(locked.error());
        chain = *locked;
    } else {
        chain = *last;
        at = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    }
    for (const AuditNote& note : notes) {
        AuditEntry entry{chain.count + 1,
                         at,
                         staff,
                         station,
                         note.action,
                         note.object,
                         compactJson(note.before),
                         compactJson(note.after),
                         {}};
        entry.hash = chainHash(chain.hash, entry);
        auto inserted = insertAfter(chain, entry);
        if (!inserted)
            return fail(inserted.error());
        if (!*inserted && headRead)
            return fail(Error::unavailable(QStringLiteral("The audit log's head moved while "
                                                          "it was locked")));
        if (!*inserted) {
            // Another station wrote since (or this thread's last entry was rolled back).
            t_lastHeads.remove(&m_db);
            return appendAudit(staff, station, notes.mid(&note - notes.constData()));
        }
        chain = {entry.id, entry.hash};
    }
    if (sqlite)
        t_lastHeads.insert(&m_db, chain);
    return {};
}

Result<AuditHead> StaffStorage::auditHead()
{
    auto run = m_db.run(QStringLiteral("SELECT count, hash FROM audit_head WHERE id = 1"));
    if (!run)
        return fail(run.error());
    if (!(*run)->next())
        return AuditHead{};
    return AuditHead{(*run)->value(0).toLongLong(), (*run)->value(1).toString()};
}

Result<qint64> StaffStorage::countAudit(const AuditFilter& given)
{
    const AuditFilter f = textOnly(given);
    auto run = m_db.run(QStringLiteral("SELECT count(*) FROM audit_log") + filterClause,
                        {f.object, f.object, f.staff, f.staff, f.station, f.station, f.action,
                         f.action, f.since, f.since, f.until, f.until});
    if (!run)
        return fail(run.error());
    (*run)->next();
    return (*run)->value(0).toLongLong();
}

Result<QList<AuditEntry>> StaffStorage::listAudit(const AuditFilter& given, qint64 limit,
                                                  qint64 offset)
{
    const AuditFilter f = textOnly(given);
    auto run = m_db.run(QStringLiteral("SELECT %1 FROM audit_log").arg(auditColumns) +
                            filterClause + QStringLiteral(" ORDER BY id LIMIT ? OFFSET ?"),
                        {f.object, f.object, f.staff, f.staff, f.station, f.station, f.action,
                         f.action, f.since, f.since, f.until, f.until, limit, offset});
    if (!run)
        return fail(run.error());
    QList<AuditEntry> entries;
    while ((*run)->next())
        entries.append(readEntry(**run));
    return entries;
}

Result<void> StaffStorage::forEachAudit(const std::function<bool(const AuditEntry&)>& entry)
{
    // A slice at a time by id, so neither engine holds a million rows at once.
    constexpr qint64 Slice = 20000;
    qint64 after = -1;
    for (;;) {
        auto run = m_db.run(QStringLiteral("SELECT %1 FROM audit_log WHERE id > ?"
                                           " ORDER BY id LIMIT ?")
                                .arg(auditColumns),
                            {after, Slice});
        if (!run)
            return fail(run.error());
        qint64 rows = 0;
        while ((*run)->next()) {
            const AuditEntry read = readEntry(**run);
            ++rows;
            after = read.id;
            if (!entry(read))
                return {};
        }
        if (rows < Slice)
            return {};
    }
}

Result<std::optional<std::pair<QString, QString>>> StaffStorage::paymentTaker(qint64 paymentId)
{
    auto run = m_db.run(QStringLiteral("SELECT staff, at FROM audit_log WHERE object = ?"
                                       " AND action = 'payment.add' ORDER BY id LIMIT 1"),
                        {formatId(EntityKind::Payment, paymentId)});
    if (!run)
        return fail(run.error());
    if (!(*run)->next())
        return std::optional<std::pair<QString, QString>>();
    return std::make_pair((*run)->value(0).toString(), (*run)->value(1).toString());
}

} // namespace BidTracker::Model
