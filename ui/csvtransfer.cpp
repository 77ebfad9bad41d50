#include "csvtransfer.h"

#include "model/auctionservice.h"
#include "model/csv/csvexport.h"
#include "model/csv/csvimport.h"
#include "model/filepolicy.h"
#include "model/storage/database.h"

#include <QDialogButtonBox>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <atomic>
#include <thread>

namespace BidTracker::Gui {

namespace {
constexpr int PreviewRows = 20;

/// The operator's word for what a CSV file holds (the file names keep the API's).
QString kindWords(Model::CsvKind kind)
{
    switch (kind) {
    case Model::CsvKind::Items:
        return QObject::tr("lots");
    case Model::CsvKind::Users:
        return QObject::tr("bidders");
    case Model::CsvKind::Bids:
        return QObject::tr("bids");
    case Model::CsvKind::Results:
        return QObject::tr("results");
    }
    return {};
}
} // namespace

QString exportWithProgress(const QString& databasePath, Model::CsvKind kind, const QString& file,
                           QWidget* parent)
{
    // PRODUCT.md's file rule: never a device, a FIFO, a folder or an SQLite file.
    if (auto allowed = Model::FilePolicy::checkOutput(file); !allowed) {
        QMessageBox::warning(parent, QObject::tr("Export"), allowed.error().message);
        return {};
    }
    QProgressDialog progress(QObject::tr("Exporting %1…").arg(kindWords(kind)),
                             QObject::tr("Cancel"), 0, 100, parent);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    std::atomic<bool> cancel{false};
    std::atomic<qint64> done{0};
    std::atomic<qint64> total{0};
    QString error;
    qint64 rows = 0;
    QEventLoop loop;
    std::atomic<bool> finished{false};
    // The worker opens its own connection: Qt Sql connections belong to one thread.
    const auto work = [&] {
        auto db = Model::Database::open(databasePath);
        if (!db) {
            error = db.error().message;
            return;
        }
        QSaveFile out(file);
        if (!out.open(QIODevice::WriteOnly)) {
            error = QObject::tr("Cannot write %1: %2").arg(file, out.errorString());
            return;
        }
        const auto written = Model::exportCsv(**db, kind, out,
                                              Model::CsvProgress{[&](qint64 d, qint64 t) {
                                                                     done = d;
                                                                     total = t;
                                                                 },
                                                                 &cancel},
                                              Model::CsvAudience::Operator);
        if (!written) {
            out.cancelWriting();
            error = written.error().message;
            return;
        }
        if (!out.commit()) {
            error = QObject::tr("Cannot write %1: %2").arg(file, out.errorString());
            return;
        }
        rows = *written;
    };
    QObject::connect(&progress, &QProgressDialog::canceled, [&] { cancel = true; });
    QTimer timer;
    QObject::connect(&timer, &QTimer::timeout, [&] {
        if (total > 0)
            progress.setValue(static_cast<int>(100 * done / total));
        if (finished)
            loop.quit();
    });
    timer.start(50);
    // A std::thread, joined before its results are read: the join is what makes `rows` and
    // `error` safe to read here (a QThread deleted when its finished() signal arrives may
    // still be running).
    std::thread worker([&] {
        work();
        finished = true; // the timer above ends the loop
    });
    loop.exec();
    worker.join();
    progress.reset();
    if (cancel && !error.isEmpty())
        return {};
    if (!error.isEmpty()) {
        QMessageBox::warning(
            parent, QObject::tr("Export"),
            QObject::tr("The export did not complete; no file was written.\n\n%1").arg(error));
        return {};
    }
    return QObject::tr("Exported %1 %2 to %3").arg(rows).arg(kindWords(kind), file);
}

Model::ImportPlan ImportDialog::readPlan(Model::CsvKind kind, const QString& file)
{
    Model::ImportPlan plan;
    plan.kind = kind;
    if (auto allowed = Model::FilePolicy::checkInput(file, Model::FilePolicy::MaxCsvBytes);
        !allowed) {
        plan.problems.append({0, allowed.error().message});
        return plan;
    }
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        plan.problems.append({0, tr("Cannot read %1: %2").arg(file, in.errorString())});
        return plan;
    }
    // Read one record at a time, with a progress bar for a long file.
    QProgressDialog progress(tr("Reading %1…").arg(QFileInfo(file).fileName()), QString(), 0, 1000,
                             parentWidget());
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    m_progressSeen = false;
    const qint64 size = std::max<qint64>(1, in.size());
    return Model::planImport(kind, in, QLocale(), [&](qint64 read) {
        m_progressSeen = true;
        progress.setValue(static_cast<int>(std::min<qint64>(1000, 1000 * read / size)));
    });
}

QString exportCheckoutFile(Model::AuctionService& service, Model::CheckoutCsv kind,
                           const QString& file)
{
    if (auto allowed = Model::FilePolicy::checkOutput(file); !allowed)
        return allowed.error().message;
    // QSaveFile: the file appears only when complete, and an old one stays if export fails.
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return QObject::tr("Cannot write %1: %2").arg(file, out.errorString());
    const auto written = Model::exportCheckoutCsv(service, kind, out);
    if (!written) {
        out.cancelWriting();
        return written.error().message;
    }
    if (!out.commit())
        return QObject::tr("Cannot write %1: %2").arg(file, out.errorString());
    return (kind == Model::CheckoutCsv::Invoices ? QObject::tr("Exported %1 invoices to %2")
                                                 : QObject::tr("Exported %1 payments to %2"))
        .arg(*written)
        .arg(file);
}

