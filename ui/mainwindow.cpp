#include "mainwindow.h"

#include "elidedlabel.h"
#include "mnemonics.h"

#include "auctionactions.h"
#include "backupstatus.h"
#include "bigscreen.h"
#include "checkoutpage.h"
#include "connectdialog.h"
#include "csvtransfer.h"
#include "helpdialogs.h"
#include "logfile.h"
#include "model/auctionservice.h"
#include "model/storage/databaselocation.h"
#include "model/tables/bidstablemodel.h"
#include "model/tables/itembidsmodel.h"
#include "model/tables/itemstablemodel.h"
#include "model/tables/tablesupport.h"
#include "model/tables/useritemsmodel.h"
#include "model/tables/userstablemodel.h"
#include "placebiddialog.h"
#include "printactions.h"
#include "quickbidbar.h"
#include "serverpanel.h"
#include "tablepage.h"

#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace BidTracker::Gui {

namespace {

constexpr int MaxRecent = 8;
const QString recentKey = QStringLiteral("window/recentDatabases");
const QString lastDatabaseKey = QStringLiteral("window/lastDatabase");

/// A titled block: a bold label over a widget.
QWidget* titled(QLabel* title, QWidget* content, QWidget* parent)
{
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 6, 0, 0);
    QFont font = title->font();
    font.setBold(true);
    title->setFont(font);
    layout->addWidget(title);
    layout->addWidget(content);
    return box;
}

} // namespace

MainWindow::MainWindow(Model::AuctionService& service, Model::ChangeNotifier& notifier,
                       const QString& databasePath, ServerControl* server, QWidget* parent)
    : QMainWindow(parent), m_service(service), m_notifier(notifier), m_databasePath(databasePath),
      m_actions(new AuctionActions(service, this)),
      m_itemsModel(new Model::ItemsTableModel(service, notifier, this)),
      m_usersModel(new Model::UsersTableModel(service, notifier, this)),
      m_bidsModel(new Model::BidsTableModel(service, notifier, this)),
      m_itemBidsModel(new Model::ItemBidsModel(service, notifier, this)),
      m_userItemsModel(new Model::UserItemsModel(service, notifier, this))
{
    // A shared database is named by its URL: people see it without the password.
    const bool shared = Model::isPostgresUrl(databasePath);
    setWindowTitle(tr("%1 — Bid Tracker")
                       .arg(shared ? Model::displayLocation(databasePath)
                                   : QFileInfo(databasePath).fileName()));
    setWindowIcon(QIcon(QStringLiteral(":/icons/bidtracker.png")));
    buildTabs();
    m_print = new PrintActions(
        service, [this] { return PrintActions::selectedIds(m_items->view()); },
        [this] { return PrintActions::selectedIds(m_users->view()); }, this);
    buildServerDock(server);
    // Before the menus: Auction > Automatic backups opens its settings.
    m_backupStatus = new BackupStatus(databasePath, this);
    buildMenus();
    auto* databaseLabel = new ElidedLabel(shared ? Model::displayLocation(databasePath)
                                                 : QDir::toNativeSeparators(databasePath),
                                          this);
    databaseLabel->setToolTip(shared ? tr("The shared auction on a PostgreSQL server")
                                     : tr("The auction's database file"));
    statusBar()->addWidget(databaseLabel, 1);
    m_serverStatus = new ElidedLabel(this);
    statusBar()->addPermanentWidget(m_backupStatus);
    statusBar()->addPermanentWidget(m_serverStatus);
    connect(m_serverPanel, &ServerPanel::stateChanged, this,
            [this] { m_serverStatus->setText(m_serverPanel->summary()); });
    m_serverStatus->setText(m_serverPanel->summary());
    connect(m_itemsModel, &Model::ItemsTableModel::renameRequested, m_actions,
            &AuctionActions::renameItem);
    connect(m_usersModel, &Model::UsersTableModel::renameRequested, m_actions,
            &AuctionActions::renameUser);
    // Live updates can change the lot or bidder shown in a detail title.
    connect(m_itemsModel, &QAbstractItemModel::dataChanged, this, &MainWindow::updateDetailTitles);
    connect(m_usersModel, &QAbstractItemModel::dataChanged, this, &MainWindow::updateDetailTitles);
    for (const auto changed : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_itemBidsModel, changed, this, &MainWindow::updateDetailTitles);
    connect(m_itemBidsModel, &QAbstractItemModel::dataChanged, this,
            &MainWindow::updateDetailTitles);
    restoreLayout();
    updateRecentMenu();
}

