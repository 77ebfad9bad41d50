// Versions (API.md "Versions and safe retries") and the window's undo as model commands
// (ARCHITECTURE.md "Commands"): two stations are two services on two connections to one
// auction, on SQLite and on PostgreSQL alike (the model suite runs on both).
#include "model/command.h"
#include "model/lotrules.h"
#include "support/testauction.h"

#include <QDateTime>
#include <tuple>

using namespace BidTracker::Model;
using BidTracker::Testing::openDatabase;
using BidTracker::Testing::TestAuction;

namespace {

/// The other station: its own connection and service on the same auction.
struct OtherStation
{
    explicit OtherStation(TestAuction& auction) : db(openDatabase(auction.path())), service(*db) {}
    std::unique_ptr<Database> db;
    AuctionService service;
};

ItemChanges named(const QString& name)
{
    ItemChanges changes;
    changes.name = name;
    return changes;
}

ItemChanges withStatus(ItemStatus status)
{
    ItemChanges changes;
    changes.status = status;
    return changes;
}

Command lotChange(qint64 itemId, const ItemChanges& changes)
{
    Command command;
    command.lots.append({itemId, 0, changes});
    return command;
}

/// Every lot as it stands: status, name and version, for "nothing changed" checks.
QList<std::tuple<qint64, ItemStatus, QString, qint64>> lotsOf(AuctionService& service)
{
    QList<std::tuple<qint64, ItemStatus, QString, qint64>> lots;
    const auto items = service.items();
    for (const Item& item : items->rows)
        lots.append({item.id, item.status, item.name, item.version});
    return lots;
}

} // namespace

TEST(Versions, GrowWithOwnFieldsAndStatusButNotWithBids)
{
    // GIVEN a lot and a bidder
    TestAuction auction;
    const qint64 lot = auction.addItem(QStringLiteral("Vase"), 1000, 100);
    const qint64 bidder = auction.addUser();
    AuctionService& service = auction.service();
    EXPECT_EQ(service.item(lot)->version, FirstVersion);
    EXPECT_EQ(service.user(bidder)->version, FirstVersion);
    // WHEN it gets a bid THEN its version stays
    auction.bid(lot, bidder, 1000);
    EXPECT_EQ(service.item(lot)->version, 1);
    // WHEN it is renamed, given a reserve, closed and reopened THEN each counts once
    ASSERT_TRUE(service.updateItem(lot, named(QStringLiteral("Blue vase"))));
    EXPECT_EQ(service.item(lot)->version, 2);
    EXPECT_FALSE(service.item(lot)->changedAt.isEmpty());
    ItemChanges reserve;
    reserve.reserve = Money::fromCents(5000);
    ASSERT_TRUE(service.updateItem(lot, reserve));
    ASSERT_TRUE(service.updateItem(lot, withStatus(ItemStatus::Closed)));
    ASSERT_TRUE(service.updateItem(lot, withStatus(ItemStatus::Open)));
    EXPECT_EQ(service.item(lot)->version, 5);
    // AND an edit that changes nothing is no change
    ASSERT_TRUE(service.updateItem(lot, named(QStringLiteral("Blue vase"))));
    EXPECT_EQ(service.item(lot)->version, 5);
    // AND bidders and the settings count their changes the same way
    ASSERT_TRUE(service.renameUser(bidder, QStringLiteral("Bea")));
    EXPECT_EQ(service.user(bidder)->version, 2);
    const qint64 settingsBefore = service.settingsVersion()->version;
    AuctionSettings settings = *service.settings();
    settings.name = QStringLiteral("Gala");
    ASSERT_TRUE(service.updateSettings(settings));
    EXPECT_EQ(service.settingsVersion()->version, settingsBefore + 1);
}

TEST(Versions, SoftCloseExtensionIsABidNotAChange)
{
    // GIVEN soft close and a lot closing within its window
    TestAuction auction;
    AuctionSettings settings = *auction.service().settings();
    settings.softClose = {300, 120, 600};
    ASSERT_TRUE(auction.service().updateSettings(settings));
    const qint64 lot = auction.addItem();
    ItemChanges closes;
    closes.closesAt = QDateTime::currentDateTimeUtc().addSecs(60).toString(Qt::ISODateWithMs);
    ASSERT_TRUE(auction.service().updateItem(lot, closes));
    const Item before = *auction.service().item(lot);
    // WHEN a bid moves its closing time on
    auction.bid(lot, auction.addUser(), 100);
    const Item after = *auction.service().item(lot);
    ASSERT_NE(after.closesAt, before.closesAt);
    // THEN its version is the same
    EXPECT_EQ(after.version, before.version);
}

