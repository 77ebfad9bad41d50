#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace BidTracker::Gui {

/// File > Connect to server...: the shared PostgreSQL database of several stations. The
/// fields are remembered for next time; the password only when the operator ticks the box.
class ConnectDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectDialog)

public:
    explicit ConnectDialog(QWidget* parent = nullptr);

    /// The postgresql:// URL of the fields, once accepted.
    QString url() const { return m_url; }
    /// Whether the operator asked for the password to be remembered.
    static bool remembersPassword();

    void accept() override;

private:
    QLineEdit* m_host;
    QSpinBox* m_port;
    QLineEdit* m_database;
    QLineEdit* m_user;
    QLineEdit* m_password;
    QCheckBox* m_rememberPassword;
    QLabel* m_problem;
    QString m_url;
};

} // namespace BidTracker::Gui
