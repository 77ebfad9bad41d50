#pragma once

#include "model/staff.h"
#include "signindialog.h"
#include "staffdialog.h"

#include <QObject>
#include <QPointer>

class QAction;
class QTimer;

namespace BidTracker::Model {
class AuctionService;
class Database;
} // namespace BidTracker::Model

namespace BidTracker::Gui {

class MainWindow;
class RoleGate;

/// Who works at this window (RULES.md 5): without staff accounts the operator with every
/// right; with them whoever signed in, named with the station in the window's title, their
/// role applied to the menus (RoleGate) and to every change (the service's actor). Adds
/// Auction > Staff and File > Lock (Ctrl+Shift+L); locks after an idle time too. A lock
/// keeps the window's state: it only covers it until someone signs in.
class OperatorDesk final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OperatorDesk)

public:
    static constexpr int DefaultIdleLockMs = 10 * 60 * 1000;

    OperatorDesk(MainWindow& window, Model::AuctionService& service, Model::Database& db);

    /// At the window's start: the sign-in when accounts exist. False when it was quit.
    bool signInAtStart();
    /// Covers the window and asks for a sign-in (Ctrl+Shift+L, or the idle time); the window
    /// closes when it is quit.
    void lock();
    bool isLocked() const { return m_locked; }
    const Model::Actor& actor() const { return m_actor; }
    /// Makes `actor` the window's: the service's changes, the title, the menus.
    void setActor(const Model::Actor& actor);
    QAction* lockAction() const { return m_lock; }
    QAction* staffAction() const { return m_staff; }
    /// The sign-in on screen, while one is.
    SignInDialog* signInDialog() const { return m_signIn; }
    /// Auction > Staff, shown (modeless).
    StaffDialog* showStaff();
    void setIdleLockMs(int ms);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool accountsExist();
    /// Runs the sign-in until someone signs in (true) or it is quit (false).
    bool askForSignIn();
    void updateTitle();

    MainWindow& m_window;
    Model::AuctionService& m_service;
    Model::Database& m_db;
    Model::Actor m_actor;
    QString m_baseTitle;
    RoleGate* m_gate;
    QAction* m_lock;
    QAction* m_staff;
    QTimer* m_idle;
    QPointer<SignInDialog> m_signIn;
    QPointer<StaffDialog> m_staffDialog;
    bool m_locked = false;
};

} // namespace BidTracker::Gui
