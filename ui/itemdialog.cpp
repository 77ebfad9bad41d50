#include "itemdialog.h"

#include "durationfield.h"

#include "model/names.h"

#include "model/auctionservice.h"
#include "model/tables/tablesupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>

namespace BidTracker::Gui {

namespace {

/// The closing time is set to the minute: seconds would only be noise in an auction's plan.
const QString timeFormat = QStringLiteral("yyyy-MM-dd HH:mm");

QString moneyText(const std::optional<Model::Money>& value)
{
    return value ? Model::displayMoney(*value) : QString();
}

QDateTime nextFullHour()
{
    const QDateTime now = QDateTime::currentDateTime();
    return QDateTime(now.date(), QTime(now.time().hour(), 0)).addSecs(3600);
}

} // namespace

ItemDialog::ItemDialog(const std::optional<Model::Item>& item, QWidget* parent)
    : QDialog(parent), m_name(new QLineEdit(this)), m_description(new QPlainTextEdit(this)),
      m_donor(new QLineEdit(this)), m_start(new QLineEdit(this)), m_increment(new QLineEdit(this)),
      m_fairMarketValue(new QLineEdit(this)), m_reserve(new QLineEdit(this)),
      m_buyNow(new QLineEdit(this)), m_closesAt(new QDateTimeEdit(this)),
      m_byHand(new QCheckBox(tr("Closes by &hand"), this)), m_status(new QComboBox(this)),
      m_message(new QLabel(this))
{
    setWindowTitle(item ? tr("Edit lot %1").arg(Model::formatId(Model::EntityKind::Item, item->id))
                        : tr("Add a lot"));
    // Tests and screen readers find the fields by these names.
    m_name->setObjectName(QStringLiteral("name"));
    m_description->setObjectName(QStringLiteral("description"));
    m_donor->setObjectName(QStringLiteral("donor"));
    m_start->setObjectName(QStringLiteral("startingPrice"));
    m_increment->setObjectName(QStringLiteral("minIncrement"));
    m_fairMarketValue->setObjectName(QStringLiteral("fairMarketValue"));
    m_reserve->setObjectName(QStringLiteral("reserve"));
    m_buyNow->setObjectName(QStringLiteral("buyNow"));
    m_closesAt->setObjectName(QStringLiteral("closesAt"));
    m_byHand->setObjectName(QStringLiteral("closesByHand"));

    m_status->addItem(tr("Open"), QStringLiteral("open"));
    m_status->addItem(tr("Closed"), QStringLiteral("closed"));
    // The field counts UTF-16 units; the rule counts characters: never cut a valid name.
    m_name->setMaxLength(static_cast<int>(2 * Model::MaxNameLength));
    m_name->setMinimumWidth(320);
    m_donor->setMaxLength(static_cast<int>(2 * Model::MaxNameLength));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 4 + 12);
    m_description->setPlaceholderText(tr("What the bid sheet says about the lot"));
    for (QLineEdit* money : {m_start, m_increment, m_fairMarketValue, m_reserve, m_buyNow}) {
        money->setAlignment(Qt::AlignRight);
        money->setMaximumWidth(160);
    }
    for (QLineEdit* optional : {m_fairMarketValue, m_reserve, m_buyNow}) {
        optional->setPlaceholderText(tr("none"));
    }
    m_reserve->setToolTip(tr("The lowest price the lot sells at; bidders never see it"));
    m_buyNow->setToolTip(tr("A bidder may take the lot at this price while the bids are below it"));
    m_closesAt->setDisplayFormat(timeFormat);
    m_closesAt->setCalendarPopup(true);
    m_closesAt->setTimeSpec(Qt::LocalTime);
    m_closesAt->setToolTip(tr("Local time; the lot closes by itself at this minute"));

