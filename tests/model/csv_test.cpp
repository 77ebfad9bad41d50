#include "model/csv/csvexport.h"
#include "model/csv/csvimport.h"
#include "model/csv/csvreader.h"
#include "model/csv/csvwriter.h"
#include "support/testauction.h"

#include <QBuffer>
#include <QDateTime>

using namespace BidTracker::Model;
using BidTracker::Testing::TestAuction;

namespace {

QByteArray writeRows(const QList<QStringList>& rows)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        CsvWriter writer(buffer);
        for (const QStringList& row : rows)
            writer.writeRow(row);
    }
    return buffer.data();
}

QByteArray exportOf(Database& db, CsvKind kind)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    EXPECT_TRUE(exportCsv(db, kind, buffer).has_value());
    return buffer.data();
}

struct FieldCase
{
    const char* name;
    QString field;
    QByteArray encoded;
};

class CsvField : public ::testing::TestWithParam<FieldCase>
{
};

TEST_P(CsvField, IsWrittenAsRfc4180AndReadBackUnchanged)
{
    // GIVEN a field WHEN written THEN it is encoded as RFC 4180 (and guarded) ...
    const FieldCase& c = GetParam();
    EXPECT_EQ(CsvWriter::encodeField(c.field), c.encoded);
    // ... AND a file of it reads back to exactly the same text
    const QByteArray file = writeRows({{QStringLiteral("a"), c.field, QStringLiteral("z")}});
    const auto records = readCsv(file);
    ASSERT_TRUE(records.has_value()) << records.error().toStdString();
    ASSERT_EQ(records->size(), 1);
    ASSERT_EQ(records->front().fields.size(), 3);
    EXPECT_EQ(CsvWriter::unguardFormula(records->front().fields[1]), c.field);
}

TEST(CsvWriter, ARowOfOneEmptyFieldIsNotABlankLine)
{
    // GIVEN rows of one field, one of them empty WHEN written and read back
    const auto records =
        readCsv(writeRows({{QStringLiteral("name")}, {QString()}, {QStringLiteral("x")}}));
    // THEN the empty row is still there (a blank line would be skipped as no record)
    ASSERT_TRUE(records.has_value()) << records.error().toStdString();
    ASSERT_EQ(records->size(), 3);
    EXPECT_EQ(records->at(1).fields, QStringList{QString()});
}

TEST(CsvRead, SkipsOneByteOrderMarkAndKeepsTheFieldsOwn)
{
    // GIVEN a file that starts with a mark and whose first field starts with another
    const auto records = readCsv(QByteArray("\xEF\xBB\xBF\xEF\xBB\xBFname,b\r\n"));
    // THEN only the file's mark is skipped
    ASSERT_TRUE(records.has_value()) << records.error().toStdString();
    ASSERT_EQ(records->size(), 1);
    EXPECT_EQ(records->front().fields.front(), QChar(0xFEFF) + QStringLiteral("name"));
}

TEST(CsvWriter, AFirstFieldStartingWithAByteOrderMarkKeepsIt)
{
    // GIVEN a file whose very first field starts with U+FEFF WHEN written and read back
    const QString first = QChar(0xFEFF) + QStringLiteral("name");
    const auto records = readCsv(writeRows({{first, QStringLiteral("b")}}));
    // THEN the reader's skip of a leading mark did not eat the field's own
    ASSERT_TRUE(records.has_value()) << records.error().toStdString();
    ASSERT_EQ(records->size(), 1);
    EXPECT_EQ(records->front().fields.front(), first);
}

