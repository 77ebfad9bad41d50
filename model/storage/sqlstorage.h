#pragma once

#include "storage.h"

namespace BidTracker::Model {

class Database;

/// The SQL that SQLite and PostgreSQL share, over one connection. The engines differ in a
/// few places only, each a hook below that SqliteStorage and PostgresStorage fill in.
class SqlStorage : public Storage
{
public:
    explicit SqlStorage(Database& db) : m_db(db) {}

    Result<void> commit() override;
    void rollback() override;
    Result<void> savepoint() override;
    Result<void> releaseSavepoint() override;
    void rollbackToSavepoint() override;

    Result<bool> claimIdempotencyKey(const IdempotencyKey& key, const QString& now,
                                     const QString& cutoff) override;
    Result<std::optional<KeptAnswer>> keptAnswer(const IdempotencyKey& key,
                                                 const QString& cutoff) override;
    Result<void> keepAnswer(const IdempotencyKey& key, const KeptAnswer& answer) override;

    Result<qint64> insertUser(const User& user) override;
    Result<void> lockBidderNumbers() override;
    Result<bool> renameUser(qint64 id, const QString& name) override;
    Result<bool> updateUser(const User& user) override;
    Result<std::optional<User>> findUserByNumber(qint64 number) override;
    Result<void> deleteUser(qint64 id) override;
    Result<std::optional<User>> findUser(qint64 id) override;
    Result<Listing<User>> listUsers(Page page) override;
    Result<QString> addToUserBidCount(qint64 userId, int delta) override;

    Result<qint64> insertItem(const Item& item) override;
    Result<void> updateItem(const Item& item) override;
    Result<void> deleteItem(qint64 id) override;
    Result<std::optional<Item>> findItem(qint64 id, Lock lock) override;
    Result<Listing<Item>> listItems(Page page) override;
    Result<void> setItemWinner(qint64 itemId, std::optional<qint64> winningBidId,
                               int bidCountDelta) override;
    Result<void> setItemStanding(qint64 itemId, std::optional<qint64> winningBidId,
                                 int bidCountDelta, std::optional<qint64> leaderCeilingCents,
                                 std::optional<qint64> runnerUpCents) override;
    Result<void> setItemClosesAt(qint64 itemId, const QString& closesAt) override;
    Result<void> lockOpenItems() override;
    Result<QList<qint64>> closeOpenItems(const QString& closedAt) override;
    Result<QList<qint64>> closeItemsDue(const QString& now) override;
    Result<bool> anyItemDue(const QString& now) override;
    Result<bool> anyItemOpen() override;
    Result<QList<LotHistoryEntry>> lotHistory(qint64 itemId) override;
    Result<std::optional<qint64>> lastBidOf(qint64 itemId) override;
    Result<qint64> insertMaximum(const MaximumRaise& raise) override;
    Result<void> deleteMaximum(qint64 id) override;

    Result<QHash<qint64, Item>> lockItems(QList<qint64> ids) override;
    Result<QHash<qint64, QString>> userNames(const QList<qint64>& ids) override;
    Result<QList<qint64>> writeBids(const BidWrites& writes) override;
    Result<qint64> insertBid(const Bid& bid) override;
    Result<void> deleteBid(qint64 id) override;
    Result<std::optional<Bid>> findBid(qint64 id) override;
    Result<Listing<Bid>> listBids(Page page) override;
    Result<Listing<Bid>> bidsOfItem(qint64 itemId, qint64 total, Page page) override;
    Result<Listing<Bid>> bidsOfUser(qint64 userId, qint64 total, Page page) override;
    Result<std::optional<qint64>> highestBidOf(qint64 itemId,
                                               std::optional<qint64> except) override;
    Result<qint64> countBids(const BidQuery& query) override;
    Result<QList<Bid>> bidsWindow(const BidQuery& query, qint64 offset, qint64 limit) override;
    Result<std::optional<qint64>> bidRow(const BidQuery& query, qint64 bidId) override;
    Result<QHash<qint64, QList<qint64>>> bidIdsByItem(qint64 firstItemId,
                                                      qint64 lastItemId) override;
    Result<QList<UserItem>> itemsBidByUser(qint64 userId) override;
    Result<AuctionSettings> readSettings() override;
    Result<void> writeSettings(const AuctionSettings& settings) override;
    Result<SettingsVersion> readSettingsVersion() override;