QString MainWindow::rememberedDatabase()
{
    return QSettings().value(lastDatabaseKey).toString();
}

void MainWindow::rememberDatabase()
{
    // A password is kept in the settings file only when the operator asked for it.
    const QString kept = ConnectDialog::remembersPassword()
                             ? m_databasePath
                             : Model::withoutPassword(m_databasePath);
    QSettings().setValue(lastDatabaseKey, kept);
    QStringList recent = QSettings().value(recentKey).toStringList();
    recent.removeAll(kept);
    recent.removeAll(m_databasePath);
    recent.prepend(kept);
    QSettings().setValue(recentKey, recent.mid(0, MaxRecent));
    updateRecentMenu();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildTabs()
{
    m_items =
        new TablePage(m_itemsModel, Model::ItemsTableModel::Name, Model::ItemsTableModel::Name,
                      tr("Filter lots by name or number (item3 or 3)"), this);
    m_itemBidsTitle = new ElidedLabel(this);
    m_itemBidsView =
        makeDetailView(m_itemBidsModel, /*newestFirst=*/true, Model::ItemBidsModel::User, this);
    auto* itemsSplit = new QSplitter(Qt::Vertical, this);
    itemsSplit->addWidget(m_items);
    itemsSplit->addWidget(titled(m_itemBidsTitle, m_itemBidsView, this));
    itemsSplit->setStretchFactor(0, 3);
    itemsSplit->setStretchFactor(1, 2);
    connect(m_items, &TablePage::currentIdChanged, this, [this](qint64 id) {
        m_itemBidsModel->setItemId(id);
        updateDetailTitles();
    });

    m_users =
        new TablePage(m_usersModel, Model::UsersTableModel::Name, Model::UsersTableModel::Name,
                      tr("Filter bidders by paddle number, name, phone or email (or user3)"), this);
    m_userItemsTitle = new ElidedLabel(this);
    m_userItemsView =
        makeDetailView(m_userItemsModel, /*newestFirst=*/false, Model::UserItemsModel::Name, this);
    auto* usersSplit = new QSplitter(Qt::Vertical, this);
    usersSplit->addWidget(m_users);
    usersSplit->addWidget(titled(m_userItemsTitle, m_userItemsView, this));
    usersSplit->setStretchFactor(0, 3);
    usersSplit->setStretchFactor(1, 2);
    connect(m_users, &TablePage::currentIdChanged, this, [this](qint64 id) {
        m_userItemsModel->setUserId(id);
        updateDetailTitles();
    });

    m_bids = TablePage::forSelfSortingModel(m_bidsModel, Model::BidsTableModel::Item,
                                            tr("Filter bids by lot or bidder name"), this);

    for (TablePage* page : {m_items, m_users, m_bids}) {
        page->view()->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(page->view(), &QWidget::customContextMenuRequested, this,
                [this, page](const QPoint& at) {
                    if (QMenu* menu = rowMenu(page, at))
                        menu->popup(page->view()->viewport()->mapToGlobal(at));
                });
    }
    // Double-click opens a lot's edit dialog; F2 still renames in place.
    m_items->view()->setEditTriggers(QAbstractItemView::EditKeyPressed);
    // Several lots at once, for their bid sheets and labels (Shift/Ctrl+click).
    m_items->view()->setSelectionMode(QAbstractItemView::ExtendedSelection);
    connect(m_items->view(), &QAbstractItemView::doubleClicked, this,
            [this](const QModelIndex& index) {
                m_actions->editItem(index.data(Model::IdRole).toLongLong());
            });
    m_items->view()->setProperty("lockColumn", int(Model::ItemsTableModel::Status));
    m_userItemsView->setProperty("lockColumn", int(Model::UserItemsModel::Standing));

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(itemsSplit, tr("&Lots"));
    m_tabs->addTab(usersSplit, tr("Bi&dders"));
    m_tabs->addTab(m_bids, tr("&Bids"));
    m_checkout = new CheckoutPage(m_service, m_notifier, *m_actions, this);
    m_tabs->addTab(m_checkout, tr("Chec&kout"));
    // The receipt goes through the same preview and layout as File > Print's invoices.
    connect(m_checkout, &CheckoutPage::printReceiptRequested, this, [this](qint64 userId) {
        m_print->preview(Print::DocumentKind::Invoices, Print::Selection{{}, {userId}},
                         Print::paperForLocale(QLocale()));
    });
    m_tabs->setDocumentMode(true);
    m_quickBid = new QuickBidBar(
        m_service, m_notifier,
        [this](qint64 item, qint64 user, std::optional<Model::Money> value,
               std::optional<Model::Money> maximum) {
            return m_actions->placeBid(item, user, value, maximum);
        },
        this);
    m_quickBid->setLastData([this] { return m_itemsModel->records(); },
                            [this] { return m_usersModel->records(); });
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_quickBid);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);
    updateDetailTitles();
}

