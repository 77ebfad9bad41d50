#pragma once

#include "model/change.h"

#include <QDialog>

class QFormLayout;
class QLabel;
class QTimer;

namespace BidTracker::Model {
class AuctionService;
class ChangeNotifier;
} // namespace BidTracker::Model

namespace BidTracker::Gui {

/// Auction > Summary: the end-of-night figures (RULES.md 4) from the service's aggregates,
/// read again whenever the auction changes (at most a few times a second: the figures cost
/// a pass over the auction).
class SummaryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SummaryDialog)

public:
    SummaryDialog(Model::AuctionService& service, Model::ChangeNotifier& notifier,
                  QWidget* parent = nullptr);

    /// Reads the figures now.
    void refresh();
    /// The figure shown for a row ("Outstanding"), as text.
    QString figure(const QString& label) const;

private:
    void onChanges();

    Model::AuctionService& m_service;
    QFormLayout* m_form;
    QLabel* m_problem;
    QTimer* m_refresh;
};

} // namespace BidTracker::Gui
