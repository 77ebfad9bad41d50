// The generator's bulk load: multi-row inserts in one transaction, the bid indexes taken
// off for the load and built again once, the winners set by one statement at the end.
#include "model/storage/database.h"
#include "model/writetransaction.h"
#include "sqlstorage.h"

#include <QRegularExpression>
#include <QVariantList>

namespace BidTracker::Model {

namespace {

/// Under PostgreSQL's 65,535 bound values a statement, and large enough to amortise a parse.
constexpr int RowsPerInsert = 200;

/// Inserts rows `columns` wide in statements of RowsPerInsert rows.
class BulkInsert
{
public:
    BulkInsert(Database& db, QString table, int columns)
        : m_db(db), m_head(QStringLiteral("INSERT INTO %1 VALUES ").arg(table)), m_columns(columns)
    {
    }
    Result<void> add(const QVariantList& row)
    {
        m_values += row;
        if (m_values.size() >= RowsPerInsert * m_columns)
            return flush();
        return {};
    }
    Result<void> flush()
    {
        if (m_values.isEmpty())
            return {};
        const qsizetype rows = m_values.size() / m_columns;
        const QString one = u'(' + QStringList(m_columns, QStringLiteral("?")).join(u',') + u')';
        const QString sql = m_head + QStringList(rows, one).join(u',');
        auto statement = m_db.prepared(sql);
        if (!statement)
            return fail(statement.error());
        for (qsizetype i = 0; i < m_values.size(); ++i)
            (*statement)->bindValue(static_cast<int>(i), m_values[i]);
        if (!(*statement)->exec())
            return fail(m_db.statementFailed(**statement, QStringLiteral("generating rows")));
        (*statement)->finish();
        m_values.clear();
        return {};
    }

private:
    Database& m_db;
    QString m_head;
    int m_columns;
    QVariantList m_values;
};

} // namespace

Result<void> SqlStorage::bulkLoad(const BulkAuction& auction)
{
    if (auto ok = startBulkLoad(); !ok)
        return ok;
    const auto load = [&]() -> Result<void> {
        WriteTransaction transaction(m_db);
        if (auto ok = transaction.begin(); !ok)
            return ok;
        // Paddle numbers in id order from the first bidder number, as the window would give.
        auto settings = readSettings();
        if (!settings)
            return fail(settings.error());
        const qint64 firstNumber = settings->firstBidderNumber;
        BulkInsert users(m_db, QStringLiteral("users (id, name, created_at, bid_count, number)"),
                         5);
        for (const auto& user : auction.users) {
            if (auto ok = users.add({user.id, user.name, auction.createdAt, user.bidCount,
                                     firstNumber + user.id - 1});
                !ok)
                return ok;
        }
        if (auto ok = users.flush(); !ok)
            return ok;
        // Lots first without their winners (the bids they point at are not there yet).
        BulkInsert items(m_db,
                         QStringLiteral("items (id, name, status, starting_price_cents,"
                                        " min_increment_cents, created_at, bid_count)"),
                         7);
        for (const auto& item : auction.items) {
            if (auto ok = items.add({item.id, item.name, QStringLiteral("open"), item.startCents,
                                     item.incrementCents, auction.createdAt, item.bidCount});
                !ok)
                return ok;
        }
        if (auto ok = items.flush(); !ok)
            return ok;
        auto indexes = bidIndexes();
        if (!indexes)
            return fail(indexes.error());
        static const QRegularExpression indexName(QStringLiteral("INDEX\\s+(\\S+)\\s+ON"),
                                                  QRegularExpression::CaseInsensitiveOption);
        for (const QString& index : std::as_const(*indexes)) {
            const QString name = indexName.match(index).captured(1);
            if (auto ok = m_db.exec(QStringLiteral("DROP INDEX %1").arg(name)); !ok)
                return ok;
        }
        BulkInsert bids(m_db, QStringLiteral("bids (id, item_id, user_id, value_cents, placed_at)"),
                        5);
        for (qint64 id = 1; id <= auction.bidCount; ++id) {
            const BulkAuction::BidRow bid = auction.bid(id);
            if (auto ok = bids.add({bid.id, bid.itemId, bid.userId, bid.cents, bid.placedAt}); !ok)
                return ok;
        }
        if (auto ok = bids.flush(); !ok)
            return ok;
        for (const QString& index : std::as_const(*indexes)) {
            if (auto ok = m_db.exec(index); !ok)
                return ok;
        }
        // Each lot's winner through the rebuilt (item, value DESC, id) index.
        if (auto ok = m_db.exec(QStringLiteral(
                "UPDATE items SET winning_bid_id = (SELECT b.id FROM bids b WHERE b.item_id ="
                " items.id ORDER BY b.value_cents DESC, b.id LIMIT 1) WHERE bid_count > 0"));
            !ok)
            return ok;
        if (auto ok = syncIdGenerators(); !ok)
            return ok;
        return transaction.commit();
    };
    const auto loaded = load();
    if (auto ok = endBulkLoad(); !ok && loaded)
        return ok;
    return loaded;
}

} // namespace BidTracker::Model
