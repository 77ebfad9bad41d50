#pragma once

#include "model/auctionsettings.h"
#include "model/change.h"
#include "model/consignor.h"
#include "model/csv/csvkind.h"
#include "model/error.h"
#include "model/idempotency.h"
#include "model/records.h"

#include <QHash>
#include <QList>
#include <QStringList>
#include <functional>
#include <optional>

namespace BidTracker::Model {

/// A whole generated auction, written at once by Storage::bulkLoad (the generator plans it).
struct BulkAuction
{
    struct UserRow
    {
        qint64 id = 0;
        QString name;
        qint64 bidCount = 0;
    };
    struct ItemRow
    {
        qint64 id = 0;
        QString name;
        qint64 startCents = 1;
        qint64 incrementCents = 1;
        qint64 bidCount = 0;
    };
    struct BidRow
    {
        qint64 id = 0;
        qint64 itemId = 0;
        qint64 userId = 0;
        qint64 cents = 0;
        QString placedAt;
    };
    QString createdAt; // of every user and lot
    QList<UserRow> users;
    QList<ItemRow> items;
    /// Called for bids 1, 2, ... in order; a big auction's bids are made as they are
    /// written, never all held in memory.
    qint64 bidCount = 0;
    std::function<BidRow(qint64 id)> bid;
};

/// A lot a bidder leads: their bid is its winning one.
struct LedLot
{
    qint64 itemId = 0;
    QString name;
    Money value;
    std::optional<Money> fairMarketValue;
    bool closed = false;
    /// Closed with the reserve met, or no reserve (RULES.md 4): a line of the invoice.
    bool sold = false;
};

/// The figures of the end-of-night summary and of the invoices export, summed by the
/// database: each bidder's parts, never their invoices one by one.
struct CheckoutFigures
{
    qint64 lotsTotal = 0;
    qint64 lotsOpen = 0;
    qint64 lotsSold = 0;
    /// Payments that count (voided ones left out), by method.
    qint64 paidCash = 0;
    qint64 paidCheck = 0;
    qint64 paidCard = 0;
    qint64 paidOther = 0;
    /// One per bidder who won a sold lot, gave a donation or paid (voided payments aside),
    /// in id order.
    struct Bidder
    {
        qint64 userId = 0;
        qint64 number = 0;
        QString name;
        bool taxExempt = false;
        qint64 hammer = 0;
        /// The sum of each sold lot's premium rounded half up (Rules::percentOf per lot).
        qint64 premium = 0;
        qint64 donations = 0;
        qint64 paid = 0;
    };
    QList<Bidder> bidders;
};

/// A batch's new bids and what they leave on their lots, written at once (Storage::writeBids).
struct BidWrites
{
    /// New bids (id 0), given the next ids in this order.
    QList<Bid> bids;
    struct Lot
    {
        qint64 itemId = 0;
        /// The lot's winning bid; below 0 one of `bids`: -1 the first, -2 the second, ...
        std::optional<qint64> winningBidId;
        /// How many of `bids` are on this lot (added to its bid count).
        int addedBids = 0;
        qint64 leaderCeilingCents = 0;
        std::optional<qint64> runnerUpCents;
    };
    QList<Lot> lots;
};

/// Every read and write of the auction's tables, as the service needs them, behind one
/// interface: the service holds the rules and never sees SQL; each engine (SQLite,
/// PostgreSQL) keeps its dialect here. One Storage per connection, so one per thread.
///
/// Writes that decide something run inside beginWrite()/commit(): SQLite takes its write
/// lock at once (BEGIN IMMEDIATE); PostgreSQL locks the rows read with Lock::ForUpdate. A
/// failure that a retry can cure (a PostgreSQL deadlock or serialization failure) comes back
/// as an Error with `transient` set.
class Storage
{
public:
    enum class Engine { Sqlite, Postgres };
    enum class Lock { None, ForUpdate };

    virtual ~Storage() = default;
    virtual Engine engine() const = 0;

    // Transactions
    virtual Result<void> beginWrite() = 0;
    /// A read-only transaction whose every statement sees one snapshot (SQLite: a deferred
    /// transaction in WAL mode; PostgreSQL: REPEATABLE READ READ ONLY). Ended by rollback().
    virtual Result<void> beginRead() = 0;
    virtual Result<void> commit() = 0;
    virtual void rollback() = 0;
    /// A savepoint inside the write transaction in progress: a service write joined to a
    /// larger transaction (AuctionService::inOneTransaction) undoes only its own part when
    /// it fails. Savepoints nest; each is released or rolled back to, innermost first.
    virtual Result<void> savepoint() = 0;
    virtual Result<void> releaseSavepoint() = 0;
    virtual void rollbackToSavepoint() = 0;

