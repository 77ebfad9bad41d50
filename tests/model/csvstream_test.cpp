// The import reads a file one record at a time (issue 21.15): a column named twice is
// refused by name, a long file keeps only the preview's rows, and a stream read in small
// pieces gives what the whole file gives.
#include "model/csv/csvimport.h"
#include "model/csv/csvreader.h"
#include "model/filepolicy.h"
#include "model/storage/database.h"
#include "support/testauction.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>
#include <sys/stat.h>

using namespace BidTracker::Model;

TEST(CsvImport, AColumnNamedTwiceIsRefusedByName)
{
    // Today's trap: the last "Starting_Price" would silently win over the first
    const auto plan =
        planImport(CsvKind::Items, "name,starting_price,notes,Starting_Price \r\nVase,10,x,99\r\n");
    ASSERT_FALSE(plan.ok());
    EXPECT_EQ(plan.problems.size(), 1);
    EXPECT_EQ(plan.problems.front().line, 1);
    EXPECT_TRUE(plan.problemText().contains(QStringLiteral("\"Starting_Price\" twice")))
        << plan.problemText().toStdString();
    EXPECT_TRUE(plan.problemText().contains(QStringLiteral("columns 2 and 4")));
    EXPECT_TRUE(plan.items.isEmpty());
    EXPECT_FALSE(planImport(CsvKind::Users, "name,Name\r\nAl,Bo\r\n").ok());
}

TEST(CsvImport, AColumnNamedTwiceIsNamedAsWrittenEvenWithPercentSigns)
{
    // Found by fuzz_csv_import's header property: chained arg() filled "%2" in a name
    const auto plan = planImport(CsvKind::Items, "name,%2x,%2x\r\nVase,1,2\r\n");
    ASSERT_FALSE(plan.ok());
    EXPECT_TRUE(plan.problemText().contains(QStringLiteral("\"%2x\" twice (columns 2 and 3)")))
        << plan.problemText().toStdString();
}

TEST(CsvImport, ALongFileKeepsOnlyThePreviewRows)
{
    QByteArray csv = "name,number\r\n";
    constexpr int Rows = 5000;
    for (int i = 1; i <= Rows; ++i)
        csv += (i % 1000 == 0 ? QByteArray() : "Bidder " + QByteArray::number(i)) + ',' +
               QByteArray::number(i) + "\r\n";
    const auto plan = planImport(CsvKind::Users, csv);
    EXPECT_EQ(plan.problems.size(), 5); // the five rows without a name
    EXPECT_EQ(plan.userNames.size(), Rows - 5);
    EXPECT_EQ(plan.lines.size(), Rows - 5);
    EXPECT_EQ(plan.lines.front(), 2);
    EXPECT_EQ(plan.lines.back(), Rows); // row 4999 (row 5000, line 5001, has no name)
    // The preview's rows: the first 20 good ones and every bad one (fewer than 20)
    EXPECT_EQ(plan.records.size(), ImportPlan::PreviewRows + 5);
    EXPECT_EQ(plan.records.back().line, Rows + 1); // the last bad row
}

TEST(CsvImport, ProblemsAndRepeatsNameTheirLinesWhileStreaming)
{
    const auto plan = planImport(CsvKind::Users, "name,number\r\nAl,7\r\nBo,7\r\nal,8\r\n");
    ASSERT_FALSE(plan.ok());
    EXPECT_TRUE(plan.problemText().contains(QStringLiteral("line 3: Bidder number 7 is also on "
                                                           "line 2")));
    EXPECT_EQ(plan.warnings, QStringList{QStringLiteral("line 4: \"al\" is also on line 2")});
}

TEST(CsvStream, ReadsRecordByRecordAsTheWholeFileDoes)
{
    const QByteArray csv = "\xEF\xBB\xBFname,note\r\n\"multi\r\nline\",\"a \"\"quote\"\"\"\n\n"
                           "last,\xE2\x82\xAC\r\n";
    QByteArray data = csv;
    QBuffer buffer(&data);
    ASSERT_TRUE(buffer.open(QIODevice::ReadOnly));
    CsvStream stream(buffer);
    QList<CsvRecord> streamed;
    while (auto record = stream.next())
        streamed.append(*record);
    EXPECT_TRUE(stream.error().isEmpty());
    EXPECT_EQ(stream.bytesRead(), csv.size());
    ASSERT_EQ(streamed.size(), 3);
    EXPECT_EQ(streamed[1].fields,
              (QStringList{QStringLiteral("multi\r\nline"), QStringLiteral("a \"quote\"")}));
    EXPECT_EQ(streamed[2].line, 5);
    EXPECT_EQ(streamed[2].fields[1], QStringLiteral("€"));
    // Bytes that are not UTF-8 on line 3 are named by their line
    const auto broken = readCsv("name\r\nok\r\nbad\xFF\r\n");
    ASSERT_FALSE(broken.has_value());
    EXPECT_TRUE(broken.error().startsWith(QStringLiteral("line 3: the file is not UTF-8")));
}

