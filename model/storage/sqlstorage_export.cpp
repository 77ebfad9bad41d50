// The CSV export's queries: one forward-only query per file, read row by row.
#include "model/ids.h"
#include "model/money.h"
#include "model/rules/lotview.h"
#include "model/storage/database.h"
#include "sqlstorage.h"

#include <QSqlQuery>
#include <QVariant>

namespace BidTracker::Model {

namespace {

QString money(const QVariant& cents)
{
    return cents.isNull() ? QString() : Money::fromCents(cents.toLongLong()).toString();
}

QString id(EntityKind kind, const QVariant& number)
{
    return number.isNull() ? QString() : formatId(kind, number.toLongLong());
}

/// One line of results.csv: the lot view decides whether the lot is sold; the winner's
/// columns are filled only then (a lot closed below its reserve keeps its winner on record,
/// but nobody won it).
QStringList resultsRow(const QSqlQuery& q)
{
    const bool closed = parseStatus(q.value(6).toString()) == ItemStatus::Closed;
    const std::optional<qint64> reserve =
        q.value(7).isNull() ? std::nullopt : std::optional<qint64>(q.value(7).toLongLong());
    const LotOutcome outcome =
        decideOutcome(closed, !q.value(4).isNull(), q.value(4).toLongLong(), reserve);
    const bool sold = outcome == LotOutcome::Sold;
    return QStringList{id(EntityKind::Item, q.value(0)),
                       q.value(1).toString(),
                       sold ? id(EntityKind::User, q.value(2)) : QString(),
                       sold ? q.value(3).toString() : QString(),
                       money(q.value(4)),
                       q.value(5).toString(),
                       soldFlag(outcome),
                       sold ? q.value(8).toString() : QString()};
}

struct ExportQuery
{
    QString countSql;
    QString rowsSql;
    std::function<QStringList(const QSqlQuery&)> row;
};

ExportQuery queryFor(CsvKind kind)
{
    const QString winnerJoin =
        QStringLiteral(" FROM items i LEFT JOIN bids w ON w.id = i.winning_bid_id"
                       " LEFT JOIN users wu ON wu.id = w.user_id ORDER BY i.id");
    switch (kind) {
    case CsvKind::Items:
        return {QStringLiteral("SELECT count(*) FROM items"),
                QStringLiteral("SELECT i.id, i.name, i.status, i.starting_price_cents,"
                               " i.min_increment_cents, i.winning_bid_id, w.value_cents, w.user_id,"
                               " wu.name, i.bid_count, i.description, i.donor,"
                               " i.fair_market_value_cents, i.reserve_cents, i.buy_now_cents,"
                               " coalesce(i.original_closes_at, i.closes_at)") +
                    winnerJoin,
                [](const QSqlQuery& q) {
                    // The lot's own fields after the first ten, so that the file imports
                    // back whole; closes_at is the lot's own time, before any soft close.
                    return QStringList{id(EntityKind::Item, q.value(0)),
                                       q.value(1).toString(),
                                       q.value(2).toString(),
                                       money(q.value(3)),
                                       money(q.value(4)),
                                       id(EntityKind::Bid, q.value(5)),
                                       money(q.value(6)),
                                       id(EntityKind::User, q.value(7)),
                                       q.value(8).toString(),
                                       q.value(9).toString(),
                                       q.value(10).toString(),
                                       q.value(11).toString(),
                                       money(q.value(12)),
                                       money(q.value(13)),
                                       money(q.value(14)),
                                       q.value(15).toString()};
                }};
    case CsvKind::Users:
        return {
            QStringLiteral("SELECT count(*) FROM users"),
            QStringLiteral("SELECT u.id, u.name, u.bid_count,"
                           " (SELECT count(DISTINCT b.item_id) FROM bids b WHERE b.user_id = u.id),"
                           " u.number, u.phone, u.email, u.tax_exempt"
                           " FROM users u ORDER BY u.id"),
            [](const QSqlQuery& q) {
                return QStringList{id(EntityKind::User, q.value(0)),
                                   q.value(1).toString(),
                                   q.value(2).toString(),
                                   q.value(3).toString(),
                                   q.value(4).toString(),
                                   q.value(5).toString(),
                                   q.value(6).toString(),
                                   q.value(7).toLongLong() != 0 ? QStringLiteral("true")
                                                                : QStringLiteral("false")};
            }};
    case CsvKind::Bids:
        return {QStringLiteral("SELECT count(*) FROM bids"),
                QStringLiteral("SELECT b.id, b.item_id, i.name, b.user_id, u.name, b.value_cents,"
                               " b.placed_at FROM bids b JOIN items i ON i.id = b.item_id"
                               " JOIN users u ON u.id = b.user_id ORDER BY b.id"),
                [](const QSqlQuery& q) {
                    return QStringList{id(EntityKind::Bid, q.value(0)),
                                       id(EntityKind::Item, q.value(1)),
                                       q.value(2).toString(),
                                       id(EntityKind::User, q.value(3)),
                                       q.value(4).toString(),
                                       money(q.value(5)),
                                       q.value(6).toString()};
                }};
    case CsvKind::Results:
        return {QStringLiteral("SELECT count(*) FROM items"),
                QStringLiteral("SELECT i.id, i.name, w.user_id, wu.name, w.value_cents,"
                               " i.bid_count, i.status, i.reserve_cents, wu.number") +
                    winnerJoin,
                resultsRow};
    }
    return {};
}

} // namespace

Result<qint64> SqlStorage::exportRows(CsvKind kind, qint64* total,
                                      const std::function<bool(const QStringList&)>& row)
{
    const ExportQuery query = queryFor(kind);
    const auto rows = m_db.scalar(query.countSql);
    if (!rows)
        return fail(rows.error());
    if (total)
        *total = *rows;
    auto run = m_db.run(query.rowsSql);
    if (!run)
        return fail(run.error());
    qint64 done = 0;
    while ((*run)->next()) {
        ++done;
        if (!row(query.row(**run)))
            break;
    }
    return done;
}

} // namespace BidTracker::Model
