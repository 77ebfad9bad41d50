#include "generator.h"

#include "database.h"
#include "writetransaction.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QVariantList>
#include <vector>

namespace BidTracker::Model {

namespace {

constexpr int RowsPerInsert = 200;

const char* const firstNames[] = {"Ada", "Ben", "Chloe", "Dev", "Elif", "Femi", "Greta", "Hugo",
                                  "Ines", "Jonas", "Kenji", "Lena", "Mateo", "Nora", "Omar", "Priya"};
const char* const lastNames[] = {"Smith", "Okafor", "Novak", "Rossi", "Tanaka", "Silva", "Berg",
                                 "Dubois", "Khan", "Meyer", "Lopez", "Ivanova"};
const char* const adjectives[] = {"Antique", "Signed", "Vintage", "Hand-made", "Rare", "Framed",
                                  "Silver", "Oak", "Porcelain", "Limited"};
const char* const nouns[] = {"vase", "clock", "print", "chair", "lamp", "watch", "guitar",
                             "quilt", "hamper", "voucher", "bicycle", "painting"};

template <typename T, size_t N> const char* pick(QRandomGenerator& random, T (&words)[N])
{
    return words[random.bounded(static_cast<quint32>(N))];
}

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
            return fail(Database::sqlError(**statement, QStringLiteral("generating rows")));
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

Result<void> generateAuction(Database& db, const GenerateSpec& spec)
{
    if (spec.items < 1 || spec.users < 1 || spec.bids < 0)
        return fail(Error::invalid(QStringLiteral("An auction needs at least one item and one user")));
    // A large page cache keeps the whole build in memory until the commit; with the default
    // 2 MB SQLite spills pages to the WAL again and again while the indexes grow.
    if (auto ok = db.exec(QStringLiteral("PRAGMA cache_size = -524288")); !ok)
        return ok;
    WriteTransaction transaction(db);
    if (auto ok = transaction.begin(); !ok)
        return ok;
    auto used = db.scalar(QStringLiteral("SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM items)"
                                         " + (SELECT count(*) FROM sqlite_sequence)"));
    if (!used)
        return fail(used.error());
    if (*used > 0)
        return fail(Error::conflict(QStringLiteral("generate needs a new, empty database")));

    QRandomGenerator random(spec.seed);
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-7);
    const QString created = start.toString(Qt::ISODateWithMs);

    BulkInsert users(db, QStringLiteral("users (name, created_at, bid_count)"), 3);
    std::vector<qint64> userBids(spec.users + 1, 0);
    std::vector<qint64> itemBids(spec.items + 1, 0);
    std::vector<qint64> itemValue(spec.items + 1, 0);
    std::vector<qint64> itemIncrement(spec.items + 1, 100);
    std::vector<qint64> itemWinner(spec.items + 1, 0);

    // Bids first, in memory, so the rows of users and items carry their final counts.
    BulkInsert bids(db, QStringLiteral("bids (id, item_id, user_id, value_cents, placed_at)"), 5);
    BulkInsert items(db, QStringLiteral("items (id, name, status, starting_price_cents, min_increment_cents,"
                                        " created_at, winning_bid_id, bid_count)"), 8);
    std::vector<qint64> itemStart(spec.items + 1, 0);
    for (qint64 item = 1; item <= spec.items; ++item) {
        itemStart[item] = (1 + random.bounded(50)) * 1000; // 10.00 to 500.00
        itemIncrement[item] = random.bounded(4) == 0 ? 500 : 100;
    }
    // The bid rows must exist before items point at them (foreign key), so items are
    // written last; users go first.
    for (qint64 user = 1; user <= spec.users; ++user) {
        // counts are filled in by an UPDATE below, once the bids are known
        if (auto ok = users.add({QStringLiteral("%1 %2").arg(QLatin1String(pick(random, firstNames)),
                                                             QLatin1String(pick(random, lastNames))),
                                 created, 0});
            !ok)
            return ok;
    }
    if (auto ok = users.flush(); !ok)
        return ok;
    // Items without their winners yet; they are set after the bids.
    for (qint64 item = 1; item <= spec.items; ++item) {
        if (auto ok = items.add({item,
                                 QStringLiteral("%1 %2 no. %3").arg(QLatin1String(pick(random, adjectives)),
                                                                   QLatin1String(pick(random, nouns)))
                                     .arg(item),
                                 QStringLiteral("open"), itemStart[item], itemIncrement[item], created,
                                 QVariant(QMetaType::fromType<qint64>()), 0});
            !ok)
            return ok;
    }
    if (auto ok = items.flush(); !ok)
        return ok;

    const qint64 spanMs = 7LL * 24 * 3600 * 1000;
    for (qint64 id = 1; id <= spec.bids; ++id) {
        const qint64 item = 1 + static_cast<qint64>(random.bounded(static_cast<quint32>(spec.items)));
        const qint64 user = 1 + static_cast<qint64>(random.bounded(static_cast<quint32>(spec.users)));
        const qint64 value = itemBids[item] == 0
            ? itemStart[item]
            : itemValue[item] + itemIncrement[item] * (1 + random.bounded(3));
        itemValue[item] = value;
        itemWinner[item] = id;
        ++itemBids[item];
        ++userBids[user];
        const QString placed = start.addMSecs(spanMs * id / (spec.bids + 1)).toString(Qt::ISODateWithMs);
        if (auto ok = bids.add({id, item, user, value, placed}); !ok)
            return ok;
    }
    if (auto ok = bids.flush(); !ok)
        return ok;

    for (qint64 item = 1; item <= spec.items; ++item) {
        if (itemBids[item] == 0)
            continue;
        auto run = db.run(QStringLiteral("UPDATE items SET winning_bid_id = ?, bid_count = ? WHERE id = ?"),
                          {itemWinner[item], itemBids[item], item});
        if (!run)
            return fail(run.error());
    }
    for (qint64 user = 1; user <= spec.users; ++user) {
        auto run = db.run(QStringLiteral("UPDATE users SET bid_count = ? WHERE id = ?"),
                          {userBids[user], user});
        if (!run)
            return fail(run.error());
    }
    if (auto ok = transaction.commit(); !ok)
        return ok;
    return db.exec(QStringLiteral("PRAGMA cache_size = -2000"));
}

} // namespace BidTracker::Model
