#pragma once

#include "auctionsettings.h"
#include "audit.h"
#include "change.h"
#include "consignor.h"
#include "error.h"
#include "idempotency.h"
#include "invoice.h"
#include "records.h"
#include "staff.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <functional>
#include <memory>
#include <optional>

namespace BidTracker::Model {

namespace Rules {
class LotDecider;
}

class ChangeNotifier;
class CommandRunner;
class Database;
struct Command;
class Storage;

/// One bid asked for (see placeBid(const BidRequest&) and placeBids()).
struct BidRequest
{
    qint64 itemId = 0;
    qint64 userId = 0;
    /// Left out with a maximum: the lowest acceptable bid, or, from the bidder who leads
    /// the lot already, no bid at all: the maximum alone raises theirs (RULES.md 2).
    std::optional<Money> value;
    /// The most the bidder lets the auction bid for them on the lot; at least `value`.
    std::optional<Money> maxValue;
};

/// The rows of an import too long to hold at once (a 100,000-row file), read in turns from
/// their source: `rewind` goes back to the first row, `next` gives the rows that follow, a
/// chunk at a time, and none at the end. They are read twice: checked, then written.
template <typename Row> struct ImportRows
{
    std::function<Result<void>()> rewind;
    std::function<Result<QList<Row>>()> next;
};

/// A list already in memory as import rows: one chunk. The list must outlive them.
template <typename Row> ImportRows<Row> importRowsOf(const QList<Row>& list)
{
    auto given = std::make_shared<bool>(false);
    return {[given]() -> Result<void> {
                *given = false;
                return {};
            },
            [given, &list]() -> Result<QList<Row>> {
                if (*given)
                    return QList<Row>();
                *given = true;
                return list;
            }};
}

/// What a bid request came to.
struct BidPlacement
{
    /// The bid added; for a maximum raised alone, the lot's winning bid.
    Bid bid;
    /// False when a leader's maximum alone raised theirs: nothing was added.
    bool added = true;
    /// The raise kept for a maximum raised alone (undo takes it out); 0 otherwise.
    qint64 maximumId = 0;
};

/// The auction's rules, on one database connection. Both doors (the window and the REST
/// API) call this and nothing else to read or change the auction. Every change is committed
/// before it is announced on the notifier, once. Not thread-safe: one service per thread,
/// each on its thread's own Database.
class AuctionService final
{
public:
    explicit AuctionService(Database& db, ChangeNotifier* notifier = nullptr);

    /// Who makes the changes from now on (RULES.md 5): every change is first checked against
    /// the actor's role (Reason::ForbiddenRole) and writes an audit entry naming the actor and
    /// station in its own transaction. The default is the operator, with every right.
    void setActor(Actor actor) { m_actor = std::move(actor); }
    const Actor& actor() const { return m_actor; }

    // Settings
    Result<AuctionSettings> settings();
    /// Checked whole (checkSettings) and written in one transaction; announced as a
    /// Settings change. With `ifVersion`, refused (Reason::Stale, fact `version`) unless the
    /// row is still at that version (API.md "Versions and safe retries").
    Result<AuctionSettings> updateSettings(const AuctionSettings& settings,
                                           std::optional<qint64> ifVersion = std::nullopt);
    Result<SettingsVersion> settingsVersion();

    /// Carries out `command` in one transaction, all or nothing, and answers its inverse
    /// (see command.h): the window's undo and redo, one call each.
    Result<Command> apply(const Command& command);

    // Users
    /// Gets the next free paddle number.
    Result<User> createUser(const QString& name);
    Result<User> renameUser(qint64 id, const QString& name);
    /// Refused (Conflict) while the user has bids.
    Result<void> deleteUser(qint64 id);
    /// deleteUser()'s refusal (UnknownUser, HasBids, HasPayments) without deleting, or
    /// nothing: what the window asks before it asks "Delete bidder ...?".
    Result<void> mayDeleteUser(qint64 id);
    Result<User> user(qint64 id);
    Result<Listing<User>> users(Page page = {});
    /// The users among `ids` that still exist, read at once (a window's batch of changes).
    Result<QList<User>> usersWithIds(const QList<qint64>& ids);

