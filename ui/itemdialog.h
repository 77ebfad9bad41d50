#pragma once

#include "model/records.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace BidTracker::Gui {

/// Add or edit a lot: name, starting price, minimum increment and status. Checks the amounts
/// as the model does and says what is wrong in the dialog.
class ItemDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ItemDialog)

public:
    /// `item`: the lot to edit, or nothing to add one.
    explicit ItemDialog(const std::optional<Model::Item>& item, QWidget* parent = nullptr);

    /// What the form asks for (valid once the dialog was accepted).
    Model::ItemChanges changes() const { return m_changes; }
    void showError(const QString& message);

    void accept() override;

private:
    QLineEdit* m_name;
    QLineEdit* m_start;
    QLineEdit* m_increment;
    QComboBox* m_status;
    QLabel* m_message;
    Model::ItemChanges m_changes;
};

} // namespace BidTracker::Gui
