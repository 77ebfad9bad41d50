// The window keeps PRODUCT.md's one file rule too: its export never writes over a FIFO or
// the auction it has open, and its import reads only regular files, with a progress bar
// for a long one.
#include "modaldriver.h"
#include "ui/csvtransfer.h"
#include "windowfixture.h"

#include <QDir>
#include <QMessageBox>
#include <QProgressDialog>
#include <sys/stat.h>

using namespace BidTracker;

namespace {

struct Identity
{
    ino_t inode = 0;
    mode_t mode = 0;
    off_t size = 0;
    bool operator==(const Identity&) const = default;
};

Identity identityOf(const QString& path)
{
    struct stat info
    {
    };
    EXPECT_EQ(::lstat(QFile::encodeName(path).constData(), &info), 0);
    return {info.st_ino, info.st_mode, info.st_size};
}

} // namespace

TEST(WindowFileRule, ExportRefusesAFifoAndTheOpenAuctionNamingThem)
{
    Testing::WindowFixture f;
    if (f.auction.path().startsWith(QStringLiteral("postgresql:")))
        GTEST_SKIP() << "SQLite files only";
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("lots.csv"));
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    for (const QString& target : {fifo, f.auction.path()}) {
        const Identity before = identityOf(target);
        QString shown;
        Testing::whenShown<QMessageBox>([&](QMessageBox* box) {
            shown = box->text();
            box->accept();
        });
        EXPECT_TRUE(
            Gui::exportWithProgress(f.auction.path(), Model::CsvKind::Items, target, f.window.get())
                .isEmpty());
        EXPECT_TRUE(shown.contains(target)) << shown.toStdString();
        EXPECT_TRUE(identityOf(target) == before) << target.toStdString();
    }
    EXPECT_TRUE(f.auction.service().createUser(QStringLiteral("After")).has_value());
}

TEST(WindowFileRule, ImportReadsOnlyRegularFilesWithProgressForALongOne)
{
    Testing::WindowFixture f;
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("lots.csv"));
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    // A FIFO: refused at once (reading it would wait for a writer forever)
    Gui::ImportDialog refused(f.auction.service(), Model::CsvKind::Items, fifo, f.window.get());
    EXPECT_FALSE(refused.canImport());
    EXPECT_TRUE(refused.problems().contains(QStringLiteral("FIFO")))
        << refused.problems().toStdString();
    // A long file: read with progress, then imported whole
    const QString big = dir.filePath(QStringLiteral("big.csv"));
    {
        QFile file(big);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("name,starting_price\r\n");
        for (int i = 1; i <= 20'000; ++i)
            file.write("Lot " + QByteArray::number(i) + ",10\r\n");
    }
    Gui::ImportDialog dialog(f.auction.service(), Model::CsvKind::Items, big, f.window.get());
    EXPECT_TRUE(dialog.reportedProgress());
    ASSERT_TRUE(dialog.canImport()) << dialog.problems().toStdString();
    dialog.accept();
    EXPECT_EQ(dialog.imported(), 20'000);
}