    // Check-in and checkout (RULES.md 4; auctionservice_checkout.cpp)
    /// `changes.name` is required; a number already taken is refused (Conflict, naming it).
    Result<User> createUser(const UserChanges& changes);
    /// `ifVersion` as for updateSettings().
    Result<User> updateUser(qint64 id, const UserChanges& changes,
                            std::optional<qint64> ifVersion = std::nullopt);
    Result<std::optional<User>> userByNumber(qint64 number);
    /// Sets checked_in_at to now (again, when already checked in).
    Result<User> checkIn(qint64 id);
    Result<Invoice> invoice(qint64 userId);
    /// Refused (Conflict, naming the balance) when the amount is above the balance.
    Result<Payment> addPayment(qint64 userId, Money amount, PaymentMethod method,
                               const QString& reference);
    /// The payment stays, marked voided, out of every sum. Refused (Conflict) when it is
    /// voided already.
    Result<Payment> voidPayment(qint64 paymentId, const QString& reason);
    /// Undo of a void: the payment counts again (even when that leaves a credit). Refused
    /// (Conflict) when it is not voided.
    Result<Payment> unvoidPayment(qint64 paymentId);
    /// Oldest first, voided ones included.
    Result<QList<Payment>> payments(qint64 userId);
    Result<Donation> addDonation(qint64 userId, Money amount, const QString& note);
    Result<void> deleteDonation(qint64 donationId);
    /// Undo of a deletion: the donation comes back under its old id. Refused (Conflict) if
    /// the id is taken.
    Result<Donation> restoreDonation(const Donation& donation);
    Result<QList<Donation>> donations(qint64 userId);
    /// From aggregates: each bidder's parts are summed by the database, never loaded lot by
    /// lot; every bidder is then settled with the invoice's own rule (Rules::settle).
    Result<AuctionSummary> summary();
    /// Every bidder with something on an invoice (a sold lot won, a donation, a payment
    /// that counts), in id order, from the same aggregates as summary().
    Result<QList<InvoiceTotals>> invoiceTotals();
    /// Every payment, voided ones included, `limit` at a time from id `firstId` on.
    Result<QList<Payment>> paymentsFrom(qint64 firstId, int limit);

    // Consignors and settlement (RULES.md 6; auctionservice_consignors.cpp)
    /// `changes.name` is required; the number defaults to the next free one, a number taken
    /// is refused (NumberTaken).
    Result<Consignor> createConsignor(const ConsignorChanges& changes);
    Result<Consignor> updateConsignor(qint64 id, const ConsignorChanges& changes);
    /// Refused (HasLots) while lots name the consignor.
    Result<void> deleteConsignor(qint64 id);
    Result<Consignor> consignor(qint64 id);
    Result<std::optional<Consignor>> consignorByNumber(qint64 number);
    /// In number order.
    Result<QList<Consignor>> consignors();
    /// Consignors each checked as by createConsignor(), in one transaction: all or none.
    Result<qint64> importConsignors(const QList<ConsignorChanges>& rows,
                                    QList<qint64>* ids = nullptr);
    /// The consignor's lots and payouts settled by Rules::settlementSums, read in one
    /// snapshot; a sold line is collected when its buyer's invoice is paid or in credit.
    Result<Settlement> settlement(qint64 consignorId);
    /// Every consignor's, in number order, from one snapshot.
    Result<QList<Settlement>> settlements();
    /// Refused (OverBalance, facts `payable_now`) above what is payable now.
    Result<Payout> addPayout(qint64 consignorId, Money amount, PayoutMethod method,
                             const QString& reference, const PayoutDesk& desk);
    /// The payout stays, marked voided, out of every sum (AlreadyVoided when it is).
    Result<Payout> voidPayout(qint64 payoutId, const QString& reason);
    /// Undo of a void (NotVoided when it is not voided).
    Result<Payout> unvoidPayout(qint64 payoutId);
    /// Oldest first, voided ones included.
    Result<QList<Payout>> payouts(qint64 consignorId);

