#pragma once

#include "model/auctionsettings.h"
#include "model/change.h"
#include "model/records.h"
#include "model/rules/lotview.h"
#include "recordtablemodel.h"

#include <QHash>

namespace BidTracker::Model {

class AuctionService;
class ChangeNotifier;

/// The items one user bid on and whether the user leads on each: the detail of the Users table.
/// Whether a lot closed is won or not sold is the lot view's (a lot closed below its reserve
/// is won by nobody).
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
    void onChanges(const QList<Change>& changes);
    /// The user's lots, with each lot and the settings read again for its lot view.
    QList<UserItem> fetch();
    QString standing(const UserItem& entry) const;

    AuctionService& m_service;
    qint64 m_userId = 0;
    QHash<qint64, Item> m_lots;
    AuctionSettings m_settings;
};

} // namespace BidTracker::Model