    // Idempotency-Key (API.md "Versions and safe retries"), inside a write transaction
    /// Forgets the keys created before `cutoff`, then claims `key` for the transaction in
    /// progress: true when it is new (the request is to be carried out), false when a kept
    /// answer holds it (read it with keptAnswer()). On PostgreSQL a claim of the same key
    /// by another transaction not yet committed is waited for.
    virtual Result<bool> claimIdempotencyKey(const IdempotencyKey& key, const QString& now,
                                             const QString& cutoff) = 0;
    /// The answer kept for `key` since `cutoff`, if any.
    virtual Result<std::optional<KeptAnswer>> keptAnswer(const IdempotencyKey& key,
                                                         const QString& cutoff) = 0;
    /// Keeps the answer of the claimed `key`; it commits with the transaction's change.
    virtual Result<void> keepAnswer(const IdempotencyKey& key, const KeptAnswer& answer) = 0;

    // Users
    /// `user.id` 0 takes the next id; any other id puts a row back under its old id.
    /// `user.number` 0 takes the lowest free paddle number at or above the settings' first
    /// bidder number and at most MaxBidderNumber (RULES.md 4), refused (NumberTaken) when
    /// none is free. Writes every field but the bid count.
    virtual Result<qint64> insertUser(const User& user) = 0;
    /// Locks the paddle numbers for the write transaction in progress (PostgreSQL: the
    /// settings row; SQLite's write lock already covers it), so two stations adding bidders
    /// at once never pick the same free number: the second sees the first's once it commits.
    virtual Result<void> lockBidderNumbers() = 0;
    /// False when there is no such user.
    virtual Result<bool> renameUser(qint64 id, const QString& name) = 0;
    /// Writes name, number, phone, email, tax_exempt and checked_in_at; false when there is
    /// no such user.
    virtual Result<bool> updateUser(const User& user) = 0;
    virtual Result<std::optional<User>> findUserByNumber(qint64 number) = 0;
    virtual Result<void> deleteUser(qint64 id) = 0;
    virtual Result<std::optional<User>> findUser(qint64 id) = 0;
    virtual Result<Listing<User>> listUsers(Page page) = 0;
    /// The users among `ids` that exist, in one statement (a window's batch of changes reads
    /// its 300 bidders at once, not one round trip each), in no particular order.
    virtual Result<QList<User>> usersWithIds(const QList<qint64>& ids) = 0;
    /// Adds `delta` to the user's bid count; returns the user's name.
    virtual Result<QString> addToUserBidCount(qint64 userId, int delta) = 0;

    // Items
    /// `item.id` 0 takes the next id. Every field is written but the winner and bid count.
    virtual Result<qint64> insertItem(const Item& item) = 0;
    /// Writes every field of the item with `item.id` but the winner and bid count.
    virtual Result<void> updateItem(const Item& item) = 0;
    virtual Result<void> deleteItem(qint64 id) = 0;
    virtual Result<std::optional<Item>> findItem(qint64 id, Lock lock = Lock::None) = 0;
    virtual Result<Listing<Item>> listItems(Page page) = 0;
    /// The items among `ids` that exist, in one statement, in no particular order.
    virtual Result<QList<Item>> itemsWithIds(const QList<qint64>& ids) = 0;
    /// Sets the item's winning bid (none: empty) and adds `bidCountDelta` to its bid count.
    virtual Result<void> setItemWinner(qint64 itemId, std::optional<qint64> winningBidId,
                                       int bidCountDelta) = 0;
    /// The same, with the two ceilings the lot's next decision starts from (Item::
    /// leaderCeiling, runnerUpCeiling). setItemWinner() leaves them unknown (NULL): worked out
    /// from the bids at the next decision.
    virtual Result<void> setItemStanding(qint64 itemId, std::optional<qint64> winningBidId,
                                         int bidCountDelta,
                                         std::optional<qint64> leaderCeilingCents,
                                         std::optional<qint64> runnerUpCents) = 0;
    /// Moves a lot's closing time (soft close) and nothing else.
    virtual Result<void> setItemClosesAt(qint64 itemId, const QString& closesAt) = 0;

    // Closing (each a write under the same lock as bids, so a bid and the close never both
    // win; `WHERE status = 'open'` makes each lot close once however many processes try)
    /// Locks every open lot's row, in id order (PostgreSQL; SQLite's write lock already covers
    /// them): taken before the close reads the time it stamps, so a bid that held a lot's
    /// lock has committed by then (RULES.md 3).
    virtual Result<void> lockOpenItems() = 0;
    /// Closes every open lot, closed_at = `closedAt`; returns their ids.
    virtual Result<QList<qint64>> closeOpenItems(const QString& closedAt) = 0;
    /// Closes the open lots whose closes_at is at or before `now`, closed_at = their
    /// closes_at; returns their ids.
    virtual Result<QList<qint64>> closeItemsDue(const QString& now) = 0;
    /// Whether any open lot's closes_at is at or before `now` (a read, outside transactions).
    virtual Result<bool> anyItemDue(const QString& now) = 0;
    virtual Result<bool> anyItemOpen() = 0;

