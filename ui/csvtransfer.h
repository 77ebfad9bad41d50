#pragma once

#include "model/csv/checkoutcsv.h"
#include "model/csv/csvimport.h"
#include "model/csv/csvkind.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;
class QPlainTextEdit;
class QWidget;

namespace BidTracker::Model {
class AuctionService;
}

namespace BidTracker::Gui {

/// Exports one CSV file on a worker thread with its own database connection, showing a
/// progress bar with Cancel; the window stays responsive. The file is written whole or not
/// at all. Returns a message for the status bar, or an empty string when cancelled.
QString exportWithProgress(const QString& databasePath, Model::CsvKind kind, const QString& file,
                           QWidget* parent);

/// Writes invoices.csv or payments.csv (File > Export) whole or not at all. Returns what the
/// status bar says ("Exported 12 invoices to …"), or the reason it failed.
QString exportCheckoutFile(Model::AuctionService& service, Model::CheckoutCsv kind,
                           const QString& file);

/// Import of items or users: reads the file (a regular one, at most FilePolicy::MaxCsvBytes)
/// with a progress bar, shows the first rows and every problem found before anything is
/// written; Import is possible only when there are none, and then adds all rows in one
/// transaction.
class ImportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDialog)

public:
    ImportDialog(Model::AuctionService& service, Model::CsvKind kind, const QString& file,
                 QWidget* parent = nullptr);

    /// Rows added (after a successful import).
    qint64 imported() const { return m_imported; }
    bool canImport() const;
    QString problems() const;
    /// Ignored columns and duplicate names ("Paddle, Phone will be ignored.").
    QString notes() const;
    /// The preview's rows with problems, shown in red.
    const QList<int>& badRows() const { return m_badRows; }
    QTableWidget* preview() const { return m_preview; }
    /// The ids the import added, for Undo.
    const QList<qint64>& addedIds() const { return m_addedIds; }

    void accept() override;
    /// Whether reading the file reported progress (a long file shows a progress bar).
    bool reportedProgress() const { return m_progressSeen; }

private:
    Model::ImportPlan readPlan(Model::CsvKind kind, const QString& file);

    Model::AuctionService& m_service;
    Model::CsvKind m_kind;
    Model::ImportPlan m_plan;
    bool m_progressSeen = false;
    QLabel* m_summary;
    QTableWidget* m_preview;
    QPlainTextEdit* m_problems;
    QLabel* m_notes;
    QList<int> m_badRows;
    QList<qint64> m_addedIds;
    QPushButton* m_import;
    qint64 m_imported = 0;
};

} // namespace BidTracker::Gui
