#include "pickerproxy.h"

#include "entrypick.h"
#include "model/ids.h"
#include "model/records.h"
#include "model/tables/itemstablemodel.h"
#include "model/tables/tablesupport.h"
#include "model/tables/userstablemodel.h"

namespace BidTracker::Gui {

PickerProxy::PickerProxy(QAbstractItemModel* source, Kind kind, QObject* parent)
    : QSortFilterProxyModel(parent), m_kind(kind)
{
    setSourceModel(source);
    setDynamicSortFilter(true);
}

QVariant PickerProxy::data(const QModelIndex& index, int role) const
{
    const int nameColumn = m_kind == Kind::Lots ? int(Model::ItemsTableModel::Name)
                                                : int(Model::UsersTableModel::Name);
    if ((role != Qt::DisplayRole && role != Qt::EditRole) || index.column() != nameColumn)
        return QSortFilterProxyModel::data(index, role);
    const QString name = QSortFilterProxyModel::data(index, Qt::DisplayRole).toString();
    const qint64 id = index.data(Model::IdRole).toLongLong();
    if (m_kind == Kind::Lots)
        return lotLabel(id, name);
    const qint64 number =
        index.siblingAtColumn(Model::UsersTableModel::Number).data(Model::SortRole).toLongLong();
    return bidderLabel(name, number);
}

bool PickerProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_kind != Kind::Lots)
        return true;
    const QModelIndex status =
        sourceModel()->index(sourceRow, Model::ItemsTableModel::Status, sourceParent);
    return status.data(Model::SortRole).toString() == Model::statusName(Model::ItemStatus::Open);
}

} // namespace BidTracker::Gui
