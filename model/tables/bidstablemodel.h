#pragma once

#include "model/change.h"
#include "model/records.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace BidTracker::Model {

class AuctionService;
class ChangeNotifier;

/// Every bid of the auction as a window onto the database: it knows how many rows there are
/// and reads only the blocks of rows a view shows, so a million bids open, scroll to the end
/// and sort by amount without being read. It sorts and filters itself, in SQL (a sorting
/// proxy would have to read every row). Follows the notifier with row inserts and removals.
class BidsTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BidsTableModel)

public:
    enum Column { Id, Item, User, Value, PlacedAt, ColumnCount };
    static constexpr int BlockSize = 256;
    static constexpr int MaxCachedBlocks = 64;
    /// In a sorted or filtered view, up to this many bids of one batch are each placed
    /// where they go; more are counted and the rows read again.
    static constexpr int MaxPlacedOneByOne = 16;

    BidsTableModel(AuctionService& service, ChangeNotifier& notifier, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    /// Lot sorts as the bid id (no index orders bids by lot name); Placed at is the id order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    /// Shows only bids whose lot or bidder name contains the text.
    Q_INVOKABLE void setFilterText(const QString& text);
    const BidQuery& query() const { return m_query; }
    /// The bid on a row, reading its block if needed; null past the end or on a read error.
    const Bid* bidAt(int row) const;
    void reload();

private:
    void onChanges(const QList<Change>& changes);
    /// The bids of one batch, newest last.
    void bidsAdded(const QList<qint64>& ids);
    void bidAdded(qint64 id);
    void bidRemoved(qint64 id);
    /// Forgets the cached blocks from this row on (rows moved or changed).
    void forgetFrom(int row);

    AuctionService& m_service;
    BidQuery m_query;
    int m_rows = 0;
    mutable QHash<int, QList<Bid>> m_blocks;
    mutable QList<int> m_recent; // block numbers, most recently used last
};

/// Formats one column of a bid for the bid tables (shared by the all-bids and item-bids views).
QVariant bidCell(const Bid& bid, int column, int role);
/// The header of one column of the bid tables, by BidsTableModel::Column.
QString bidColumnTitle(int column);

} // namespace BidTracker::Model
