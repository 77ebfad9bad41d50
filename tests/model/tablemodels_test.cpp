#include "model/changebatcher.h"
#include "model/tables/bidstablemodel.h"
#include "model/tables/itembidsmodel.h"
#include "model/tables/itemstablemodel.h"
#include "model/tables/tablesupport.h"
#include "model/tables/timeleft.h"
#include "model/tables/useritemsmodel.h"
#include "model/tables/userstablemodel.h"
#include "support/modelcheck.h"
#include "support/testauction.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace BidTracker::Model;
using BidTracker::Testing::ModelCheck;
using BidTracker::Testing::TestAuction;

namespace {

/// Changes the auction in every way a model must follow: inserts, updates, deletes.
void exerciseAuction(TestAuction& auction)
{
    const qint64 albert = auction.addUser(QStringLiteral("Albert"));
    const qint64 berry = auction.addUser(QStringLiteral("Berry"));
    const qint64 vase = auction.addItem(QStringLiteral("Vase"));
    const qint64 clock = auction.addItem(QStringLiteral("Clock"));
    auction.bid(vase, albert, 100);
    const qint64 outbid = auction.bid(vase, berry, 200);
    auction.bid(clock, albert, 500);
    ASSERT_TRUE(auction.service().renameUser(berry, QStringLiteral("Berry B.")).has_value());
    ItemChanges rename;
    rename.name = QStringLiteral("Old clock");
    ASSERT_TRUE(auction.service().updateItem(clock, rename).has_value());
    ASSERT_TRUE(auction.service().deleteBid(outbid).has_value());
    const qint64 spare = auction.addItem(QStringLiteral("Spare"));
    ASSERT_TRUE(auction.service().deleteItem(spare).has_value());
    const qint64 guest = auction.addUser(QStringLiteral("Guest"));
    ASSERT_TRUE(auction.service().deleteUser(guest).has_value());
}

} // namespace

TEST(TableModels, ItemsModelPassesTheModelTesterAndFollowsChanges)
{
    TestAuction auction;
    ItemsTableModel model(auction.service(), auction.notifier());
    ModelCheck check(&model);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    exerciseAuction(auction);
    EXPECT_TRUE(check.failures().isEmpty()) << check.failures().join(u'\n').toStdString();
    EXPECT_EQ(resets.size(), 0);
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.index(0, ItemsTableModel::Winner).data().toString(),
              QStringLiteral("Albert (100)")); // the paddle tells namesakes apart
    EXPECT_EQ(model.index(0, ItemsTableModel::WinningValue).data(SortRole).toLongLong(), 100);
    EXPECT_EQ(model.index(1, ItemsTableModel::Name).data().toString(), QStringLiteral("Old clock"));
    EXPECT_EQ(model.index(1, ItemsTableModel::Id).data().toString(), QStringLiteral("item2"));
}

TEST(TableModels, UsersModelPassesTheModelTesterAndFollowsChanges)
{
    TestAuction auction;
    UsersTableModel model(auction.service(), auction.notifier());
    ModelCheck check(&model);
    exerciseAuction(auction);
    EXPECT_TRUE(check.failures().isEmpty()) << check.failures().join(u'\n').toStdString();
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.index(1, UsersTableModel::Name).data().toString(), QStringLiteral("Berry B."));
    EXPECT_EQ(model.index(0, UsersTableModel::BidCount).data().toInt(), 2);
    EXPECT_EQ(model.index(1, UsersTableModel::BidCount).data().toInt(), 0);
}

TEST(TableModels, BidsModelPassesTheModelTesterAndFollowsChanges)
{
    TestAuction auction;
    BidsTableModel model(auction.service(), auction.notifier());
    ModelCheck check(&model);
    exerciseAuction(auction);
    EXPECT_TRUE(check.failures().isEmpty()) << check.failures().join(u'\n').toStdString();
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.index(1, BidsTableModel::Item).data(SortRole).toString(),
              QStringLiteral("Old clock"));
}

namespace {

/// Changes the file behind the model's back (another connection, nothing announced), so
/// that a row shows the old text if the model read it before and the new one if it reads
/// it only now.
void stampEveryBidInTheFile(const QString& path, const QString& placedAt)
{
    // Another connection of its own (either engine), which announces nothing.
    auto other = BidTracker::Testing::openDatabase(path);
    ASSERT_TRUE(other);
    QSqlQuery query(other->connection());
    ASSERT_TRUE(query.prepare(QStringLiteral("UPDATE bids SET placed_at = ?")));
    query.addBindValue(placedAt);
    ASSERT_TRUE(query.exec());
}

} // namespace

