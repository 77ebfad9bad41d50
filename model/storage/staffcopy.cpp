// A copy of an auction carries its staff and its audit log (RULES.md 5): rows as they are,
// so the chain and every head kept of it still verify.
#include "database.h"
#include "staffstorage.h"

#include <QSqlRecord>

namespace BidTracker::Model {

namespace {

/// Every row of `sql` (read on `from`), each handed to `put` as its values.
Result<qint64> eachRowOf(Database& from, const QString& sql,
                         const std::function<Result<void>(const QVariantList&)>& put)
{
    auto run = from.run(sql);
    if (!run)
        return fail(run.error());
    qint64 rows = 0;
    const int columns = (*run)->record().count();
    while ((*run)->next()) {
        QVariantList values;
        for (int i = 0; i < columns; ++i)
            values.append((*run)->value(i));
        if (auto ok = put(values); !ok)
            return fail(ok.error());
        ++rows;
    }
    return rows;
}

Result<void> insertRow(Database& to, const QString& sql, const QVariantList& values)
{
    auto statement = to.prepared(sql);
    if (!statement)
        return fail(statement.error());
    for (int i = 0; i < values.size(); ++i)
        (*statement)->bindValue(i, values[i]);
    if (!(*statement)->exec()) {
        Error error = to.statementFailed(**statement, QStringLiteral("copying the staff tables"));
        (*statement)->finish();
        return fail(std::move(error));
    }
    (*statement)->finish();
    return {};
}

} // namespace

Result<qint64> StaffStorage::copyFrom(Database& from)
{
    struct Table
    {
        const char* name;
        const char* columns;
        int count;
    };
    const Table tables[] = {
        {"staff", "id, name, role, secret_hash, active, created_at", 6},
        {"staff_tokens", "id, staff_id, name, token_hash, created_at, revoked_at", 6},
        {"audit_log", "id, at, staff, station, action, object, before, after, hash", 9},
    };
    qint64 entries = 0;
    for (const Table& table : tables) {
        const QString columns = QString::fromLatin1(table.columns);
        const QString name = QString::fromLatin1(table.name);
        QStringList marks;
        for (int i = 0; i < table.count; ++i)
            marks.append(QStringLiteral("?"));
        const QString insert = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                   .arg(name, columns, marks.join(QStringLiteral(", ")));
        auto rows =
            eachRowOf(from, QStringLiteral("SELECT %1 FROM %2 ORDER BY id").arg(columns, name),
                      [&](const QVariantList& values) { return insertRow(m_db, insert, values); });
        if (!rows)
            return fail(rows.error());
        if (name == u"audit_log")
            entries = *rows;
    }
    auto head = StaffStorage(from).auditHead();
    if (!head)
        return fail(head.error());
    auto update = m_db.run(QStringLiteral("UPDATE audit_head SET count = ?, hash = ? WHERE id = 1"),
                           {head->count, head->hash});
    if (!update)
        return fail(update.error());
    if (m_db.engine() == Storage::Engine::Postgres) {
        for (const char* table : {"staff", "staff_tokens"}) {
            if (auto ok =
                    m_db.exec(QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', "
                                             "'id'), coalesce(max(id), 0) + 1, false) FROM %1")
                                  .arg(QLatin1String(table)));
                !ok)
                return fail(ok.error());
        }
    }
    return entries;
}

} // namespace BidTracker::Model
