#pragma once

#include "model/staff.h"
#include "model/staffservice.h"

#include <QDialog>
#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace BidTracker::Gui {

/// Auction > Staff (admin): the accounts with their role and state; add one (name, role,
/// PIN), change the role of the selected one, deactivate it, issue it a token (shown once)
/// or revoke one. Every change is the model's StaffService's, checked and logged there; a
/// refusal is shown as the model says it.
class StaffDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StaffDialog)

public:
    StaffDialog(Model::Database& db, const Model::Actor& actor, QWidget* parent = nullptr);

    /// How a new token is shown: once, never again (a message box; tests take the text).
    void setShowToken(std::function<void(const QString& name, const QString& token)> show)
    {
        m_showToken = std::move(show);
    }
    /// The text of the last refusal ("" after a success).
    QString lastProblem() const;
    QTableWidget* table() const { return m_table; }
    QLineEdit* nameField() const { return m_name; }
    QLineEdit* pinField() const { return m_pin; }
    QComboBox* roleChoice() const { return m_role; }
    QPushButton* addButton() const { return m_add; }
    /// The id of the selected account, 0 when none is.
    qint64 selectedId() const;
    void selectName(const QString& name);

    /// Each does one change and reloads the list; false (and lastProblem()) when refused.
    bool addAccount();
    bool setRole(Model::Role role);
    bool deactivateSelected();
    bool issueToken(const QString& tokenName);
    bool revokeToken(qint64 tokenId);
    /// The selected account's tokens that still work.
    QList<Model::StaffToken> workingTokens();
    void reload();

private:
    QWidget* buildAddForm();
    QWidget* buildRowButtons();
    void askTokenName();
    void askTokenToRevoke();
    void askRole();
    bool done(const Model::Result<void>& result);

    Model::StaffService m_staff;
    QTableWidget* m_table;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_pin = nullptr;
    QComboBox* m_role = nullptr;
    QPushButton* m_add = nullptr;
    QLabel* m_problem;
    std::function<void(const QString&, const QString&)> m_showToken;
};

} // namespace BidTracker::Gui
