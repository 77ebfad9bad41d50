// The Bids table's queries: a window of a big table found through the order's index, so
// only the rows on screen are read.
#include "model/storage/database.h"
#include "rowreaders.h"
#include "sqlstorage.h"

namespace BidTracker::Model {

namespace {

/// The ORDER BY key of a bid query, as SQL: every key ends in the id, so rows have one order.
QString orderKey(const BidQuery& query, const QString& table)
{
    switch (query.order) {
    case BidQuery::Order::ByValue:
        return QStringLiteral("%1.value_cents, %1.id").arg(table);
    case BidQuery::Order::ByUser:
        return QStringLiteral("%1.user_id, %1.id").arg(table);
    case BidQuery::Order::ById:
        break;
    }
    return QStringLiteral("%1.id").arg(table);
}

QString orderBy(const BidQuery& query, const QString& table)
{
    QStringList parts = orderKey(query, table).split(QStringLiteral(", "));
    for (QString& part : parts)
        part += query.descending ? QStringLiteral(" DESC") : QString();
    return parts.join(QStringLiteral(", "));
}

QString likePattern(const QString& text)
{
    QString escaped = text;
    escaped.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'%', QStringLiteral("\\%"))
        .replace(u'_', QStringLiteral("\\_"));
    return u'%' + escaped + u'%';
}

/// Runs a prepared statement with its bound values; the caller reads and finishes it.
Result<QSqlQuery*> runBound(Database& db, const QString& sql,
                            const QList<std::pair<QString, QVariant>>& values, const QString& doing)
{
    auto statement = db.prepared(sql);
    if (!statement)
        return fail(statement.error());
    for (const auto& [name, value] : values)
        (*statement)->bindValue(name, value);
    if (!(*statement)->exec()) {
        Error error = db.statementFailed(**statement, doing);
        (*statement)->finish();
        return fail(error);
    }
    return *statement;
}

} // namespace

Result<QList<Item>> SqlStorage::findItems(qint64 id, const QString& text, bool openOnly, int limit)
{
    const QString like = likePattern(text);
    auto run = m_db.run(Rows::itemSelect +
                            QStringLiteral(" WHERE (i.id = ? OR i.name %1 ? ESCAPE '\\')"
                                           " AND (? = 0 OR i.status = 'open')"
                                           " ORDER BY i.id = ? DESC, i.name %1 ? ESCAPE '\\' DESC,"
                                           " i.name, i.id LIMIT ?")
                                .arg(likeOperator()),
                        {id, like, openOnly ? 1 : 0, id, like.mid(1), limit});
    if (!run)
        return fail(run.error());
    QList<Item> found;
    while ((*run)->next())
        found.append(Rows::readItem(**run));
    return found;
}

Result<QList<User>> SqlStorage::findUsers(qint64 id, const QString& text, int limit, bool contacts)
{
    const QString like = likePattern(text);
    auto run = m_db.run(Rows::userSelect +
                            QStringLiteral(" WHERE u.id = ? OR u.name %1 ? ESCAPE '\\'"
                                           " OR (? = 1 AND (u.phone %1 ? ESCAPE '\\'"
                                           " OR u.email %1 ? ESCAPE '\\'))"
                                           " ORDER BY u.id = ? DESC, u.name %1 ? ESCAPE '\\' DESC,"
                                           " u.name, u.id LIMIT ?")
                                .arg(likeOperator()),
                        {id, like, contacts ? 1 : 0, like, like, id, like.mid(1), limit});
    if (!run)
        return fail(run.error());
    QList<User> found;
    while ((*run)->next())
        found.append(Rows::readUser(**run));
    return found;
}

QString SqlStorage::filterSql(const BidQuery& query, const QString& table) const
{
    if (query.filter.isEmpty())
        return QStringLiteral("1 = 1");
    return QStringLiteral("(EXISTS (SELECT 1 FROM items fi WHERE fi.id = %1.item_id AND fi.name "
                          "%2 :pattern ESCAPE '\\')"
                          " OR EXISTS (SELECT 1 FROM users fu WHERE fu.id = %1.user_id AND fu.name "
                          "%2 :pattern ESCAPE '\\'))")
        .arg(table, likeOperator());
}

Result<qint64> SqlStorage::countBids(const BidQuery& query)
{
    if (query.filter.isEmpty())
        return count(QStringLiteral("bids"));
    auto statement = runBound(m_db,
                              QStringLiteral("SELECT count(*) FROM bids b WHERE ") +
                                  filterSql(query, QStringLiteral("b")),
                              {{QStringLiteral(":pattern"), likePattern(query.filter)}},
                              QStringLiteral("counting bids"));
    if (!statement)
        return fail(statement.error());
    const qint64 rows = (*statement)->next() ? (*statement)->value(0).toLongLong() : 0;
    (*statement)->finish();
    return rows;
}

Result<QList<Bid>> SqlStorage::bidsWindow(const BidQuery& query, qint64 offset, qint64 limit)
{
    // The anchor, the first row of the window, is found by stepping through the order's
    // index alone; the rows from the anchor on are then read with their lot and bidder.
    const QString key = orderKey(query, QStringLiteral("b"));
    const QString comparison = query.descending ? QStringLiteral("<=") : QStringLiteral(">=");
    const QString sql =
        Rows::bidSelect +
        QStringLiteral(
            " WHERE (%1) %2 (SELECT %3 FROM bids a WHERE %4 ORDER BY %5 LIMIT 1 OFFSET :offset)"
            " AND %6 ORDER BY %7 LIMIT :limit")
            .arg(key, comparison, orderKey(query, QStringLiteral("a")),
                 filterSql(query, QStringLiteral("a")), orderBy(query, QStringLiteral("a")),
                 filterSql(query, QStringLiteral("b")), orderBy(query, QStringLiteral("b")));
    QList<std::pair<QString, QVariant>> values{{QStringLiteral(":offset"), offset},
                                               {QStringLiteral(":limit"), limit}};
    if (!query.filter.isEmpty())
        values.append({QStringLiteral(":pattern"), likePattern(query.filter)});
    auto statement = runBound(m_db, sql, values, QStringLiteral("reading bids"));
    if (!statement)
        return fail(statement.error());
    QList<Bid> rows;
    rows.reserve(limit);
    while ((*statement)->next())
        rows.append(Rows::readBid(**statement));
    (*statement)->finish();
    return rows;
}

Result<std::optional<qint64>> SqlStorage::bidRow(const BidQuery& query, qint64 bidId)
{
    const QString before = query.descending ? QStringLiteral(">") : QStringLiteral("<");
    const QString key = orderKey(query, QStringLiteral("b"));
    const QString sql =
        QStringLiteral("SELECT (SELECT count(*) FROM bids b WHERE (%1) %2 (%3) AND %4),"
                       " (SELECT count(*) FROM bids b WHERE b.id = :id AND %4)"
                       " FROM bids t WHERE t.id = :id")
            .arg(key, before, orderKey(query, QStringLiteral("t")),
                 filterSql(query, QStringLiteral("b")));
    QList<std::pair<QString, QVariant>> values{{QStringLiteral(":id"), bidId}};
    if (!query.filter.isEmpty())
        values.append({QStringLiteral(":pattern"), likePattern(query.filter)});
    auto statement = runBound(m_db, sql, values, QStringLiteral("finding a bid's row"));
    if (!statement)
        return fail(statement.error());
    std::optional<qint64> row;
    if ((*statement)->next() && (*statement)->value(1).toLongLong() > 0)
        row = (*statement)->value(0).toLongLong();
    (*statement)->finish();
    return row;
}

} // namespace BidTracker::Model
