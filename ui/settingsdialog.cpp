#include "settingsdialog.h"

#include "durationfield.h"
#include "incrementtableeditor.h"
#include "model/auctionsettings.h"
#include "model/error.h"
#include "model/names.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace BidTracker::Gui {

namespace {

/// A rate field: "15" or "8.25", a percent sign after it.
QLineEdit* rateField(QWidget* parent)
{
    auto* field = new QLineEdit(parent);
    field->setAlignment(Qt::AlignRight);
    field->setMaximumWidth(field->fontMetrics().horizontalAdvance(QStringLiteral("000.000")) + 24);
    return field;
}

QWidget* withUnit(QWidget* field, const QString& unit, QWidget* parent)
{
    auto* box = new QWidget(parent);
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field);
    layout->addWidget(new QLabel(unit, box));
    layout->addStretch(1);
    box->setFocusProxy(field);
    return box;
}

} // namespace

SettingsDialog::SettingsDialog(const Model::AuctionSettings& settings, QWidget* parent)
    : QDialog(parent), m_name(new QLineEdit(this)), m_currency(new QLineEdit(this)),
      m_premium(rateField(this)), m_tax(rateField(this)), m_firstNumber(new QSpinBox(this)),
      m_increments(new IncrementTableEditor(this)), m_window(new DurationField(this)),
      m_extend(new DurationField(this)), m_cap(new DurationField(this)),
      m_closeAll(new QCheckBox(tr("Close every open lot &at"), this)),
      m_closeAllAt(new QDateTimeEdit(this)), m_message(new QLabel(this)), m_settings(settings)
{
    setWindowTitle(tr("Auction settings"));
    m_name->setMaxLength(static_cast<int>(2 * Model::MaxNameLength));
    m_name->setMinimumWidth(320);
    m_name->setText(settings.name);
    m_currency->setText(settings.currency);
    m_currency->setMaxLength(3);
    m_currency->setMaximumWidth(
        m_currency->fontMetrics().horizontalAdvance(QStringLiteral("WWWW")) + 16);
    m_currency->setToolTip(tr("The ISO 4217 code: USD, EUR, GBP, CAD…"));
    m_premium->setText(Model::formatRate(settings.buyersPremium));
    m_tax->setText(Model::formatRate(settings.taxRate));
    m_firstNumber->setRange(1, static_cast<int>(Model::MaxBidderNumber));
    m_firstNumber->setValue(static_cast<int>(settings.firstBidderNumber));
    m_firstNumber->setMaximumWidth(
        m_firstNumber->fontMetrics().horizontalAdvance(QStringLiteral("999999999")) + 48);
    m_firstNumber->setToolTip(tr("The paddle number a new bidder gets when none is typed: the "
                                 "next free one from this number on"));
    m_increments->setTable(settings.increments);
    m_window->setSeconds(settings.softClose.windowSeconds);
    m_extend->setSeconds(settings.softClose.extendSeconds);
    m_cap->setSeconds(settings.softClose.maxExtendSeconds);
    m_closeAllAt->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_closeAllAt->setCalendarPopup(true);
    m_closeAllAt->setTimeSpec(Qt::LocalTime);
    const QDateTime closeAll = QDateTime::fromString(settings.closeAllAt, Qt::ISODateWithMs);
    m_closeAll->setChecked(closeAll.isValid());
    m_closeAllAt->setDateTime(closeAll.isValid()
                                  ? closeAll.toLocalTime()
                                  : wholeMinute(QDateTime::currentDateTime().addSecs(3 * 3600)));
    takeWholeMinutes(m_closeAllAt);
    m_closeAllAt->setEnabled(closeAll.isValid());
    connect(m_closeAll, &QCheckBox::toggled, m_closeAllAt, &QWidget::setEnabled);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));

    auto* auction = new QFormLayout;
    auction->addRow(tr("&Name:"), m_name);
    auction->addRow(tr("C&urrency:"), m_currency);
    auction->addRow(tr("&Buyer's premium:"), withUnit(m_premium, tr("%"), this));
    auction->addRow(tr("&Tax rate:"), withUnit(m_tax, tr("% on hammer + premium"), this));
    auction->addRow(tr("&First bidder number:"), m_firstNumber);

    auto* incrementsBox = new QGroupBox(tr("Bid &increments"), this);
    auto* incrementsLayout = new QVBoxLayout(incrementsBox);
    incrementsLayout->addWidget(m_increments);

    auto* closingBox = new QGroupBox(tr("Closing on time"), this);
    auto* closing = new QFormLayout;
    closing->addRow(tr("Soft close &window:"), m_window);
    closing->addRow(tr("&Extend by:"), m_extend);
    closing->addRow(tr("Extend at &most:"), m_cap);
    auto* softCloseHint = new QLabel(tr("A bid inside the window before a lot's closing time "
                                        "moves the close to the bid plus the extension, never "
                                        "past the first closing time plus the most. Zeros: off."),
                                     closingBox);
    softCloseHint->setWordWrap(true);
    softCloseHint->setForegroundRole(QPalette::PlaceholderText);
    auto* closeAllRow = new QHBoxLayout;
    closeAllRow->addWidget(m_closeAll);
    closeAllRow->addWidget(m_closeAllAt, 1);
    auto* closingLayout = new QVBoxLayout(closingBox);
    closingLayout->addLayout(closing);
    closingLayout->addWidget(softCloseHint);
    closingLayout->addLayout(closeAllRow);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(auction);
    layout->addWidget(incrementsBox, 1);
    layout->addWidget(closingBox);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
}

