#pragma once

#include "auctionsettings.h"
#include "error.h"
#include "records.h"

#include <QList>
#include <optional>

namespace BidTracker::Model {

/// A change to the auction as the window's undo stack keeps it (ARCHITECTURE.md "Commands").
/// AuctionService::apply() carries it out in one transaction, all or nothing, and answers its
/// inverse: built from the fields it changed (the values before, never the whole record) and
/// the version each object it touched then had. A part that names a version first checks
/// that the object is still at it, and when another station, the API or the lot closer
/// changed it since, the whole command is refused (Reason::Stale, see staleRefusal()) and
/// nothing is changed: an undo never reverts a change it did not make.
///
/// The parts run in the order they are declared (rows put back, fields and sales, rows taken
/// out); an object is touched by one part only, so each version checked is its own.
///
/// Versions only grow, so an undo leaves an object at a new version that is, as far as the
/// fields go, the state of an older one. Each part keeps `previous`, the version its object
/// had before the change the part takes back; applying it answers, in `moved`, that the new
/// version stands for that old one, and rebase() renames it in the commands still on the
/// stack, so that undoing two changes of one lot in turn works, while a change made
/// elsewhere (a version no command produced) still refuses.
struct Command
{
    /// Object `kind`/`id` at version `to` is the state that version `from` was.
    struct Moved
    {
        EntityKind kind = EntityKind::Item;
        qint64 id = 0;
        qint64 from = 0;
        qint64 to = 0;
    };
    /// The fields of a lot set to `to` (those set in it); the lot must be at `version` (0:
    /// as it is, for a change made the first time).
    struct LotFields
    {
        qint64 itemId = 0;
        qint64 version = 0;
        ItemChanges to;
        qint64 previous = 0;
    };
    struct BidderFields
    {
        qint64 userId = 0;
        qint64 version = 0;
        UserChanges to;
        /// The check-in time to set ("" = not checked in).
        std::optional<QString> checkedInAt;
        qint64 previous = 0;
    };
    /// The settings that differ between `from` and `to` are set to `to`'s values.
    struct SettingsFields
    {
        qint64 version = 0;
        AuctionSettings from;
        AuctionSettings to;
        /// A "close all at" already past closes the open lots now, in the same transaction
        /// (so the inverse reopens exactly those); set by the change made first.
        bool closeDueLots = false;
        qint64 previous = 0;
    };
    /// A lot bought at its buy-now price (AuctionService::buyNow's rule).
    struct Purchase
    {
        qint64 itemId = 0;
        qint64 userId = 0;
        qint64 version = 0;
        qint64 previous = 0;
    };
    /// A purchase taken back: the lot, still at `version`, reopens and bid `bidId` goes.
    struct PurchaseUndone
    {
        qint64 itemId = 0;
        qint64 userId = 0;
        qint64 bidId = 0;
        qint64 version = 0;
        qint64 previous = 0;
    };
    struct Row
    {
        qint64 id = 0;
        qint64 version = 0;
    };

    // 1. Rows put back under their old ids.
    QList<Item> restoreItems;
    QList<User> restoreUsers;
    QList<Bid> restoreBids;
    QList<MaximumRaise> restoreRaises;
    // 2. Fields and sales.
    std::optional<SettingsFields> settings;
    /// Closes every open lot (Close all); the inverse reopens exactly those.
    bool closeAllOpen = false;
    std::optional<Purchase> purchase;
    std::optional<PurchaseUndone> purchaseUndone;
    QList<LotFields> lots;
    QList<BidderFields> bidders;
    // 3. Rows taken out: bids with their lot worked out again (automatic bids included),
    // raised maximums likewise, lots and bidders without bids at `version`.
    QList<qint64> removeBids;
    QList<qint64> removeRaises;
    QList<Row> removeItems;
    QList<Row> removeUsers;

    /// Filled by apply() in the command it answers: the versions the application moved.
    QList<Moved> moved;
};

/// Renames, in `command`'s expectations, each moved object's version `from` as `to`.
void rebase(Command& command, const QList<Command::Moved>& moved);

/// A row just added is at this version (the schema's default).
inline constexpr qint64 FirstVersion = 1;

/// The refusal of a command whose object changed since: Reason::Stale with the facts "item"
/// or "user" (the id) or "settings", "version" (the current one, 0 when the row is gone),
/// "changed_at" (when) and "change" ("changed", "closed" or "deleted").
Error staleRefusal(EntityKind kind, qint64 id, qint64 version, const QString& changedAt,
                   const QString& change);

/// A row that is not there: for a change made the first time (`version` 0) it is unknown
/// (Reason::UnknownItem, ...); for an undo, deleted since (stale).
Error missing(EntityKind kind, qint64 id, qint64 version);

/// A lot's refusal: "closed" when its last change was its close, else "changed".
Error staleLot(const Item& item);

/// The inverse of an import or of rows added: each row taken out, at its first version.
Command removalOfAdded(EntityKind kind, const QList<qint64>& ids);

} // namespace BidTracker::Model
