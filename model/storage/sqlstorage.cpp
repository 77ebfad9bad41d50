// The SQL both engines share. Statements are prepared once per connection and kept
// (Database::run), so the hot paths skip the parse.
#include "sqlstorage.h"

#include "model/storage/database.h"
#include "rowreaders.h"

#include <algorithm>

namespace BidTracker::Model {

namespace {

/// Runs a query and reads every row it gives with `read`.
template <typename Read>
auto readRows(Database& db, const QString& sql, std::initializer_list<QVariant> values, Read read)
    -> Result<QList<decltype(read(std::declval<const QSqlQuery&>()))>>
{
    QList<decltype(read(std::declval<const QSqlQuery&>()))> rows;
    auto run = db.run(sql, values);
    if (!run)
        return fail(run.error());
    while ((*run)->next())
        rows.append(read(**run));
    return rows;
}

/// A page of a whole table in id order, with the table's row count.
template <typename Read>
auto readPage(Database& db, const QString& select, const QString& order, const QString& table,
              Page page, Read read)
    -> Result<Listing<decltype(read(std::declval<const QSqlQuery&>()))>>
{
    auto rows = readRows(db, select + QStringLiteral(" ORDER BY ") + order + Rows::pageClause,
                         {Rows::pageLimit(page), Rows::pageOffset(page)}, read);
    if (!rows)
        return fail(rows.error());
    auto total = db.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(table));
    if (!total)
        return fail(total.error());
    return Listing<decltype(read(std::declval<const QSqlQuery&>()))>{std::move(*rows), *total};
}

} // namespace

Result<void> SqlStorage::commit()
{
    return m_db.exec(QStringLiteral("COMMIT"));
}

void SqlStorage::rollback()
{
    (void)m_db.exec(QStringLiteral("ROLLBACK"));
}

Result<qint64> SqlStorage::insertReturningId(const QString& sql,
                                             std::initializer_list<QVariant> values)
{
    // RETURNING works on both engines (SQLite since 3.35); lastInsertId() does not on
    // PostgreSQL, where it would be an OID.
    auto run = m_db.run(sql + QStringLiteral(" RETURNING id"), values);
    if (!run)
        return fail(run.error());
    if (!(*run)->next())
        return fail(m_db.statementFailed(**run, QStringLiteral("reading a new row's id")));
    return (*run)->value(0).toLongLong();
}

Result<qint64> SqlStorage::insertReturningId(const QString& sql, const QVariantList& values)
{
    auto statement = m_db.prepared(sql + QStringLiteral(" RETURNING id"));
    if (!statement)
        return fail(statement.error());
    for (qsizetype i = 0; i < values.size(); ++i)
        (*statement)->bindValue(static_cast<int>(i), values[i]);
    const StatementRun run(*statement);
    if (!run->exec())
        return fail(m_db.statementFailed(*run, QStringLiteral("adding a row")));
    if (!run->next())
        return fail(m_db.statementFailed(*run, QStringLiteral("reading a new row's id")));
    return run->value(0).toLongLong();
}

Result<qint64> SqlStorage::count(const QString& table)
{
    return m_db.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(table));
}

// Users

Result<std::optional<qint64>> SqlStorage::nextBidderNumber()
{
    // The lowest free number from the first bidder number on (RULES.md 4): the first number
    // itself, or one past a taken number, that nobody holds. A hand-given big number elsewhere
    // never pushes the next walk-in's number up. Each candidate is one probe of the unique
    // index on number.
    auto run = m_db.run(
        QStringLiteral("SELECT min(c.n) FROM (SELECT first_bidder_number AS n FROM settings"
                       " UNION ALL SELECT u.number + 1 FROM users u, settings s"
                       " WHERE u.number >= s.first_bidder_number) c"
                       " WHERE c.n <= ? AND NOT EXISTS (SELECT 1 FROM users t"
                       " WHERE t.number = c.n)"),
        {MaxBidderNumber});
    if (!run)
        return fail(run.error());
    if (!(*run)->next())
        return fail(m_db.statementFailed(**run, QStringLiteral("finding the next paddle number")));
    if ((*run)->isNull(0))
        return std::optional<qint64>();
    return std::optional<qint64>((*run)->value(0).toLongLong());
}

Result<void> SqlStorage::lockBidderNumbers()
{
    if (lockClause().isEmpty())
        return {};
    auto run = m_db.run(QStringLiteral("SELECT id FROM settings WHERE id = 1") + lockClause());
    if (!run)
        return fail(run.error());
    return {};
}

