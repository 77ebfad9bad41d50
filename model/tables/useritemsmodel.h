#pragma once

#include "model/change.h"
#include "model/records.h"
#include "recordtablemodel.h"

namespace BidTracker::Model {

class AuctionService;
class ChangeNotifier;

/// The items one user bid on and whether the user leads on each: the detail of the Users table.
class UserItemsModel final : public RecordTableModel<UserItem, 5>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UserItemsModel)

public:
    enum Column { Id, Name, OwnHighest, WinningValue, Standing, ColumnCount };
    static_assert(ColumnCount == 5);

    UserItemsModel(AuctionService& service, ChangeNotifier& notifier, QObject* parent = nullptr);

    /// Shows this user's items; 0 shows none.
    void setUserId(qint64 userId);
    qint64 userId() const { return m_userId; }

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    void onChanged(const Change& change);
    QList<UserItem> fetch() const;

    AuctionService& m_service;
    qint64 m_userId = 0;
};

} // namespace BidTracker::Model
