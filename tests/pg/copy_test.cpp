// `bidtracker copy` between the engines with the secrets the rules decide by (RULES.md 2): a
// maximum raised alone and the lots' stored ceilings, SQLite -> PostgreSQL -> SQLite.
#include "api/headlessprocess.h"
#include "support/testauction.h"
#include "support/testpostgres.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <string>
#include <vector>

using namespace BidTracker;
using Model::Money;

namespace {

Money units(qint64 whole)
{
    return Money::fromCents(whole * 100);
}

/// A bid that may carry a maximum; `value` 0 leaves the value out (a leader's raise alone).
Model::Result<Model::BidPlacement> place(Model::AuctionService& service, qint64 item, qint64 user,
                                         qint64 value, qint64 maximum = 0)
{
    Model::BidRequest request{item, user, {}, {}};
    if (value > 0)
        request.value = units(value);
    if (maximum > 0)
        request.maxValue = units(maximum);
    return service.placeBid(request);
}

/// The rows `select` reads, every column as text ("NULL" for a null): the same on both
/// engines, so the stored tables compare as they are (and a failure prints them legibly).
using Rows = std::vector<std::vector<std::string>>;
Rows storedRows(const QString& db, const QString& select)
{
    Rows rows;
    auto open = Testing::openDatabase(db);
    QSqlQuery query(open->connection());
    EXPECT_TRUE(query.exec(select)) << select.toStdString();
    while (query.next()) {
        auto& row = rows.emplace_back();
        for (int i = 0; i < query.record().count(); ++i)
            row.push_back(query.isNull(i) ? "NULL" : query.value(i).toString().toStdString());
    }
    return rows;
}

const QString maximumsTable =
    QStringLiteral("SELECT id, item_id, user_id, max_value_cents, placed_at, after_bid_id"
                   " FROM maximums ORDER BY id");
const QString ceilings = QStringLiteral(
    "SELECT id, winning_bid_id, leader_ceiling_cents, runner_up_cents FROM items ORDER BY id");

struct Lot
{
    qint64 leader = 0;
    qint64 price = 0; // whole units
    bool automatic = false;
    bool operator==(const Lot&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Lot& lot)
{
    return out << "user" << lot.leader << " at " << lot.price << (lot.automatic ? " (auto)" : "");
}

Lot lotOf(Model::AuctionService& service, qint64 item)
{
    const auto lot = service.item(item);
    if (!lot || !lot->winningBidId)
        return {};
    const auto bid = service.bid(*lot->winningBidId);
    return {*lot->winnerUserId, lot->winningValue->cents() / 100, bid && bid->automatic};
}

} // namespace

TEST(Copy, KeepsARaisedMaximumSoTheCopyDecidesTheNextBidAsTheOriginal)
{
    // GIVEN an SQLite auction where A leads a quilt (start 10, step 1) at 21 on a maximum of
    // 50 and then raised it alone to 80, and a raise on another lot whose bid was deleted
    // (so the quilt's raise is not maximum 1: its id must be kept, not handed out again)
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("night.sqlite"));
    qint64 a = 0;
    qint64 c = 0;
    qint64 quilt = 0;
    {
        auto db = Testing::openDatabase(file);
        ASSERT_TRUE(db);
        Model::AuctionService service(*db);
        a = service.createUser(QStringLiteral("A"))->id;
        const qint64 b = service.createUser(QStringLiteral("B"))->id;
        c = service.createUser(QStringLiteral("C"))->id;
        auto spare = service.createItem({.name = QStringLiteral("Spare"),
                                         .startingPrice = units(10),
                                         .minIncrement = units(1)});
        auto made = service.createItem({.name = QStringLiteral("Quilt"),
                                        .startingPrice = units(10),
                                        .minIncrement = units(1)});
        ASSERT_TRUE(spare && made);
        quilt = made->id;
        const auto dropped = place(service, spare->id, a, 10, 20);
        ASSERT_TRUE(dropped);
        ASSERT_TRUE(place(service, spare->id, a, 0, 30));
        ASSERT_TRUE(service.deleteBid(dropped->bid.id));
        ASSERT_TRUE(place(service, quilt, a, 10, 50));
        ASSERT_TRUE(place(service, quilt, b, 20));
        const auto raise = place(service, quilt, a, 0, 80);
        ASSERT_TRUE(raise) << raise.error().message.toStdString();
        ASSERT_FALSE(raise->added);
        ASSERT_EQ(lotOf(service, quilt), (Lot{a, 21, true}));
    }
    // (the spare lot's raise stays on record, inert, for the undo of its bidder's bid)
    const Rows raises = storedRows(file, maximumsTable);
    ASSERT_EQ(raises.size(), 2u);
    ASSERT_EQ(raises[1][0], "2");
    ASSERT_EQ(raises[1][3], "8000");
    const Rows standings = storedRows(file, ceilings);
    ASSERT_EQ(standings[quilt - 1][2], "8000") << "A's ceiling is stored";
    const QString url = Testing::TestPostgres::createDatabase();

    // WHEN it is copied to PostgreSQL, and from there to a new SQLite file
    const auto there = Testing::runBidtracker({"copy", file, url}, dir.path());
    ASSERT_EQ(there.exitCode, 0) << there.err.toStdString();
    EXPECT_TRUE(there.err.contains("raised maximums 2, payments 0, donations 0"))
        << there.err.toStdString();
    const QString back = dir.filePath(QStringLiteral("back.sqlite"));
    const auto home = Testing::runBidtracker({"copy", url, back}, dir.path());
    ASSERT_EQ(home.exitCode, 0) << home.err.toStdString();

    // THEN both copies hold the raise as it is, id and place in the lot's history included,
    // and the lots' ceilings
    EXPECT_EQ(storedRows(url, maximumsTable), raises);
    EXPECT_EQ(storedRows(back, maximumsTable), raises);
    EXPECT_EQ(storedRows(url, ceilings), standings);
    EXPECT_EQ(storedRows(back, ceilings), standings);

    // AND C bidding 70 meets A's raised maximum on all three alike: A leads at 71, by an
    // automatic bid. On PostgreSQL the lot decides from its stored ceilings; on the SQLite
    // copy they are forgotten first, so it is worked out from the copied bids and raise.
    {
        auto db = Testing::openDatabase(back);
        const Model::Item lot = *Model::AuctionService(*db).item(quilt);
        ASSERT_TRUE(db->storage().setItemWinner(quilt, lot.winningBidId, 0));
    }
    for (const QString& copy : {file, url, back}) {
        auto db = Testing::openDatabase(copy);
        Model::AuctionService service(*db);
        const auto challenge = place(service, quilt, c, 70);
        ASSERT_TRUE(challenge) << challenge.error().message.toStdString();
        EXPECT_EQ(lotOf(service, quilt), (Lot{a, 71, true})) << copy.toStdString();
    }
    // AND a new raise on PostgreSQL takes a new id (the id generator was moved past the copy's)
    {
        auto db = Testing::openDatabase(url);
        Model::AuctionService service(*db);
        const auto next = place(service, quilt, a, 0, 90);
        ASSERT_TRUE(next) << next.error().message.toStdString();
        EXPECT_FALSE(next->added);
    }
    const Rows after = storedRows(url, maximumsTable);
    ASSERT_EQ(after.size(), 3u);
    EXPECT_GT(std::stoll(after[2][0]), 2);
    Testing::TestPostgres::dropDatabase(url);
}
