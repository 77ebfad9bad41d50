#pragma once

#include "model/change.h"
#include "model/records.h"
#include "recordtablemodel.h"

namespace BidTracker::Model {

class AuctionService;
class ChangeNotifier;

/// Every bid, oldest first, fetched a page at a time as the view scrolls, so a database of
/// a million bids opens without reading them all.
class BidsTableModel final : public RecordTableModel<Bid, 5>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BidsTableModel)

public:
    enum Column { Id, Item, User, Value, PlacedAt, ColumnCount };
    static_assert(ColumnCount == 5);
    static constexpr int PageSize = 2000;

    BidsTableModel(AuctionService& service, ChangeNotifier& notifier, QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    void reload();

private:
    void onChanged(const Change& change);
    void refreshWhere(qint64 itemId, qint64 userId);

    AuctionService& m_service;
    bool m_allFetched = false;
};

/// Formats one column of a bid for the bid tables (shared by the all-bids and item-bids views).
QVariant bidCell(const Bid& bid, int column, int role);

} // namespace BidTracker::Model
