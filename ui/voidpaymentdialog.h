#pragma once

#include "model/records.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace BidTracker::Gui {

/// Voids one of a bidder's payments: which one (those that still count) and why. The reason
/// is required: a voided payment stays on the record with it.
class VoidPaymentDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VoidPaymentDialog)

public:
    VoidPaymentDialog(const QList<Model::Payment>& payments, QWidget* parent = nullptr);

    qint64 paymentId() const;
    QString reason() const;
    QComboBox* paymentField() const { return m_payment; }
    QLineEdit* reasonField() const { return m_reason; }

    void accept() override;

private:
    QComboBox* m_payment;
    QLineEdit* m_reason;
    QLabel* m_message;
};

} // namespace BidTracker::Gui
