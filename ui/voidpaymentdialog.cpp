#include "voidpaymentdialog.h"

#include "invoicehtml.h"
#include "model/tables/tablesupport.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace BidTracker::Gui {

VoidPaymentDialog::VoidPaymentDialog(const QList<Model::Payment>& payments, QWidget* parent)
    : QDialog(parent), m_payment(new QComboBox(this)), m_reason(new QLineEdit(this)),
      m_message(new QLabel(this))
{
    setWindowTitle(tr("Void a payment"));
    // The newest first: the one a cashier just mistyped.
    for (auto it = payments.crbegin(); it != payments.crend(); ++it) {
        if (it->voided())
            continue;
        QString label = QStringLiteral("%1 · %2 · %3")
                            .arg(Model::displayMoney(it->amount), paymentMethodWords(it->method),
                                 Model::displayTime(it->paidAt));
        if (!it->reference.isEmpty())
            label += QStringLiteral(" · ") + it->reference;
        m_payment->addItem(label, it->id);
    }
    m_reason->setPlaceholderText(tr("why, for the record: “card declined”, “typed 500 for 50”"));
    m_reason->setMinimumWidth(360);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Void"));
    connect(buttons, &QDialogButtonBox::accepted, this, &VoidPaymentDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &VoidPaymentDialog::reject);
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Payment:"), m_payment);
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(m_message);
    form->addRow(buttons);
    m_reason->setFocus();
}

qint64 VoidPaymentDialog::paymentId() const
{
    return m_payment->currentData().toLongLong();
}

QString VoidPaymentDialog::reason() const
{
    return m_reason->text().trimmed();
}

void VoidPaymentDialog::accept()
{
    if (paymentId() <= 0) {
        m_message->setText(tr("Payment: there is no payment left to void."));
        return;
    }
    if (reason().isEmpty()) {
        m_message->setText(tr("Reason: say why the payment is voided; it stays on the record."));
        m_reason->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace BidTracker::Gui
