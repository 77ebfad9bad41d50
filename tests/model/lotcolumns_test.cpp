// The lot view as the window's table models show it: the step in force, the closing time
// that applies, and "won" only for a lot that was sold.
#include "model/rules/lotview.h"
#include "model/tables/itemstablemodel.h"
#include "model/tables/tablesupport.h"
#include "model/tables/useritemsmodel.h"
#include "support/modelcheck.h"
#include "support/testauction.h"

using namespace BidTracker::Model;
using BidTracker::Testing::ModelCheck;
using BidTracker::Testing::TestAuction;

namespace {

void setIncrements(TestAuction& auction, const Rules::IncrementTable& table)
{
    auto settings = auction.service().settings();
    ASSERT_TRUE(settings.has_value());
    settings->increments = table;
    ASSERT_TRUE(auction.service().updateSettings(*settings).has_value());
}

} // namespace

TEST(LotColumns, TheStepColumnShowsTheStepInForceAtTheCurrentPrice)
{
    // GIVEN a table (0.05 from 0, 1.00 from 100, 2.50 from 200, 5.00 from 500) and a lot
    // starting at 200.00 whose own minimum increment is 0.01
    TestAuction auction;
    setIncrements(auction, {{0, 5}, {10000, 100}, {20000, 250}, {50000, 500}});
    const qint64 albert = auction.addUser(QStringLiteral("Albert"));
    const qint64 lot = auction.addItem(QStringLiteral("Cabin"), 20000, 1);
    ItemsTableModel model(auction.service(), auction.notifier());
    ModelCheck check(&model);
    const auto step = [&] {
        return model.index(model.rowOfId(lot), ItemsTableModel::MinIncrement);
    };
    // THEN the Step column says 2.50, not the lot's 0.01
    EXPECT_EQ(step().data().toString(), displayMoney(Money::fromCents(250)));
    EXPECT_EQ(step().data(SortRole).toLongLong(), 250);
    EXPECT_TRUE(
        step().data(Qt::ToolTipRole).toString().contains(displayMoney(Money::fromCents(1))));
    // WHEN a bid takes the price to 500.00 THEN the step follows: 5.00
    auction.bid(lot, albert, 50000);
    EXPECT_EQ(step().data().toString(), displayMoney(Money::fromCents(500)));
    // WHEN the auction drops its table THEN the lot's own minimum is the step again, at once
    setIncrements(auction, {});
    EXPECT_EQ(step().data().toString(), displayMoney(Money::fromCents(1)));
    EXPECT_TRUE(check.failures().isEmpty()) << check.failures().join(u'\n').toStdString();
}

TEST(LotColumns, TheTimeLeftCountsToCloseAllAtWhenItComesFirst)
{
    // GIVEN a lot closing in 40 minutes and the auction closing everything in 5
    TestAuction auction;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 lot = auction.addItem(QStringLiteral("Cabin"));
    ItemChanges own;
    own.closesAt = now.addSecs(40 * 60).toString(Qt::ISODateWithMs);
    ASSERT_TRUE(auction.service().updateItem(lot, own).has_value());
    auto settings = auction.service().settings();
    settings->closeAllAt = now.addSecs(5 * 60).toString(Qt::ISODateWithMs);
    ASSERT_TRUE(auction.service().updateSettings(*settings).has_value());
    // WHEN the Lots table shows it
    ItemsTableModel model(auction.service(), auction.notifier());
    model.setClock([now] { return now; });
    const QModelIndex left = model.index(model.rowOfId(lot), ItemsTableModel::TimeLeft);
    // THEN 5 minutes, then urgent, and the tip says whose time it is
    EXPECT_EQ(left.data().toString(), QStringLiteral("5:00"));
    model.setClock([now] { return now.addSecs(1); });
    EXPECT_EQ(left.data().toString(), QStringLiteral("4:59"));
    EXPECT_TRUE(left.data(UrgentRole).toBool()) << "in the last five minutes";
    EXPECT_TRUE(left.data(Qt::ToolTipRole).toString().contains(u"close all at"))
        << left.data(Qt::ToolTipRole).toString().toStdString();
}

TEST(LotColumns, TheBidderDetailSaysWonOnlyForASoldLot)
{
    // GIVEN Albert leading two lots, one with a reserve of 50.00 he does not reach
    TestAuction auction;
    const qint64 albert = auction.addUser(QStringLiteral("Albert"));
    const qint64 met = auction.addItem(QStringLiteral("No reserve"));
    const qint64 below = auction.addItem(QStringLiteral("Reserve 50"));
    ItemChanges reserve;
    reserve.reserve = std::optional<Money>(Money::fromCents(5000));
    ASSERT_TRUE(auction.service().updateItem(below, reserve).has_value());
    auction.bid(met, albert, 3000);
    auction.bid(below, albert, 3000);
    UserItemsModel model(auction.service(), auction.notifier());
    ModelCheck check(&model);
    model.setUserId(albert);
    ASSERT_EQ(model.rowCount(), 2);
    // WHEN both close
    ItemChanges close;
    close.status = ItemStatus::Closed;
    ASSERT_TRUE(auction.service().updateItem(met, close).has_value());
    ASSERT_TRUE(auction.service().updateItem(below, close).has_value());
    // THEN he won the one that sold, and the other was sold to nobody
    const auto standing = [&](qint64 lot) {
        return model.index(model.rowOfId(lot), UserItemsModel::Standing).data().toString();
    };
    EXPECT_EQ(standing(met), QStringLiteral("Won"));
    EXPECT_EQ(standing(below), QStringLiteral("Not sold (reserve)"));
    EXPECT_TRUE(check.failures().isEmpty()) << check.failures().join(u'\n').toStdString();
}
