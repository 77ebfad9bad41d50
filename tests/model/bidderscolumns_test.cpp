// The Bidders table's auction-night columns: paddle number, contact fields, check-in, and
// the text its search field matches.
#include "model/tables/tablesupport.h"
#include "model/tables/userstablemodel.h"
#include "support/modelcheck.h"
#include "support/testauction.h"

using namespace BidTracker::Model;
using BidTracker::Testing::ModelCheck;
using BidTracker::Testing::TestAuction;

TEST(BiddersColumns, ShowPaddleContactAndCheckInAndFollowChanges)
{
    // GIVEN the bidders table under the model tester
    TestAuction auction;
    UsersTableModel model(auction.service(), auction.notifier());
    ModelCheck check(&model);
    // WHEN bidders come with and without a paddle number, and one is checked in
    UserChanges dora;
    dora.name = QStringLiteral("Dora");
    dora.number = 250;
    dora.phone = QStringLiteral("555-0101");
    dora.email = QStringLiteral("dora@example.org");
    const auto first = auction.service().createUser(dora);
    ASSERT_TRUE(first.has_value()) << first.error().message.toStdString();
    UserChanges eve;
    eve.name = QStringLiteral("Eve");
    const auto second = auction.service().createUser(eve);
    ASSERT_TRUE(second.has_value()) << second.error().message.toStdString();
    ASSERT_TRUE(auction.service().checkIn(first->id).has_value());
    // THEN every column shows it, the tester has nothing to say, and sorting is by value
    EXPECT_TRUE(check.failures().isEmpty()) << check.failures().join(u'\n').toStdString();
    ASSERT_EQ(model.rowCount(), 2);
    const int row = model.rowOfId(first->id);
    EXPECT_EQ(model.index(row, UsersTableModel::Number).data().toLongLong(), 250);
    EXPECT_EQ(model.index(row, UsersTableModel::Number).data(SortRole).toLongLong(), 250);
    EXPECT_EQ(model.index(row, UsersTableModel::Phone).data().toString(),
              QStringLiteral("555-0101"));
    EXPECT_EQ(model.index(row, UsersTableModel::Email).data().toString(),
              QStringLiteral("dora@example.org"));
    EXPECT_FALSE(model.index(row, UsersTableModel::CheckedIn).data().toString().isEmpty());
    const int other = model.rowOfId(second->id);
    EXPECT_GT(model.index(other, UsersTableModel::Number).data().toLongLong(), 0);
    EXPECT_FALSE(model.index(other, UsersTableModel::CheckedIn).data().isValid());
    // AND the search text holds the number, name, phone and email
    const QString searched =
        model.index(row, UsersTableModel::Name).data(SearchTextRole).toString();
    for (const char* part : {"250", "Dora", "555-0101", "dora@example.org"})
        EXPECT_TRUE(searched.contains(QLatin1String(part))) << part;
    EXPECT_EQ(model.headerData(UsersTableModel::Number, Qt::Horizontal, Qt::DisplayRole),
              QStringLiteral("Paddle"));
}

TEST(BiddersColumns, RestoreCheckInPutsTheOldTimeBackAndAnnouncesIt)
{
    // GIVEN a bidder checked in, shown in the table
    TestAuction auction;
    UsersTableModel model(auction.service(), auction.notifier());
    const qint64 id = auction.addUser(QStringLiteral("Dora"));
    ASSERT_TRUE(auction.service().checkIn(id).has_value());
    const int row = model.rowOfId(id);
    ASSERT_TRUE(model.index(row, UsersTableModel::CheckedIn).data().isValid());
    // WHEN the check-in is undone (the time it had before: none)
    const auto restored = auction.service().restoreCheckIn(id, QString());
    // THEN the bidder is not checked in, in the database and in the table
    ASSERT_TRUE(restored.has_value()) << restored.error().message.toStdString();
    EXPECT_TRUE(restored->checkedInAt.isEmpty());
    EXPECT_TRUE(auction.service().user(id)->checkedInAt.isEmpty());
    EXPECT_FALSE(model.index(row, UsersTableModel::CheckedIn).data().isValid());
    // AND an unknown bidder is NotFound
    const auto unknown = auction.service().restoreCheckIn(id + 100, QString());
    ASSERT_FALSE(unknown.has_value());
    EXPECT_EQ(unknown.error().code, Error::Code::NotFound);
}