Result<qint64> SqlStorage::insertUser(const User& user)
{
    qint64 number = user.number;
    if (number == 0) {
        auto next = nextBidderNumber();
        if (!next)
            return fail(next.error());
        if (!*next) {
            auto settings = readSettings();
            const qint64 first = settings ? settings->firstBidderNumber : 1;
            return fail(Error::refused(Error::Reason::NumberTaken,
                                       QStringLiteral("Every paddle number from %1 to %2 is "
                                                      "taken: give the bidder a number by hand")
                                           .arg(first)
                                           .arg(MaxBidderNumber))
                            .with(QStringLiteral("from"), first)
                            .with(QStringLiteral("to"), MaxBidderNumber));
        }
        number = **next;
    }
    QVariantList values{user.name,
                        user.createdAt,
                        number,
                        Rows::plainText(user.phone),
                        Rows::plainText(user.email),
                        user.taxExempt ? 1 : 0,
                        Rows::nullableText(user.checkedInAt)};
    const QString columns =
        QStringLiteral("name, created_at, number, phone, email, tax_exempt, checked_in_at");
    if (user.id == 0)
        return insertReturningId(
            QStringLiteral("INSERT INTO users (%1) VALUES (?, ?, ?, ?, ?, ?, ?)").arg(columns),
            values);
    // A row put back under an id of its own (undo, copy): the id generator is moved past it
    // by syncIdGenerators() where the engine needs that.
    values.prepend(user.id);
    return insertReturningId(
        QStringLiteral("INSERT INTO users (id, %1) VALUES (?, ?, ?, ?, ?, ?, ?, ?)").arg(columns),
        values);
}

Result<bool> SqlStorage::updateUser(const User& user)
{
    auto run =
        m_db.run(QStringLiteral("UPDATE users SET name = ?, number = ?, phone = ?, email = ?,"
                                " tax_exempt = ?, checked_in_at = ? WHERE id = ?"),
                 {user.name, user.number, Rows::plainText(user.phone), Rows::plainText(user.email),
                  user.taxExempt ? 1 : 0, Rows::nullableText(user.checkedInAt), user.id});
    if (!run)
        return fail(run.error());
    return (*run)->numRowsAffected() > 0;
}

Result<std::optional<User>> SqlStorage::findUserByNumber(qint64 number)
{
    auto run = m_db.run(Rows::userSelect + QStringLiteral(" WHERE u.number = ?"), {number});
    if (!run)
        return fail(run.error());
    if (!(*run)->next())
        return std::optional<User>();
    return Rows::readUser(**run);
}

Result<bool> SqlStorage::renameUser(qint64 id, const QString& name)
{
    auto run = m_db.run(QStringLiteral("UPDATE users SET name = ? WHERE id = ?"), {name, id});
    if (!run)
        return fail(run.error());
    return (*run)->numRowsAffected() > 0;
}

Result<void> SqlStorage::deleteUser(qint64 id)
{
    auto run = m_db.run(QStringLiteral("DELETE FROM users WHERE id = ?"), {id});
    if (!run)
        return fail(run.error());
    return {};
}

Result<std::optional<User>> SqlStorage::findUser(qint64 id)
{
    auto run = m_db.run(Rows::userSelect + QStringLiteral(" WHERE u.id = ?"), {id});
    if (!run)
        return fail(run.error());
    if (!(*run)->next())
        return std::optional<User>();
    return Rows::readUser(**run);
}

Result<Listing<User>> SqlStorage::listUsers(Page page)
{
    return readPage(m_db, Rows::userSelect, QStringLiteral("u.id"), QStringLiteral("users"), page,
                    Rows::readUser);
}

Result<QString> SqlStorage::addToUserBidCount(qint64 userId, int delta)
{
    auto run = m_db.run(
        QStringLiteral("UPDATE users SET bid_count = bid_count + ? WHERE id = ? RETURNING name"),
        {delta, userId});
    if (!run)
        return fail(run.error());
    return (*run)->next() ? (*run)->value(0).toString() : QString();
}

// Items

namespace {

/// The item columns every insert and update writes, and their values in that order.
const QString itemColumns =
    QStringLiteral("name, status, starting_price_cents, min_increment_cents, description, donor,"
                   " fair_market_value_cents, reserve_cents, buy_now_cents, closes_at,"
                   " original_closes_at, closed_at, consignor_id");
constexpr int ItemColumnCount = 13;

QVariantList itemValues(const Item& item)
{
    return {item.name,
            statusName(item.status),
            item.startingPrice.cents(),
            item.minIncrement.cents(),
            Rows::plainText(item.description),
            Rows::plainText(item.donor),
            Rows::nullableCents(item.fairMarketValue),
            Rows::nullableCents(item.reserve),
            Rows::nullableCents(item.buyNow),
            Rows::nullableText(item.closesAt),
            Rows::nullableText(item.originalClosesAt),
            Rows::nullableText(item.closedAt),
            item.consignorId ? QVariant(*item.consignorId)
                             : QVariant(QMetaType::fromType<qint64>())};
}

QString placeholders(int count)
{
    return QStringList(count, QStringLiteral("?")).join(QStringLiteral(", "));
}

} // namespace