void MainWindow::updateDetailTitles()
{
    const int itemRow = m_itemsModel->rowOfId(m_itemBidsModel->itemId());
    QString itemBids =
        itemRow < 0 ? tr("Bids — select a lot to see its bids, newest first")
                    : tr("Bids on %1 “%2” — newest first, the winning bid in bold")
                          .arg(Model::formatId(Model::EntityKind::Item, m_itemBidsModel->itemId()),
                               m_itemsModel->recordAt(itemRow).name);
    // The operator may see the leader's secret maximum; bidders never do.
    if (const auto maximum = m_itemBidsModel->leaderMaximum(); itemRow >= 0 && maximum)
        itemBids += tr("; the leader's maximum is %1").arg(Model::displayMoney(*maximum));
    m_itemBidsTitle->setText(itemBids);
    const int userRow = m_usersModel->rowOfId(m_userItemsModel->userId());
    m_userItemsTitle->setText(
        userRow < 0
            ? tr("Lots — select a bidder to see the lots they bid on")
            : tr("Lots %1 bid on, and where they stand").arg(m_usersModel->recordAt(userRow).name));
}

void MainWindow::buildServerDock(ServerControl* server)
{
    m_serverPanel = new ServerPanel(server, this);
    auto* dock = new QDockWidget(tr("REST API server"), this);
    dock->setObjectName(QStringLiteral("serverDock"));
    dock->setWidget(m_serverPanel);
    m_serverPanel->setMaximumWidth(280);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    m_serverDock = dock;
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addAction(tr("&New database…"), QKeySequence::New, this,
                    [this] { chooseDatabase(true); });
    file->addAction(tr("&Open database…"), QKeySequence::Open, this,
                    [this] { chooseDatabase(false); });
    file->addAction(tr("&Connect to server…"), this, [this] { connectToServer(); });
    m_recentMenu = file->addMenu(tr("Open &recent"));
    file->addSeparator();
    QMenu* exports = file->addMenu(tr("&Export CSV"));
    for (const auto kind : {Model::CsvKind::Items, Model::CsvKind::Users, Model::CsvKind::Bids,
                            Model::CsvKind::Results}) {
        const QString words[] = {tr("Lots"), tr("Bidders"), tr("Bids"), tr("Results")};
        QAction* action = exports->addAction(
            tr("%1 (%2.csv)…").arg(words[static_cast<int>(kind)], Model::csvKindName(kind)), this,
            [this, kind] { exportCsv(kind); });
        // Named for RoleGate: the bidders' file holds their contacts.
        action->setObjectName(QStringLiteral("export") + Model::csvKindName(kind).at(0).toUpper() +
                              Model::csvKindName(kind).mid(1));
    }
    // Checkout's files, for the accounts: the same files as `bidtracker export invoices`.
    exports
        ->addAction(tr("Invoices (invoices.csv)…"), this,
                    [this] { exportCheckout(Model::CheckoutCsv::Invoices); })
        ->setObjectName(QStringLiteral("exportInvoices"));
    exports
        ->addAction(tr("Payments (payments.csv)…"), this,
                    [this] { exportCheckout(Model::CheckoutCsv::Payments); })
        ->setObjectName(QStringLiteral("exportPayments"));
    QMenu* imports = file->addMenu(tr("&Import CSV"));
    imports->addAction(tr("Lots…"), this, [this] { importCsv(Model::CsvKind::Items); })
        ->setObjectName(QStringLiteral("importItems"));
    imports->addAction(tr("Bidders…"), this, [this] { importCsv(Model::CsvKind::Users); })
        ->setObjectName(QStringLiteral("importUsers"));
    file->addSeparator();
    file->addAction(m_print->printAction());
    file->addSeparator();
    // The keys the Help list promises, on every platform: QKeySequence::Quit and ::Redo map to
    // other keys, or none, where no desktop environment says otherwise (as FullScreen did).
    file->addAction(tr("&Quit"), QKeySequence(tr("Ctrl+Q")), this, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_actions->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_actions->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence(tr("Ctrl+Shift+Z")));
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(tr("&Quick bid"), QKeySequence(tr("Ctrl+B")), this,
                    [this] { m_quickBid->focusEntry(); })
        ->setObjectName(QStringLiteral("quickBid"));
    QAction* bid = edit->addAction(tr("&Place bid…"), QKeySequence(tr("Ctrl+Shift+B")), this,
                                   &MainWindow::placeBid);
    QAction* addItem = edit->addAction(tr("Add &lot…"), QKeySequence(tr("Ctrl+L")), this, [this] {
        if (const qint64 id = m_actions->addItem()) {
            m_tabs->setCurrentIndex(ItemsTab);
            m_items->selectId(id);
        }
    });
    QAction* addUser =
        edit->addAction(tr("Add &bidder…"), QKeySequence(tr("Ctrl+D")), this, [this] {
            if (const qint64 id = m_actions->addUser()) {
                m_tabs->setCurrentIndex(UsersTab);
                m_users->selectId(id);
            }
        });
    edit->addAction(tr("&Edit lot…"), QKeySequence(tr("Ctrl+E")), this,
                    [this] {
                        if (m_items->currentId())
                            m_actions->editItem(m_items->currentId());
                    })
        ->setObjectName(QStringLiteral("editLot"));
    QAction* toggle = edit->addAction(tr("Open/&close lot"), QKeySequence(tr("Ctrl+K")), this,
                                      &MainWindow::toggleLot);
    // The names RoleGate knows them by (one table maps them to the model's permissions).
    bid->setObjectName(QStringLiteral("placeBid"));
    addItem->setObjectName(QStringLiteral("addLot"));
    addUser->setObjectName(QStringLiteral("addBidder"));
    toggle->setObjectName(QStringLiteral("toggleLot"));
    QAction* remove =
        edit->addAction(tr("&Delete…"), QKeySequence::Delete, this, &MainWindow::deleteSelected);
    edit->addSeparator();
    edit->addAction(tr("&Find"), QKeySequence::Find, this, [this] {
        if (m_tabs->currentIndex() == CheckoutTab)
            return m_checkout->nextBidder();
        TablePage* pages[] = {m_items, m_users, m_bids};
        pages[m_tabs->currentIndex()]->searchField()->setFocus();
    });

    QMenu* auction = menuBar()->addMenu(tr("&Auction"));
    auction->setObjectName(QStringLiteral("auctionMenu"));
    auction
        ->addAction(tr("&Close all open lots…"), this,
                    [this] {
                        if (m_actions->closeAllOpenLots() > 0)
                            m_tabs->setCurrentIndex(ItemsTab);
                    })
        ->setObjectName(QStringLiteral("closeAll"));

    QToolBar* tools = addToolBar(tr("Auction"));
    tools->setObjectName(QStringLiteral("auctionToolbar"));
    tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    tools->setMovable(false);
    for (QAction* action : {bid, addItem, addUser, toggle, remove})
        tools->addAction(action);
    buildAuctionMenu(edit, auction, tools);
    tools->addSeparator();
    tools->addAction(undo);
    tools->addAction(redo);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* showServer = m_serverDock->toggleViewAction();
    showServer->setText(tr("&Server panel"));
    view->addAction(showServer);
    QAction* showTools = tools->toggleViewAction();
    showTools->setText(tr("&Toolbar"));
    view->addAction(showTools);
    QAction* showQuickBid = view->addAction(tr("&Quick bid bar"));
    showQuickBid->setCheckable(true);
    showQuickBid->setChecked(true);
    connect(showQuickBid, &QAction::toggled, m_quickBid, &QWidget::setVisible);
    view->addSeparator();
    QAction* fullScreen = view->addAction(tr("&Full screen"));
    // F11 itself: QKeySequence::FullScreen maps to no key on X11 without a desktop
    // environment (and to Ctrl+F11 on GNOME), and the menus and Help say F11.
    fullScreen->setShortcut(QKeySequence(Qt::Key_F11));
    fullScreen->setCheckable(true);
    connect(fullScreen, &QAction::toggled, this,
            [this](bool on) { on ? showFullScreen() : showNormal(); });
    view->addAction(tr("&Big screen"), QKeySequence(tr("Ctrl+Shift+F")), this,
                    &MainWindow::showBigScreen);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), this, [this] { showKeyboardShortcuts(this); });
    help->addAction(tr("Show &log"), this, [this] { LogFile::showDialog(this); });
    help->addAction(tr("&About Bid Tracker"), this, [this] { showAbout(this); });
}

