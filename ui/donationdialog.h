#pragma once

#include "model/money.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace BidTracker::Gui {

/// A donation for the bidder's invoice: an amount as people type it and a note.
class DonationDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DonationDialog)

public:
    explicit DonationDialog(const QString& bidderName, QWidget* parent = nullptr);

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
};

} // namespace BidTracker::Gui