Result<qint64> SqlStorage::insertItem(const Item& item)
{
    QVariantList values = itemValues(item);
    values.append(item.createdAt);
    if (item.id == 0)
        return insertReturningId(QStringLiteral("INSERT INTO items (%1, created_at) VALUES (%2)")
                                     .arg(itemColumns, placeholders(ItemColumnCount + 1)),
                                 values);
    values.prepend(item.id);
    return insertReturningId(QStringLiteral("INSERT INTO items (id, %1, created_at) VALUES (%2)")
                                 .arg(itemColumns, placeholders(ItemColumnCount + 2)),
                             values);
}

Result<void> SqlStorage::updateItem(const Item& item)
{
    QStringList assignments;
    for (const QString& column : itemColumns.split(QStringLiteral(", ")))
        assignments.append(column.trimmed() + QStringLiteral(" = ?"));
    auto statement = m_db.prepared(QStringLiteral("UPDATE items SET %1 WHERE id = ?")
                                       .arg(assignments.join(QStringLiteral(", "))));
    if (!statement)
        return fail(statement.error());
    QVariantList values = itemValues(item);
    values.append(item.id);
    for (qsizetype i = 0; i < values.size(); ++i)
        (*statement)->bindValue(static_cast<int>(i), values[i]);
    const StatementRun run(*statement);
    if (!run->exec())
        return fail(m_db.statementFailed(*run, QStringLiteral("changing a lot")));
    return {};
}

Result<void> SqlStorage::deleteItem(qint64 id)
{
    auto run = m_db.run(QStringLiteral("DELETE FROM items WHERE id = ?"), {id});
    if (!run)
        return fail(run.error());
    return {};
}

Result<std::optional<Item>> SqlStorage::findItem(qint64 id, Lock lock)
{
    // The lock is a statement of its own: on PostgreSQL a locking SELECT that waited for
    // another writer re-reads the locked row but keeps the rows it joined from before the
    // wait (the old winning bid), while a new statement after it sees everything committed.
    if (lock == Lock::ForUpdate && !lockClause().isEmpty()) {
        auto locked =
            m_db.run(QStringLiteral("SELECT id FROM items WHERE id = ?") + lockClause(), {id});
        if (!locked)
            return fail(locked.error());
    }
    auto run = m_db.run(Rows::itemSelect + QStringLiteral(" WHERE i.id = ?"), {id});
    if (!run)
        return fail(run.error());
    if (!(*run)->next())
        return std::optional<Item>();
    return Rows::readItem(**run);
}

Result<Listing<Item>> SqlStorage::listItems(Page page)
{
    return readPage(m_db, Rows::itemSelect, QStringLiteral("i.id"), QStringLiteral("items"), page,
                    Rows::readItem);
}

Result<void> SqlStorage::setItemWinner(qint64 itemId, std::optional<qint64> winningBidId,
                                       int bidCountDelta)
{
    return setItemStanding(itemId, winningBidId, bidCountDelta, std::nullopt, std::nullopt);
}

// Bids