TEST(TableModels, BidsModelReadsOnlyTheRowsShownAndSortsAndFiltersInSql)
{
    // GIVEN more bids than several blocks, on two lots by two bidders
    TestAuction auction;
    const qint64 albert = auction.addUser(QStringLiteral("Albert"));
    const qint64 berry = auction.addUser(QStringLiteral("Berry"));
    const qint64 vase = auction.addItem(QStringLiteral("Vase"));
    const qint64 clock = auction.addItem(QStringLiteral("Clock"));
    QList<BidRequest> batch;
    for (int i = 1; i <= 3 * BidsTableModel::BlockSize + 10; ++i)
        batch.append({i % 2 ? vase : clock, i % 3 ? albert : berry, Money::fromCents(i)});
    auction.service().placeBids(batch);
    const int total = static_cast<int>(batch.size());
    // WHEN the model opens THEN it knows every row and reads the last one on demand
    BidsTableModel model(auction.service(), auction.notifier());
    ModelCheck check(&model);
    ASSERT_EQ(model.rowCount(), total);
    EXPECT_EQ(model.index(total - 1, BidsTableModel::Id).data(IdRole).toLongLong(), total);
    const QString before = model.index(total - 1, BidsTableModel::PlacedAt).data().toString();
    // ... and only the rows shown: after a change behind its back, the row it read still
    // shows what it read, a row of a block it never read shows the file as it is now
    stampEveryBidInTheFile(auction.path(), QStringLiteral("2001-01-01T00:00:00.000Z"));
    EXPECT_EQ(model.index(total - 1, BidsTableModel::PlacedAt).data().toString(), before);
    EXPECT_EQ(model.index(BidsTableModel::BlockSize + 5, BidsTableModel::PlacedAt).data(),
              displayTime(QStringLiteral("2001-01-01T00:00:00.000Z")));
    // Sorted by amount, highest first: the top row is the highest bid of all
    model.sort(BidsTableModel::Value, Qt::DescendingOrder);
    EXPECT_EQ(model.index(0, BidsTableModel::Value).data(SortRole).toLongLong(),
              total); // an even one: the clock
    // ... sorted by the database: a block read after the sort, and after another change
    // behind the model's back, comes fresh from the file and in the sorted order
    stampEveryBidInTheFile(auction.path(), QStringLiteral("2002-02-02T00:00:00.000Z"));
    const int fresh = 2 * BidsTableModel::BlockSize + 3;
    EXPECT_EQ(model.index(fresh, BidsTableModel::PlacedAt).data(),
              displayTime(QStringLiteral("2002-02-02T00:00:00.000Z")));
    EXPECT_EQ(model.index(fresh, BidsTableModel::Value).data(SortRole).toLongLong(), total - fresh);
    EXPECT_EQ(
        model.index(0, BidsTableModel::PlacedAt).data(),
        displayTime(QStringLiteral("2001-01-01T00:00:00.000Z"))); // read before, not read again
    for (int row = 1; row < total; row += 97)
        EXPECT_GE(model.index(row - 1, BidsTableModel::Value).data(SortRole).toLongLong(),
                  model.index(row, BidsTableModel::Value).data(SortRole).toLongLong());
    // Filtered by a lot name: only its bids, in the same order
    model.setFilterText(QStringLiteral("clo"));
    EXPECT_EQ(model.rowCount(), total / 2);
    EXPECT_EQ(model.index(0, BidsTableModel::Item).data(SortRole).toString(),
              QStringLiteral("Clock"));
    // A new bid on the clock goes to the top, as a row insert
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    auction.bid(clock, berry, 200000);
    ASSERT_EQ(inserts.size(), 1);
    EXPECT_EQ(inserts.at(0).at(1).toInt(), 0);
    EXPECT_EQ(model.rowCount(), total / 2 + 1);
    EXPECT_EQ(model.index(0, BidsTableModel::Value).data(SortRole).toLongLong(), 200000);
    // ... and a new bid on the vase is not shown
    auction.bid(vase, berry, 300000);
    EXPECT_EQ(model.rowCount(), total / 2 + 1);
    EXPECT_TRUE(check.failures().isEmpty()) << check.failures().join(u'\n').toStdString();
}

