#pragma once

#include "model/records.h"

#include <QDateTime>
#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace BidTracker::Gui {

/// Add or edit a lot: name, description, donor, starting price, minimum increment, fair
/// market value, reserve, buy-now price, closing time and status. Amounts are read as people
/// type them (Money::parseTyped in the system locale); the optional ones are cleared by
/// emptying them. The closing time is edited in local time and handed on in UTC. What is
/// wrong is said in the dialog, naming the field, and the dialog stays open.
class ItemDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ItemDialog)

public:
    /// `item`: the lot to edit, or nothing to add one.
    explicit ItemDialog(const std::optional<Model::Item>& item, QWidget* parent = nullptr);

    /// What the form asks for (valid once the dialog was accepted). A closing time left as
    /// it was is not in it, so an edit keeps a soft-close extension.
    Model::ItemChanges changes() const { return m_changes; }
    void showError(const QString& message);
    QString error() const;

    void accept() override;

private:
    /// Reads an optional amount: empty clears it; false when the text is no amount.
    bool readAmount(QLineEdit* field, const QString& label,
                    std::optional<std::optional<Model::Money>>& into);
    bool readClosingTime();
    bool refuse(QWidget* field, const QString& message);

    QLineEdit* m_name;
    QPlainTextEdit* m_description;
    QLineEdit* m_donor;
    QLineEdit* m_start;
    QLineEdit* m_increment;
    QLineEdit* m_fairMarketValue;
    QLineEdit* m_reserve;
    QLineEdit* m_buyNow;
    QDateTimeEdit* m_closesAt;
    QCheckBox* m_byHand;
    QComboBox* m_status;
    QLabel* m_message;
    bool m_wasByHand = true;
    QDateTime m_shownClose; // the closing time as first shown, to tell an edit from none
    Model::ItemChanges m_changes;
};

} // namespace BidTracker::Gui
