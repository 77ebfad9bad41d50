#pragma once

#include "csvkind.h"
#include "csvreader.h"
#include "model/error.h"
#include "model/records.h"

#include <QList>
#include <QLocale>
#include <QStringList>
#include <functional>

namespace BidTracker::Model {

class AuctionService;

/// A row the import cannot take, and why.
struct ImportProblem
{
    int line = 0; // 0: the file as a whole
    QString message;
};

/// An import read and checked in full, before anything is written: what would be added, and
/// every problem found. The window shows it as the preview; apply it only when it has no
/// problems.
struct ImportPlan
{
    /// How many rows of each sort (with problems, without) `records` keeps for the preview.
    static constexpr int PreviewRows = 20;

    CsvKind kind = CsvKind::Items;
    QStringList header;
    /// For the preview: the first PreviewRows rows with problems and the first PreviewRows
    /// without, in file order. The other rows are read, checked and let go (bounded memory).
    QList<CsvRecord> records;
    QList<int> lines;         // the line of each planned row (items or users, in order)
    QList<ItemChanges> items; // kind Items
    QStringList userNames;    // kind Users
    QList<UserChanges> users; // kind Users: the names again, with number and contact fields
    QList<ImportProblem> problems;
    /// Not problems, but worth a look before importing: columns that will be ignored, names
    /// that appear twice in the file.
    QStringList ignoredColumns;
    QStringList warnings;

    bool ok() const { return problems.isEmpty(); }
    qsizetype rowCount() const { return kind == CsvKind::Items ? items.size() : userNames.size(); }
    /// "line 3: Name must not be empty" for each problem, one a line.
    QString problemText() const;
};

/// Called now and then while a file is read, with the bytes read so far.
using ImportProgress = std::function<void(qint64 bytesRead)>;

/// Reads and checks a CSV file of items or users, streaming, one record at a time: the
/// header maps columns by name (`name` required, others optional, unknown ones ignored; a
/// column named twice is a problem naming it), every row is checked with the same rules as
/// the window and the API use. Amounts are read as people write them (Money::parseTyped) in
/// `locale`, or in the plain form the export writes ("1350.00").
/// What planImport keeps of the rows it reads: every row (for the preview and applyImport),
/// or only the preview's (for importFile, which reads the file again to write it).
enum class PlanRows { Keep, CheckOnly };

ImportPlan planImport(CsvKind kind, QIODevice& in, const QLocale& locale = QLocale::c(),
                      const ImportProgress& progress = {}, PlanRows keep = PlanRows::Keep);
/// The same on bytes in memory.
ImportPlan planImport(CsvKind kind, const QByteArray& data, const QLocale& locale = QLocale::c());

/// Adds every row of a plan without problems in one transaction: all or nothing. Returns the
/// number of rows added.
Result<qint64> applyImport(AuctionService& service, const ImportPlan& plan,
                           QList<qint64>* ids = nullptr);

/// The command line's import, in bounded memory whatever the file's length: `in` (a regular
/// file, read again from its start), which planImport(..., PlanRows::CheckOnly) found
/// without problems, is read a chunk of rows at a time into one transaction, all or nothing.
Result<qint64> importCheckedFile(AuctionService& service, CsvKind kind, QIODevice& in,
                                 const QLocale& locale);

/// Adds a warning to the plan for each name that the auction already has ("line 4: "Vase"
/// is already item7"): allowed, but often a list imported twice.
Result<void> noteExistingNames(AuctionService& service, ImportPlan& plan);

/// The columns an import of this kind reads; any other column of the file is ignored.
QStringList importedColumns(CsvKind kind);

} // namespace BidTracker::Model