TEST(TableModels, BidsModelFollowsBidsPlacedAndDeletedInTheDefaultOrder)
{
    TestAuction auction;
    const qint64 user = auction.addUser();
    const qint64 item = auction.addItem();
    BidsTableModel model(auction.service(), auction.notifier());
    ModelCheck check(&model);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    const qint64 first = auction.bid(item, user, 100);
    auction.bid(item, user, 200);
    EXPECT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.index(0, 0).data(IdRole).toLongLong(), first); // read, so cached
    ASSERT_TRUE(auction.service().deleteBid(first).has_value());
    EXPECT_EQ(model.rowCount(), 1);
    EXPECT_EQ(resets.size(), 0);
    EXPECT_TRUE(check.failures().isEmpty()) << check.failures().join(u'\n').toStdString();
}

TEST(TableModels, ItemBidsModelShowsNewestFirstAndMarksTheWinner)
{
    TestAuction auction;
    const qint64 user = auction.addUser();
    const qint64 item = auction.addItem();
    ItemBidsModel model(auction.service(), auction.notifier());
    ModelCheck check(&model);
    model.setItemId(item);
    const qint64 first = auction.bid(item, user, 100);
    const qint64 second = auction.bid(item, user, 200);
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.index(0, ItemBidsModel::Id).data(IdRole).toLongLong(), second);
    EXPECT_TRUE(model.index(0, 0).data(HighlightRole).toBool());
    EXPECT_FALSE(model.index(1, 0).data(HighlightRole).toBool());
    ASSERT_TRUE(auction.service().deleteBid(second).has_value());
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.index(0, 0).data(IdRole).toLongLong(), first);
    EXPECT_TRUE(model.index(0, 0).data(HighlightRole).toBool());
    EXPECT_EQ(model.index(0, ItemBidsModel::Standing).data().toString(), QStringLiteral("Winning"));
    EXPECT_TRUE(check.failures().isEmpty()) << check.failures().join(u'\n').toStdString();
}

TEST(TableModels, UserItemsModelFollowsTheStanding)
{
    TestAuction auction;
    const qint64 albert = auction.addUser(QStringLiteral("Albert"));
    const qint64 berry = auction.addUser(QStringLiteral("Berry"));
    const qint64 item = auction.addItem();
    UserItemsModel model(auction.service(), auction.notifier());
    ModelCheck check(&model);
    model.setUserId(albert);
    auction.bid(item, albert, 100);
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.index(0, UserItemsModel::Standing).data().toString(),
              QStringLiteral("Leading"));
    auction.bid(item, berry, 200);
    EXPECT_EQ(model.index(0, UserItemsModel::Standing).data().toString(), QStringLiteral("Outbid"));
    EXPECT_TRUE(check.failures().isEmpty()) << check.failures().join(u'\n').toStdString();
}

TEST(TableModels, ItemsModelCountsDownTheTimedLotsWithoutResetting)
{
    // GIVEN a lot closing in ten minutes, one closing by hand, and a clock the test moves
    TestAuction auction;
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(3600);
    const qint64 timed = auction.addItem(QStringLiteral("Timed"));
    const qint64 byHand = auction.addItem(QStringLiteral("By hand"));
    ItemChanges closing;
    closing.closesAt = start.addSecs(600).toString(Qt::ISODateWithMs);
    ASSERT_TRUE(auction.service().updateItem(timed, closing).has_value());
    ItemsTableModel model(auction.service(), auction.notifier());
    ModelCheck check(&model);
    QDateTime now = start;
    model.setClock([&] { return now; });
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    const int row = model.rowOfId(timed);
    const QModelIndex left = model.index(row, ItemsTableModel::TimeLeft);
    EXPECT_EQ(left.data().toString(), QStringLiteral("10:00"));
    EXPECT_FALSE(left.data(UrgentRole).toBool());
    EXPECT_EQ(left.data(SortRole).toLongLong(), 600);
    // WHEN the clock moves on six minutes and twenty seconds and the model ticks
    now = start.addSecs(380);
    model.tick();
    // THEN the time left says 3:40, urgent, through a change of that one column only
    EXPECT_EQ(left.data().toString(), QStringLiteral("3:40"));
    EXPECT_TRUE(left.data(UrgentRole).toBool());
    ASSERT_EQ(changes.size(), 1);
    EXPECT_EQ(changes[0][0].toModelIndex(), left);
    EXPECT_EQ(changes[0][1].toModelIndex(), left);
    // AND the lot closing by hand shows no countdown
    EXPECT_TRUE(
        model.index(model.rowOfId(byHand), ItemsTableModel::TimeLeft).data().toString().isEmpty());
    // WHEN the lot is closed
    ItemChanges close;
    close.status = ItemStatus::Closed;
    ASSERT_TRUE(auction.service().updateItem(timed, close).has_value());
    // THEN it says closed, no longer urgent, and ticks change nothing
    EXPECT_EQ(left.data().toString(), QStringLiteral("closed"));
    EXPECT_FALSE(left.data(UrgentRole).toBool());
    changes.clear();
    model.tick();
    EXPECT_TRUE(changes.isEmpty());
    EXPECT_EQ(resets.size(), 0);
    EXPECT_TRUE(check.failures().isEmpty()) << check.failures().join(u'\n').toStdString();
}