ImportDialog::ImportDialog(Model::AuctionService& service, Model::CsvKind kind, const QString& file,
                           QWidget* parent)
    : QDialog(parent), m_service(service), m_kind(kind), m_summary(new QLabel(this)),
      m_preview(new QTableWidget(this)), m_problems(new QPlainTextEdit(this)),
      m_notes(new QLabel(this)), m_import(new QPushButton(tr("&Import"), this))
{
    setWindowTitle(tr("Import %1 from %2").arg(kindWords(kind), QFileInfo(file).fileName()));
    resize(760, 520);
    m_plan = readPlan(kind, file);
    if (auto noted = Model::noteExistingNames(service, m_plan); !noted)
        m_plan.warnings.append(noted.error().message);
    const Model::ImportPlan& plan = m_plan;

    QHash<int, QStringList> problemsByLine;
    for (const Model::ImportProblem& problem : std::as_const(plan.problems))
        problemsByLine[problem.line].append(problem.message);
    m_preview->setColumnCount(static_cast<int>(plan.header.size()));
    m_preview->setHorizontalHeaderLabels(plan.header);
    // The bad rows first, so that they are in the preview however long the file is (the
    // plan keeps the first bad rows and the first good ones, in file order).
    QList<Model::CsvRecord> shownRecords;
    for (const auto& record : std::as_const(plan.records))
        if (problemsByLine.contains(record.line) && shownRecords.size() < PreviewRows)
            shownRecords.append(record);
    for (const auto& record : std::as_const(plan.records))
        if (!problemsByLine.contains(record.line) && shownRecords.size() < PreviewRows)
            shownRecords.append(record);
    std::sort(shownRecords.begin(), shownRecords.end(),
              [](const auto& a, const auto& b) { return a.line < b.line; });
    const int shown = static_cast<int>(shownRecords.size());
    m_preview->setRowCount(shown);
    const QColor bad(0xff, 0xd6, 0xd6);
    for (int row = 0; row < shown; ++row) {
        const auto& record = shownRecords[row];
        const bool isBad = problemsByLine.contains(record.line);
        auto* header = new QTableWidgetItem(tr("line %1").arg(record.line));
        m_preview->setVerticalHeaderItem(row, header);
        for (int column = 0; column < plan.header.size(); ++column) {
            auto* cell = new QTableWidgetItem(column < record.fields.size() ? record.fields[column]
                                                                            : QString());
            if (isBad) {
                cell->setBackground(bad);
                cell->setToolTip(problemsByLine.value(record.line).join(u'\n'));
            }
            m_preview->setItem(row, column, cell);
        }
        if (isBad)
            m_badRows.append(row);
    }
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->horizontalHeader()->setStretchLastSection(true);
    m_problems->setReadOnly(true);
    QStringList notes;
    if (!plan.ignoredColumns.isEmpty())
        notes.append(tr("%1 will be ignored.").arg(plan.ignoredColumns.join(QStringLiteral(", "))));
    for (const QString& warning : std::as_const(plan.warnings))
        notes.append(tr("Duplicate name: %1").arg(warning));
    m_notes->setText(notes.join(u'\n'));
    m_notes->setVisible(!notes.isEmpty());
    m_problems->setPlainText(plan.ok() ? tr("No problems found.") : plan.problemText());
    m_summary->setText(
        plan.ok() ? tr("%n row(s) ready to import. Nothing is written until you press Import; "
                       "Edit > Undo takes the whole import back.",
                       nullptr, static_cast<int>(plan.rowCount()))
                  : tr("%n problem(s) found (rows in red): fix the file and try again. Nothing "
                       "was imported.",
                       nullptr, static_cast<int>(plan.problems.size())));
    m_import->setEnabled(plan.ok());

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_import, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &ImportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ImportDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    m_notes->setWordWrap(true);
    m_notes->setStyleSheet(QStringLiteral("color: #a15c00;"));
    layout->addWidget(m_notes);
    layout->addWidget(new QLabel(tr("First rows:"), this));
    layout->addWidget(m_preview, 3);
    layout->addWidget(new QLabel(tr("Problems:"), this));
    layout->addWidget(m_problems, 1);
    layout->addWidget(buttons);
}

bool ImportDialog::canImport() const
{
    return m_import->isEnabled();
}

QString ImportDialog::problems() const
{
    return m_problems->toPlainText();
}

QString ImportDialog::notes() const
{
    return m_notes->text();
}

void ImportDialog::accept()
{
    // The plan read and checked when the dialog opened: the file is read once.
    const auto added = Model::applyImport(m_service, m_plan, &m_addedIds);
    if (!added) {
        QMessageBox::warning(this, windowTitle(),
                             tr("Nothing was imported.\n\n%1").arg(added.error().message));
        return;
    }
    m_imported = *added;
    QDialog::accept();
}

} // namespace BidTracker::Gui
