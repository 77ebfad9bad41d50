#include "support/testauction.h"

using namespace BidTracker::Model;
using BidTracker::Testing::TestAuction;

TEST(UserService, CreatesRenamesAndDeletes)
{
    TestAuction auction;
    const qint64 id = auction.addUser(QStringLiteral("  David  "));
    EXPECT_EQ(auction.service().user(id)->name, QStringLiteral("David"));
    auto renamed = auction.service().renameUser(id, QStringLiteral("Dave"));
    ASSERT_TRUE(renamed.has_value());
    EXPECT_EQ(renamed->name, QStringLiteral("Dave"));
    ASSERT_TRUE(auction.service().deleteUser(id).has_value());
    EXPECT_EQ(auction.service().user(id).error().code, Error::Code::NotFound);
}

TEST(UserService, RejectsBadNamesAndChangesNothing)
{
    TestAuction auction;
    const qint64 id = auction.addUser(QStringLiteral("Albert"));
    for (const QString& bad :
         {QString(), QStringLiteral("   "), QString(201, u'x'), QStringLiteral("two\nlines")}) {
        auto created = auction.service().createUser(bad);
        ASSERT_FALSE(created.has_value());
        EXPECT_EQ(created.error().code, Error::Code::Invalid);
        EXPECT_EQ(created.error().field, QStringLiteral("name"));
        EXPECT_FALSE(auction.service().renameUser(id, bad).has_value());
    }
    EXPECT_EQ(auction.service().users()->total, 1);
    EXPECT_EQ(auction.service().user(id)->name, QStringLiteral("Albert"));
}

TEST(UserService, AcceptsUnicodeAndSqlLookingNames)
{
    TestAuction auction;
    const QString name = QString::fromUtf8("Zoë \"Robert'); DROP TABLE users;--\" 山田 🎉");
    const qint64 id = auction.addUser(name);
    EXPECT_EQ(auction.service().user(id)->name, name);
}

TEST(UserService, AUserWithBidsCannotBeDeleted)
{
    TestAuction auction;
    const qint64 user = auction.addUser();
    const qint64 item = auction.addItem();
    auction.bid(item, user, 100);
    auto deleted = auction.service().deleteUser(user);
    ASSERT_FALSE(deleted.has_value());
    EXPECT_EQ(deleted.error().code, Error::Code::Conflict);
    EXPECT_TRUE(deleted.error().message.contains(QStringLiteral("user%1").arg(user)));
    EXPECT_TRUE(auction.service().user(user).has_value());
}

TEST(ItemService, AnItemWithBidsCannotBeDeleted)
{
    TestAuction auction;
    const qint64 user = auction.addUser();
    const qint64 item = auction.addItem();
    auction.bid(item, user, 100);
    auto deleted = auction.service().deleteItem(item);
    ASSERT_FALSE(deleted.has_value());
    EXPECT_EQ(deleted.error().code, Error::Code::Conflict);
    EXPECT_TRUE(auction.service().item(item).has_value());
}

TEST(ItemService, UpdatesOnlyTheFieldsGiven)
{
    TestAuction auction;
    const qint64 item = auction.addItem(QStringLiteral("Vase"), 1000, 100);
    ItemChanges changes;
    changes.minIncrement = Money::fromCents(250);
    auto updated = auction.service().updateItem(item, changes);
    ASSERT_TRUE(updated.has_value());
    EXPECT_EQ(updated->name, QStringLiteral("Vase"));
    EXPECT_EQ(updated->startingPrice.cents(), 1000);
    EXPECT_EQ(updated->minIncrement.cents(), 250);
    EXPECT_EQ(updated->status, ItemStatus::Open);
}

TEST(ItemService, CreateRequiresAName)
{
    TestAuction auction;
    auto created = auction.service().createItem(ItemChanges{});
    ASSERT_FALSE(created.has_value());
    EXPECT_EQ(created.error().field, QStringLiteral("name"));
    EXPECT_EQ(auction.service().items()->total, 0);
}

TEST(ItemService, UnknownItemsAreNotFound)
{
    TestAuction auction;
    EXPECT_EQ(auction.service().item(3).error().code, Error::Code::NotFound);
    EXPECT_EQ(auction.service().updateItem(3, ItemChanges{}).error().code, Error::Code::NotFound);
    EXPECT_EQ(auction.service().deleteItem(3).error().code, Error::Code::NotFound);
    EXPECT_EQ(auction.service().bidsForItem(3).error().code, Error::Code::NotFound);
}

TEST(UserService, ItemsBidListsEachItemOnceWithTheStanding)
{
    // GIVEN Albert bid twice on a vase and once on a clock where Berry outbid him
    TestAuction auction;
    const qint64 albert = auction.addUser(QStringLiteral("Albert"));
    const qint64 berry = auction.addUser(QStringLiteral("Berry"));
    const qint64 vase = auction.addItem(QStringLiteral("Vase"));
    const qint64 clock = auction.addItem(QStringLiteral("Clock"));
    auction.bid(vase, albert, 100);
    auction.bid(clock, albert, 100);
    auction.bid(vase, albert, 200);
    auction.bid(clock, berry, 300);
    // WHEN his items are listed
    auto items = auction.service().itemsBidByUser(albert);
    // THEN each appears once, in order of his first bid, leading on the vase only
    ASSERT_TRUE(items.has_value());
    ASSERT_EQ(items->size(), 2);
    EXPECT_EQ(items->at(0).itemId, vase);
    EXPECT_TRUE(items->at(0).leading);
    EXPECT_EQ(items->at(0).highestOwnBid.cents(), 200);
    EXPECT_EQ(items->at(1).itemId, clock);
    EXPECT_FALSE(items->at(1).leading);
    EXPECT_EQ(items->at(1).winningValue->cents(), 300);
}

TEST(UserService, BidsByUserAreOldestFirstWithATotal)
{
    TestAuction auction;
    const qint64 user = auction.addUser();
    const qint64 item = auction.addItem();
    const qint64 a = auction.bid(item, user, 100);
    const qint64 b = auction.bid(item, user, 200);
    const qint64 c = auction.bid(item, user, 300);
    auto page = auction.service().bidsByUser(user, Page{2, 1});
    ASSERT_TRUE(page.has_value());
    EXPECT_EQ(page->total, 3);
    ASSERT_EQ(page->rows.size(), 2);
    EXPECT_EQ(page->rows[0].id, b);
    EXPECT_EQ(page->rows[1].id, c);
    EXPECT_EQ(auction.service().bidsForItem(item)->rows.front().id, a);
}

TEST(ListService, PagesWithLimitAndOffset)
{
    TestAuction auction;
    for (int i = 0; i < 5; ++i)
        auction.addItem(QStringLiteral("Lot %1").arg(i));
    auto page = auction.service().items(Page{2, 3});
    ASSERT_TRUE(page.has_value());
    EXPECT_EQ(page->total, 5);
    ASSERT_EQ(page->rows.size(), 2);
    EXPECT_EQ(page->rows[0].name, QStringLiteral("Lot 3"));
    EXPECT_EQ(auction.service().items(Page{-1, 4})->rows.size(), 1);
    EXPECT_EQ(auction.service().items(Page{0, 0})->rows.size(), 0);
    EXPECT_EQ(auction.service().items(Page{})->rows.size(), 5);
}
