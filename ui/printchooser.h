#pragma once

#include "model/error.h"
#include "print/documentkind.h"

#include <QDialog>
#include <functional>

class QButtonGroup;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace BidTracker::Gui {

/// File > Print...: which document, for which lots or bidders (all, the ones selected in the
/// window, or typed: lot numbers and ranges "3, 5-7, item12", paddle numbers and ranges
/// "101-125, 130" or ids "user12"), on which paper. Accepts only a list it could read; whether
/// the lots exist is for the document to say. Remembers the last choices (QSettings); the
/// paper starts as the locale's (Letter in the US).
class PrintChooser final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PrintChooser)

public:
    /// The bidder ids a typed list names (paddle numbers, ranges, ids), or why not.
    using BidderList = std::function<Model::Result<QList<qint64>>(const QString& typed)>;

    /// `selectedLots`, `selectedBidders`: what is selected in the window now; `bidders` reads
    /// a typed list of bidders (AuctionService::biddersByPaddles).
    PrintChooser(QList<qint64> selectedLots, QList<qint64> selectedBidders, BidderList bidders,
                 QWidget* parent = nullptr);

    Print::DocumentKind kind() const;
    Print::Paper paper() const;
    /// Valid once the dialog is accepted.
    Print::Selection selection() const { return m_selection; }

    void setKind(Print::DocumentKind kind);
    QLineEdit* idsField() const { return m_ids; }
    QRadioButton* typedIdsButton() const { return m_typed; }

    void accept() override;

private:
    void updateScope();
    void restoreChoices();
    void rememberChoices() const;

    QList<qint64> m_selectedLots;
    QList<qint64> m_selectedBidders;
    BidderList m_bidders;
    QComboBox* m_kind;
    QComboBox* m_paper;
    QRadioButton* m_all;
    QRadioButton* m_selected;
    QRadioButton* m_typed;
    QLineEdit* m_ids;
    QLabel* m_problem;
    QFormLayout* m_form;
    /// The row of the form that chooses the lots or bidders.
    static constexpr int ScopeRow = 1;
    Print::Selection m_selection;
};

} // namespace BidTracker::Gui