QMenu* MainWindow::rowMenu(TablePage* page, const QPoint& at)
{
    const QModelIndex index = page->view()->indexAt(at);
    if (!index.isValid())
        return nullptr;
    // A right-click inside a selection of several lots keeps it, for printing them.
    if (!page->view()->selectionModel()->isRowSelected(index.row(), index.parent()))
        page->view()->setCurrentIndex(index);
    const qint64 id = index.data(Model::IdRole).toLongLong();
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (page == m_items) {
        const int row = m_itemsModel->rowOfId(id);
        const bool closed =
            row >= 0 && m_itemsModel->recordAt(row).status == Model::ItemStatus::Closed;
        QAction* bid = menu->addAction(tr("Place bid on this lot"), this, [this, id] {
            m_quickBid->chooseLot(id);
            m_quickBid->focusEntry();
        });
        bid->setEnabled(!closed);
        menu->addAction(tr("Edit lot…"), this, [this, id] { m_actions->editItem(id); });
        menu->addAction(closed ? tr("Reopen lot…") : tr("Close lot"), this,
                        [this, id, closed] { m_actions->setLotOpen(id, closed); });
        if (row >= 0 && m_itemsModel->recordAt(row).buyNow) {
            // The service says why when the price has passed it meanwhile.
            QAction* buy = menu->addAction(
                tr("Buy now at %1…").arg(Model::displayMoney(*m_itemsModel->recordAt(row).buyNow)),
                this, [this, id] { m_actions->buyNow(id); });
            buy->setEnabled(!closed);
        }
        menu->addSeparator();
        menu->addAction(m_print->printSheetsAction());
        menu->addAction(m_print->printLabelsAction());
        menu->addSeparator();
        menu->addAction(tr("Delete lot…"), this, [this, id] { m_actions->deleteItem(id); });
    } else if (page == m_users) {
        addBidderRowActions(menu, id);
        menu->addAction(tr("Rename bidder"), this, [page, index] { page->view()->edit(index); });
        menu->addSeparator();
        menu->addAction(tr("Delete bidder…"), this, [this, id] { m_actions->deleteUser(id); });
    } else {
        menu->addAction(tr("Delete bid…"), this, [this, id] { m_actions->deleteBid(id); });
    }
    return menu;
}