TEST(TableModels, ItemsModelSaysExtendedReserveMetAndBuyNow)
{
    TestAuction auction;
    const qint64 albert = auction.addUser(QStringLiteral("Albert"));
    const qint64 lot = auction.addItem(QStringLiteral("Vase"));
    ItemChanges changes;
    changes.reserve = std::optional(Money::fromCents(5000));
    changes.buyNow = std::optional(Money::fromCents(20000));
    changes.closesAt = QDateTime::currentDateTimeUtc().addSecs(7200).toString(Qt::ISODateWithMs);
    ASSERT_TRUE(auction.service().updateItem(lot, changes).has_value());
    ItemsTableModel model(auction.service(), auction.notifier());
    ModelCheck check(&model);
    const auto at = [&](int column) { return model.index(model.rowOfId(lot), column); };
    // A lot with a reserve and no bids: not met; the operator reads the reserve in the tip
    EXPECT_EQ(at(ItemsTableModel::Reserve).data().toString(), QStringLiteral("not met"));
    EXPECT_TRUE(at(ItemsTableModel::Reserve)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(displayMoney(Money::fromCents(5000))));
    EXPECT_EQ(at(ItemsTableModel::BuyNow).data().toString(), displayMoney(Money::fromCents(20000)));
    // A lot closed below its reserve is unsold; reopened, the reserve is still to meet
    ItemChanges close;
    close.status = ItemStatus::Closed;
    ASSERT_TRUE(auction.service().updateItem(lot, close).has_value());
    EXPECT_EQ(at(ItemsTableModel::Reserve).data().toString(), QStringLiteral("unsold"));
    close.status = ItemStatus::Open;
    ASSERT_TRUE(auction.service().updateItem(lot, close).has_value());
    EXPECT_EQ(at(ItemsTableModel::Reserve).data().toString(), QStringLiteral("not met"));
    auction.bid(lot, albert, 5000);
    EXPECT_EQ(at(ItemsTableModel::Reserve).data().toString(), QStringLiteral("met"));
    // WHEN soft close moved the closing time (as the rules do, straight in the database)
    const auto other = BidTracker::Testing::openDatabase(auction.path());
    QSqlQuery query(other->connection());
    ASSERT_TRUE(query.prepare(QStringLiteral("UPDATE items SET closes_at = ? WHERE id = ?")));
    query.addBindValue(QDateTime::currentDateTimeUtc().addSecs(7300).toString(Qt::ISODateWithMs));
    query.addBindValue(lot);
    ASSERT_TRUE(query.exec());
    model.reload();
    // THEN the time left says so
    EXPECT_TRUE(at(ItemsTableModel::TimeLeft).data().toString().endsWith(u" extended"))
        << at(ItemsTableModel::TimeLeft).data().toString().toStdString();
    EXPECT_TRUE(at(ItemsTableModel::TimeLeft)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("extended by soft close")));
    EXPECT_TRUE(check.failures().isEmpty()) << check.failures().join(u'\n').toStdString();
}

