#pragma once

#include "model/money.h"

#include <QDialog>
#include <functional>

class QLabel;
class QLineEdit;

namespace BidTracker::Gui {

/// A donation for the bidder's invoice: an amount as people type it and a note. A refusal of
/// the save step is shown in the dialog, which stays open.
class DonationDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DonationDialog)

public:
    explicit DonationDialog(const QString& bidderName, QWidget* parent = nullptr);

    /// Saves the donation: "" when done, else the refusal in words.
    using Save = std::function<QString(Model::Money amount, const QString& note)>;
    void setSave(Save save) { m_save = std::move(save); }
    Model::Money amount() const { return m_amount; }
    QString note() const;
    QLineEdit* amountField() const { return m_amountField; }
    QLineEdit* noteField() const { return m_note; }
    void showError(const QString& message);

    void accept() override;

private:
    QLineEdit* m_amountField;
    QLineEdit* m_note;
    QLabel* m_message;
    Model::Money m_amount;
    Save m_save;
};

} // namespace BidTracker::Gui
