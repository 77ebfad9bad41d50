// Staff accounts, roles and tokens (RULES.md 5), on SQLite and on PostgreSQL.
#include "model/staffservice.h"
#include "model/storage/staffstorage.h"
#include "support/testauction.h"

using namespace BidTracker::Model;
using BidTracker::Testing::openDatabase;
using BidTracker::Testing::TestAuction;

namespace {

// RULES.md 5's table, written out again here: the test reads the contract, not the code.
// Columns: viewer, check-in, clerk, cashier, admin.
struct ContractRow
{
    Permission permission;
    const char* cells;
};
const ContractRow contract[] = {
    {Permission::ReadContacts, "-Y-YY"}, {Permission::EditBidders, "-Y-YY"},
    {Permission::Bidding, "--Y-Y"},      {Permission::EditLots, "--Y-Y"},
    {Permission::ReadCheckout, "---YY"}, {Permission::TakePayments, "---YY"},
    {Permission::VoidPayment, "---YY"},  {Permission::Settlements, "---YY"},
    {Permission::Administer, "----Y"},
};
const Role roles[] = {Role::Viewer, Role::CheckIn, Role::Clerk, Role::Cashier, Role::Admin};

bool allowedByContract(const ContractRow& row, Role role)
{
    return row.cells[static_cast<int>(role)] == 'Y';
}

StaffService asOperator(Database& db, StaffService::Clock clock = {})
{
    return StaffService(db, Actor{}, std::move(clock));
}

} // namespace

TEST(Roles, EveryCellOfTheRoleTableIsAsRulesSay)
{
    for (const ContractRow& row : contract) {
        for (const Role role : roles) {
            EXPECT_EQ(mayDo(role, row.permission), allowedByContract(row, role))
                << roleName(role).toStdString() << " permission " << int(row.permission);
        }
    }
    EXPECT_EQ(rolesAllowed(Permission::Bidding), (QStringList{"clerk", "admin"}));
    EXPECT_EQ(rolesAllowed(Permission::Administer), QStringList{"admin"});
    for (const Role role : roles)
        EXPECT_EQ(parseRole(roleName(role)), role);
    EXPECT_FALSE(parseRole(u"Admin"));
    EXPECT_FALSE(parseRole(u"owner"));
}

TEST(Roles, EachServiceCommandChecksTheActorsRoleFirstAndChangesNothing)
{
    TestAuction auction;
    const qint64 userId = auction.addUser(QStringLiteral("Ann"));
    const qint64 itemId = auction.addItem(QStringLiteral("Vase"), 1000, 100);
    AuctionService& service = auction.service();
    // One call per row of the table that changes something.
    struct Call
    {
        Permission permission;
        std::function<std::optional<Error>()> run;
    };
    const auto errorOf = [](const auto& result) -> std::optional<Error> {
        if (result)
            return std::nullopt;
        return result.error();
    };
    const QList<Call> calls = {
        {Permission::EditBidders, [&] { return errorOf(service.createUser(QStringLiteral("B"))); }},
        {Permission::EditBidders, [&] { return errorOf(service.checkIn(userId)); }},
        {Permission::Bidding,
         [&] { return errorOf(service.placeBid(itemId, userId, Money::fromCents(1000))); }},
        {Permission::EditLots,
         [&] { return errorOf(service.createItem(ItemChanges{.name = QStringLiteral("Jug")})); }},
        {Permission::ReadCheckout, [&] { return errorOf(service.invoice(userId)); }},
        {Permission::TakePayments,
         [&] { return errorOf(service.addDonation(userId, Money::fromCents(500), {})); }},
        {Permission::Administer, [&] { return errorOf(service.deleteItem(itemId)); }},
        {Permission::Administer, [&] { return errorOf(service.closeAll()); }},
    };
    auto audited = StaffStorage(auction.db()).auditHead();
    ASSERT_TRUE(audited);
    for (const Role role : roles) {
        service.setActor(Actor{QStringLiteral("Tess"), role, QStringLiteral("desk"), 1});
        for (const Call& call : calls) {
            if (mayDo(role, call.permission))
                continue;
            const auto error = call.run();
            ASSERT_TRUE(error.has_value()) << roleName(role).toStdString();
            EXPECT_EQ(error->reason, Error::Reason::ForbiddenRole);
            EXPECT_EQ(reasonCode(*error), QStringLiteral("forbidden_role"));
            EXPECT_EQ(error->facts.value(QStringLiteral("needs")).toStringList(),
                      rolesAllowed(call.permission));
        }
    }
    // Nothing refused left a trace.
    auto after = StaffStorage(auction.db()).auditHead();
    ASSERT_TRUE(after);
    EXPECT_EQ(*after, *audited);
    EXPECT_EQ(service.user(userId)->checkedInAt, QString());
    EXPECT_EQ(service.items()->total, 1);
}