TEST(TableModels, TimeLeftReadsInDaysHoursOrMinutes)
{
    EXPECT_EQ(formatTimeLeft(2 * 86400 + 3 * 3600 + 59), QStringLiteral("2d 03h"));
    EXPECT_EQ(formatTimeLeft(3600 + 5 * 60 + 9), QStringLiteral("1:05:09"));
    EXPECT_EQ(formatTimeLeft(299), QStringLiteral("4:59"));
    EXPECT_EQ(formatTimeLeft(-5), QStringLiteral("0:00"));
}

TEST(TableModels, ItemBidsModelMarksAutomaticBidsAndShowsTheLeadersMaximum)
{
    // GIVEN RULES.md's example (start 10, step 1): A bids 10 with max 50, B bids 20
    TestAuction auction;
    const qint64 a = auction.addUser(QStringLiteral("Ann"));
    const qint64 b = auction.addUser(QStringLiteral("Bob"));
    const qint64 lot = auction.addItem(QStringLiteral("Vase"), 1000, 100);
    ItemBidsModel model(auction.service(), auction.notifier());
    ModelCheck check(&model);
    model.setItemId(lot);
    const auto place = [&](qint64 user, std::optional<qint64> cents, std::optional<qint64> max) {
        BidRequest request;
        request.itemId = lot;
        request.userId = user;
        if (cents)
            request.value = Money::fromCents(*cents);
        if (max)
            request.maxValue = Money::fromCents(*max);
        const auto placed = auction.service().placeBid(request);
        ASSERT_TRUE(placed.has_value()) << placed.error().message.toStdString();
    };
    place(a, 1000, 5000);
    place(b, 2000, std::nullopt);
    // THEN the newest row is the automatic bid of 21 for A, winning; A's maximum shows on
    // A's own bid and as the leader's maximum
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.index(0, ItemBidsModel::Value).data(SortRole).toLongLong(), 2100);
    EXPECT_EQ(model.index(0, ItemBidsModel::Standing).data().toString(),
              QStringLiteral("Winning, auto"));
    EXPECT_EQ(model.index(1, ItemBidsModel::Standing).data().toString(), QString());
    EXPECT_EQ(model.index(2, ItemBidsModel::Maximum).data().toString(),
              displayMoney(Money::fromCents(5000)));
    EXPECT_EQ(model.index(1, ItemBidsModel::Maximum).data().toString(), QString());
    EXPECT_EQ(model.leaderMaximum(), Money::fromCents(5000));
    // WHEN B bids 60: B leads with a plain bid, so no maximum above the price is shown
    place(b, 6000, std::nullopt);
    EXPECT_EQ(model.index(0, ItemBidsModel::Standing).data().toString(), QStringLiteral("Winning"));
    EXPECT_EQ(model.index(1, ItemBidsModel::Standing).data().toString(), QStringLiteral("auto"));
    EXPECT_FALSE(model.leaderMaximum().has_value());
    // WHEN A raises the maximum to 100 (value left out): A leads at 61, up to 100
    place(a, std::nullopt, 10000);
    EXPECT_EQ(model.index(0, ItemBidsModel::Value).data(SortRole).toLongLong(), 6100);
    EXPECT_EQ(model.leaderMaximum(), Money::fromCents(10000));
    EXPECT_TRUE(check.failures().isEmpty()) << check.failures().join(u'\n').toStdString();
}