    // A lot's history (RULES.md 2), for working it out again
    /// Its bids and raised maximums in commit order.
    virtual Result<QList<LotHistoryEntry>> lotHistory(qint64 itemId) = 0;
    /// The lot's last bid (highest id), if any.
    virtual Result<std::optional<qint64>> lastBidOf(qint64 itemId) = 0;
    virtual Result<qint64> insertMaximum(const MaximumRaise& raise) = 0;
    virtual Result<void> deleteMaximum(qint64 id) = 0;

    // Placing bids: a batch of bids is one transaction, so its rows are read once and each
    // bid written in one go (round trips to a database server are what a bid costs).
    /// Locks the rows of the lots `ids` for the write transaction in progress, in id order
    /// (two batches lock alike, so they never deadlock on each other), and reads them as
    /// they are once locked. Lots that do not exist are left out.
    virtual Result<QHash<qint64, Item>> lockItems(QList<qint64> ids) = 0;
    /// The names of the users `ids` that exist.
    virtual Result<QHash<qint64, QString>> userNames(const QList<qint64>& ids) = 0;
    /// Inserts `writes.bids`, adds each to its bidder's bid count and writes each lot's
    /// standing, at once. Returns the new bids' ids, in order.
    virtual Result<QList<qint64>> writeBids(const BidWrites& writes) = 0;

    // Bids
    /// `bid.id` 0 takes the next id (maximum and automatic mark included). Returns the id.
    virtual Result<qint64> insertBid(const Bid& bid) = 0;
    virtual Result<void> deleteBid(qint64 id) = 0;
    virtual Result<std::optional<Bid>> findBid(qint64 id) = 0;
    virtual Result<Listing<Bid>> listBids(Page page) = 0;
    /// The bids of an item or a user, oldest first; `total` is what the caller knows it has.
    virtual Result<Listing<Bid>> bidsOfItem(qint64 itemId, qint64 total, Page page) = 0;
    virtual Result<Listing<Bid>> bidsOfUser(qint64 userId, qint64 total, Page page) = 0;
    /// The item's bids other than `except`, highest value first, earliest first among equal
    /// values: the first is the one that wins when the others are gone.
    virtual Result<std::optional<qint64>> highestBidOf(qint64 itemId,
                                                       std::optional<qint64> except = {}) = 0;
    virtual Result<qint64> countBids(const BidQuery& query) = 0;
    virtual Result<QList<Bid>> bidsWindow(const BidQuery& query, qint64 offset, qint64 limit) = 0;
    virtual Result<std::optional<qint64>> bidRow(const BidQuery& query, qint64 bidId) = 0;
    virtual Result<QHash<qint64, QList<qint64>>> bidIdsByItem(qint64 firstItemId,
                                                              qint64 lastItemId) = 0;
    virtual Result<QList<UserItem>> itemsBidByUser(qint64 userId) = 0;

    // Settings: the one row
    virtual Result<AuctionSettings> readSettings() = 0;
    virtual Result<void> writeSettings(const AuctionSettings& settings) = 0;
    /// The row's version; inside a write transaction the row is locked until it ends
    /// (PostgreSQL), so a version compared stays the version written over.
    virtual Result<SettingsVersion> readSettingsVersion() = 0;

    // Consignors and payouts (RULES.md 6; sqlstorage_consignors.cpp)
    /// Returns the id.
    virtual Result<qint64> insertConsignor(const Consignor& consignor) = 0;
    virtual Result<void> updateConsignor(const Consignor& consignor) = 0;
    virtual Result<void> deleteConsignor(qint64 id) = 0;
    /// With Lock::ForUpdate the row is locked until the transaction ends (PostgreSQL): a lot
    /// given to the consignor and the consignor's deletion cannot cross.
    virtual Result<std::optional<Consignor>> findConsignor(qint64 id, Lock lock = Lock::None) = 0;
    virtual Result<std::optional<Consignor>> findConsignorByNumber(qint64 number) = 0;
    /// The highest number in use, 0 when none.
    virtual Result<qint64> highestConsignorNumber() = 0;
    /// In number order.
    virtual Result<QList<Consignor>> listConsignors() = 0;
    virtual Result<qint64> countConsignedLots(qint64 consignorId) = 0;
    /// The consignor's lots in id order, each with where it stands and its buyer.
    virtual Result<QList<ConsignedLotRow>> consignedLots(qint64 consignorId) = 0;
    virtual Result<qint64> insertPayout(const Payout& payout) = 0;
    virtual Result<void> voidPayout(qint64 id, const QString& voidedAt, const QString& reason) = 0;
    virtual Result<std::optional<Payout>> findPayout(qint64 id) = 0;
    /// Oldest first, voided ones included.
    virtual Result<QList<Payout>> payoutsOfConsignor(qint64 consignorId) = 0;