TEST(Versions, IfVersionRefusesAStaleEditAndChangesNothing)
{
    TestAuction auction;
    const qint64 lot = auction.addItem(QStringLiteral("Vase"));
    const qint64 seen = auction.service().item(lot)->version;
    ASSERT_TRUE(auction.service().updateItem(lot, named(QStringLiteral("Urn"))));
    const auto stale = auction.service().updateItem(lot, named(QStringLiteral("Jug")), seen);
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().reason, Error::Reason::Stale);
    EXPECT_EQ(stale.error().facts.value(QStringLiteral("version")).toLongLong(), seen + 1);
    EXPECT_EQ(auction.service().item(lot)->name, QStringLiteral("Urn"));
    EXPECT_TRUE(auction.service().updateItem(lot, named(QStringLiteral("Jug")), seen + 1));
}

TEST(StaleUndo, RenameUndoneAfterAnotherStationClosedTheLotIsRefused)
{
    // GIVEN station A renames lot 1 and station B closes it
    TestAuction auction;
    const qint64 lot = auction.addItem(QStringLiteral("Vase"));
    OtherStation b(auction);
    const auto undo = auction.service().apply(lotChange(lot, named(QStringLiteral("Urn"))));
    ASSERT_TRUE(undo) << undo.error().message.toStdString();
    ASSERT_TRUE(b.service.updateItem(lot, withStatus(ItemStatus::Closed)));
    // WHEN A undoes its rename
    const auto undone = auction.service().apply(*undo);
    // THEN it is refused as stale, saying the lot was closed and when
    ASSERT_FALSE(undone);
    EXPECT_EQ(undone.error().reason, Error::Reason::Stale);
    EXPECT_EQ(undone.error().facts.value(QStringLiteral("item")).toString(), u"item1");
    EXPECT_EQ(undone.error().facts.value(QStringLiteral("change")).toString(), u"closed");
    EXPECT_FALSE(undone.error().facts.value(QStringLiteral("changed_at")).toString().isEmpty());
    // AND the lot is still closed and still renamed
    const Item now = *auction.service().item(lot);
    EXPECT_EQ(now.status, ItemStatus::Closed);
    EXPECT_EQ(now.name, QStringLiteral("Urn"));
}

TEST(StaleUndo, UndoRestoresOnlyTheFieldsItChanged)
{
    // GIVEN A renames a lot; undo and redo of it while nobody else changed it
    TestAuction auction;
    const qint64 lot = auction.addItem(QStringLiteral("Vase"), 500, 50);
    const auto undo = auction.service().apply(lotChange(lot, named(QStringLiteral("Urn"))));
    ASSERT_TRUE(undo);
    ASSERT_EQ(undo->lots.size(), 1);
    // THEN the undo names the name alone
    EXPECT_TRUE(undo->lots[0].to.name.has_value());
    EXPECT_FALSE(undo->lots[0].to.status.has_value());
    EXPECT_FALSE(undo->lots[0].to.startingPrice.has_value());
    const auto redo = auction.service().apply(*undo);
    ASSERT_TRUE(redo);
    EXPECT_EQ(auction.service().item(lot)->name, QStringLiteral("Vase"));
    ASSERT_TRUE(auction.service().apply(*redo));
    EXPECT_EQ(auction.service().item(lot)->name, QStringLiteral("Urn"));
}