    // Items
    /// `changes.name` is required; the other fields default to open, 0.01 and 0.01.
    Result<Item> createItem(const ItemChanges& changes);
    /// Whether a new lot with these fields would be taken, checked as createItem() checks
    /// them (a CSV import checks every row this way before writing any). Invalid, naming the
    /// field, when not.
    static Result<void> checkNewItem(const ItemChanges& changes);
    /// Fields left empty keep their value. `ifVersion` as for updateSettings().
    Result<Item> updateItem(qint64 id, const ItemChanges& changes,
                            std::optional<qint64> ifVersion = std::nullopt);
    /// Refused (Conflict) while the item has bids.
    Result<void> deleteItem(qint64 id);
    /// deleteItem()'s refusal (UnknownItem, HasBids) without deleting, or nothing.
    Result<void> mayDeleteItem(qint64 id);
    Result<Item> item(qint64 id);
    Result<Listing<Item>> items(Page page = {});
    /// The items among `ids` that still exist, read at once (a window's batch of changes).
    Result<QList<Item>> itemsWithIds(const QList<qint64>& ids);

    // Bids
    /// The bidding rule: the item and user exist, the item is open, and the value is at
    /// least the starting price (first bid) or the winning value plus the minimum increment.
    /// Checked and written in one write transaction, so racing bids cannot both win.
    /// The rules of RULES.md 2 and 3 on top: the lot must not have passed its closing time
    /// (Conflict "Item item4 closed at ..."), the value is at least lowestAcceptableBid(); the
    /// lot is then decided (LotDecider): an automatic bid (auto) for the leader when the
    /// rules call for one, and soft close moves closes_at.
    Result<Bid> placeBid(qint64 itemId, qint64 userId, Money value);
    /// A bid that may carry a maximum, or a leader's maximum alone (see BidRequest). Invalid
    /// (field max_value) when the maximum is below the value.
    Result<BidPlacement> placeBid(const BidRequest& request);
    /// Places each bid in order under the same rule, as if placed one by one, but with one
    /// commit (one disk sync) for the whole batch. Each request gets its own answer.
    QList<Result<Bid>> placeBids(const QList<BidRequest>& requests);
    QList<Result<BidPlacement>> placeBidBatch(const QList<BidRequest>& requests);

    // Idempotency-Key (API.md "Versions and safe retries"; auctionservice_idempotency.cpp)
    /// Runs `work` in one write transaction that every write of this service called inside
    /// it joins (a savepoint each: a refused write undoes only itself), so a change and the
    /// answer kept for it commit together or not at all. Run again from the start when the
    /// engine reports a failure a retry can cure, in `work` or in a write it called.
    Result<void> inOneTransaction(const std::function<Result<void>()>& work);
    /// Inside inOneTransaction(): claims `key`. Nothing when the request is to be carried out
    /// now; the kept answer when it was carried out before with the same body; refused
    /// (IdempotencyKeyReused) when it was with another body.
    Result<std::optional<KeptAnswer>> claimIdempotencyKey(const IdempotencyKey& key);
    /// Inside inOneTransaction(), after claimIdempotencyKey(): keeps the answer (only a
    /// finished outcome may be kept: isFinishedOutcome()).
    Result<void> keepAnswer(const IdempotencyKey& key, KeptAnswer answer);
    /// Outside a transaction: the kept answer to replay for `key`, refused as for
    /// claimIdempotencyKey(), or nothing when none is kept.
    Result<std::optional<KeptAnswer>> keptAnswer(const IdempotencyKey& key);
    /// Removes the bid and the maximum it carried, drops the automatic bids made after it,
    /// and works the lot out again from the remaining entries in their order (RULES.md 2).
    /// Refused (Conflict) for an automatic bid: the rules would place it again.
    Result<void> deleteBid(qint64 id);