    Result<qint64> insertConsignor(const Consignor& consignor) override;
    Result<void> updateConsignor(const Consignor& consignor) override;
    Result<void> deleteConsignor(qint64 id) override;
    Result<std::optional<Consignor>> findConsignor(qint64 id, Lock lock) override;
    Result<std::optional<Consignor>> findConsignorByNumber(qint64 number) override;
    Result<qint64> highestConsignorNumber() override;
    Result<QList<Consignor>> listConsignors() override;
    Result<qint64> countConsignedLots(qint64 consignorId) override;
    Result<QList<ConsignedLotRow>> consignedLots(qint64 consignorId) override;
    Result<qint64> insertPayout(const Payout& payout) override;
    Result<void> voidPayout(qint64 id, const QString& voidedAt, const QString& reason) override;
    Result<std::optional<Payout>> findPayout(qint64 id) override;
    Result<QList<Payout>> payoutsOfConsignor(qint64 consignorId) override;
    Result<qint64> insertPayment(const Payment& payment) override;
    Result<bool> voidPayment(qint64 id, const QString& voidedAt, const QString& reason) override;
    Result<std::optional<Payment>> findPayment(qint64 id) override;
    Result<QList<Payment>> paymentsOfUser(qint64 userId) override;
    Result<qint64> insertDonation(const Donation& donation) override;
    Result<void> deleteDonation(qint64 id) override;
    Result<std::optional<Donation>> findDonation(qint64 id) override;
    Result<QList<Donation>> donationsOfUser(qint64 userId) override;
    Result<QList<LedLot>> lotsLedBy(qint64 userId) override;
    Result<void> lockUser(qint64 id) override;
    Result<CheckoutFigures> checkoutFigures(Rules::BasisPoints buyersPremium) override;

    Result<QList<Item>> findItems(qint64 id, const QString& text, bool openOnly,
                                  int limit) override;
    Result<QList<User>> findUsers(qint64 id, const QString& text, int limit,
                                  bool contacts) override;

    Result<QList<User>> usersFrom(qint64 firstId, int limit) override;
    Result<QList<Item>> itemsFrom(qint64 firstId, int limit) override;
    Result<QList<Bid>> bidsFrom(qint64 firstId, int limit) override;
    Result<QList<Payment>> paymentsFrom(qint64 firstId, int limit) override;
    Result<QList<Donation>> donationsFrom(qint64 firstId, int limit) override;
    Result<QList<MaximumRaise>> maximumsFrom(qint64 firstId, int limit) override;
    Result<qint64> insertMaximumAsIs(const MaximumRaise& raise) override;

    Result<void> bulkLoad(const BulkAuction& auction) override;

    Result<qint64> exportRows(CsvKind kind, qint64* total,
                              const std::function<bool(const QStringList&)>& row) override;

protected:
    /// What follows the item query to lock the item's row for the transaction ("" when the
    /// engine's write lock already covers it).
    virtual QString lockClause() const = 0;
    /// The case-insensitive LIKE of the engine.
    virtual QString likeOperator() const = 0;
    /// The CREATE INDEX statements of the bids table's secondary indexes, for a bulk load
    /// to drop them and build them again once (a million entries sort faster in one pass).
    virtual Result<QStringList> bidIndexes() = 0;
    /// Engine settings for the length of a bulk load (a larger cache), and back.
    virtual Result<void> startBulkLoad() { return {}; }
    virtual Result<void> endBulkLoad() { return {}; }

    Database& m_db;

    Result<qint64> insertReturningId(const QString& sql, const QVariantList& values);

private:
    Result<std::optional<qint64>> nextBidderNumber();
    Result<qint64> insertReturningId(const QString& sql, std::initializer_list<QVariant> values);
    Result<Listing<Bid>> bidsWhere(const QString& column, qint64 id, qint64 total, Page page);
    Result<qint64> count(const QString& table);
    QString filterSql(const BidQuery& query, const QString& table) const;
};

} // namespace BidTracker::Model
