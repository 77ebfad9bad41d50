#include "donationdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>

namespace BidTracker::Gui {

DonationDialog::DonationDialog(const QString& bidderName, QWidget* parent)
    : QDialog(parent), m_amountField(new QLineEdit(this)), m_note(new QLineEdit(this)),
      m_message(new QLabel(this))
{
    setWindowTitle(tr("Donation by %1").arg(bidderName));
    m_amountField->setAlignment(Qt::AlignRight);
    m_note->setPlaceholderText(tr("Fund-a-need, paddle raise…"));
    m_note->setMaxLength(200);
    m_note->setMinimumWidth(320);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &DonationDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &DonationDialog::reject);
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Amount:"), m_amountField);
    form->addRow(tr("&Note:"), m_note);
    form->addRow(m_message);
    form->addRow(buttons);
}

QString DonationDialog::note() const
{
    return m_note->text().trimmed();
}

void DonationDialog::showError(const QString& message)
{
    m_message->setText(message);
}

void DonationDialog::accept()
{
    const auto amount = Model::Money::parseTyped(m_amountField->text(), QLocale());
    if (!amount) {
        showError(tr("Amount: %1").arg(amount.error()));
        m_amountField->setFocus();
        return;
    }
    m_amount = *amount;
    if (m_save) {
        if (const QString refusal = m_save(*amount, note()); !refusal.isEmpty()) {
            showError(refusal);
            return;
        }
    }
    QDialog::accept();
}

} // namespace BidTracker::Gui