    // Buying and closing (RULES.md 2 and 3; auctionservice_closing.cpp)
    /// While the lot's price is below its buy-now price: a bid at that price for the bidder,
    /// who wins whatever maximums others hold, and the lot closes at once. Else Conflict
    /// ("Buy now is no longer possible on item5: the price 250.00 passed 200.00").
    /// `undo`, when given, receives the command that takes the purchase back.
    Result<Bid> buyNow(qint64 itemId, qint64 userId, Command* undo = nullptr);
    /// The lot's buy-now price while buyNow() would sell at it, else buyNow()'s refusal
    /// (ItemClosed, BuyNowUnavailable): what the window asks before it asks who buys.
    Result<Money> buyNowPrice(qint64 itemId);
    /// Closes every open lot in one transaction; returns their ids. `undo`, when given,
    /// receives the command that reopens exactly those (unless changed since).
    Result<QList<qint64>> closeAll(Command* undo = nullptr);
    /// Closes the lots whose time came (closes_at, or the auction's close_all_at), each once
    /// however many processes call this; closed_at is the time they were due. Returns their
    /// ids. Cheap when nothing is due (one indexed read, no write).
    Result<QList<qint64>> closeDueLots();
    Result<Bid> bid(qint64 id);
    Result<Listing<Bid>> bids(Page page = {});
    /// The bids of a query, and `limit` of them from row `offset` on. The rows are found
    /// through the order's index: the window at the end of a million bids costs a walk of
    /// the index, not of the rows, and the rows before it are never read.
    Result<qint64> countBids(const BidQuery& query);
    Result<QList<Bid>> bidsWindow(const BidQuery& query, qint64 offset, qint64 limit);
    /// The row a bid has in a query's order, or nothing when the query does not show it.
    Result<std::optional<qint64>> bidRow(const BidQuery& query, qint64 bidId);

    /// The ids of the bids on items firstItemId..lastItemId, oldest first per item: the
    /// "bids" lists of an item listing, in one query per page instead of one per item.
    Result<QHash<qint64, QList<qint64>>> bidIdsByItem(qint64 firstItemId, qint64 lastItemId);
    /// NotFound "Item item2 has no bids" when it has none.
    Result<Bid> winningBid(qint64 itemId);
    /// Oldest first.
    Result<Listing<Bid>> bidsForItem(qint64 itemId, Page page = {});
    /// Oldest first.
    Result<Listing<Bid>> bidsByUser(qint64 userId, Page page = {});
    /// Each item the user bid on, once, in the order of their first bid on it.
    Result<QList<UserItem>> itemsBidByUser(qint64 userId);
    /// What the next bid on the item must at least be: the starting price with no bids, else
    /// the price plus the step at the price (the increment table, the lot's minimum).
    Result<Money> lowestAcceptableBid(qint64 itemId);

    // Finding what a clerk types
    /// Lots that `text` names, best first. A lot number ("8") or id ("item8") means that lot
    /// and only that: NotFound (UnknownItem) "No lot 8" when there is none, and with
    /// `openOnly` a closed one is refused (ItemClosed) "Lot 8 is closed (sold to paddle 107
    /// at 240.00)", never another lot whose name holds the digits. Other text: names starting
    /// with it, then names containing it (case-insensitive for ASCII); `openOnly` leaves
    /// closed lots out. At most `limit`.
    Result<QList<Item>> findLots(const QString& text, int limit, bool openOnly);
    /// What a bidder may be found by. Recording (a bid, a payment, a purchase, a printout):
    /// a number is a paddle number and only that (NotFound "No paddle 199" when nobody
    /// carries it, never a phone's or an id's digits), "user12" is that id, anything else a
    /// name. Search (the check-in search): the paddle first, then names, phone numbers and
    /// e-mail addresses containing the text.
    enum class BidderLookup { Recording, Search };
    /// Bidders that `text` names under `mode`, best first, at most `limit`. The one place a
    /// bidder is looked up by what a person types.
    Result<QList<User>> findBidders(const QString& text, int limit,
                                    BidderLookup mode = BidderLookup::Recording);
    /// The bidders a printout is asked for, as a person types them: paddle numbers and
    /// ranges of them ("101-125, 130"), ids ("user12"); in the order typed, each once.
    /// Invalid, naming the entry, for text that is neither; a paddle nobody carries in a
    /// range is skipped, one typed alone is NotFound "No paddle 199".
    Result<QList<qint64>> biddersByPaddles(const QString& text);
    /// The other bidders with the same name as this one (case-insensitive, spaces at the ends
    /// ignored), in paddle order: two John Smiths are told apart by paddle.
    Result<QList<User>> namesakes(qint64 userId);

