#pragma once

#include "model/auctionsettings.h"

#include <QDialog>
#include <functional>

class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace BidTracker::Model {
struct Error;
}

namespace BidTracker::Gui {

class DurationField;
class IncrementTableEditor;

/// Auction > Settings: the auction's one row of settings (RULES.md 1). Amounts are read as
/// people type them, rates with up to two decimals; what cannot be read is refused in the
/// dialog, naming the field, and the rest is the model's check (showError).
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(const Model::AuctionSettings& settings, QWidget* parent = nullptr);

    /// Saves the settings asked for: nothing when done, else the refusal, shown in the
    /// dialog, which stays open.
    using Save = std::function<std::optional<Model::Error>(const Model::AuctionSettings&)>;
    void setSave(Save save) { m_save = std::move(save); }
    /// What the form asks for (valid once the dialog was accepted).
    Model::AuctionSettings settings() const { return m_settings; }
    /// Shows a refusal of the model, with the field it names focused.
    void showError(const Model::Error& error);
    QString error() const;

    QLineEdit* nameField() const { return m_name; }
    QLineEdit* currencyField() const { return m_currency; }
    QLineEdit* premiumField() const { return m_premium; }
    QLineEdit* taxField() const { return m_tax; }
    QSpinBox* firstNumberField() const { return m_firstNumber; }
    IncrementTableEditor* increments() const { return m_increments; }
    DurationField* softCloseWindow() const { return m_window; }
    DurationField* softCloseExtend() const { return m_extend; }
    DurationField* softCloseCap() const { return m_cap; }
    QCheckBox* closeAllEnabled() const { return m_closeAll; }
    QDateTimeEdit* closeAllAt() const { return m_closeAllAt; }

    void accept() override;

private:
    void say(const QString& message, QWidget* field);

    QLineEdit* m_name;
    QLineEdit* m_currency;
    QLineEdit* m_premium;
    QLineEdit* m_tax;
    QSpinBox* m_firstNumber;
    IncrementTableEditor* m_increments;
    DurationField* m_window;
    DurationField* m_extend;
    DurationField* m_cap;
    QCheckBox* m_closeAll;
    QDateTimeEdit* m_closeAllAt;
    QLabel* m_message;
    Model::AuctionSettings m_settings;
    Save m_save;
};

} // namespace BidTracker::Gui