INSTANTIATE_TEST_SUITE_P(
    Fields, CsvField,
    ::testing::Values(
        FieldCase{"Plain", QStringLiteral("Vase"), "Vase"}, FieldCase{"Empty", QString(), ""},
        FieldCase{"Comma", QStringLiteral("Smith, John"), "\"Smith, John\""},
        FieldCase{"Quote", QStringLiteral("The \"Blue\" vase"), "\"The \"\"Blue\"\" vase\""},
        FieldCase{"LineFeed", QStringLiteral("two\nlines"), "\"two\nlines\""},
        FieldCase{"CarriageReturnLineFeed", QStringLiteral("two\r\nlines"), "\"two\r\nlines\""},
        FieldCase{"Utf8", QString::fromUtf8("Zoë 山田 🎉 Nº"), QByteArray("Zoë 山田 🎉 Nº")},
        FieldCase{"FormulaEquals", QStringLiteral("=SUM(A1:A9)"), "'=SUM(A1:A9)"},
        FieldCase{"FormulaPlus", QStringLiteral("+1"), "'+1"},
        FieldCase{"FormulaMinus", QStringLiteral("-1+2"), "'-1+2"},
        FieldCase{"FormulaMinusCell", QStringLiteral("-A1"), "'-A1"},
        FieldCase{"NegativeNumberIsNoFormula", QStringLiteral("-1000.00"), "-1000.00"},
        FieldCase{"NegativeWholeNumber", QStringLiteral("-5"), "-5"},
        FieldCase{"ApostropheBeforeNumber", QStringLiteral("'-5"), "'-5"},
        FieldCase{"NumberWithTrailingDot", QStringLiteral("-5."), "'-5."},
        FieldCase{"FormulaAt", QStringLiteral("@cmd"), "'@cmd"},
        FieldCase{"FormulaTab", QStringLiteral("\tx"), "'\tx"},
        FieldCase{"FormulaCarriageReturn", QStringLiteral("\rx"), "\"'\rx\""},
        FieldCase{"FormulaWithComma", QStringLiteral("=1,2"), "\"'=1,2\""},
        FieldCase{"AlreadyQuotedFormula", QStringLiteral("'=x"), "''=x"},
        FieldCase{"ApostropheText", QStringLiteral("'tis"), "'tis"},
        FieldCase{"VeryLong", QString(100'000, u'x'), QByteArray(100'000, 'x')}),
    [](const auto& info) { return std::string(info.param.name); });

struct ReadCase
{
    const char* name;
    QByteArray data;
    QList<QStringList> rows; // empty with error set: must fail
    const char* error = nullptr;
};

class CsvRead : public ::testing::TestWithParam<ReadCase>
{
};

TEST_P(CsvRead, ReadsOrRefusesWithTheLine)
{
    const ReadCase& c = GetParam();
    const auto records = readCsv(c.data);
    if (c.error) {
        ASSERT_FALSE(records.has_value());
        EXPECT_TRUE(records.error().contains(QString::fromUtf8(c.error)))
            << records.error().toStdString();
        return;
    }
    ASSERT_TRUE(records.has_value()) << records.error().toStdString();
    QList<QStringList> rows;
    for (const CsvRecord& record : *records)
        rows.append(record.fields);
    EXPECT_EQ(rows, c.rows);
}

INSTANTIATE_TEST_SUITE_P(
    Files, CsvRead,
    ::testing::Values(
        ReadCase{"Crlf", "name,x\r\nVase,1\r\n", {{"name", "x"}, {"Vase", "1"}}},
        ReadCase{"BareLf", "name,x\nVase,1\n", {{"name", "x"}, {"Vase", "1"}}},
        ReadCase{"NoFinalLineBreak", "name\r\nVase", {{"name"}, {"Vase"}}},
        ReadCase{"Bom", "\xEF\xBB\xBFname\r\nVase\r\n", {{"name"}, {"Vase"}}},
        ReadCase{"EmptyFields", "a,b,c\r\n,,\r\n", {{"a", "b", "c"}, {"", "", ""}}},
        ReadCase{"QuotedEmpty", "a\r\n\"\"\r\n", {{"a"}, {""}}},
        ReadCase{"HeaderOnly", "name,status\r\n", {{"name", "status"}}},
        ReadCase{"EmptyFile", "", {}},
        ReadCase{"QuotedLineBreaks", "a,b\r\n\"x\r\ny\",z\r\n", {{"a", "b"}, {"x\r\ny", "z"}}},
        ReadCase{"StrayQuote", "a\r\nab\"c\r\n", {}, "line 2: a quote inside a field"},
        ReadCase{"TextAfterQuote", "a\r\n\"ab\"c\r\n", {}, "line 2: text after the closing quote"},
        ReadCase{"Unterminated",
                 "a\r\nx\r\n\"open\r\nstill\r\n",
                 {},
                 "line 3: a quoted field is never closed"},
        ReadCase{"NotUtf8", "name\r\nVase\r\nCaf\xE9\r\n", {}, "line 3: the file is not UTF-8"}),
    [](const auto& info) { return std::string(info.param.name); });

} // namespace