    /// Undo support for the window: puts back a deleted user, item or bid under its old id
    /// (an id is never handed out twice, so it is still free). A restored bid's item gets
    /// its highest bid as winner again. Refused (Conflict) if the id is taken.
    Result<User> restoreUser(const User& user);
    Result<Item> restoreItem(const Item& item);
    Result<Bid> restoreBid(const Bid& bid);
    /// Undo of a check-in: the bidder's check-in time as it was ("" = not checked in).
    /// (auctionservice_checkinundo.cpp)
    Result<User> restoreCheckIn(qint64 id, const QString& checkedInAt);

    /// Adds items (names required) or users in one transaction: all or none. `ids`, when
    /// given, receives the ids added (the window undoes an import by them).
    Result<qint64> importItems(const QList<ItemChanges>& items, QList<qint64>* ids = nullptr);
    Result<qint64> importUsers(const QStringList& names, QList<qint64>* ids = nullptr);
    /// Users with paddle numbers and contact fields (names required), each checked as by
    /// createUser(); a number taken (in the database or twice in the list) refuses them all.
    Result<qint64> importUsers(const QList<UserChanges>& users, QList<qint64>* ids = nullptr);
    /// The same, streamed: only one chunk of rows is held at a time (see ImportRows).
    Result<qint64> importItems(const ImportRows<ItemChanges>& rows, QList<qint64>* ids = nullptr);
    Result<qint64> importUsers(const ImportRows<UserChanges>& rows, QList<qint64>* ids = nullptr);

    /// Changes whenever the auction may have changed, through this service or any other
    /// connection (SQLite's data_version): equal stamps mean equal data, so a reader may keep
    /// what it derived from the data while the stamp stays the same.
    struct ChangeStamp
    {
        qint64 dataVersion = -1;
        quint64 ownChanges = 0;
        bool operator==(const ChangeStamp&) const = default;
    };
    Result<ChangeStamp> changeStamp();
    /// How many changes this service has made (no database access).
    quint64 ownChanges() const { return m_ownChanges; }

    /// Loads the original project's sample auction (user1-3, item1-2, bid1-2). Only into an
    /// empty database that never held anything, so the ids come out exactly as documented.
    Result<void> loadSampleAuction();

private:
    friend class CommandRunner; // the parts of apply(), auctionservice_commands.cpp

    /// buyNow() inside the write transaction in progress.
    Result<Bid> buyNowLocked(qint64 itemId, qint64 userId);
    /// How often a transaction is run again after a transient failure before it is reported.
    static constexpr int MaxAttempts = 8;

