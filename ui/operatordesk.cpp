#include "operatordesk.h"

#include "mainwindow.h"
#include "model/auctionservice.h"
#include "model/staffservice.h"
#include "model/storage/database.h"
#include "rolegate.h"
#include "signindialog.h"
#include "staffdialog.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QMenu>
#include <QStatusBar>
#include <QTimer>

namespace BidTracker::Gui {

OperatorDesk::OperatorDesk(MainWindow& window, Model::AuctionService& service, Model::Database& db)
    : QObject(&window), m_window(window), m_service(service), m_db(db),
      m_baseTitle(window.windowTitle()), m_gate(new RoleGate(window)), m_idle(new QTimer(this))
{
    m_actor = Model::Actor{QStringLiteral("operator"), Model::Role::Admin,
                           Model::Database::stationName(), 0};
    m_lock = new QAction(tr("&Lock"), &window);
    m_lock->setObjectName(QStringLiteral("lock"));
    m_lock->setShortcut(QKeySequence(tr("Ctrl+Shift+L")));
    m_lock->setStatusTip(tr("Cover the window until someone signs in (with staff accounts)"));
    connect(m_lock, &QAction::triggered, this, &OperatorDesk::lock);
    m_staff = new QAction(tr("S&taff…"), &window);
    m_staff->setObjectName(QStringLiteral("staff"));
    connect(m_staff, &QAction::triggered, this, &OperatorDesk::showStaff);
    if (auto* file = window.findChild<QMenu*>(QStringLiteral("fileMenu")))
        file->insertAction(file->actions().value(file->actions().size() - 1), m_lock);
    if (auto* auction = window.findChild<QMenu*>(QStringLiteral("auctionMenu")))
        auction->addAction(m_staff);
    m_idle->setSingleShot(true);
    m_idle->setInterval(DefaultIdleLockMs);
    connect(m_idle, &QTimer::timeout, this, [this] {
        if (!m_locked && accountsExist())
            lock();
    });
    qApp->installEventFilter(this);
    setActor(m_actor);
}

bool OperatorDesk::accountsExist()
{
    const auto exist = Model::StaffService(m_db, {}).accountsExist();
    return exist && *exist;
}

bool OperatorDesk::signInAtStart()
{
    if (!accountsExist())
        return true;
    m_locked = true;
    const bool in = askForSignIn();
    m_locked = false;
    return in;
}

void OperatorDesk::lock()
{
    if (m_locked)
        return;
    if (!accountsExist()) {
        m_window.statusBar()->showMessage(
            tr("Nothing to lock: without staff accounts everyone is the operator (Auction > "
               "Staff adds them)"),
            8000);
        return;
    }
    m_locked = true;
    // Covered, not closed: the tabs, selections and undo history stay as they were.
    QWidget* content = m_window.centralWidget();
    if (content)
        content->hide();
    const bool in = askForSignIn();
    if (content)
        content->show();
    m_locked = false;
    if (!in)
        m_window.close();
}

bool OperatorDesk::askForSignIn()
{
    SignInDialog dialog(m_db, Model::Database::stationName(), &m_window);
    m_signIn = &dialog;
    const bool in = dialog.exec() == QDialog::Accepted;
    m_signIn = nullptr;
    if (in)
        setActor(dialog.actor());
    return in;
}

void OperatorDesk::setActor(const Model::Actor& actor)
{
    m_actor = actor;
    m_service.setActor(actor);
    m_gate->apply(actor);
    if (m_staffDialog && !Model::mayDo(actor.role, Model::Permission::Administer))
        m_staffDialog->close();
    updateTitle();
    m_idle->start();
}

void OperatorDesk::updateTitle()
{
    m_window.setWindowTitle(
        tr("%1 — %2 (%3) at %4")
            .arg(m_baseTitle, m_actor.name, Model::roleName(m_actor.role), m_actor.station));
}

StaffDialog* OperatorDesk::showStaff()
{
    if (!m_staffDialog) {
        m_staffDialog = new StaffDialog(m_db, m_actor, &m_window);
        m_staffDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_staffDialog->show();
    m_staffDialog->raise();
    m_staffDialog->activateWindow();
    return m_staffDialog;
}

void OperatorDesk::setIdleLockMs(int ms)
{
    m_idle->setInterval(ms);
    m_idle->start();
}

bool OperatorDesk::eventFilter(QObject* watched, QEvent* event)
{
    // Any key or click restarts the idle time.
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::Wheel:
        if (!m_locked)
            m_idle->start();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace BidTracker::Gui