BigScreen* MainWindow::bigScreen() const
{
    return m_bigScreen;
}

void MainWindow::showBigScreen()
{
    if (m_bigScreen) {
        m_bigScreen->raise();
        m_bigScreen->activateWindow();
        return;
    }
    m_bigScreen = BigScreen::open(m_service, m_notifier, this);
}

PlaceBidDialog* MainWindow::makePlaceBidDialog()
{
    auto* dialog = new PlaceBidDialog(
        m_service, m_notifier, m_itemsModel, m_usersModel,
        [this](qint64 item, qint64 user, std::optional<Model::Money> value,
               std::optional<Model::Money> maximum) {
            return m_actions->placeBid(item, user, value, maximum);
        },
        this);
    // The lot the operator is looking at; never a bidder from whatever row is selected.
    if (m_tabs->currentIndex() == ItemsTab)
        if (const qint64 item = m_items->currentId())
            dialog->setItem(item);
    return dialog;
}

void MainWindow::placeBid()
{
    std::unique_ptr<PlaceBidDialog> dialog(makePlaceBidDialog());
    dialog->exec();
}

void MainWindow::deleteSelected()
{
    switch (m_tabs->currentIndex()) {
    case ItemsTab:
        // Inside the lot's bids, Delete removes the selected bid.
        if (m_itemBidsView->hasFocus() && m_itemBidsView->currentIndex().isValid())
            m_actions->deleteBid(m_itemBidsView->currentIndex().data(Model::IdRole).toLongLong());
        else if (m_items->currentId())
            m_actions->deleteItem(m_items->currentId());
        break;
    case UsersTab:
        if (m_users->currentId())
            m_actions->deleteUser(m_users->currentId());
        break;
    case BidsTab:
        if (m_bids->currentId())
            m_actions->deleteBid(m_bids->currentId());
        break;
    case CheckoutTab:
        break; // payments are voided, never deleted
    }
}