    Result<void> requireUser(qint64 id);
    Result<Item> requireItem(qint64 id, bool lock = false);
    /// Judges and places `requests` in order inside the write transaction in progress. A
    /// request the rules refuse gets its error and writes nothing; a database failure fails
    /// the whole call (the transaction must then be rolled back).
    Result<QList<Result<BidPlacement>>> placeBidsLocked(const QList<BidRequest>& requests,
                                                        const AuctionSettings& settings);
    struct BidBatchRows;
    Result<BidPlacement> placeBidLocked(const BidRequest& request, const AuctionSettings& settings,
                                        BidBatchRows& rows);
    /// A leader's maximum raised alone, without a bid.
    Result<BidPlacement> raiseMaximum(const BidRequest& request, Item& target,
                                      Rules::LotDecider& lot, const AuctionSettings& settings,
                                      const QString& now, BidBatchRows& rows);
    /// Writes the bids the batch decided so far, and gives them and their answers their ids.
    Result<void> writeStagedBids(BidBatchRows& rows);
    /// The name of a bidder an automatic bid is for.
    Result<QString> bidderName(const BidBatchRows& rows, const Item& lot, qint64 userId);
    /// Puts a decided bid among the batch's unwritten ones; returns its stand-in id.
    qint64 stageBid(BidBatchRows& rows, const Bid& bid);
    /// Moves the lot's closing time on for a bid in its last minutes (soft close).
    Result<void> extendSoftClose(Item& target, const AuctionSettings& settings, const QString& now);
    Result<Bid> addAutomaticBid(const Item& item, qint64 userId, qint64 cents, const QString& now);
    /// Works the lot out again after bid `fromBidId` was deleted (`removed`) or put back:
    /// decided anew from its bids and raises, the automatic bids the rules still call for
    /// kept, the others dropped, the missing ones placed.
    /// Works out every open lot with bids again under `settings` (a new increment table).
    Result<void> redecideOpenLots(const AuctionSettings& settings);
    Result<void> reworkLot(const Item& item, qint64 fromBidId, bool removed,
                           const AuctionSettings& settings);
    Result<Item> insertItem(const ItemChanges& changes);
    /// Inside a write transaction: the consignor `changes` names exists (locked, so that it
    /// cannot be deleted before the lot is written), or UnknownConsignor.
    Result<void> requireConsignorOf(const ItemChanges& changes);
    /// A consignor's settlement inside the transaction or snapshot in progress; `buyers` are
    /// the auction's checkout figures, read once for many settlements.
    Result<Settlement> settleLocked(qint64 consignorId, const AuctionSettings& settings,
                                    const QHash<qint64, bool>& collectedBuyers);
    /// Which buyers' invoices are paid in full (status paid or credit), by user id.
    Result<QHash<qint64, bool>> collectedBuyers(const AuctionSettings& settings);
    /// Runs `work` (which returns a Result) in one write transaction, from the start again
    /// when the engine reports a failure a retry can cure; the changes it recorded are
    /// announced once it committed.
    template <typename Work> auto writeTransaction(Work&& work) -> decltype(work());
    /// One user of an import, inside its transaction: its number checked free, or the
    /// lowest free one from `candidate` on that no row of the file asks for.
    Result<qint64> insertImportedUser(User& row, const QSet<qint64>& asked, qint64& candidate,
                                      const AuctionSettings& settings, const QString& now);
    /// Records a change of the transaction in progress: other processes hear of it when it
    /// commits (NOTIFY on PostgreSQL, sent just before the commit); this process after the
    /// commit (announcePending).
    void record(EntityKind kind, Change::Action action, qint64 id, qint64 itemId = 0,
                qint64 userId = 0);
    void announcePending();
    /// The actor's refusal unless their role may (staff.h).
    Result<void> allow(Permission permission) const;
    /// A cashier voids only their own payment, within OwnVoidWindowSeconds; an admin any.
    Result<void> mayVoid(const Payment& payment);
    /// Notes the change for the audit log of the transaction in progress (written with it).
    void audit(AuditNote note) { m_auditNotes.append(std::move(note)); }
    /// Writes the transaction's audit entries: the notes made, or for changes recorded
    /// without one, an entry per change (auctionservice_audit.cpp).
    Result<void> writeAudit();

    Database& m_db;
    Storage& m_storage;
    ChangeNotifier* m_notifier;
    quint64 m_ownChanges = 0;
    QList<Change> m_pending;
    Actor m_actor;
    QList<AuditNote> m_auditNotes;
    /// Inside inOneTransaction(): writes join it through savepoints.
    bool m_joined = false;
    /// A joined write failed in a way a retry of the whole transaction can cure.
    bool m_joinedTransient = false;
};

/// "2026-11-27T23:51:54.123Z", the time stamps the database stores.
QString utcTimestampNow();

} // namespace BidTracker::Model