QString SettingsDialog::error() const
{
    return m_message->text();
}

void SettingsDialog::say(const QString& message, QWidget* field)
{
    m_message->setText(message);
    if (field)
        field->setFocus();
}

void SettingsDialog::showError(const Model::Error& error)
{
    // The model names the field as the API does; the dialog puts the focus on it.
    const std::pair<const char*, QWidget*> fields[] = {
        {"name", m_name},
        {"currency", m_currency},
        {"buyers_premium", m_premium},
        {"tax_rate", m_tax},
        {"increments", m_increments->rows()},
        {"soft_close", m_window},
        {"first_bidder_number", m_firstNumber},
        {"close_all_at", m_closeAllAt},
    };
    QWidget* focus = nullptr;
    for (const auto& [name, widget] : fields) {
        if (error.field == QLatin1String(name))
            focus = widget;
    }
    say(error.message, focus);
}

void SettingsDialog::accept()
{
    Model::AuctionSettings asked = m_settings;
    asked.name = m_name->text();
    asked.currency = m_currency->text().trimmed().toUpper();
    const auto premium = Model::parseRate(m_premium->text());
    if (!premium)
        return say(tr("Buyer's premium: “%1” is not a percentage from 0 to 100 with at most "
                      "two decimals, such as 15 or 12.5.")
                       .arg(m_premium->text()),
                   m_premium);
    const auto tax = Model::parseRate(m_tax->text());
    if (!tax)
        return say(tr("Tax rate: “%1” is not a percentage from 0 to 100 with at most two "
                      "decimals, such as 8.25.")
                       .arg(m_tax->text()),
                   m_tax);
    asked.buyersPremium = *premium;
    asked.taxRate = *tax;
    asked.firstBidderNumber = m_firstNumber->value();
    const auto increments = m_increments->table();
    if (!increments)
        return say(increments.error(), m_increments->rows());
    asked.increments = *increments;
    asked.softClose = {m_window->seconds(), m_extend->seconds(), m_cap->seconds()};
    asked.closeAllAt = m_closeAll->isChecked()
                           ? m_closeAllAt->dateTime().toUTC().toString(Qt::ISODateWithMs)
                           : QString();
    // The model's own check first, so a refusal is shown before the dialog closes.
    const auto checked = Model::checkSettings(asked);
    if (!checked)
        return showError(checked.error());
    if (m_save) {
        if (const auto refusal = m_save(*checked))
            return showError(*refusal);
    }
    m_settings = *checked;
    m_message->clear();
    QDialog::accept();
}

} // namespace BidTracker::Gui
