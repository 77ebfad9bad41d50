#pragma once

#include <QSortFilterProxyModel>

namespace BidTracker::Gui {

/// A table model's rows as a pick list: the name column shows the name with the id next to
/// it ("Constance (user3)", "item2 · Vase"), so duplicate names are told apart, and rows can
/// be limited to open lots (closed lots are not offered for bids).
class PickerProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PickerProxy)

public:
    enum class Kind { Lots, Bidders };

    PickerProxy(QAbstractItemModel* source, Kind kind, QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    Kind m_kind;
};

} // namespace BidTracker::Gui