TEST(CsvImport, MapsColumnsByNameIgnoringExtraOnesInAnyOrder)
{
    const auto plan =
        planImport(CsvKind::Items,
                   "min_increment,colour,name,starting_price\r\n5,red,Vase,100\r\n,,Clock,\r\n");
    ASSERT_TRUE(plan.ok()) << plan.problemText().toStdString();
    ASSERT_EQ(plan.items.size(), 2);
    EXPECT_EQ(plan.items[0].name, QStringLiteral("Vase"));
    EXPECT_EQ(plan.items[0].minIncrement->cents(), 500);
    EXPECT_EQ(plan.items[0].startingPrice->cents(), 10000);
    EXPECT_FALSE(plan.items[1].startingPrice.has_value());
}

TEST(CsvImport, ReportsEveryBadRowByLineAndImportsNothing)
{
    // GIVEN a file with two bad rows among good ones
    TestAuction auction;
    const auto plan =
        planImport(CsvKind::Items, "name,status,starting_price\r\nVase,open,10\r\n,open,5\r\n"
                                   "Clock,sold,1.234\r\nLamp,closed,\r\n");
    // THEN each problem names its line, and applying the plan adds nothing
    ASSERT_FALSE(plan.ok());
    const QString text = plan.problemText();
    EXPECT_TRUE(text.contains(QStringLiteral("line 3: Name must not be empty")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("line 4: Status must be open or closed")));
    EXPECT_TRUE(
        text.contains(QStringLiteral("line 4: Starting price must have at most two decimals")));
    EXPECT_FALSE(applyImport(auction.service(), plan).has_value());
    EXPECT_EQ(auction.service().items()->total, 0);
}

TEST(CsvImport, RequiresANameColumn)
{
    const auto plan = planImport(CsvKind::Users, "user,age\r\nBob,3\r\n");
    ASSERT_FALSE(plan.ok());
    EXPECT_TRUE(plan.problemText().contains(QStringLiteral("no name column")));
    EXPECT_FALSE(planImport(CsvKind::Users, "").ok());
}

TEST(CsvImport, AHeaderOnlyFileImportsNothingAndSucceeds)
{
    TestAuction auction;
    const auto plan = planImport(CsvKind::Users, "name\r\n");
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(applyImport(auction.service(), plan).value(), 0);
}

TEST(CsvRoundTrip, ExportImportExportGivesTheSameData)
{
    // GIVEN items and users with every awkward kind of name
    TestAuction first;
    const QStringList names{QStringLiteral("Plain"),        QStringLiteral("Comma, too"),
                            QStringLiteral("\"Quoted\""),   QStringLiteral("=HYPERLINK(\"x\")"),
                            QStringLiteral("-minus"),       QStringLiteral("'=already"),
                            QString::fromUtf8("Zoë 山田 🎉")};
    for (const QString& name : names) {
        first.addUser(name);
        first.addItem(name, 1234, 50);
    }
    ItemChanges close;
    close.status = ItemStatus::Closed;
    ASSERT_TRUE(first.service().updateItem(2, close).has_value());
    const QByteArray items = exportOf(first.db(), CsvKind::Items);
    const QByteArray users = exportOf(first.db(), CsvKind::Users);
    // WHEN both are imported into a new database and exported again
    TestAuction second;
    ASSERT_TRUE(applyImport(second.service(), planImport(CsvKind::Items, items)).has_value());
    ASSERT_TRUE(applyImport(second.service(), planImport(CsvKind::Users, users)).has_value());
    // THEN the files are identical, byte for byte
    EXPECT_EQ(exportOf(second.db(), CsvKind::Items), items);
    EXPECT_EQ(exportOf(second.db(), CsvKind::Users), users);
}

TEST(CsvExport, WritesTheDocumentedColumnsAndRows)
{
    TestAuction auction;
    ASSERT_TRUE(auction.service().loadSampleAuction().has_value());
    const auto results = readCsv(exportOf(auction.db(), CsvKind::Results));
    ASSERT_TRUE(results.has_value());
    ASSERT_EQ(results->size(), 3);
    EXPECT_EQ(results->at(0).fields, csvColumns(CsvKind::Results));
    // item1 is still open: Berry leads at 1000.00, but nobody has won it yet
    EXPECT_EQ(results->at(1).fields, (QStringList{"item1", QString::fromUtf8("Item Nº 1"), "", "",
                                                  "1000.00", "2", "false", ""}));
    EXPECT_EQ(results->at(2).fields,
              (QStringList{"item2", QString::fromUtf8("Item Nº 2"), "", "", "", "0", "false", ""}));
    const auto users = readCsv(exportOf(auction.db(), CsvKind::Users));
    EXPECT_EQ(users->at(0).fields, csvColumns(CsvKind::Users));
    EXPECT_EQ(users->at(1).fields,
              (QStringList{"user1", "Albert", "1", "1", "100", "", "", "false"}));
}

