#pragma once

#include "print/documentkind.h"

#include <QObject>
#include <functional>

class QAction;
class QPrinter;
class QTableView;
class QWidget;

namespace BidTracker::Model {
class AuctionService;
}

namespace BidTracker::Gui {

/// The window's printing: File > Print... (the chooser, then the preview) and printing the
/// bid sheets or labels of the lots selected in the Lots tab. Every document goes through
/// QPrintPreviewDialog, painted by the same code as the command line's PDF.
class PrintActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PrintActions)

public:
    using IdSource = std::function<QList<qint64>()>;

    /// `selectedLots`/`selectedBidders` give what is selected in the window when asked.
    PrintActions(Model::AuctionService& service, IdSource selectedLots, IdSource selectedBidders,
                 QWidget* window);

    QAction* printAction() const { return m_print; }
    QAction* printSheetsAction() const { return m_sheets; }
    QAction* printLabelsAction() const { return m_labels; }

    /// The chooser, then the preview of what was chosen.
    void choose();
    /// The preview of a document, from which the operator prints. False (after telling the
    /// operator why) when the document could not be made.
    bool preview(Print::DocumentKind kind, const Print::Selection& selection, Print::Paper paper);
    /// Paints the document on a printer set up by the caller (the preview's, or a test's
    /// PDF printer): the one path to paper.
    bool printTo(QPrinter& printer, Print::DocumentKind kind, const Print::Selection& selection,
                 Print::Paper paper, QString* error);

    /// The ids (IdRole) of the rows selected in a table view, top to bottom.
    static QList<qint64> selectedIds(const QTableView* view);

private:
    Model::AuctionService& m_service;
    IdSource m_selectedLots;
    IdSource m_selectedBidders;
    QWidget* m_window;
    QAction* m_print;
    QAction* m_sheets;
    QAction* m_labels;
};

} // namespace BidTracker::Gui
