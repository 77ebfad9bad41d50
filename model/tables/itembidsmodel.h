#pragma once

#include "model/change.h"
#include "model/records.h"
#include "recordtablemodel.h"

namespace BidTracker::Model {

class AuctionService;
class ChangeNotifier;

/// The bids of one item, newest first, the winning bid marked, automatic bids marked "auto"
/// and each bid's maximum shown: the detail of the Items table. Maximums are secret to the
/// API, the CSV and printouts; the operator sees them here.
class ItemBidsModel final : public RecordTableModel<Bid, 6>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ItemBidsModel)

public:
    enum Column { Id, User, Value, Maximum, PlacedAt, Standing, ColumnCount };
    static_assert(ColumnCount == 6);

    ItemBidsModel(AuctionService& service, ChangeNotifier& notifier, QObject* parent = nullptr);

    /// Shows the bids of this item; 0 shows none.
    void setItemId(qint64 itemId);
    qint64 itemId() const { return m_itemId; }
    std::optional<qint64> winningBidId() const { return m_winningBidId; }
    /// The leader's maximum when it is above the price (secret: the operator's eyes only),
    /// or nothing when the leader left none higher.
    std::optional<Money> leaderMaximum() const;

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    void onChanges(const QList<Change>& changes);
    /// The rows of this bidder's bids read again (their name shows on them).
    void renamedBidder(qint64 userId);
    void refreshWinner();
    void takeStanding(const Item& item);

    AuctionService& m_service;
    qint64 m_itemId = 0;
    std::optional<qint64> m_winningBidId;
    std::optional<Money> m_winningValue;
    std::optional<Money> m_leaderCeiling;
};

} // namespace BidTracker::Model
