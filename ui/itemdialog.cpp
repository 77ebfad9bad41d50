#include "itemdialog.h"

#include "model/names.h"

#include "model/auctionservice.h"
#include "model/tables/tablesupport.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>

namespace BidTracker::Gui {

ItemDialog::ItemDialog(const std::optional<Model::Item>& item, QWidget* parent)
    : QDialog(parent), m_name(new QLineEdit(this)), m_start(new QLineEdit(this)),
      m_increment(new QLineEdit(this)), m_status(new QComboBox(this)), m_message(new QLabel(this))
{
    setWindowTitle(item ? tr("Edit lot %1").arg(Model::formatId(Model::EntityKind::Item, item->id))
                        : tr("Add a lot"));
    m_status->addItem(tr("Open"), QStringLiteral("open"));
    m_status->addItem(tr("Closed"), QStringLiteral("closed"));
    // The field counts UTF-16 units; the rule counts characters: never cut a valid name.
    m_name->setMaxLength(static_cast<int>(2 * Model::MaxNameLength));
    m_name->setMinimumWidth(320);
    for (QLineEdit* money : {m_start, m_increment})
        money->setAlignment(Qt::AlignRight);
    m_start->setText(Model::displayMoney(item ? item->startingPrice : Model::Money::fromCents(1)));
    m_increment->setText(
        Model::displayMoney(item ? item->minIncrement : Model::Money::fromCents(1)));
    if (item) {
        m_name->setText(item->name);
        m_status->setCurrentIndex(item->status == Model::ItemStatus::Closed ? 1 : 0);
    }
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ItemDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ItemDialog::reject);
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Starting price:"), m_start);
    form->addRow(tr("&Minimum increment:"), m_increment);
    form->addRow(tr("S&tatus:"), m_status);
    form->addRow(m_message);
    form->addRow(buttons);
}

void ItemDialog::showError(const QString& message)
{
    m_message->setText(message);
}

void ItemDialog::accept()
{
    const auto name = Model::checkName(m_name->text());
    if (!name) {
        showError(name.error().message);
        m_name->setFocus();
        return;
    }
    const auto start = Model::Money::parseTyped(m_start->text(), QLocale());
    if (!start) {
        showError(tr("Starting price: %1").arg(start.error()));
        m_start->setFocus();
        return;
    }
    const auto increment = Model::Money::parseTyped(m_increment->text(), QLocale());
    if (!increment) {
        showError(tr("Minimum increment: %1").arg(increment.error()));
        m_increment->setFocus();
        return;
    }
    m_changes = Model::ItemChanges{};
    m_changes.name = *name;
    m_changes.status = Model::parseStatus(m_status->currentData().toString());
    m_changes.startingPrice = *start;
    m_changes.minIncrement = *increment;
    QDialog::accept();
}

} // namespace BidTracker::Gui
