// Issue 21.15: the command line's import reads a long file in bounded memory: checked keeping
// no rows, then read again a chunk at a time into one transaction, all or nothing.
#include "model/csv/csvimport.h"
#include "support/testauction.h"

#include <QBuffer>

using namespace BidTracker::Model;
using namespace BidTracker::Testing;

namespace {

/// `rows` bidders; every third asks for paddle 1000 + its row, the others take one.
QByteArray usersCsv(int rows, const QByteArray& tail = {})
{
    QByteArray csv = "name,number,email\r\n";
    for (int i = 1; i <= rows; ++i)
        csv += "Bidder " + QByteArray::number(i) + ',' +
               (i % 3 == 0 ? QByteArray::number(1000 + i) : QByteArray()) + ",b" +
               QByteArray::number(i) + "@example.org\r\n";
    return csv + tail;
}

/// Checks `checkedBytes` keeping no rows, then imports `importedBytes` as if it were the
/// file checked (the same file unless a test changes it in between).
Result<qint64> checkAndImport(AuctionService& service, CsvKind kind, QByteArray checkedBytes,
                              QByteArray importedBytes, ImportPlan* plan = nullptr)
{
    QBuffer checked(&checkedBytes);
    checked.open(QIODevice::ReadOnly);
    const ImportPlan check = planImport(kind, checked, QLocale::c(), {}, PlanRows::CheckOnly);
    if (plan)
        *plan = check;
    if (!check.ok())
        return fail(Error::invalid(check.problemText()));
    QBuffer imported(&importedBytes);
    imported.open(QIODevice::ReadOnly);
    return importCheckedFile(service, kind, imported, QLocale::c());
}

} // namespace

TEST(StreamedImport, ACheckKeepsNoRowsButThePreview)
{
    QByteArray csv = usersCsv(2500);
    QBuffer file(&csv);
    file.open(QIODevice::ReadOnly);
    const ImportPlan plan = planImport(CsvKind::Users, file, QLocale::c(), {}, PlanRows::CheckOnly);
    EXPECT_TRUE(plan.ok()) << plan.problemText().toStdString();
    EXPECT_TRUE(plan.users.isEmpty());
    EXPECT_TRUE(plan.userNames.isEmpty());
    EXPECT_EQ(plan.records.size(), ImportPlan::PreviewRows);
}

TEST(StreamedImport, ReadsThreeChunksIntoOneAuctionAsTheWholeFileWouldBe)
{
    // GIVEN 2,500 bidders (three chunks), a third asking for their paddle numbers
    TestAuction streamed;
    TestAuction whole;
    const QByteArray csv = usersCsv(2500);
    // WHEN one auction imports it streamed and the other from the whole plan
    const auto added = checkAndImport(streamed.service(), CsvKind::Users, csv, csv);
    ASSERT_TRUE(added.has_value()) << added.error().message.toStdString();
    ASSERT_TRUE(applyImport(whole.service(), planImport(CsvKind::Users, csv)).has_value());
    // THEN both have every bidder with the same paddle numbers: the ones without a number
    // passed over the numbers later rows asked for, in either chunk
    EXPECT_EQ(*added, 2500);
    const auto a = streamed.service().users();
    const auto b = whole.service().users();
    ASSERT_TRUE(a && b);
    ASSERT_EQ(a->rows.size(), 2500);
    ASSERT_EQ(b->rows.size(), 2500);
    for (qsizetype i = 0; i < a->rows.size(); ++i) {
        EXPECT_EQ(a->rows[i].name, b->rows[i].name);
        EXPECT_EQ(a->rows[i].number, b->rows[i].number) << a->rows[i].name.toStdString();
        EXPECT_EQ(a->rows[i].email, b->rows[i].email);
    }
}

TEST(StreamedImport, ANumberTakenInALaterChunkRefusesAllAndNamesItsLine)
{
    // GIVEN paddle 3400 is Ann's, and a file whose line 2,401 asks for it
    TestAuction auction;
    ASSERT_TRUE(auction.service()
                    .createUser(UserChanges{.name = QStringLiteral("Ann"), .number = 3400})
                    .has_value());
    const QByteArray csv = usersCsv(2500);
    // WHEN it is imported
    const auto added = checkAndImport(auction.service(), CsvKind::Users, csv, csv);
    // THEN nothing is added and the refusal names the line
    ASSERT_FALSE(added.has_value());
    EXPECT_TRUE(added.error().message.startsWith(u"line 2401: Bidder number 3400 is already Ann"))
        << added.error().message.toStdString();
    EXPECT_EQ(auction.service().users()->total, 1);
}

TEST(StreamedImport, AFileChangedAfterItsCheckIsRefusedWhole)
{
    // GIVEN a file checked, then given a bad last row before it is read again
    TestAuction auction;
    const QByteArray csv = usersCsv(1500);
    // WHEN it is imported
    const auto added = checkAndImport(auction.service(), CsvKind::Users, csv, csv + ",5,,\r\n");
    // THEN nothing is added, the line named
    ASSERT_FALSE(added.has_value());
    EXPECT_TRUE(added.error().message.contains(u"line 1502"))
        << added.error().message.toStdString();
    EXPECT_EQ(auction.service().users()->total, 0);
}

TEST(StreamedImport, ItemsToo)
{
    TestAuction auction;
    QByteArray csv = "name,starting_price\r\n";
    for (int i = 1; i <= 1200; ++i)
        csv += "Lot " + QByteArray::number(i) + ",1" + QByteArray::number(i % 10) + ".00\r\n";
    const auto added = checkAndImport(auction.service(), CsvKind::Items, csv, csv);
    ASSERT_TRUE(added.has_value()) << added.error().message.toStdString();
    EXPECT_EQ(*added, 1200);
    const auto items = auction.service().items();
    ASSERT_TRUE(items.has_value());
    ASSERT_EQ(items->rows.size(), 1200);
    EXPECT_EQ(items->rows.last().name, QStringLiteral("Lot 1200"));
    EXPECT_EQ(items->rows.last().startingPrice.cents(), 1000);
}
