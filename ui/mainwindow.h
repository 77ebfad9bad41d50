#pragma once

#include <QMainWindow>

namespace BidTracker::Model {
class AuctionService;
class ChangeNotifier;
} // namespace BidTracker::Model

namespace BidTracker::Gui {

/// The operator's window: assembles the views on the model layer's tables.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(Model::AuctionService& service, Model::ChangeNotifier& notifier,
               const QString& databasePath, QWidget* parent = nullptr);
};

} // namespace BidTracker::Gui