    m_start->setText(Model::displayMoney(item ? item->startingPrice : Model::Money::fromCents(1)));
    m_increment->setText(
        Model::displayMoney(item ? item->minIncrement : Model::Money::fromCents(1)));
    QString extended;
    if (item) {
        m_name->setText(item->name);
        m_description->setPlainText(item->description);
        m_donor->setText(item->donor);
        m_fairMarketValue->setText(moneyText(item->fairMarketValue));
        m_reserve->setText(moneyText(item->reserve));
        m_buyNow->setText(moneyText(item->buyNow));
        m_status->setCurrentIndex(item->status == Model::ItemStatus::Closed ? 1 : 0);
        m_wasByHand = item->closesAt.isEmpty();
        if (!item->originalClosesAt.isEmpty() && item->closesAt != item->originalClosesAt)
            extended = tr("Extended by soft close; first set for %1.")
                           .arg(Model::displayTime(item->originalClosesAt));
    }
    const QDateTime shown =
        m_wasByHand ? nextFullHour()
                    : QDateTime::fromString(item->closesAt, Qt::ISODateWithMs).toLocalTime();
    m_closesAt->setDateTime(shown);
    m_shownClose = m_closesAt->dateTime();
    takeWholeMinutes(m_closesAt);
    m_byHand->setChecked(m_wasByHand);
    m_closesAt->setEnabled(!m_wasByHand);
    connect(m_byHand, &QCheckBox::toggled, m_closesAt, &QWidget::setDisabled);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));

    auto* closing = new QHBoxLayout;
    closing->addWidget(m_closesAt);
    closing->addWidget(m_byHand);
    closing->addStretch(1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ItemDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ItemDialog::reject);
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Descri&ption:"), m_description);
    form->addRow(tr("D&onor:"), m_donor);
    form->addRow(tr("&Starting price:"), m_start);
    form->addRow(tr("&Minimum increment:"), m_increment);
    form->addRow(tr("&Fair market value:"), m_fairMarketValue);
    form->addRow(tr("&Reserve:"), m_reserve);
    form->addRow(tr("&Buy now price:"), m_buyNow);
    // A row holding a layout gets no buddy by itself: Alt+C goes to the time.
    auto* closingLabel = new QLabel(tr("&Closes at:"), this);
    closingLabel->setBuddy(m_closesAt);
    form->addRow(closingLabel, closing);
    if (!extended.isEmpty()) {
        auto* note = new QLabel(extended, this);
        note->setStyleSheet(QStringLiteral("color: palette(dark);"));
        form->addRow(QString(), note);
    }
    form->addRow(tr("S&tatus:"), m_status);
    form->addRow(m_message);
    form->addRow(buttons);
}

void ItemDialog::showError(const QString& message)
{
    m_message->setText(message);
}

QString ItemDialog::error() const
{
    return m_message->text();
}

bool ItemDialog::refuse(QWidget* field, const QString& message)
{
    showError(message);
    field->setFocus();
    return false;
}

bool ItemDialog::readAmount(QLineEdit* field, const QString& label,
                            std::optional<std::optional<Model::Money>>& into)
{
    if (field->text().trimmed().isEmpty()) {
        into = std::optional<Model::Money>();
        return true;
    }
    const auto amount = Model::Money::parseTyped(field->text(), QLocale());
    if (!amount)
        return refuse(field, tr("%1: %2").arg(label, amount.error()));
    into = *amount;
    return true;
}

bool ItemDialog::readClosingTime()
{
    if (m_byHand->isChecked()) {
        if (!m_wasByHand)
            m_changes.closesAt = QString();
        return true;
    }
    const QDateTime chosen = m_closesAt->dateTime();
    if (!m_wasByHand && chosen == m_shownClose)
        return true; // left as it was: a soft-close extension stays
    // A time already gone would close the lot the moment it is saved.
    if (chosen <= QDateTime::currentDateTime())
        return refuse(m_closesAt, tr("Closes at: %1 has already passed; choose a later time or "
                                     "“Closes by hand”.")
                                      .arg(chosen.toString(timeFormat)));
    m_changes.closesAt = chosen.toUTC().toString(Qt::ISODateWithMs);
    return true;
}

void ItemDialog::accept()
{
    m_changes = Model::ItemChanges{};
    const auto name = Model::checkName(m_name->text());
    if (!name) {
        refuse(m_name, name.error().message); // the rule's words name the field
        return;
    }
    const auto start = Model::Money::parseTyped(m_start->text(), QLocale());
    if (!start) {
        refuse(m_start, tr("Starting price: %1").arg(start.error()));
        return;
    }
    const auto increment = Model::Money::parseTyped(m_increment->text(), QLocale());
    if (!increment) {
        refuse(m_increment, tr("Minimum increment: %1").arg(increment.error()));
        return;
    }
    if (!readAmount(m_fairMarketValue, tr("Fair market value"), m_changes.fairMarketValue) ||
        !readAmount(m_reserve, tr("Reserve"), m_changes.reserve) ||
        !readAmount(m_buyNow, tr("Buy now price"), m_changes.buyNow) || !readClosingTime())
        return;
    m_changes.name = *name;
    m_changes.description = m_description->toPlainText();
    m_changes.donor = m_donor->text();
    m_changes.status = Model::parseStatus(m_status->currentData().toString());
    m_changes.startingPrice = *start;
    m_changes.minIncrement = *increment;
    QDialog::accept();
}

} // namespace BidTracker::Gui