TEST(Staff, AccountsAreCheckedAndTheLastAdminStays)
{
    TestAuction auction;
    StaffService staff = asOperator(auction.db());
    EXPECT_EQ(staff.accountsExist(), false);
    auto ann = staff.addAccount(QStringLiteral("Ann"), Role::Admin, QStringLiteral("4821"));
    ASSERT_TRUE(ann) << ann.error().message.toStdString();
    EXPECT_EQ(staff.accountsExist(), true);
    EXPECT_TRUE(ann->secretHash.startsWith(QStringLiteral("$argon2id$")));
    EXPECT_FALSE(ann->secretHash.contains(QStringLiteral("4821")));

    for (const char* pin : {"123", "1234567890123", "12a4", "", " 1234"}) {
        auto refused =
            staff.addAccount(QStringLiteral("Bob"), Role::Clerk, QString::fromLatin1(pin));
        ASSERT_FALSE(refused) << pin;
        EXPECT_EQ(refused.error().field, QStringLiteral("pin")) << pin;
    }
    auto taken = staff.addAccount(QStringLiteral("ann"), Role::Clerk, QStringLiteral("1111"));
    ASSERT_FALSE(taken);
    EXPECT_EQ(taken.error().reason, Error::Reason::NameTaken);
    auto blank = staff.addAccount(QStringLiteral(" Ann"), Role::Clerk, QStringLiteral("1111"));
    ASSERT_FALSE(blank);
    EXPECT_EQ(blank.error().field, QStringLiteral("name"));

    auto demoted = staff.updateAccount(ann->id, {.role = Role::Cashier});
    ASSERT_FALSE(demoted);
    EXPECT_EQ(reasonCode(demoted.error()), QStringLiteral("last_admin"));
    auto removed = staff.deactivate(ann->id);
    ASSERT_FALSE(removed);
    EXPECT_EQ(removed.error().reason, Error::Reason::LastAdmin);

    auto cy = staff.addAccount(QStringLiteral("Cy"), Role::Admin, QStringLiteral("correct horse"));
    ASSERT_TRUE(cy);
    EXPECT_TRUE(staff.deactivate(ann->id));
    EXPECT_FALSE(staff.account(ann->id)->active);
    auto unknown = staff.updateAccount(999, {.role = Role::Clerk});
    ASSERT_FALSE(unknown);
    EXPECT_EQ(reasonCode(unknown.error()), QStringLiteral("unknown_staff"));

    // Only an admin manages accounts.
    StaffService clerk(auction.db(), Actor{QStringLiteral("Cy"), Role::Clerk, {}, cy->id});
    auto forbidden = clerk.addAccount(QStringLiteral("Dee"), Role::Admin, QStringLiteral("1234"));
    ASSERT_FALSE(forbidden);
    EXPECT_EQ(forbidden.error().reason, Error::Reason::ForbiddenRole);
}

