#pragma once

#include "model/auctionservice.h"
#include "model/change.h"
#include "model/error.h"
#include "model/records.h"

#include <QWidget>
#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace BidTracker::Model {
class AuctionService;
class ChangeNotifier;
} // namespace BidTracker::Model

namespace BidTracker::Gui {

/// The clerk's bar for entering bids off a sheet, keyboard only: lot (number, id or name),
/// bidder, amount, an optional maximum (the absentee or online bidder's ceiling: the
/// auction bids for them up to it; a maximum alone leaves the amount to the rules), Enter. Tab
/// takes the single match, Enter records the bid and keeps the lot for the next line of the same
/// sheet, Esc clears. The lookups and the rules are the service's; the lowest acceptable bid shown
/// follows live changes.
class QuickBidBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuickBidBar)

public:
    /// `value` empty: the lowest acceptable bid, or, for a bidder who leads, a raise of their
    /// maximum alone; `maximum` empty: a plain bid.
    using Placer = std::function<Model::Result<Model::BidPlacement>(
        qint64 itemId, qint64 userId, std::optional<Model::Money> value,
        std::optional<Model::Money> maximum)>;

    QuickBidBar(Model::AuctionService& service, Model::ChangeNotifier& notifier, Placer placer,
                QWidget* parent = nullptr);

    /// Where Tab finds lots and bidders when the database does not answer: the rows the
    /// window read last.
    using LastLots = std::function<QList<Model::Item>()>;
    using LastBidders = std::function<QList<Model::User>()>;
    void setLastData(LastLots lots, LastBidders bidders)
    {
        m_lastLots = std::move(lots);
        m_lastBidders = std::move(bidders);
    }

    /// Focuses the bar where the clerk goes on: the lot until one is chosen, then the bidder.
    void focusEntry();
    /// Chooses this lot (as if typed), e.g. from a row's context menu.
    void chooseLot(qint64 itemId);

    qint64 lotId() const { return m_lotId; }
    qint64 bidderId() const { return m_bidderId; }
    QLineEdit* lotField() const { return m_lot; }
    QLineEdit* bidderField() const { return m_bidder; }
    QLineEdit* amountField() const { return m_amount; }
    QLineEdit* maximumField() const { return m_maximum; }
    /// The hint ("Lowest acceptable bid: …", the matches) and the last message, as shown.
    QString hint() const;
    QString message() const;
    QLabel* messageLabel() const { return m_message; }

Q_SIGNALS:
    /// A bid was recorded through the bar.
    void bidRecorded(qint64 bidId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    /// Whether the field holds text still being typed (its own undo applies), rather than a
    /// lot or bidder taken or nothing (Ctrl+Z then undoes the window's last command).
    bool holdsTyping(const QLineEdit* field) const;
    LastLots m_lastLots;
    LastBidders m_lastBidders;
    /// "Recorded bid57: 100.00 by John Smith, paddle 107 on item2 · Vase."
    QString confirmation(const Model::BidPlacement& placed, std::optional<Model::Money> maximum,
                         const std::optional<Model::Item>& item) const;
    bool takeLot();
    bool takeBidder();
    void record();
    void clearAll();
    void showTypeAhead(QLineEdit* field);
    void updateHint();
    void say(const QString& text, bool problem);
    void onChanges(const QList<Model::Change>& changes);

    Model::AuctionService& m_service;
    Placer m_placer;
    QLineEdit* m_lot;
    QLineEdit* m_bidder;
    QLineEdit* m_amount;
    QLineEdit* m_maximum;
    QPushButton* m_record;
    QLabel* m_hint;
    QLabel* m_message;
    qint64 m_lotId = 0;
    qint64 m_bidderId = 0;
};

} // namespace BidTracker::Gui