void MainWindow::toggleLot()
{
    const int row = m_itemsModel->rowOfId(m_items->currentId());
    if (row < 0)
        return;
    const auto& item = m_itemsModel->recordAt(row);
    m_actions->setLotOpen(item.id, item.status == Model::ItemStatus::Closed);
}

void MainWindow::exportCsv(Model::CsvKind kind)
{
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Export %1").arg(Model::csvKindName(kind) + QStringLiteral(".csv")),
        QFileInfo(m_databasePath).dir().filePath(Model::csvKindName(kind) + QStringLiteral(".csv")),
        tr("CSV files (*.csv)"));
    if (file.isEmpty())
        return;
    const QString done = exportWithProgress(m_databasePath, kind, file, this);
    if (!done.isEmpty())
        statusBar()->showMessage(done, 8000);
}

void MainWindow::exportCheckout(Model::CheckoutCsv kind)
{
    const QString name = kind == Model::CheckoutCsv::Invoices ? QStringLiteral("invoices.csv")
                                                              : QStringLiteral("payments.csv");
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Export %1").arg(name), QFileInfo(m_databasePath).dir().filePath(name),
        tr("CSV files (*.csv)"));
    if (file.isEmpty())
        return;
    const QString done = exportCheckoutFile(m_service, kind, file);
    if (!done.isEmpty())
        statusBar()->showMessage(done, 8000);
}

