#pragma once

#include "model/change.h"
#include "model/records.h"

#include "recordtablemodel.h"

namespace BidTracker::Model {

class AuctionService;
class ChangeNotifier;

/// All items with their status, winning value, winner and bid count. Follows the notifier:
/// a change updates, inserts or removes the rows concerned and never resets the model.
class ItemsTableModel final : public RecordTableModel<Item, 8>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ItemsTableModel)

public:
    enum Column {
        Id,
        Name,
        Status,
        StartingPrice,
        MinIncrement,
        WinningValue,
        Winner,
        BidCount,
        ColumnCount
    };
    static_assert(ColumnCount == 8);

    ItemsTableModel(AuctionService& service, ChangeNotifier& notifier, QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    /// The name is editable in place; the edit is not applied here but handed to whoever
    /// listens to renameRequested() (the window, which applies it through its undo stack).
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    /// Reads everything again (after a bulk change such as an import).
    void reload();

Q_SIGNALS:
    void renameRequested(qint64 id, const QString& name);

private:
    void onChanged(const Change& change);

    AuctionService& m_service;
};

} // namespace BidTracker::Model