TEST(TableModels, ABatchOfAnotherStationsChangesIsReadAtOnceAndDropsWhatIsGone)
{
    // GIVEN three lots and two bidders in the lots' and bidders' tables, and another
    // station's connection whose changes reach the window only as announcements
    TestAuction auction;
    const qint64 albert = auction.addUser(QStringLiteral("Albert"));
    const qint64 berry = auction.addUser(QStringLiteral("Berry"));
    const qint64 vase = auction.addItem(QStringLiteral("Vase"));
    const qint64 clock = auction.addItem(QStringLiteral("Clock"));
    const qint64 spare = auction.addItem(QStringLiteral("Spare"));
    ItemsTableModel items(auction.service(), auction.notifier());
    UsersTableModel users(auction.service(), auction.notifier());
    ModelCheck itemsCheck(&items);
    ModelCheck usersCheck(&users);
    QSignalSpy resets(&items, &QAbstractItemModel::modelReset);
    QSignalSpy lotsChanged(&items, &QAbstractItemModel::dataChanged);
    auto connection = BidTracker::Testing::openDatabase(auction.path());
    AuctionService station(*connection);

    // WHEN that station bids on two lots, adds a lot and a bidder and deletes a lot, and its
    // changes arrive in one batch (the spare lot's last news an update, some told twice)
    ASSERT_TRUE(station.placeBid(vase, albert, Money::fromCents(100)).has_value());
    ASSERT_TRUE(station.placeBid(clock, berry, Money::fromCents(200)).has_value());
    ItemChanges bowl;
    bowl.name = QStringLiteral("Bowl");
    bowl.startingPrice = Money::fromCents(100);
    bowl.minIncrement = Money::fromCents(100);
    const auto added = station.createItem(bowl);
    ASSERT_TRUE(added.has_value());
    const auto cora = station.createUser(QStringLiteral("Cora"));
    ASSERT_TRUE(cora.has_value());
    ASSERT_TRUE(station.deleteItem(spare).has_value());
    using Action = Change::Action;
    const QList<Change> batch{
        {EntityKind::Bid, Action::Added, 0, vase, albert},
        {EntityKind::Item, Action::Updated, vase},
        {EntityKind::Bid, Action::Added, 0, clock, berry},
        {EntityKind::Item, Action::Updated, clock},
        {EntityKind::Item, Action::Added, added->id},
        {EntityKind::User, Action::Added, cora->id},
        {EntityKind::Item, Action::Updated, spare},
        {EntityKind::Item, Action::Updated, vase},
    };
    for (const Change& change : batch)
        auction.notifier().announceFromOtherStation(change);
    auction.notifier().batches().flush();

    // THEN the lots show both bids, the new lot, and not the deleted one, without a reset
    EXPECT_TRUE(itemsCheck.failures().isEmpty()) << itemsCheck.failures().join(u'\n').toStdString();
    EXPECT_TRUE(usersCheck.failures().isEmpty()) << usersCheck.failures().join(u'\n').toStdString();
    EXPECT_EQ(resets.size(), 0);
    ASSERT_EQ(items.rowCount(), 3);
    EXPECT_EQ(items.rowOfId(spare), -1);
    ASSERT_GE(items.rowOfId(added->id), 0);
    EXPECT_EQ(items.recordAt(items.rowOfId(vase)).winningValue, Money::fromCents(100));
    EXPECT_EQ(items.recordAt(items.rowOfId(clock)).winnerName, QStringLiteral("Berry"));
    // AND the lots still there were updated with one signal over their span
    EXPECT_EQ(lotsChanged.size(), 1);
    // AND the bidders show their bid counts and the new bidder
    ASSERT_EQ(users.rowCount(), 3);
    EXPECT_EQ(users.recordAt(users.rowOfId(albert)).bidCount, 1);
    EXPECT_EQ(users.recordAt(users.rowOfId(berry)).bidCount, 1);
    EXPECT_GE(users.rowOfId(cora->id), 0);
}

TEST(TableModels, RowsWithIdsAreReadInOneGoSkippingTheMissingAndTheRepeated)
{
    TestAuction auction;
    const qint64 albert = auction.addUser(QStringLiteral("Albert"));
    const qint64 vase = auction.addItem(QStringLiteral("Vase"));
    const qint64 clock = auction.addItem(QStringLiteral("Clock"));
    auction.bid(clock, albert, 300);
    auto lots = auction.service().itemsWithIds({clock, 999'999, vase, clock});
    ASSERT_TRUE(lots.has_value()) << lots.error().message.toStdString();
    ASSERT_EQ(lots->size(), 2);
    const Item& first = lots->at(0).id == clock ? lots->at(0) : lots->at(1);
    EXPECT_EQ(first.winnerName, QStringLiteral("Albert")); // the joined winner too
    EXPECT_EQ(first.winningValue, Money::fromCents(300));
    auto bidders = auction.service().usersWithIds({albert, albert, 424'242});
    ASSERT_TRUE(bidders.has_value());
    ASSERT_EQ(bidders->size(), 1);
    EXPECT_EQ(bidders->first().bidCount, 1);
    auto none = auction.service().itemsWithIds({});
    ASSERT_TRUE(none.has_value());
    EXPECT_TRUE(none->isEmpty());
}
