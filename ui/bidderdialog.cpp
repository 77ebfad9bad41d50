#include "bidderdialog.h"

#include "model/auctionsettings.h"
#include "model/names.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>

namespace BidTracker::Gui {

BidderDialog::BidderDialog(const std::optional<Model::User>& user, QWidget* parent)
    : QDialog(parent), m_name(new QLineEdit(this)), m_number(new QLineEdit(this)),
      m_phone(new QLineEdit(this)), m_email(new QLineEdit(this)),
      m_taxExempt(new QCheckBox(tr("Ta&x-exempt: no sales tax on their invoice"), this)),
      m_message(new QLabel(this)), m_editing(user.has_value())
{
    setWindowTitle(user ? tr("Edit bidder %1").arg(user->name) : tr("Add a bidder"));
    m_name->setMaxLength(static_cast<int>(2 * Model::MaxNameLength));
    m_name->setMinimumWidth(320);
    m_number->setPlaceholderText(tr("blank: the next free number"));
    m_number->setMaxLength(9);
    m_phone->setMaxLength(40);
    m_email->setMaxLength(254);
    if (user) {
        m_name->setText(user->name);
        m_number->setText(user->number > 0 ? QString::number(user->number) : QString());
        m_phone->setText(user->phone);
        m_email->setText(user->email);
        m_taxExempt->setChecked(user->taxExempt);
    }
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &BidderDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &BidderDialog::reject);
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Paddle n&umber:"), m_number);
    form->addRow(tr("&Phone:"), m_phone);
    form->addRow(tr("E&mail:"), m_email);
    form->addRow(QString(), m_taxExempt);
    form->addRow(m_message);
    form->addRow(buttons);
}

void BidderDialog::showError(const QString& message)
{
    m_message->setText(message);
}

QString BidderDialog::error() const
{
    return m_message->text();
}

void BidderDialog::accept()
{
    const auto name = Model::checkName(m_name->text());
    if (!name) {
        showError(name.error().message);
        m_name->setFocus();
        return;
    }
    Model::UserChanges changes;
    changes.name = *name;
    const QString number = m_number->text().trimmed();
    if (!number.isEmpty()) {
        bool ok = false;
        const qint64 value = number.toLongLong(&ok);
        if (!ok || value < 1 || value > Model::MaxBidderNumber ||
            number.contains(QRegularExpression(QStringLiteral("[^0-9]")))) {
            showError(tr("Paddle number: “%1” is not a whole number from 1 to %2.")
                          .arg(number)
                          .arg(Model::MaxBidderNumber));
            m_number->setFocus();
            return;
        }
        changes.number = value;
    } else if (m_editing) {
        showError(tr("Paddle number: a bidder keeps a number; type one."));
        m_number->setFocus();
        return;
    }
    changes.phone = m_phone->text().trimmed();
    changes.email = m_email->text().trimmed();
    changes.taxExempt = m_taxExempt->isChecked();
    m_changes = changes;
    if (m_save) {
        if (const QString refusal = m_save(changes); !refusal.isEmpty()) {
            showError(refusal);
            return;
        }
    }
    QDialog::accept();
}

} // namespace BidTracker::Gui
