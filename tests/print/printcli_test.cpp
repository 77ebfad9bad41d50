// `bidtracker print` as a user runs it: exit codes, messages, and never a partial file.
#include "api/headlessprocess.h"
#include "pdfprobe.h"
#include "support/testauction.h"

#include <QFile>
#include <QFileInfo>
#include <gtest/gtest.h>

using namespace BidTracker;
using Testing::ProcessRun;

namespace {

ProcessRun bidtracker(const QStringList& arguments, const QString& home)
{
    return Testing::runBidtracker(arguments, home);
}

} // namespace

TEST(PrintCommand, WritesEachDocumentAsAPdf)
{
    // GIVEN the sample auction
    Testing::TestAuction auction;
    ASSERT_TRUE(auction.service().loadSampleAuction().has_value());
    const QString dir = auction.dir();

    // WHEN each document is printed from the command line
    for (const QString& kind :
         {QStringLiteral("bid-sheets"), QStringLiteral("bidder-cards"), QStringLiteral("labels")}) {
        const QString file = dir + u'/' + kind + QStringLiteral(".pdf");
        const ProcessRun run = bidtracker(
            {"print", kind, "--db", auction.path(), "--paper", "letter", "-o", file}, dir);

        // THEN it exits 0 with a PDF that reads back
        EXPECT_EQ(run.exitCode, 0) << qPrintable(kind) << run.err.toStdString();
        const Testing::PdfProbe pdf(file);
        EXPECT_EQ(pdf.pageSize(), QSizeF(612, 792));
        EXPECT_TRUE(pdf.text().contains(kind == u"bidder-cards" ? u"Constance" : u"Item Nº 2"))
            << qPrintable(kind);
    }
    const ProcessRun some = bidtracker({"print", "bid-sheets", "--db", auction.path(), "--lots",
                                        "item2", "-o", dir + QStringLiteral("/one.pdf")},
                                       dir);
    EXPECT_EQ(some.exitCode, 0) << some.err.toStdString();
    EXPECT_EQ(Testing::PdfProbe(dir + QStringLiteral("/one.pdf")).pageCount(), 1);
}

TEST(PrintCommand, FailsWithOneLineAndWritesNothing)
{
    Testing::TestAuction auction;
    ASSERT_TRUE(auction.service().loadSampleAuction().has_value());
    const QString dir = auction.dir();
    const QString file = dir + QStringLiteral("/out.pdf");
    struct Case
    {
        QStringList arguments;
        int exitCode;
        QByteArray says;
    };
    const QList<Case> cases{
        {{"print", "labels", "--db", auction.path(), "--lots", "item1,item9", "-o", file},
         1,
         "item9"},
        {{"print", "labels", "--db", dir + QStringLiteral("/none.sqlite"), "-o", file},
         1,
         "no auction database"},
        {{"print", "labels", "--db", auction.path(), "-o", dir + QStringLiteral("/no/x.pdf")},
         2,
         "cannot write"},
        {{"print", "labels", "--db", auction.path(), "-o", auction.path()},
         2,
         "is an SQLite database"},
        {{"print", "posters", "--db", auction.path(), "-o", file}, 2, "Usage"},
        {{"print", "labels", "--db", auction.path()}, 2, "Usage"},
        {{"print", "labels", "--db", auction.path(), "--lots", "lamp", "-o", file}, 2, "lamp"},
        {{"print", "labels", "--db", auction.path(), "--bidders", "1", "-o", file},
         2,
         "--bidders goes with bidder-cards"},
        {{"print", "labels", "--db", auction.path(), "--paper", "legal", "-o", file}, 2, "--paper"},
    };
    for (const Case& c : cases) {
        const ProcessRun run = bidtracker(c.arguments, dir);
        EXPECT_EQ(run.exitCode, c.exitCode) << qPrintable(c.arguments.join(u' '));
        EXPECT_TRUE(run.err.contains(c.says)) << run.err.toStdString();
        EXPECT_FALSE(QFileInfo::exists(file)) << qPrintable(c.arguments.join(u' '));
    }
    EXPECT_FALSE(QFileInfo::exists(dir + QStringLiteral("/none.sqlite")))
        << "printing creates no database";
    // The database refused as the output is intact.
    EXPECT_TRUE(auction.service().item(1).has_value());
}

TEST(PrintCommand, AFailureLeavesAnOldFileAsItWas)
{
    Testing::TestAuction auction;
    ASSERT_TRUE(auction.service().loadSampleAuction().has_value());
    const QString file = auction.dir() + QStringLiteral("/old.pdf");
    {
        QFile old(file);
        ASSERT_TRUE(old.open(QIODevice::WriteOnly));
        old.write("old contents");
    }
    const ProcessRun run = bidtracker(
        {"print", "bid-sheets", "--db", auction.path(), "--lots", "77", "-o", file}, auction.dir());
    EXPECT_EQ(run.exitCode, 1);
    QFile old(file);
    ASSERT_TRUE(old.open(QIODevice::ReadOnly));
    EXPECT_EQ(old.readAll(), QByteArray("old contents"));
}

TEST(PrintCommand, BiddersAreNamedByPaddleNumberOrByUserId)
{
    // GIVEN the sample auction: Albert user1 paddle 100, Berry user2 paddle 101
    Testing::TestAuction auction;
    ASSERT_TRUE(auction.service().loadSampleAuction().has_value());
    const QString dir = auction.dir();
    const QString file = dir + QStringLiteral("/cards.pdf");
    // WHEN bidder cards are printed for paddle 101, THEN they are Berry's (not user101's)
    const ProcessRun paddle = bidtracker(
        {"print", "bidder-cards", "--db", auction.path(), "--bidders", "101", "-o", file}, dir);
    ASSERT_EQ(paddle.exitCode, 0) << paddle.err.toStdString();
    EXPECT_TRUE(Testing::PdfProbe(file).text().contains(u"Berry"));
    EXPECT_FALSE(Testing::PdfProbe(file).text().contains(u"Albert"));
    // AND user1 is the id, as in the API
    const ProcessRun id = bidtracker(
        {"print", "bidder-cards", "--db", auction.path(), "--bidders", "user1", "-o", file}, dir);
    ASSERT_EQ(id.exitCode, 0) << id.err.toStdString();
    EXPECT_TRUE(Testing::PdfProbe(file).text().contains(u"Albert"));
    EXPECT_FALSE(Testing::PdfProbe(file).text().contains(u"Berry"));
    // AND a paddle nobody has is one line, exit 1
    const ProcessRun nobody = bidtracker(
        {"print", "bidder-cards", "--db", auction.path(), "--bidders", "999", "-o", file}, dir);
    EXPECT_EQ(nobody.exitCode, 1);
    EXPECT_TRUE(nobody.err.contains("No bidder has paddle number 999")) << nobody.err.toStdString();
}
