#pragma once

#include "model/staff.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace BidTracker::Model {
class Database;
}

namespace BidTracker::Gui {

/// Name and PIN at the start of a window with staff accounts, and after a lock (RULES.md 5).
/// Keyboard only: the name, Tab, the PIN, Enter. After five wrong PINs the model makes the
/// next try wait; the dialog counts the wait down and takes no try until it is over.
class SignInDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInDialog)

public:
    SignInDialog(Model::Database& db, const QString& station, QWidget* parent = nullptr);

    /// Who signed in, once the dialog was accepted.
    const Model::Actor& actor() const { return m_actor; }
    QLineEdit* nameField() const { return m_name; }
    QLineEdit* pinField() const { return m_pin; }
    QLabel* message() const { return m_message; }
    QPushButton* signInButton() const { return m_signIn; }
    /// Tries the name and PIN typed (what Enter does).
    void tryToSignIn();

private:
    void countDown();
    void showWait();

    Model::Database& m_db;
    QString m_station;
    Model::Actor m_actor;
    QLineEdit* m_name;
    QLineEdit* m_pin;
    QLabel* m_message;
    QPushButton* m_signIn;
    QTimer* m_wait;
    qint64 m_secondsLeft = 0;
};

} // namespace BidTracker::Gui
