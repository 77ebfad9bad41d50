#include "mainwindow.h"

#include "model/tables/itemstablemodel.h"

#include <QHeaderView>
#include <QStatusBar>
#include <QTableView>

namespace BidTracker::Gui {

MainWindow::MainWindow(Model::AuctionService& service, Model::ChangeNotifier& notifier,
                       const QString& databasePath, QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Bid Tracker"));
    auto* items = new QTableView(this);
    items->setModel(new Model::ItemsTableModel(service, notifier, items));
    items->horizontalHeader()->setStretchLastSection(true);
    setCentralWidget(items);
    statusBar()->showMessage(databasePath);
    resize(1100, 700);
}

} // namespace BidTracker::Gui