void MainWindow::importCsv(Model::CsvKind kind)
{
    const QString file =
        QFileDialog::getOpenFileName(this, tr("Import %1").arg(Model::csvKindName(kind)), QString(),
                                     tr("CSV files (*.csv);;All files (*)"));
    if (file.isEmpty())
        return;
    ImportDialog dialog(m_service, kind, file, this);
    if (dialog.exec() == QDialog::Accepted) {
        m_actions->recordImport(kind == Model::CsvKind::Items, dialog.addedIds());
        statusBar()->showMessage(kind == Model::CsvKind::Items
                                     ? tr("Imported %n lot(s); Edit > Undo takes them back.",
                                          nullptr, static_cast<int>(dialog.imported()))
                                     : tr("Imported %n bidder(s); Edit > Undo takes them back.",
                                          nullptr, static_cast<int>(dialog.imported())),
                                 8000);
    }
}

void MainWindow::chooseDatabase(bool create)
{
    const QString dir = QFileInfo(m_databasePath).absolutePath();
    const QString filter = tr("Bid Tracker databases (*.sqlite *.db);;All files (*)");
    const QString path = create
                             ? QFileDialog::getSaveFileName(this, tr("New database"), dir, filter)
                             : QFileDialog::getOpenFileName(this, tr("Open database"), dir, filter);
    if (!path.isEmpty())
        Q_EMIT openDatabaseRequested(path);
}

void MainWindow::connectToServer()
{
    ConnectDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        Q_EMIT openDatabaseRequested(dialog.url());
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(recentKey).toStringList();
    for (const QString& path : recent) {
        if (path == m_databasePath || path == Model::withoutPassword(m_databasePath))
            continue;
        m_recentMenu->addAction(escapeMnemonics(Model::isPostgresUrl(path)
                                                    ? Model::displayLocation(path)
                                                    : QDir::toNativeSeparators(path)),
                                this, [this, path] { Q_EMIT openDatabaseRequested(path); });
    }
    m_recentMenu->setEnabled(!m_recentMenu->isEmpty());
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(std::min(1280, available.width()), std::min(800, available.height()));
    if (!restoreState(settings.value(QStringLiteral("window/state")).toByteArray()) &&
        available.width() < 1100) {
        // First start on a small screen: the tables get the width; the status bar still
        // shows the server, and View > Server panel brings the panel back.
        m_serverDock->hide();
    }
    const std::pair<const char*, QTableView*> views[] = {{"items", m_items->view()},
                                                         {"users", m_users->view()},
                                                         {"bids", m_bids->view()},
                                                         {"itemBids", m_itemBidsView},
                                                         {"userItems", m_userItemsView}};
    for (const auto& [name, view] : views) {
        const QByteArray state =
            settings.value(QStringLiteral("window/columns/%1").arg(QLatin1String(name)))
                .toByteArray();
        // Widths saved for another set of columns (a version before the lots' time left,
        // reserve and buy now) would land on the wrong columns: those are fitted afresh.
        const int columns =
            settings.value(QStringLiteral("window/columnCount/%1").arg(QLatin1String(name)))
                .toInt();
        if (!state.isEmpty() && columns == view->model()->columnCount()) {
            view->horizontalHeader()->restoreState(state);
            applyColumnModes(view); // a layout saved by an older version had fixed widths
        } else {
            // Once shown, when the rows have their real fonts and sizes; the stretched name
            // column takes the rest of the width.
            QTimer::singleShot(0, view, [view] { fitColumns(view); });
        }
    }
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    const std::pair<const char*, QTableView*> views[] = {{"items", m_items->view()},
                                                         {"users", m_users->view()},
                                                         {"bids", m_bids->view()},
                                                         {"itemBids", m_itemBidsView},
                                                         {"userItems", m_userItemsView}};
    for (const auto& [name, view] : views) {
        settings.setValue(QStringLiteral("window/columns/%1").arg(QLatin1String(name)),
                          view->horizontalHeader()->saveState());
        settings.setValue(QStringLiteral("window/columnCount/%1").arg(QLatin1String(name)),
                          view->model()->columnCount());
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_savesLayout)
        saveLayout();
    event->accept();
}

} // namespace BidTracker::Gui