Result<qint64> SqlStorage::insertBid(const Bid& bid)
{
    const QVariant maximum = Rows::nullableCents(bid.maxValue);
    const int automatic = bid.automatic ? 1 : 0;
    if (bid.id == 0)
        return insertReturningId(
            QStringLiteral("INSERT INTO bids (item_id, user_id, value_cents,"
                           " placed_at, max_value_cents, auto)"
                           " VALUES (?, ?, ?, ?, ?, ?)"),
            {bid.itemId, bid.userId, bid.value.cents(), bid.placedAt, maximum, automatic});
    return insertReturningId(
        QStringLiteral("INSERT INTO bids (id, item_id, user_id, value_cents,"
                       " placed_at, max_value_cents, auto)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {bid.id, bid.itemId, bid.userId, bid.value.cents(), bid.placedAt, maximum, automatic});
}

Result<void> SqlStorage::deleteBid(qint64 id)
{
    auto run = m_db.run(QStringLiteral("DELETE FROM bids WHERE id = ?"), {id});
    if (!run)
        return fail(run.error());
    return {};
}

Result<std::optional<Bid>> SqlStorage::findBid(qint64 id)
{
    auto run = m_db.run(Rows::bidSelect + QStringLiteral(" WHERE b.id = ?"), {id});
    if (!run)
        return fail(run.error());
    if (!(*run)->next())
        return std::optional<Bid>();
    return Rows::readBid(**run);
}

Result<Listing<Bid>> SqlStorage::listBids(Page page)
{
    return readPage(m_db, Rows::bidSelect, QStringLiteral("b.id"), QStringLiteral("bids"), page,
                    Rows::readBid);
}

Result<Listing<Bid>> SqlStorage::bidsWhere(const QString& column, qint64 id, qint64 total,
                                           Page page)
{
    auto rows =
        readRows(m_db,
                 Rows::bidSelect + QStringLiteral(" WHERE b.%1 = ? ORDER BY b.id").arg(column) +
                     Rows::pageClause,
                 {id, Rows::pageLimit(page), Rows::pageOffset(page)}, Rows::readBid);
    if (!rows)
        return fail(rows.error());
    return Listing<Bid>{std::move(*rows), total};
}

Result<Listing<Bid>> SqlStorage::bidsOfItem(qint64 itemId, qint64 total, Page page)
{
    return bidsWhere(QStringLiteral("item_id"), itemId, total, page);
}

Result<Listing<Bid>> SqlStorage::bidsOfUser(qint64 userId, qint64 total, Page page)
{
    return bidsWhere(QStringLiteral("user_id"), userId, total, page);
}

Result<std::optional<qint64>> SqlStorage::highestBidOf(qint64 itemId, std::optional<qint64> except)
{
    auto run = m_db.run(QStringLiteral("SELECT id FROM bids WHERE item_id = ? AND id <> ?"
                                       " ORDER BY value_cents DESC, id LIMIT 1"),
                        {itemId, except.value_or(0)});
    if (!run)
        return fail(run.error());
    if (!(*run)->next())
        return std::optional<qint64>();
    return (*run)->value(0).toLongLong();
}

Result<QHash<qint64, QList<qint64>>> SqlStorage::bidIdsByItem(qint64 firstItemId, qint64 lastItemId)
{
    auto run = m_db.run(QStringLiteral("SELECT item_id, id FROM bids WHERE item_id BETWEEN ? AND ?"
                                       " ORDER BY id"),
                        {firstItemId, lastItemId});
    if (!run)
        return fail(run.error());
    QHash<qint64, QList<qint64>> ids;
    while ((*run)->next())
        ids[(*run)->value(0).toLongLong()].append((*run)->value(1).toLongLong());
    return ids;
}

Result<QList<UserItem>> SqlStorage::itemsBidByUser(qint64 userId)
{
    auto run = m_db.run(
        QStringLiteral("SELECT b.item_id, i.name, max(b.value_cents), w.value_cents,"
                       " w.user_id = b.user_id, min(b.id) AS first_bid, i.status"
                       " FROM bids b JOIN items i ON i.id = b.item_id"
                       " LEFT JOIN bids w ON w.id = i.winning_bid_id"
                       " WHERE b.user_id = ?"
                       " GROUP BY b.item_id, b.user_id, i.name, w.value_cents, w.user_id, i.status"
                       " ORDER BY first_bid"),
        {userId});
    if (!run)
        return fail(run.error());
    QList<UserItem> items;
    while ((*run)->next()) {
        UserItem entry;
        entry.itemId = (*run)->value(0).toLongLong();
        entry.itemName = (*run)->value(1).toString();
        entry.highestOwnBid = Money::fromCents((*run)->value(2).toLongLong());
        if (!(*run)->isNull(3))
            entry.winningValue = Money::fromCents((*run)->value(3).toLongLong());
        entry.leading = (*run)->value(4).toBool();
        entry.closed = parseStatus((*run)->value(6).toString()) == ItemStatus::Closed;
        items.append(entry);
    }
    return items;
}

// Slices for copying

Result<QList<User>> SqlStorage::usersFrom(qint64 firstId, int limit)
{
    return readRows(m_db,
                    Rows::userSelect + QStringLiteral(" WHERE u.id >= ? ORDER BY u.id LIMIT ?"),
                    {firstId, limit}, Rows::readUser);
}

Result<QList<Item>> SqlStorage::itemsFrom(qint64 firstId, int limit)
{
    return readRows(m_db,
                    Rows::itemSelect + QStringLiteral(" WHERE i.id >= ? ORDER BY i.id LIMIT ?"),
                    {firstId, limit}, Rows::readItem);
}

Result<QList<Bid>> SqlStorage::bidsFrom(qint64 firstId, int limit)
{
    return readRows(m_db,
                    Rows::bidSelect + QStringLiteral(" WHERE b.id >= ? ORDER BY b.id LIMIT ?"),
                    {firstId, limit}, Rows::readBid);
}

} // namespace BidTracker::Model