TEST(CsvExport, ResultsNameTheWinnerAndPaddleOnlyOfASoldLot)
{
    // GIVEN the sample auction with item1 closed (Berry, paddle 101, at 1000.00), a lot
    // closed below its reserve and one closed without bids
    TestAuction auction;
    ASSERT_TRUE(auction.service().loadSampleAuction().has_value());
    ItemChanges close;
    close.status = ItemStatus::Closed;
    ASSERT_TRUE(auction.service().updateItem(1, close).has_value());
    ASSERT_TRUE(auction.service().updateItem(2, close).has_value());
    ItemChanges reserved;
    reserved.name = QStringLiteral("Reserve 50");
    reserved.reserve = std::optional<Money>(Money::fromCents(5000));
    const qint64 below = auction.service().createItem(reserved)->id;
    auction.bid(below, 1, 3000);
    ASSERT_TRUE(auction.service().updateItem(below, close).has_value());
    // WHEN results.csv is exported
    const auto results = readCsv(exportOf(auction.db(), CsvKind::Results));
    ASSERT_TRUE(results.has_value());
    ASSERT_EQ(results->size(), 4);
    // THEN the sold lot names its winner and paddle, the others are not sold and name nobody
    EXPECT_EQ(results->at(0).fields.mid(6), (QStringList{"sold", "winner_number"}));
    EXPECT_EQ(results->at(1).fields, (QStringList{"item1", QString::fromUtf8("Item Nº 1"), "user2",
                                                  "Berry", "1000.00", "2", "true", "101"}));
    EXPECT_EQ(results->at(2).fields,
              (QStringList{"item2", QString::fromUtf8("Item Nº 2"), "", "", "", "0", "false", ""}));
    EXPECT_EQ(results->at(3).fields, (QStringList{formatId(EntityKind::Item, below), "Reserve 50",
                                                  "", "", "30.00", "1", "false", ""}));
    // AND the invoices agree: only Berry's lot is on one
    EXPECT_EQ(auction.service().invoice(2)->lines.size(), 1);
    EXPECT_TRUE(auction.service().invoice(1)->lines.isEmpty());
}

TEST(CsvExport, StopsWhenCancelled)
{
    // GIVEN more rows than one progress step (5,000)
    TestAuction auction;
    QStringList names;
    for (int i = 1; i <= 12'000; ++i)
        names.append(QStringLiteral("Bidder %1").arg(i));
    ASSERT_TRUE(auction.service().importUsers(names).has_value());
    std::atomic<bool> cancel{false};
    qint64 reported = 0;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    // WHEN the export is cancelled at its first report
    const auto result = exportCsv(auction.db(), CsvKind::Users, buffer,
                                  CsvProgress{[&](qint64 done, qint64) {
                                                  reported = done;
                                                  cancel = true;
                                              },
                                              &cancel});
    // THEN it stops there and says so
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().message, QStringLiteral("Cancelled"));
    EXPECT_EQ(reported, 5000);
}

TEST(CsvImport, UsersTakePaddleNumbersAndContactFieldsAndRoundTrip)
{
    // GIVEN a file with the optional columns, one row leaving the number to the auction
    const QByteArray file = "name,number,phone,email,tax_exempt\r\n"
                            "Chen Wei,105,+1 555 0100,chen@example.org,yes\r\n"
                            "Dana,,,,\r\n";
    TestAuction auction;
    const auto plan = planImport(CsvKind::Users, file);
    ASSERT_TRUE(plan.ok()) << plan.problemText().toStdString();
    EXPECT_TRUE(plan.ignoredColumns.isEmpty());
    // WHEN it is imported
    QList<qint64> ids;
    ASSERT_TRUE(applyImport(auction.service(), plan, &ids).has_value());
    // THEN the fields are stored
    auto chen = auction.service().user(ids[0]);
    EXPECT_EQ(chen->number, 105);
    EXPECT_EQ(chen->phone, u"+1 555 0100");
    EXPECT_EQ(chen->email, u"chen@example.org");
    EXPECT_TRUE(chen->taxExempt);
    EXPECT_EQ(auction.service().user(ids[1])->number, 100);
    EXPECT_FALSE(auction.service().user(ids[1])->taxExempt);
    // AND the export imports into a new auction unchanged, byte for byte
    const QByteArray exported = exportOf(auction.db(), CsvKind::Users);
    TestAuction second;
    ASSERT_TRUE(applyImport(second.service(), planImport(CsvKind::Users, exported)).has_value());
    EXPECT_EQ(exportOf(second.db(), CsvKind::Users), exported);
    // AND importing the same numbers again is refused whole
    EXPECT_FALSE(applyImport(second.service(), planImport(CsvKind::Users, exported)).has_value());
    EXPECT_EQ(second.service().users()->total, 2);
}