TEST(Staff, TokensAreShownOnceKeptHashedAndRevokedForEveryStation)
{
    TestAuction auction;
    StaffService staff = asOperator(auction.db());
    auto ann = staff.addAccount(QStringLiteral("Ann"), Role::Cashier, QStringLiteral("4821"));
    ASSERT_TRUE(ann);
    auto made = staff.addToken(ann->id, QStringLiteral("kiosk-2"));
    ASSERT_TRUE(made) << made.error().message.toStdString();
    const QString token = made->second;
    EXPECT_GE(token.size(), 40);

    // Stored only as its SHA-256.
    auto stored = auction.db().texts(QStringLiteral("SELECT token_hash FROM staff_tokens"));
    ASSERT_TRUE(stored);
    EXPECT_EQ(*stored, QStringList{tokenHash(token)});
    EXPECT_NE(stored->first(), token);

    // A second station, on its own connection, sees the token and then its revocation at
    // its very next request.
    auto other = openDatabase(auction.path());
    ASSERT_TRUE(other);
    StaffService station2(*other, Actor{});
    auto actor = station2.actorForToken(token, QStringLiteral("door"));
    ASSERT_TRUE(actor) << actor.error().message.toStdString();
    EXPECT_EQ(actor->name, QStringLiteral("api:kiosk-2"));
    EXPECT_EQ(actor->role, Role::Cashier);
    EXPECT_EQ(actor->station, QStringLiteral("door"));

    ASSERT_TRUE(staff.revokeToken(made->first.id));
    auto revoked = station2.actorForToken(token, QStringLiteral("door"));
    ASSERT_FALSE(revoked);
    EXPECT_EQ(reasonCode(revoked.error()), QStringLiteral("unauthorized"));
    auto again = staff.revokeToken(made->first.id);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().reason, Error::Reason::UnknownToken);

    // Deactivating the account revokes its other tokens too.
    auto second = staff.addToken(ann->id, QStringLiteral("script"));
    ASSERT_TRUE(second);
    ASSERT_TRUE(station2.actorForToken(second->second, {}));
    ASSERT_TRUE(staff.deactivate(ann->id));
    EXPECT_FALSE(station2.actorForToken(second->second, {}));
    EXPECT_FALSE(station2.actorForToken(QStringLiteral("not a token at all"), {}));
}

TEST(Staff, FiveWrongPinsMakeTheNextTryWaitThirtySecondsDoubling)
{
    TestAuction auction;
    QDateTime now =
        QDateTime::fromString(QStringLiteral("2026-12-02T20:00:00.000Z"), Qt::ISODateWithMs);
    StaffService staff = asOperator(auction.db(), [&] { return now; });
    ASSERT_TRUE(staff.addAccount(QStringLiteral("Ann"), Role::Clerk, QStringLiteral("4821")));
    const QString desk = QStringLiteral("desk-1");

    auto good = staff.signIn(QStringLiteral("ann"), QStringLiteral("4821"), desk);
    ASSERT_TRUE(good);
    EXPECT_EQ(good->name, QStringLiteral("Ann"));
    EXPECT_EQ(good->role, Role::Clerk);

    for (int i = 0; i < 5; ++i) {
        auto wrong = staff.signIn(QStringLiteral("Ann"), QStringLiteral("0000"), desk);
        ASSERT_FALSE(wrong);
        EXPECT_EQ(wrong.error().reason, Error::Reason::Unauthorized) << i;
    }
    // The right PIN now waits, at this station only.
    auto waiting = staff.signIn(QStringLiteral("Ann"), QStringLiteral("4821"), desk);
    ASSERT_FALSE(waiting);
    EXPECT_EQ(reasonCode(waiting.error()), QStringLiteral("rate_limited"));
    EXPECT_EQ(waiting.error().facts.value(QStringLiteral("retry_after")).toLongLong(), 30);
    EXPECT_TRUE(
        staff.signIn(QStringLiteral("Ann"), QStringLiteral("4821"), QStringLiteral("desk-2")));

    now = now.addSecs(29);
    EXPECT_FALSE(staff.signIn(QStringLiteral("Ann"), QStringLiteral("4821"), desk));
    now = now.addSecs(1);
    // A sixth wrong PIN doubles the wait.
    ASSERT_FALSE(staff.signIn(QStringLiteral("Ann"), QStringLiteral("9999"), desk));
    auto longer = staff.signIn(QStringLiteral("Ann"), QStringLiteral("4821"), desk);
    ASSERT_FALSE(longer);
    EXPECT_EQ(longer.error().facts.value(QStringLiteral("retry_after")).toLongLong(), 60);
    // ... up to five minutes.
    for (int i = 0; i < 6; ++i) {
        now = now.addSecs(301);
        ASSERT_FALSE(staff.signIn(QStringLiteral("Ann"), QStringLiteral("9999"), desk));
    }
    auto capped = staff.signIn(QStringLiteral("Ann"), QStringLiteral("4821"), desk);
    ASSERT_FALSE(capped);
    EXPECT_EQ(capped.error().facts.value(QStringLiteral("retry_after")).toLongLong(), 300);
    // Once the wait is over the right PIN works and the count starts again.
    now = now.addSecs(300);
    EXPECT_TRUE(staff.signIn(QStringLiteral("Ann"), QStringLiteral("4821"), desk));
    EXPECT_FALSE(staff.signIn(QStringLiteral("Ann"), QStringLiteral("0000"), desk));
    EXPECT_TRUE(staff.signIn(QStringLiteral("Ann"), QStringLiteral("4821"), desk));
}