TEST(StaleUndo, OldCloseAllUndoIsRefusedWholeAfterAnotherStationChangedOneLot)
{
    // GIVEN A closes three open lots; B then reopens and closes the last one again
    TestAuction auction;
    for (int i = 1; i <= 3; ++i)
        auction.addItem(QStringLiteral("Lot %1").arg(i));
    OtherStation b(auction);
    Command undo;
    const auto closed = auction.service().closeAll(&undo);
    ASSERT_TRUE(closed);
    ASSERT_EQ(closed->size(), 3);
    ASSERT_TRUE(b.service.updateItem(3, withStatus(ItemStatus::Open)));
    ASSERT_TRUE(b.service.updateItem(3, withStatus(ItemStatus::Closed)));
    const auto before = lotsOf(auction.service());
    // WHEN A undoes its close-all
    const auto undone = auction.service().apply(undo);
    // THEN it is refused, naming lot 3, and no lot reopened (lots 1 and 2, which come first,
    // were not reopened half-way)
    ASSERT_FALSE(undone);
    EXPECT_EQ(undone.error().reason, Error::Reason::Stale);
    EXPECT_EQ(undone.error().facts.value(QStringLiteral("item")).toString(), u"item3");
    EXPECT_EQ(lotsOf(auction.service()), before);
    const auto items = auction.service().items();
    for (const Item& item : items->rows)
        EXPECT_EQ(item.status, ItemStatus::Closed);
}

TEST(StaleUndo, CloseAllUndoReopensExactlyTheLotsItClosed)
{
    // GIVEN one lot closed before, two open; close-all closes the two
    TestAuction auction;
    const qint64 early = auction.addItem(QStringLiteral("Early"));
    auction.addItem(QStringLiteral("A"));
    auction.addItem(QStringLiteral("B"));
    ASSERT_TRUE(auction.service().updateItem(early, withStatus(ItemStatus::Closed)));
    Command undo;
    ASSERT_TRUE(auction.service().closeAll(&undo));
    // WHEN undone THEN the two reopen and the early one stays closed
    const auto redo = auction.service().apply(undo);
    ASSERT_TRUE(redo) << redo.error().message.toStdString();
    EXPECT_EQ(auction.service().item(early)->status, ItemStatus::Closed);
    EXPECT_EQ(auction.service().item(2)->status, ItemStatus::Open);
    EXPECT_EQ(auction.service().item(3)->status, ItemStatus::Open);
    // AND redo closes the same two again
    ASSERT_TRUE(auction.service().apply(*redo));
    EXPECT_EQ(auction.service().item(2)->status, ItemStatus::Closed);
    EXPECT_EQ(auction.service().item(3)->status, ItemStatus::Closed);
}

TEST(StaleUndo, ImportUndoThatFailsOnTheLastRowLeavesEveryRowInPlace)
{
    // GIVEN three lots imported; another station bids on the last one
    TestAuction auction;
    QList<ItemChanges> rows{named(QStringLiteral("One")), named(QStringLiteral("Two")),
                            named(QStringLiteral("Three"))};
    QList<qint64> ids;
    ASSERT_TRUE(auction.service().importItems(rows, &ids));
    OtherStation b(auction);
    const qint64 bidder = b.service.createUser(QStringLiteral("Bea"))->id;
    ASSERT_TRUE(b.service.placeBid(ids.last(), bidder, Money::fromCents(100)));
    // WHEN A undoes the import
    const auto undone = auction.service().apply(removalOfAdded(EntityKind::Item, ids));
    // THEN it is refused and all three lots are still there
    ASSERT_FALSE(undone);
    EXPECT_EQ(undone.error().reason, Error::Reason::HasBids);
    EXPECT_EQ(auction.service().items()->total, 3);
    // AND without the bid the undo takes all three out, and redo puts all three back
    TestAuction quiet;
    QList<qint64> added;
    ASSERT_TRUE(quiet.service().importItems(rows, &added));
    const auto redo = quiet.service().apply(removalOfAdded(EntityKind::Item, added));
    ASSERT_TRUE(redo);
    EXPECT_EQ(quiet.service().items()->total, 0);
    ASSERT_TRUE(quiet.service().apply(*redo));
    EXPECT_EQ(quiet.service().items()->total, 3);
}

TEST(StaleUndo, BuyNowUndoIsOneStepAndRefusedWhenTheLotChanged)
{
    // GIVEN a lot with a buy-now price bought by a bidder
    TestAuction auction;
    const qint64 lot = auction.addItem(QStringLiteral("Wine"), 1000, 100);
    ItemChanges price;
    price.buyNow = Money::fromCents(30000);
    ASSERT_TRUE(auction.service().updateItem(lot, price));
    const qint64 buyer = auction.addUser();
    Command undo;
    const auto bought = auction.service().buyNow(lot, buyer, &undo);
    ASSERT_TRUE(bought) << bought.error().message.toStdString();
    // WHEN another station renames the closed lot and A undoes the purchase
    OtherStation b(auction);
    ASSERT_TRUE(b.service.updateItem(lot, named(QStringLiteral("Malbec"))));
    const auto refused = auction.service().apply(undo);
    // THEN nothing is undone: the lot is closed and the bid is there
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().reason, Error::Reason::Stale);
    EXPECT_EQ(auction.service().item(lot)->status, ItemStatus::Closed);
    EXPECT_TRUE(auction.service().bid(bought->id));
}

