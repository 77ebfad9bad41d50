#pragma once

#include "print/documentkind.h"

#include <QDialog>

class QButtonGroup;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace BidTracker::Gui {

/// File > Print...: which document, for which lots or bidders (all, the ones selected in the
/// window, or ids typed like the command line's "3, 5-7, item12"), on which paper. Accepts
/// only a list of ids it could read; whether the ids exist is for the document to say.
class PrintChooser final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PrintChooser)

public:
    /// `selectedLots`, `selectedBidders`: what is selected in the window now.
    PrintChooser(QList<qint64> selectedLots, QList<qint64> selectedBidders,
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

    QList<qint64> m_selectedLots;
    QList<qint64> m_selectedBidders;
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
