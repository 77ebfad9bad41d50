#pragma once

#include "model/records.h"

#include <QDialog>
#include <functional>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace BidTracker::Gui {

/// Add or edit a bidder: name, paddle number (blank: the next free one), phone, email and
/// tax-exempt. What cannot be read is refused in the dialog; the rest (a number already
/// taken) is the refusal of the save step, shown in the dialog, which stays open.
class BidderDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BidderDialog)

public:
    /// `user`: the bidder to edit, or nothing to add one.
    explicit BidderDialog(const std::optional<Model::User>& user, QWidget* parent = nullptr);

    /// Saves what the form asks for: "" when done, else the refusal in words.
    using Save = std::function<QString(const Model::UserChanges& changes)>;
    void setSave(Save save) { m_save = std::move(save); }
    /// What the form asks for (valid once the dialog was accepted).
    Model::UserChanges changes() const { return m_changes; }
    void showError(const QString& message);
    QString error() const;

    QLineEdit* nameField() const { return m_name; }
    QLineEdit* numberField() const { return m_number; }
    QLineEdit* phoneField() const { return m_phone; }
    QLineEdit* emailField() const { return m_email; }
    QCheckBox* taxExemptField() const { return m_taxExempt; }

    void accept() override;

private:
    QLineEdit* m_name;
    QLineEdit* m_number;
    QLineEdit* m_phone;
    QLineEdit* m_email;
    QCheckBox* m_taxExempt;
    QLabel* m_message;
    bool m_editing;
    Model::UserChanges m_changes;
    Save m_save;
};

} // namespace BidTracker::Gui