TEST(StaleUndo, BuyNowUndoReopensTheLotAndTakesTheBidInOneStep)
{
    TestAuction auction;
    const qint64 lot = auction.addItem(QStringLiteral("Wine"), 1000, 100);
    ItemChanges price;
    price.buyNow = Money::fromCents(30000);
    ASSERT_TRUE(auction.service().updateItem(lot, price));
    const qint64 buyer = auction.addUser();
    Command undo;
    const auto bought = auction.service().buyNow(lot, buyer, &undo);
    ASSERT_TRUE(bought);
    const auto redo = auction.service().apply(undo);
    ASSERT_TRUE(redo) << redo.error().message.toStdString();
    EXPECT_EQ(auction.service().item(lot)->status, ItemStatus::Open);
    EXPECT_EQ(auction.service().item(lot)->bidCount, 0);
    EXPECT_FALSE(auction.service().bid(bought->id));
    // AND redo buys it again
    ASSERT_TRUE(auction.service().apply(*redo));
    EXPECT_EQ(auction.service().item(lot)->status, ItemStatus::Closed);
    EXPECT_EQ(auction.service().item(lot)->winningValue, Money::fromCents(30000));
}

TEST(StaleUndo, RaisedMaximumIsUndoable)
{
    // GIVEN a leader who raises their maximum alone
    TestAuction auction;
    const qint64 lot = auction.addItem(QStringLiteral("Vase"), 1000, 100);
    const qint64 leader = auction.addUser();
    ASSERT_TRUE(auction.service().placeBid(
        BidRequest{lot, leader, Money::fromCents(1000), Money::fromCents(2000)}));
    const auto raised =
        auction.service().placeBid(BidRequest{lot, leader, {}, Money::fromCents(9000)});
    ASSERT_TRUE(raised);
    ASSERT_FALSE(raised->added);
    ASSERT_NE(raised->maximumId, 0);
    EXPECT_EQ(auction.service().item(lot)->leaderCeiling, Money::fromCents(9000));
    // WHEN the raise is undone THEN the ceiling is the old maximum again; redo raises it
    Command undo;
    undo.removeRaises.append(raised->maximumId);
    const auto redo = auction.service().apply(undo);
    ASSERT_TRUE(redo) << redo.error().message.toStdString();
    EXPECT_EQ(auction.service().item(lot)->leaderCeiling, Money::fromCents(2000));
    ASSERT_TRUE(auction.service().apply(*redo));
    EXPECT_EQ(auction.service().item(lot)->leaderCeiling, Money::fromCents(9000));
}

TEST(StaleUndo, SettingsUndoIsRefusedAfterAnotherStationChangedThem)
{
    TestAuction auction;
    OtherStation b(auction);
    const AuctionSettings before = *auction.service().settings();
    AuctionSettings after = before;
    after.name = QStringLiteral("Gala");
    Command change;
    change.settings = Command::SettingsFields{0, before, after, true};
    const auto undo = auction.service().apply(change);
    ASSERT_TRUE(undo);
    AuctionSettings theirs = *b.service.settings();
    theirs.taxRate = 825;
    ASSERT_TRUE(b.service.updateSettings(theirs));
    const auto undone = auction.service().apply(*undo);
    ASSERT_FALSE(undone);
    EXPECT_EQ(undone.error().reason, Error::Reason::Stale);
    EXPECT_EQ(auction.service().settings()->name, QStringLiteral("Gala"));
    EXPECT_EQ(auction.service().settings()->taxRate, 825);
}