TEST(CsvImport, BadUserFieldsAreReportedByLine)
{
    const auto plan = planImport(CsvKind::Users, "name,number,phone,email,tax_exempt\r\n"
                                                 "A,abc,,,\r\n"
                                                 "B,0,,,\r\n"
                                                 "C,7,no digits,,\r\n"
                                                 "D,8,,not-an-email,\r\n"
                                                 "E,9,,,maybe\r\n"
                                                 "F,9,,,\r\n");
    ASSERT_FALSE(plan.ok());
    QList<int> lines;
    for (const ImportProblem& problem : plan.problems)
        lines.append(problem.line);
    EXPECT_EQ(lines, (QList<int>{2, 3, 4, 5, 6, 7})) << plan.problemText().toStdString();
    EXPECT_TRUE(plan.problemText().contains(u"line 7: Bidder number 9 is also on line 6"))
        << plan.problemText().toStdString();
}

TEST(CsvImport, APaddleNumberTakenInTheAuctionNamesTheLine)
{
    // GIVEN an auction where paddle 300 is Ann's
    TestAuction auction;
    ASSERT_TRUE(auction.service()
                    .createUser(UserChanges{.name = QStringLiteral("Ann"), .number = 300})
                    .has_value());
    // WHEN a file asks for 300 on its third line
    const auto plan = planImport(CsvKind::Users, "name,number\r\nBo,301\r\nCy,300\r\n");
    ASSERT_TRUE(plan.ok()) << plan.problemText().toStdString();
    const auto applied = applyImport(auction.service(), plan);
    // THEN it is refused whole, naming the line as for a number given twice in the file
    ASSERT_FALSE(applied.has_value());
    EXPECT_TRUE(applied.error().message.startsWith(u"line 3: Bidder number 300 is already Ann"))
        << applied.error().message.toStdString();
    EXPECT_EQ(auction.service().users()->total, 1);
}

TEST(CsvImport, AMisplacedSeparatorIsNamedWithTheColumnAndNoStrayQuote)
{
    const auto plan = planImport(CsvKind::Items, "name,starting_price\r\nVase,\"1,35\"\r\n");
    ASSERT_FALSE(plan.ok());
    EXPECT_TRUE(plan.problemText().startsWith(
        QStringLiteral("line 2: Starting price \"1,35\" has a misplaced \",\"")))
        << plan.problemText().toStdString();
}

namespace {

QByteArray operatorExportOf(Database& db, CsvKind kind)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    EXPECT_TRUE(exportCsv(db, kind, buffer, {}, CsvAudience::Operator).has_value());
    return buffer.data();
}

} // namespace

