#pragma once

#include "model/change.h"
#include "model/records.h"

#include "recordtablemodel.h"

namespace BidTracker::Model {

class AuctionService;
class ChangeNotifier;

/// All users with their bid counts, kept current by the notifier row by row.
class UsersTableModel final : public RecordTableModel<User, 3>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersTableModel)

public:
    enum Column { Id, Name, BidCount, ColumnCount };
    static_assert(ColumnCount == 3);

    UsersTableModel(AuctionService& service, ChangeNotifier& notifier, QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void reload();

private:
    void onChanged(const Change& change);

    AuctionService& m_service;
};

} // namespace BidTracker::Model
