#include "model/generator.h"
#include "support/testauction.h"

#include <QSqlQuery>

using namespace BidTracker::Model;
using BidTracker::Testing::TestAuction;

TEST(Generator, BuildsAnAuctionThatKeepsEveryRule)
{
    // GIVEN an empty database WHEN a small auction is generated
    TestAuction auction;
    ASSERT_TRUE(generateAuction(auction.db(), GenerateSpec{50, 20, 2000, 7}).has_value());
    auto& service = auction.service();
    // THEN the counts are right, every lot's winner is its highest bid, bids rose on every
    // lot, and the counts kept on the rows agree with the bids
    EXPECT_EQ(service.items()->total, 50);
    EXPECT_EQ(service.users()->total, 20);
    EXPECT_EQ(service.bids()->total, 2000);
    qint64 counted = 0;
    for (qint64 item = 1; item <= 50; ++item) {
        const auto bids = service.bidsForItem(item);
        ASSERT_TRUE(bids.has_value());
        counted += bids->rows.size();
        EXPECT_EQ(service.item(item)->bidCount, bids->rows.size());
        for (qsizetype i = 1; i < bids->rows.size(); ++i)
            EXPECT_GT(bids->rows[i].value.cents(), bids->rows[i - 1].value.cents());
        if (!bids->rows.isEmpty()) {
            EXPECT_EQ(service.winningBid(item)->id, bids->rows.constLast().id);
        }
    }
    EXPECT_EQ(counted, 2000);
    // AND the bid indexes taken off for the load are back, every reference holds (PostgreSQL
    // checks each at once; SQLite is asked), and new rows get new ids
    const bool sqlite = auction.db().engine() == Storage::Engine::Sqlite;
    if (sqlite) {
        QSqlQuery check(auction.db().connection());
        ASSERT_TRUE(check.exec(QStringLiteral("PRAGMA foreign_key_check")));
        EXPECT_FALSE(check.next());
    }
    EXPECT_EQ(auction.db()
                  .scalar(sqlite ? QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type ="
                                                  " 'index' AND tbl_name = 'bids'")
                                 : QStringLiteral("SELECT count(*) FROM pg_indexes WHERE tablename"
                                                  " = 'bids' AND indexname <> 'bids_pkey'"))
                  .value_or(0),
              3);
    EXPECT_EQ(service.createUser(QStringLiteral("Late arrival"))->id, 21);
}

TEST(Generator, RefusesADatabaseThatIsNotEmpty)
{
    TestAuction auction;
    auction.addUser();
    const auto made = generateAuction(auction.db(), GenerateSpec{5, 5, 5, 1});
    ASSERT_FALSE(made.has_value());
    EXPECT_EQ(made.error().code, Error::Code::Conflict);
    EXPECT_EQ(auction.service().items()->total, 0);
}