    // Payments and donations
    /// `payment.id` 0 takes the next id. Returns the id.
    virtual Result<qint64> insertPayment(const Payment& payment) = 0;
    /// Marks the payment voided (it stays in the record); false when there is none.
    virtual Result<bool> voidPayment(qint64 id, const QString& voidedAt, const QString& reason) = 0;
    virtual Result<std::optional<Payment>> findPayment(qint64 id) = 0;
    /// Oldest first, voided ones included.
    virtual Result<QList<Payment>> paymentsOfUser(qint64 userId) = 0;
    /// `donation.id` 0 takes the next id. Returns the id.
    virtual Result<qint64> insertDonation(const Donation& donation) = 0;
    virtual Result<void> deleteDonation(qint64 id) = 0;
    virtual Result<std::optional<Donation>> findDonation(qint64 id) = 0;
    /// Oldest first.
    virtual Result<QList<Donation>> donationsOfUser(qint64 userId) = 0;

    /// The lots the user leads, in item id order (the invoice's lines and pending lots).
    virtual Result<QList<LedLot>> lotsLedBy(qint64 userId) = 0;
    /// Locks the user's row for the write transaction in progress (PostgreSQL; SQLite's
    /// write lock already covers it), so two cashiers cannot both take the last balance.
    virtual Result<void> lockUser(qint64 id) = 0;
    /// `buyersPremium` is applied to each sold lot and rounded half up before the sums.
    virtual Result<CheckoutFigures> checkoutFigures(Rules::BasisPoints buyersPremium) = 0;

    // What a clerk types: the row with `id` first, then names starting with `text`, then
    // names containing it (case-insensitive), at most `limit`. `contacts`: phone numbers and
    // e-mail addresses containing it too (the check-in search only).
    virtual Result<QList<Item>> findItems(qint64 id, const QString& text, bool openOnly,
                                          int limit) = 0;
    virtual Result<QList<User>> findUsers(qint64 id, const QString& text, int limit,
                                          bool contacts) = 0;

    // The whole database, in id order, a slice at a time (for copying an auction)
    virtual Result<QList<User>> usersFrom(qint64 firstId, int limit) = 0;
    virtual Result<QList<Item>> itemsFrom(qint64 firstId, int limit) = 0;
    virtual Result<QList<Bid>> bidsFrom(qint64 firstId, int limit) = 0;
    virtual Result<QList<Payment>> paymentsFrom(qint64 firstId, int limit) = 0;
    virtual Result<QList<Donation>> donationsFrom(qint64 firstId, int limit) = 0;
    virtual Result<QList<MaximumRaise>> maximumsFrom(qint64 firstId, int limit) = 0;
    /// Puts a raise in under its own `raise.id`, with its place in commit order as it is
    /// (insertMaximum() always takes the next id: a raise is made only by a bid request).
    virtual Result<qint64> insertMaximumAsIs(const MaximumRaise& raise) = 0;
    /// After rows came in with ids of their own: the next generated id is past every id
    /// stored (SQLite's AUTOINCREMENT does this by itself).
    virtual Result<void> syncIdGenerators() = 0;

    /// Writes a generated auction into an empty database in one transaction, as fast as the
    /// engine allows (multi-row inserts, the bid indexes built once at the end); each lot's
    /// winner is its highest bid, the earliest of equal ones.
    virtual Result<void> bulkLoad(const BulkAuction& auction) = 0;

    // The whole database
    /// True once any user, item or bid was ever stored, deleted ones included (ids are
    /// never handed out twice, so such a database cannot give the sample's documented ids).
    virtual Result<bool> everHeldRows() = 0;
    /// Moves whenever another connection committed a change that this one may not have
    /// seen; -1 when the engine tells other stations' changes by notification instead.
    virtual Result<qint64> externalChangeVersion() = 0;
    /// Tells other processes on the same database about the changes of the write
    /// transaction in progress, just before it commits (delivered when it does). Nothing to
    /// do on SQLite.
    virtual Result<void> announceToOthers(const QList<Change>& changes) = 0;

    // CSV export
    /// Streams the rows of one CSV file, as text fields in the file's column order, in id
    /// order; `row` returns false to stop. `total` receives the number of rows first.
    virtual Result<qint64> exportRows(CsvKind kind, qint64* total,
                                      const std::function<bool(const QStringList&)>& row) = 0;
};

} // namespace BidTracker::Model
