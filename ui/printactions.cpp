#include "printactions.h"

#include "model/auctionservice.h"
#include "model/tables/tablesupport.h"
#include "print/document.h"
#include "printchooser.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QLocale>
#include <QMessageBox>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QTableView>
#include <algorithm>

namespace BidTracker::Gui {

PrintActions::PrintActions(Model::AuctionService& service, IdSource selectedLots,
                           IdSource selectedBidders, QWidget* window)
    : QObject(window), m_service(service), m_selectedLots(std::move(selectedLots)),
      m_selectedBidders(std::move(selectedBidders)), m_window(window),
      m_print(new QAction(tr("&Print…"), this)),
      m_sheets(new QAction(tr("Print &bid sheets for the selected lots…"), this)),
      m_labels(new QAction(tr("Print &labels for the selected lots…"), this))
{
    m_print->setShortcut(QKeySequence::Print);
    connect(m_print, &QAction::triggered, this, &PrintActions::choose);
    const Print::Paper paper = Print::paperForLocale(QLocale());
    connect(m_sheets, &QAction::triggered, this, [this, paper] {
        if (const QList<qint64> lots = m_selectedLots(); !lots.isEmpty())
            preview(Print::DocumentKind::BidSheets, {lots, {}}, paper);
    });
    connect(m_labels, &QAction::triggered, this, [this, paper] {
        if (const QList<qint64> lots = m_selectedLots(); !lots.isEmpty())
            preview(Print::DocumentKind::Labels, {lots, {}}, paper);
    });
}

void PrintActions::choose()
{
    PrintChooser chooser(
        m_selectedLots(), m_selectedBidders(),
        [this](const QString& typed) { return m_service.biddersByPaddles(typed); }, m_window);
    if (chooser.exec() == QDialog::Accepted)
        preview(chooser.kind(), chooser.selection(), chooser.paper());
}

bool PrintActions::printTo(QPrinter& printer, Print::DocumentKind kind,
                           const Print::Selection& selection, Print::Paper paper, QString* error)
{
    auto document = Print::makeDocument(kind, paper, selection, m_service);
    if (!document) {
        *error = document.error().message;
        return false;
    }
    printer.setDocName((*document)->title());
    // The layouts place everything from the paper's corner (labels must meet the sheet's).
    printer.setFullPage(true);
    if (!Print::render(**document, printer)) {
        *error = tr("The printer could not be started.");
        return false;
    }
    return true;
}

bool PrintActions::preview(Print::DocumentKind kind, const Print::Selection& selection,
                           Print::Paper paper)
{
    // The document is read once, up front, so a missing lot is said before any dialog.
    auto document = Print::makeDocument(kind, paper, selection, m_service);
    if (!document) {
        QMessageBox::warning(m_window, tr("Print"),
                             tr("Cannot print: %1").arg(document.error().message));
        return false;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName((*document)->title());
    printer.setFullPage(true);
    printer.setPageSize(Print::pageSize(paper));
    QPrintPreviewDialog dialog(&printer, m_window);
    dialog.setWindowTitle(tr("Print preview: %1").arg((*document)->title()));
    const Print::Document& shown = **document;
    connect(&dialog, &QPrintPreviewDialog::paintRequested, &dialog,
            [&shown](QPrinter* target) { Print::render(shown, *target); });
    dialog.resize(900, 1000);
    dialog.exec();
    return true;
}

QList<qint64> PrintActions::selectedIds(const QTableView* view)
{
    QModelIndexList rows =
        view->selectionModel() ? view->selectionModel()->selectedRows() : QModelIndexList();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QList<qint64> ids;
    for (const QModelIndex& row : rows)
        ids.append(row.data(Model::IdRole).toLongLong());
    return ids;
}

} // namespace BidTracker::Gui