TEST(Staff, ACashierVoidsOnlyTheirOwnPaymentWithinFifteenMinutes)
{
    TestAuction auction;
    AuctionService& service = auction.service();
    const qint64 userId = auction.addUser(QStringLiteral("Ann"));
    ASSERT_TRUE(service.addDonation(userId, Money::fromCents(10000), {}));
    service.setActor(Actor{QStringLiteral("Cass"), Role::Cashier, QStringLiteral("till"), 2});
    auto own = service.addPayment(userId, Money::fromCents(2000), PaymentMethod::Cash, {});
    ASSERT_TRUE(own) << own.error().message.toStdString();
    service.setActor(Actor{QStringLiteral("Dot"), Role::Cashier, QStringLiteral("till"), 3});
    auto others = service.voidPayment(own->id, QStringLiteral("typo"));
    ASSERT_FALSE(others);
    EXPECT_EQ(reasonCode(others.error()), QStringLiteral("not_own_payment"));
    service.setActor(Actor{QStringLiteral("Cass"), Role::Cashier, QStringLiteral("till"), 2});
    EXPECT_TRUE(service.voidPayment(own->id, QStringLiteral("typo")));

    // A payment taken more than 15 minutes ago: its entry says so (the database's clock).
    auto old = service.addPayment(userId, Money::fromCents(1000), PaymentMethod::Card, {});
    ASSERT_TRUE(old);
    ASSERT_TRUE(auction.db().exec(QStringLiteral("DROP TRIGGER audit_log_no_update")) ||
                auction.db().exec(QStringLiteral("ALTER TABLE audit_log DISABLE TRIGGER USER")));
    ASSERT_TRUE(auction.db().exec(
        QStringLiteral(
            "UPDATE audit_log SET at = '2000-01-01T00:00:00.000Z' WHERE object = 'payment%1'")
            .arg(old->id)));
    auto late = service.voidPayment(old->id, QStringLiteral("late"));
    ASSERT_FALSE(late);
    EXPECT_EQ(reasonCode(late.error()), QStringLiteral("void_window_passed"));
    service.setActor(Actor{QStringLiteral("Ann"), Role::Admin, QStringLiteral("office"), 1});
    EXPECT_TRUE(service.voidPayment(old->id, QStringLiteral("late")));
}
