#include "csvtransfer.h"

#include "model/auctionservice.h"
#include "model/csv/csvexport.h"
#include "model/csv/csvimport.h"
#include "model/database.h"

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
#include <atomic>
#include <thread>

namespace BidTracker::Gui {

namespace {
constexpr int PreviewRows = 20;
}

QString exportWithProgress(const QString& databasePath, Model::CsvKind kind, const QString& file,
                           QWidget* parent)
{
    QProgressDialog progress(QObject::tr("Exporting %1…").arg(Model::csvKindName(kind)),
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
                                                                 &cancel});
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
    return QObject::tr("Exported %1 %2 to %3").arg(rows).arg(Model::csvKindName(kind), file);
}

ImportDialog::ImportDialog(Model::AuctionService& service, Model::CsvKind kind, const QString& file,
                           QWidget* parent)
    : QDialog(parent), m_service(service), m_kind(kind), m_summary(new QLabel(this)),
      m_preview(new QTableWidget(this)), m_problems(new QPlainTextEdit(this)),
      m_import(new QPushButton(tr("&Import"), this))
{
    setWindowTitle(
        tr("Import %1 from %2").arg(Model::csvKindName(kind), QFileInfo(file).fileName()));
    resize(760, 520);
    QFile in(file);
    Model::ImportPlan plan;
    if (in.open(QIODevice::ReadOnly)) {
        m_data = in.readAll();
        plan = Model::planImport(kind, m_data);
    } else {
        plan.problems.append({0, tr("Cannot read %1: %2").arg(file, in.errorString())});
    }

    m_preview->setColumnCount(static_cast<int>(plan.header.size()));
    m_preview->setHorizontalHeaderLabels(plan.header);
    const int shown = static_cast<int>(std::min<qsizetype>(PreviewRows, plan.records.size()));
    m_preview->setRowCount(shown);
    for (int row = 0; row < shown; ++row) {
        const auto& record = plan.records[row];
        m_preview->setVerticalHeaderItem(row, new QTableWidgetItem(tr("line %1").arg(record.line)));
        for (int column = 0; column < record.fields.size() && column < plan.header.size(); ++column)
            m_preview->setItem(row, column, new QTableWidgetItem(record.fields[column]));
    }
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->horizontalHeader()->setStretchLastSection(true);
    m_problems->setReadOnly(true);
    m_problems->setPlainText(plan.ok() ? tr("No problems found.") : plan.problemText());
    m_summary->setText(
        plan.ok() ? tr("%n row(s) ready to import. Nothing is written until you press Import.",
                       nullptr, static_cast<int>(plan.rowCount()))
                  : tr("%n problem(s) found: fix the file and try again. Nothing was imported.",
                       nullptr, static_cast<int>(plan.problems.size())));
    m_import->setEnabled(plan.ok());

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_import, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &ImportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ImportDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
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

void ImportDialog::accept()
{
    // Planned again: the file was read once, the rules are the model's.
    const auto added = Model::applyImport(m_service, Model::planImport(m_kind, m_data));
    if (!added) {
        QMessageBox::warning(this, windowTitle(),
                             tr("Nothing was imported.\n\n%1").arg(added.error().message));
        return;
    }
    m_imported = *added;
    QDialog::accept();
}

} // namespace BidTracker::Gui