TEST(FilePolicy, RefusesWhatIsNoRegularFileWithoutOpeningIt)
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("pipe.csv"));
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    // A FIFO opened for reading would block until a writer comes: the check returns at once
    const auto input = FilePolicy::checkInput(fifo, FilePolicy::MaxCsvBytes);
    ASSERT_FALSE(input.has_value());
    EXPECT_TRUE(input.error().message.contains(QStringLiteral("FIFO")));
    EXPECT_TRUE(input.error().message.contains(fifo));
    EXPECT_FALSE(FilePolicy::checkOutput(fifo).has_value());
    EXPECT_FALSE(FilePolicy::checkDatabase(fifo).has_value());
    EXPECT_FALSE(FilePolicy::checkOutput(dir.path()).has_value());
    // A new file in an existing folder may be written; a regular file may be read
    const QString fresh = dir.filePath(QStringLiteral("new.csv"));
    EXPECT_TRUE(FilePolicy::checkOutput(fresh).has_value());
    EXPECT_FALSE(FilePolicy::checkInput(fresh, 10).has_value()); // there is none yet
    QFile file(fresh);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("name\r\n");
    file.close();
    EXPECT_TRUE(FilePolicy::checkInput(fresh, 10).has_value());
    EXPECT_FALSE(FilePolicy::checkInput(fresh, 3).has_value()); // over the size given
}

TEST(FilePolicy, AnAuctionThisProgramHasOpenIsNeverAnOutput)
{
    BidTracker::Testing::TestAuction auction;
    if (auction.path().startsWith(QStringLiteral("postgresql:")))
        GTEST_SKIP() << "SQLite files only";
    const auto own = FilePolicy::checkOutput(auction.path());
    ASSERT_FALSE(own.has_value());
    EXPECT_TRUE(own.error().message.contains(QStringLiteral("has open")));
    EXPECT_FALSE(FilePolicy::checkOutput(auction.path() + QStringLiteral("-wal")).has_value());
    EXPECT_FALSE(FilePolicy::checkOutput(auction.path() + QStringLiteral("-shm")).has_value());
    EXPECT_FALSE(FilePolicy::checkOutput(auction.path() + QStringLiteral("-journal")).has_value());
    EXPECT_FALSE(FilePolicy::checkInput(auction.path(), FilePolicy::MaxCsvBytes).has_value());
    // A second connection to the same auction (an export's worker) is allowed
    EXPECT_TRUE(FilePolicy::checkDatabase(auction.path()).has_value());
    EXPECT_FALSE(FilePolicy::checkDatabase(auction.path() + QStringLiteral("-wal")).has_value());
    // AND the auction still works: no check opened its file and dropped SQLite's locks
    EXPECT_TRUE(auction.service().createUser(QStringLiteral("After")).has_value());
}

TEST(FilePolicy, KnowsSqliteFilesByTheirHeaderNotTheirName)
{
    QTemporaryDir dir;
    // A closed auction under a CSV's name, a write-ahead log and a journal by their magic
    const QString database = dir.filePath(QStringLiteral("lots.csv"));
    {
        auto db = Database::open(database);
        ASSERT_TRUE(db.has_value());
    }
    const QString wal = dir.filePath(QStringLiteral("log.csv"));
    const QString journal = dir.filePath(QStringLiteral("journal.pdf"));
    for (const auto& [path, bytes] :
         {std::pair{wal, QByteArray::fromHex("377f0682002de21800001000")},
          std::pair{journal, QByteArray::fromHex("d9d505f920a163d700000000")}}) {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(bytes + QByteArray(500, '\0'));
    }
    for (const QString& path : {database, wal, journal}) {
        const auto output = FilePolicy::checkOutput(path);
        ASSERT_FALSE(output.has_value()) << path.toStdString();
        EXPECT_TRUE(output.error().message.contains(QStringLiteral("SQLite")));
        EXPECT_FALSE(FilePolicy::checkInput(path, FilePolicy::MaxCsvBytes).has_value());
    }
    // AND a file that only looks like one by name is an ordinary file
    const QString named = dir.filePath(QStringLiteral("notes.sqlite"));
    QFile file(named);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("name\r\nVase\r\n");
    file.close();
    EXPECT_TRUE(FilePolicy::checkOutput(named).has_value());
    EXPECT_TRUE(FilePolicy::checkInput(named, FilePolicy::MaxCsvBytes).has_value());
}
