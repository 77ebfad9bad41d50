#pragma once

#include "model/auctionservice.h"
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
class ChangeNotifier;
struct Change;
} // namespace BidTracker::Model

namespace BidTracker::Gui {

/// Place a bid: item and bidder picked with type-ahead, the amount starting at the lowest
/// acceptable bid, an optional maximum (the auction bids for the bidder up to it), and a
/// refused bid explained in the dialog, which stays open to correct it.
class PlaceBidDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaceBidDialog)

public:
    /// Places the bid (and records it for undo); the dialog closes when it succeeds.
    /// `value` empty: the lowest acceptable bid, or, for a bidder who leads, a raise of their
    /// maximum alone; `maximum` empty: a plain bid.
    using Placer = std::function<Model::Result<Model::BidPlacement>(
        qint64 itemId, qint64 userId, std::optional<Model::Money> value,
        std::optional<Model::Money> maximum)>;

    /// `items` and `users`: the window's tables; only open lots are offered. The lowest
    /// acceptable bid follows live changes (a bid arriving over the API while typing).
    PlaceBidDialog(Model::AuctionService& service, Model::ChangeNotifier& notifier,
                   QAbstractItemModel* items, QAbstractItemModel* users, Placer placer,
                   QWidget* parent = nullptr);

    void setItem(qint64 itemId);
    void setUser(qint64 userId);
    /// The message shown under the form ("" when none), for tests and screenshots.
    QString message() const;
    QString hint() const;
    QLabel* messageLabel() const { return m_message; }
    QLineEdit* amountField() const { return m_amount; }
    QLineEdit* maximumField() const { return m_maximum; }

    void accept() override;

private:
    void updateLowest();
    void showMessage(const QString& text);
    void onChanges(const QList<Model::Change>& changes);
    qint64 currentItemId() const;
    /// The id the box's text names: an entry of the list, or what the service's lookup
    /// finds for the text (an id, a number, a single name); else 0 and `problem` says why.
    qint64 chosenId(const QComboBox* box, QString* problem) const;

    Model::AuctionService& m_service;
    Placer m_placer;
    QComboBox* m_item;
    QComboBox* m_user;
    QLineEdit* m_amount;
    QLineEdit* m_maximum;
    QLabel* m_hint;
    QLabel* m_message;
    QString m_lowestShown; // the amount last filled in, to tell it from the operator's own
};

} // namespace BidTracker::Gui
