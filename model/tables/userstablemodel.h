#pragma once

#include "model/change.h"
#include "model/records.h"

#include "recordtablemodel.h"

namespace BidTracker::Model {

class AuctionService;
class ChangeNotifier;

/// All users with their paddle numbers, contact fields, check-in and bid counts, kept
/// current by the notifier row by row.
class UsersTableModel final : public RecordTableModel<User, 7>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersTableModel)

public:
    enum Column { Id, Number, Name, Phone, Email, CheckedIn, BidCount, ColumnCount };
    static_assert(ColumnCount == 7);

    UsersTableModel(AuctionService& service, ChangeNotifier& notifier, QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    /// The name is editable in place; the edit is not applied here but handed to whoever
    /// listens to renameRequested() (the window, which applies it through its undo stack).
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    void reload();

Q_SIGNALS:
    void renameRequested(qint64 id, const QString& name);

private:
    void onChanges(const QList<Change>& changes);

    AuctionService& m_service;
};

} // namespace BidTracker::Model
