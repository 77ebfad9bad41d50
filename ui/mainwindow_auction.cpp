// The whole auction night in the window: Auction > Settings, Checkout and Summary, and the
// bidders' check-in (Edit menu, toolbar, a bidder's right-click menu).
#include "mainwindow.h"

#include "auctionactions.h"
#include "backupstatus.h"
#include "checkoutpage.h"
#include "summarydialog.h"
#include "tablepage.h"

#include <QMenu>
#include <QMenuBar>
#include <QTabWidget>
#include <QToolBar>

namespace BidTracker::Gui {

void MainWindow::buildAuctionMenu(QMenu* edit, QMenu* auction, QToolBar* tools)
{
    edit->addSeparator();
    QAction* checkIn =
        edit->addAction(tr("Check &in bidder"), QKeySequence(tr("Ctrl+I")), this, [this] {
            if (m_tabs->currentIndex() == UsersTab && m_users->currentId())
                m_actions->checkIn(m_users->currentId());
        });
    checkIn->setToolTip(tr("Check the selected bidder in (Ctrl+I)"));
    // The names RoleGate knows them by.
    checkIn->setObjectName(QStringLiteral("checkIn"));
    edit->addAction(tr("Edit bidde&r…"), QKeySequence(tr("Ctrl+Shift+E")), this,
                    [this] {
                        if (m_tabs->currentIndex() == UsersTab && m_users->currentId())
                            m_actions->editUser(m_users->currentId());
                    })
        ->setObjectName(QStringLiteral("editBidder"));
    // Enabled only where it applies: a bidder selected on the Bidders tab.
    const auto update = [this, checkIn] {
        checkIn->setEnabled(m_tabs->currentIndex() == UsersTab && m_users->currentId() != 0);
    };
    connect(m_tabs, &QTabWidget::currentChanged, checkIn, update);
    connect(m_users, &TablePage::currentIdChanged, checkIn, update);
    update();
    tools->addAction(checkIn);

    auction->addSeparator();
    auction
        ->addAction(tr("&Checkout"), QKeySequence(tr("Ctrl+Shift+C")), this,
                    [this] {
                        m_tabs->setCurrentIndex(CheckoutTab);
                        m_checkout->nextBidder();
                    })
        ->setObjectName(QStringLiteral("checkout"));
    auction
        ->addAction(tr("&Summary"), QKeySequence(tr("Ctrl+Shift+S")), this,
                    [this] { showSummary(); })
        ->setObjectName(QStringLiteral("summary"));
    auction->addSeparator();
    auction
        ->addAction(tr("S&ettings…"), QKeySequence(tr("Ctrl+,")), this,
                    [this] { m_actions->editSettings(); })
        ->setObjectName(QStringLiteral("settings"));
    auction
        ->addAction(tr("Automatic &backups…"), this,
                    [this] { m_backupStatus->showSettingsDialog(); })
        ->setObjectName(QStringLiteral("backups"));
}

void MainWindow::addBidderRowActions(QMenu* menu, qint64 userId)
{
    menu->addAction(tr("Check in"), this, [this, userId] { m_actions->checkIn(userId); });
    menu->addAction(tr("Edit bidder…"), this, [this, userId] { m_actions->editUser(userId); });
    menu->addAction(tr("Checkout"), this, [this, userId] {
        m_tabs->setCurrentIndex(CheckoutTab);
        m_checkout->showBidder(userId);
    });
}

SummaryDialog* MainWindow::showSummary()
{
    if (!m_summary)
        m_summary = new SummaryDialog(m_service, m_notifier, this);
    m_summary->refresh();
    m_summary->show();
    m_summary->raise();
    m_summary->activateWindow();
    return m_summary;
}

} // namespace BidTracker::Gui
