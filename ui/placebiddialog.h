#pragma once

#include "model/error.h"
#include "model/records.h"

#include <QDialog>
#include <functional>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QLineEdit;

namespace BidTracker::Model {
class AuctionService;
}

namespace BidTracker::Gui {

/// Place a bid: item and bidder picked with type-ahead, the amount starting at the lowest
/// acceptable bid, and a refused bid explained in the dialog, which stays open to correct it.
class PlaceBidDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaceBidDialog)

public:
    /// Places the bid (and records it for undo); the dialog closes when it succeeds.
    using Placer =
        std::function<Model::Result<Model::Bid>(qint64 itemId, qint64 userId, Model::Money)>;

    PlaceBidDialog(Model::AuctionService& service, QAbstractItemModel* items,
                   QAbstractItemModel* users, Placer placer, QWidget* parent = nullptr);

    void setItem(qint64 itemId);
    void setUser(qint64 userId);
    /// The message shown under the form ("" when none), for tests and screenshots.
    QString message() const;

    void accept() override;

private:
    void updateLowest();
    qint64 chosenId(const QComboBox* box) const;

    Model::AuctionService& m_service;
    Placer m_placer;
    QComboBox* m_item;
    QComboBox* m_user;
    QLineEdit* m_amount;
    QLabel* m_hint;
    QLabel* m_message;
};

} // namespace BidTracker::Gui
