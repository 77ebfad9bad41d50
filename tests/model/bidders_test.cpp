// Bidders with paddle numbers and contact fields, check-in, and their import, through the
// service on a real database (both engines).
#include "checkoutsupport.h"

using namespace BidTracker::Model;
using namespace BidTracker::Testing::Checkout;
using BidTracker::Testing::TestAuction;

TEST(Bidders, HaveUniquePaddleNumbersAndContactFields)
{
    TestAuction auction;
    auto& service = auction.service();
    // GIVEN a first bidder, numbered from the first bidder number
    auto first = service.createUser(UserChanges{.name = QStringLiteral("Albert")});
    ASSERT_OK(first);
    EXPECT_EQ(first->number, 100);
    // WHEN a bidder asks for 105 with contact fields
    auto chen = service.createUser(UserChanges{.name = QStringLiteral("Chen Wei"),
                                               .number = 105,
                                               .phone = QStringLiteral(" +1 (555) 010-2030 "),
                                               .email = QStringLiteral("chen@example.org")});
    ASSERT_OK(chen);
    EXPECT_EQ(chen->number, 105);
    EXPECT_EQ(chen->phone, u"+1 (555) 010-2030");
    EXPECT_EQ(service.userByNumber(105)->value().id, chen->id);
    EXPECT_FALSE(service.userByNumber(104)->has_value());
    EXPECT_EQ(service.findBidders(QStringLiteral("105"), 5)->first().id, chen->id);
    // Phone and e-mail find a bidder in the check-in search only
    const auto search = AuctionService::BidderLookup::Search;
    EXPECT_EQ(service.findBidders(QStringLiteral("010-2030"), 5, search)->first().id, chen->id);
    EXPECT_EQ(service.findBidders(QStringLiteral("CHEN@example"), 5, search)->first().id, chen->id);
    EXPECT_EQ(service.findBidders(QStringLiteral("100"), 5)->first().id, first->id);
    // THEN 105 again is refused, naming who holds it; nothing is added
    auto taken = service.createUser(UserChanges{.name = QStringLiteral("Dana"), .number = 105});
    ASSERT_FALSE(taken.has_value());
    EXPECT_EQ(taken.error().code, Error::Code::Conflict);
    EXPECT_EQ(taken.error().message,
              QStringLiteral("Bidder number 105 is already Chen Wei (user%1)").arg(chen->id));
    EXPECT_EQ(service.users()->total, 2);
    EXPECT_EQ(service.updateUser(first->id, {.number = 105}).error().code, Error::Code::Conflict);
    // AND bad fields name the field
    const auto field = [&](UserChanges changes) {
        auto result = service.updateUser(first->id, changes);
        return result ? QString() : result.error().field;
    };
    EXPECT_EQ(field({.number = 0}), u"number");
    EXPECT_EQ(field({.number = MaxBidderNumber + 1}), u"number");
    EXPECT_EQ(field({.phone = QStringLiteral("call me")}), u"phone");
    EXPECT_EQ(field({.phone = QString(41, u'1')}), u"phone");
    EXPECT_EQ(field({.phone = QStringLiteral("555\n0100")}), u"phone");
    EXPECT_EQ(field({.email = QStringLiteral("chen at example")}), u"email");
    EXPECT_EQ(field({.email = QStringLiteral("a b@example.org")}), u"email");
    EXPECT_EQ(field({.email = QStringLiteral("@example.org")}), u"email");
    EXPECT_EQ(field({.name = QStringLiteral(" ")}), u"name");
    // AND an edit keeps what it does not name; an own number may be kept
    auto edited = service.updateUser(chen->id, {.number = 105, .taxExempt = true});
    ASSERT_OK(edited);
    EXPECT_TRUE(edited->taxExempt);
    EXPECT_EQ(edited->email, u"chen@example.org");
    EXPECT_EQ(service.user(chen->id)->taxExempt, true);
}

TEST(Bidders, AreCheckedInAndNotDeletedWhileMoneyIsOnRecord)
{
    TestAuction auction;
    auto& service = auction.service();
    const qint64 user = auction.addUser();
    EXPECT_TRUE(service.user(user)->checkedInAt.isEmpty());
    QList<Change> heard;
    QObject::connect(&auction.notifier(), &ChangeNotifier::changed,
                     [&](const Change& change) { heard.append(change); });
    auto checked = service.checkIn(user);
    ASSERT_OK(checked);
    ASSERT_EQ(heard.size(), 1);
    EXPECT_EQ(heard[0].kind, EntityKind::User);
    EXPECT_EQ(heard[0].id, user);
    EXPECT_TRUE(checked->checkedInAt.endsWith(u'Z'));
    EXPECT_EQ(service.user(user)->checkedInAt, checked->checkedInAt);
    EXPECT_EQ(service.checkIn(404).error().code, Error::Code::NotFound);
    ASSERT_OK(service.addDonation(user, cents(100), {}));
    auto refused = service.deleteUser(user);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, Error::Code::Conflict);
    EXPECT_TRUE(refused.error().message.contains(u"1 donation"))
        << refused.error().message.toStdString();
    EXPECT_TRUE(service.user(user).has_value());
}

TEST(Bidders, ImportWithNumbersKeepsFileOrderAndRefusesATakenNumber)
{
    TestAuction auction;
    auto& service = auction.service();
    QList<qint64> ids;
    auto imported = service.importUsers(
        QList<UserChanges>{{.name = QStringLiteral("A")},
                           {.name = QStringLiteral("B"), .number = 100},
                           {.name = QStringLiteral("C"), .email = QStringLiteral("c@example.org")}},
        &ids);
    ASSERT_OK(imported);
    ASSERT_EQ(ids.size(), 3);
    EXPECT_EQ(service.user(ids[0])->number, 101); // 100 is asked for by a later row
    EXPECT_EQ(service.user(ids[1])->number, 100);
    EXPECT_EQ(service.user(ids[2])->number, 102);
    EXPECT_LT(ids[0], ids[1]);
    auto again = service.importUsers(QList<UserChanges>{
        {.name = QStringLiteral("D")}, {.name = QStringLiteral("E"), .number = 100}});
    ASSERT_FALSE(again.has_value());
    EXPECT_EQ(again.error().code, Error::Code::Conflict);
    EXPECT_EQ(service.users()->total, 3);
}
