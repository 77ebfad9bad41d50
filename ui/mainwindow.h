#pragma once

#include "model/csv/checkoutcsv.h"
#include "model/csv/csvkind.h"

#include <QMainWindow>
#include <QPointer>

class QDockWidget;
class QLabel;
class QMenu;
class QTabWidget;
class QTableView;
class QToolBar;

namespace BidTracker::Model {
class AuctionService;
class ChangeNotifier;
class ItemsTableModel;
class UsersTableModel;
class BidsTableModel;
class ItemBidsModel;
class UserItemsModel;
} // namespace BidTracker::Model

namespace BidTracker::Gui {

class AuctionActions;
class BackupStatus;
class BigScreen;
class CheckoutPage;
class PlaceBidDialog;
class PrintActions;
class QuickBidBar;
class ServerControl;
class ServerPanel;
class SummaryDialog;
class TablePage;

/// The operator's window. It only assembles the views on the model's tables, the server
/// panel and the menus, and connects them to AuctionActions; it holds no rule and no query.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum Tab { ItemsTab, UsersTab, BidsTab, CheckoutTab };

    MainWindow(Model::AuctionService& service, Model::ChangeNotifier& notifier,
               const QString& databasePath, ServerControl* server, QWidget* parent = nullptr);
    ~MainWindow() override;

    AuctionActions* actions() const { return m_actions; }
    PrintActions* printActions() const { return m_print; }
    /// The projector view when it is open (View > Big screen).
    BigScreen* bigScreen() const;
    void showBigScreen();
    TablePage* itemsPage() const { return m_items; }
    TablePage* usersPage() const { return m_users; }
    TablePage* bidsPage() const { return m_bids; }
    CheckoutPage* checkoutPage() const { return m_checkout; }
    /// Auction > Summary, shown (created the first time).
    SummaryDialog* showSummary();
    QTableView* itemBidsView() const { return m_itemBidsView; }
    QTableView* userItemsView() const { return m_userItemsView; }
    QTabWidget* tabs() const { return m_tabs; }
    QuickBidBar* quickBidBar() const { return m_quickBid; }
    QDockWidget* serverDock() const { return m_serverDock; }
    /// The automatic backups' word in the status bar, and their scheduler.
    BackupStatus* backupStatus() const { return m_backupStatus; }
    /// Makes this database the one a relaunch without --db opens, and the first of Open
    /// recent. Only for the operator's own window: one-shot modes leave no trace.
    void rememberDatabase();
    /// The database rememberDatabase() kept last, or "" when none was.
    static QString rememberedDatabase();
    /// For the one-shot modes (screenshot, benchmark): closing the window then writes
    /// nothing to the settings (no geometry, state or column widths).
    void leaveSettingsAlone() { m_savesLayout = false; }
    /// A place-bid dialog for the selected lot (not shown; exec() it).
    PlaceBidDialog* makePlaceBidDialog();

Q_SIGNALS:
    /// The operator chose another database (File > New/Open); the application switches.
    void openDatabaseRequested(const QString& path);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildTabs();
    /// The right-click menu for the row at `at` of a table, or null off the rows.
    QMenu* rowMenu(TablePage* page, const QPoint& at);
    void buildMenus();
    /// The Auction menu (settings, checkout, summary) and the bidders' check-in, in
    /// mainwindow_auction.cpp.
    void buildAuctionMenu(QMenu* edit, QMenu* auction, QToolBar* tools);
    /// The right-click entries of a bidder's row.
    void addBidderRowActions(QMenu* menu, qint64 userId);
    void buildServerDock(ServerControl* server);
    void placeBid();
    void deleteSelected();
    void toggleLot();
    void exportCsv(Model::CsvKind kind);
    void exportCheckout(Model::CheckoutCsv kind);
    void importCsv(Model::CsvKind kind);
    void chooseDatabase(bool create);
    void connectToServer();
    void updateDetailTitles();
    void updateRecentMenu();
    void restoreLayout();
    void saveLayout() const;

    Model::AuctionService& m_service;
    Model::ChangeNotifier& m_notifier;
    QString m_databasePath;
    AuctionActions* m_actions;
    PrintActions* m_print = nullptr;
    QPointer<BigScreen> m_bigScreen;
    Model::ItemsTableModel* m_itemsModel;
    Model::UsersTableModel* m_usersModel;
    Model::BidsTableModel* m_bidsModel;
    Model::ItemBidsModel* m_itemBidsModel;
    Model::UserItemsModel* m_userItemsModel;
    QTabWidget* m_tabs = nullptr;
    QuickBidBar* m_quickBid = nullptr;
    TablePage* m_items = nullptr;
    TablePage* m_users = nullptr;
    TablePage* m_bids = nullptr;
    CheckoutPage* m_checkout = nullptr;
    SummaryDialog* m_summary = nullptr;
    QTableView* m_itemBidsView = nullptr;
    QTableView* m_userItemsView = nullptr;
    QLabel* m_itemBidsTitle = nullptr;
    QLabel* m_userItemsTitle = nullptr;
    ServerPanel* m_serverPanel = nullptr;
    QLabel* m_serverStatus = nullptr;
    BackupStatus* m_backupStatus = nullptr;
    QMenu* m_recentMenu = nullptr;
    QDockWidget* m_serverDock = nullptr;
    bool m_savesLayout = true;
};

} // namespace BidTracker::Gui