TEST(CsvRoundTrip, EveryFieldOfALotImportsBackWhole)
{
    // GIVEN a lot with every field a lot has, closing tomorrow
    TestAuction first;
    const QString closes = QDateTime::currentDateTimeUtc().addDays(1).toString(
        QStringLiteral("yyyy-MM-ddTHH:mm:00.000Z"));
    ItemChanges wine{.name = QStringLiteral("Malbec & Grüner, 6 bottles"),
                     .startingPrice = Money::fromCents(5000),
                     .minIncrement = Money::fromCents(500),
                     .description = QStringLiteral("Two vintages,\n\"cellared\" since 2019"),
                     .donor = QStringLiteral("=Vineyard Co"),
                     .fairMarketValue = std::optional(Money::fromCents(18000)),
                     .reserve = std::optional(Money::fromCents(9000)),
                     .buyNow = std::optional(Money::fromCents(30000)),
                     .closesAt = closes};
    ASSERT_TRUE(first.service().createItem(wine).has_value());
    first.addItem(QStringLiteral("Plain lot"));
    // WHEN items.csv is exported (as the window and the command line do) and imported anew
    const QByteArray items = operatorExportOf(first.db(), CsvKind::Items);
    const auto plan = planImport(CsvKind::Items, items);
    ASSERT_TRUE(plan.ok()) << plan.problemText().toStdString();
    EXPECT_TRUE(plan.ignoredColumns.contains(QStringLiteral("winner_name")));
    EXPECT_FALSE(plan.ignoredColumns.contains(QStringLiteral("reserve")));
    TestAuction second;
    ASSERT_TRUE(applyImport(second.service(), plan).has_value());
    // THEN every field came back, and the file exports again byte for byte
    const auto lot = second.service().item(1);
    ASSERT_TRUE(lot.has_value());
    EXPECT_EQ(lot->name, *wine.name);
    EXPECT_EQ(lot->description, *wine.description);
    EXPECT_EQ(lot->donor, *wine.donor);
    EXPECT_EQ(lot->fairMarketValue, Money::fromCents(18000));
    EXPECT_EQ(lot->reserve, Money::fromCents(9000));
    EXPECT_EQ(lot->buyNow, Money::fromCents(30000));
    EXPECT_EQ(lot->closesAt, closes);
    EXPECT_EQ(lot->startingPrice.cents(), 5000);
    EXPECT_FALSE(second.service().item(2)->reserve.has_value());
    EXPECT_EQ(operatorExportOf(second.db(), CsvKind::Items), items);
    // AND the public export (the API's) keeps the reserve secret
    const auto shown = readCsv(exportOf(first.db(), CsvKind::Items));
    const qsizetype reserve = csvColumns(CsvKind::Items).indexOf(QStringLiteral("reserve"));
    ASSERT_GT(reserve, 0);
    EXPECT_TRUE(shown->at(1).fields.at(reserve).isEmpty());
    EXPECT_EQ(readCsv(items)->at(1).fields.at(reserve), QStringLiteral("90.00"));
}

TEST(CsvImport, LotFieldsAreCheckedAsTheDialogChecksThemAllOrNothing)
{
    // GIVEN rows with a bad amount, a negative buy-now price, a closing time gone and one
    // that is no time, among good rows (a closed lot keeps the time it closed at)
    TestAuction auction;
    const auto plan = planImport(CsvKind::Items,
                                 "name,reserve,buy_now,fair_market_value,closes_at,status,donor\r\n"
                                 "Vase,\"1,000.50\",2000,150,,open,Ann\r\n"
                                 "Clock,12.345,,,,open,\r\n"
                                 "Lamp,,-5,,,open,\r\n"
                                 "Rug,,,,2020-01-01T00:00:00.000Z,open,\r\n"
                                 "Quilt,,,,next friday,open,\r\n"
                                 "Old sale,,,,2020-01-01T00:00:00.000Z,closed,\r\n",
                                 QLocale(QLocale::English, QLocale::UnitedStates));
    // THEN each problem names its line, and nothing is imported
    ASSERT_FALSE(plan.ok());
    const QString text = plan.problemText();
    EXPECT_TRUE(text.contains(QStringLiteral("line 3: Reserve must have at most two decimals")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("line 4: Buy-now price")));
    EXPECT_TRUE(
        text.contains(QStringLiteral("line 5: closes_at 2020-01-01T00:00:00.000Z is in the past")));
    EXPECT_TRUE(text.contains(QStringLiteral("line 6: closes_at must be a time")));
    EXPECT_FALSE(text.contains(QStringLiteral("line 7")));
    EXPECT_FALSE(text.contains(QStringLiteral("line 2")));
    EXPECT_FALSE(applyImport(auction.service(), plan).has_value());
    EXPECT_EQ(auction.service().items()->total, 0);
    // AND the good row alone is taken whole, amounts read as people write them
    const auto good = planImport(CsvKind::Items,
                                 "name,reserve,buy_now,fair_market_value,donor\r\n"
                                 "Vase,\"1,000.50\",2000,150,Ann\r\n",
                                 QLocale(QLocale::English, QLocale::UnitedStates));
    ASSERT_TRUE(good.ok()) << good.problemText().toStdString();
    ASSERT_TRUE(applyImport(auction.service(), good).has_value());
    const auto vase = auction.service().item(1);
    EXPECT_EQ(vase->reserve, Money::fromCents(100050));
    EXPECT_EQ(vase->buyNow, Money::fromCents(200000));
    EXPECT_EQ(vase->fairMarketValue, Money::fromCents(15000));
    EXPECT_EQ(vase->donor, QStringLiteral("Ann"));
}
