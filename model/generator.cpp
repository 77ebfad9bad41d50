#include "generator.h"

#include "storage/database.h"
#include "writetransaction.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QVariantList>
#include <cstdio>
#include <ctime>
#include <vector>

namespace BidTracker::Model {

namespace {

constexpr int RowsPerInsert = 200;

const char* const firstNames[] = {"Ada",   "Ben",  "Chloe", "Dev",   "Elif",  "Femi",
                                  "Greta", "Hugo", "Ines",  "Jonas", "Kenji", "Lena",
                                  "Mateo", "Nora", "Omar",  "Priya"};
const char* const lastNames[] = {"Smith", "Okafor", "Novak", "Rossi", "Tanaka", "Silva",
                                 "Berg",  "Dubois", "Khan",  "Meyer", "Lopez",  "Ivanova"};
const char* const adjectives[] = {"Antique", "Signed", "Vintage", "Hand-made", "Rare",
                                  "Framed",  "Silver", "Oak",     "Porcelain", "Limited"};
const char* const nouns[] = {"vase",   "clock", "print",  "chair",   "lamp",    "watch",
                             "guitar", "quilt", "hamper", "voucher", "bicycle", "painting"};

/// "2026-11-27T23:51:54.123Z" for milliseconds since the epoch, without QDateTime's cost
/// (it is called a million times).
QString isoUtc(qint64 ms)
{
    const time_t seconds = static_cast<time_t>(ms / 1000);
    struct tm parts = {};
    gmtime_r(&seconds, &parts);
    char text[64]; // room for any int the format could see
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900,
                  parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec,
                  static_cast<int>(ms % 1000));
    return QString::fromLatin1(text);
}

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
        return fail(
            Error::invalid(QStringLiteral("An auction needs at least one item and one user")));
    // A large page cache keeps the whole build in memory until the commit; with the default
    // 2 MB SQLite spills pages to the WAL again and again while the indexes grow.
    if (auto ok = db.exec(QStringLiteral("PRAGMA cache_size = -524288")); !ok)
        return ok;
    WriteTransaction transaction(db);
    if (auto ok = transaction.begin(); !ok)
        return ok;
    auto used = db.scalar(
        QStringLiteral("SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM items)"
                       " + (SELECT count(*) FROM sqlite_sequence)"));
    if (!used)
        return fail(used.error());
    if (*used > 0)
        return fail(Error::conflict(QStringLiteral("generate needs a new, empty database")));

    // Items point at their winning bids and bids at their items: the checks wait for the
    // commit, so each row is written once, complete.
    if (auto ok = db.exec(QStringLiteral("PRAGMA defer_foreign_keys = ON")); !ok)
        return ok;

    QRandomGenerator random(spec.seed);
    const qint64 startMs = QDateTime::currentMSecsSinceEpoch() - 7LL * 24 * 3600 * 1000;
    const QString created = isoUtc(startMs);

    // The whole bidding first, in memory: rising values per lot, random bidders, a week.
    struct PlannedBid
    {
        qint64 item;
        qint64 user;
        qint64 cents;
    };
    std::vector<PlannedBid> planned;
    planned.reserve(static_cast<size_t>(spec.bids));
    std::vector<qint64> itemStart(spec.items + 1), itemIncrement(spec.items + 1),
        itemValue(spec.items + 1, 0);
    std::vector<qint64> itemBids(spec.items + 1, 0), itemWinner(spec.items + 1, 0),
        userBids(spec.users + 1, 0);
    for (qint64 item = 1; item <= spec.items; ++item) {
        itemStart[item] = (1 + random.bounded(50)) * 1000; // 10.00 to 500.00
        itemIncrement[item] = random.bounded(4) == 0 ? 500 : 100;
    }
    for (qint64 id = 1; id <= spec.bids; ++id) {
        const qint64 item =
            1 + static_cast<qint64>(random.bounded(static_cast<quint32>(spec.items)));
        const qint64 user =
            1 + static_cast<qint64>(random.bounded(static_cast<quint32>(spec.users)));
        const qint64 value = itemBids[item] == 0
                                 ? itemStart[item]
                                 : itemValue[item] + itemIncrement[item] * (1 + random.bounded(3));
        itemValue[item] = value;
        itemWinner[item] = id;
        ++itemBids[item];
        ++userBids[user];
        planned.push_back({item, user, value});
    }

    BulkInsert users(db, QStringLiteral("users (id, name, created_at, bid_count)"), 4);
    for (qint64 user = 1; user <= spec.users; ++user) {
        if (auto ok =
                users.add({user,
                           QStringLiteral("%1 %2").arg(QLatin1String(pick(random, firstNames)),
                                                       QLatin1String(pick(random, lastNames))),
                           created, userBids[user]});
            !ok)
            return ok;
    }
    if (auto ok = users.flush(); !ok)
        return ok;
    BulkInsert items(
        db,
        QStringLiteral("items (id, name, status, starting_price_cents, min_increment_cents,"
                       " created_at, winning_bid_id, bid_count)"),
        8);
    for (qint64 item = 1; item <= spec.items; ++item) {
        const QVariant winner =
            itemWinner[item] ? QVariant(itemWinner[item]) : QVariant(QMetaType::fromType<qint64>());
        if (auto ok = items.add({item,
                                 QStringLiteral("%1 %2 no. %3")
                                     .arg(QLatin1String(pick(random, adjectives)),
                                          QLatin1String(pick(random, nouns)))
                                     .arg(item),
                                 QStringLiteral("open"), itemStart[item], itemIncrement[item],
                                 created, winner, itemBids[item]});
            !ok)
            return ok;
    }
    if (auto ok = items.flush(); !ok)
        return ok;
    // A million index entries are built faster in one sorted pass than one by one: the bid
    // indexes are taken off for the load and built again, as they were, before the commit.
    QStringList names;
    QStringList rebuild;
    {
        auto indexes =
            db.run(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                                  " AND tbl_name = 'bids' AND sql IS NOT NULL"));
        if (!indexes)
            return fail(indexes.error());
        while ((*indexes)->next()) {
            names.append((*indexes)->value(0).toString());
            rebuild.append((*indexes)->value(1).toString());
        }
    }
    for (const QString& name : std::as_const(names)) {
        if (auto ok = db.exec(QStringLiteral("DROP INDEX %1").arg(name)); !ok)
            return ok;
    }
    BulkInsert bids(db, QStringLiteral("bids (id, item_id, user_id, value_cents, placed_at)"), 5);
    const qint64 spanMs = 7LL * 24 * 3600 * 1000;
    for (qint64 id = 1; id <= spec.bids; ++id) {
        const PlannedBid& bid = planned[static_cast<size_t>(id - 1)];
        if (auto ok = bids.add({id, bid.item, bid.user, bid.cents,
                                isoUtc(startMs + spanMs * id / (spec.bids + 1))});
            !ok)
            return ok;
    }
    if (auto ok = bids.flush(); !ok)
        return ok;
    for (const QString& statement : rebuild) {
        if (auto ok = db.exec(statement); !ok)
            return ok;
    }
    if (auto ok = transaction.commit(); !ok)
        return ok;
    return db.exec(QStringLiteral("PRAGMA cache_size = -32768")); // as Database sets it
}

} // namespace BidTracker::Model