TEST(StaleUndo, CloseAllTimeInThePastClosesAndItsUndoReopensExactlyThoseLots)
{
    // GIVEN one lot closed by hand and two open
    TestAuction auction;
    const qint64 early = auction.addItem(QStringLiteral("Early"));
    auction.addItem(QStringLiteral("A"));
    auction.addItem(QStringLiteral("B"));
    ASSERT_TRUE(auction.service().updateItem(early, withStatus(ItemStatus::Closed)));
    // WHEN "close all at" is set to a time already past
    const AuctionSettings before = *auction.service().settings();
    AuctionSettings after = before;
    after.closeAllAt = QDateTime::currentDateTimeUtc().addSecs(-600).toString(Qt::ISODateWithMs);
    Command change;
    change.settings = Command::SettingsFields{0, before, after, true};
    const auto undo = auction.service().apply(change);
    ASSERT_TRUE(undo) << undo.error().message.toStdString();
    // THEN the two open lots closed in the same step
    EXPECT_EQ(auction.service().item(2)->status, ItemStatus::Closed);
    EXPECT_EQ(auction.service().item(3)->status, ItemStatus::Closed);
    EXPECT_EQ(undo->lots.size(), 2);
    // AND undo restores the setting and reopens exactly those two
    ASSERT_TRUE(auction.service().apply(*undo));
    EXPECT_TRUE(auction.service().settings()->closeAllAt.isEmpty());
    EXPECT_EQ(auction.service().item(early)->status, ItemStatus::Closed);
    EXPECT_EQ(auction.service().item(2)->status, ItemStatus::Open);
    EXPECT_EQ(auction.service().item(3)->status, ItemStatus::Open);
}

TEST(StaleUndo, DeletedBidWithItsAutomaticBidsComesBackInOneStep)
{
    // GIVEN A with a maximum of 50 and B bidding 20: an automatic bid of 21 for A
    TestAuction auction;
    const qint64 lot = auction.addItem(QStringLiteral("Vase"), 1000, 100);
    const qint64 a = auction.addUser(QStringLiteral("A"));
    const qint64 b = auction.addUser(QStringLiteral("B"));
    ASSERT_TRUE(auction.service().placeBid(
        BidRequest{lot, a, Money::fromCents(1000), Money::fromCents(5000)}));
    const qint64 plain = auction.bid(lot, b, 2000);
    ASSERT_EQ(auction.service().item(lot)->bidCount, 3);
    // WHEN B's bid is deleted THEN the automatic bid goes with it; undo puts both back
    Command removal;
    removal.removeBids.append(plain);
    const auto undo = auction.service().apply(removal);
    ASSERT_TRUE(undo);
    EXPECT_EQ(auction.service().item(lot)->bidCount, 1);
    ASSERT_TRUE(auction.service().apply(*undo));
    EXPECT_EQ(auction.service().item(lot)->bidCount, 3);
    EXPECT_EQ(auction.service().item(lot)->winningValue, Money::fromCents(2100));
}

TEST(StaleUndo, OwnChangesOfOneLotUndoInTurnButAChangeFromElsewhereStillRefuses)
{
    // GIVEN this station renamed a lot and then closed it (two steps on its stack)
    TestAuction auction;
    const qint64 lot = auction.addItem(QStringLiteral("Vase"));
    auto renameUndo = auction.service().apply(lotChange(lot, named(QStringLiteral("Urn"))));
    const auto closeUndo = auction.service().apply(lotChange(lot, withStatus(ItemStatus::Closed)));
    ASSERT_TRUE(renameUndo && closeUndo);
    // WHEN the close is undone, the stack learns which version now stands for the renamed lot
    const auto closeRedo = auction.service().apply(*closeUndo);
    ASSERT_TRUE(closeRedo);
    ASSERT_EQ(closeRedo->moved.size(), 1);
    rebase(*renameUndo, closeRedo->moved);
    // THEN the rename undoes too
    ASSERT_TRUE(auction.service().apply(*renameUndo));
    EXPECT_EQ(auction.service().item(lot)->name, QStringLiteral("Vase"));
    EXPECT_EQ(auction.service().item(lot)->status, ItemStatus::Open);
    // AND without the rebase (as when another station changed the lot) it is refused
    TestAuction other;
    const qint64 second = other.addItem(QStringLiteral("Vase"));
    const auto rename = other.service().apply(lotChange(second, named(QStringLiteral("Urn"))));
    ASSERT_TRUE(other.service().updateItem(second, withStatus(ItemStatus::Closed)));
    ASSERT_TRUE(other.service().updateItem(second, withStatus(ItemStatus::Open)));
    const auto refused = other.service().apply(*rename);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().reason, Error::Reason::Stale);
}
