#pragma once

#include <QSet>
#include <QStyledItemDelegate>
#include <QWidget>

class QAbstractItemModel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace BidTracker::Gui {

/// A small padlock, for closed lots.
QIcon lockIcon();

/// Shows rows that the model marks with HighlightRole (the winning bid) in bold, rows
/// marked InactiveRole (closed lots) greyed, with a lock in the view's "lockColumn", and
/// cells marked UrgentRole (a lot about to close) in red.
class HighlightDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    /// The style a cell is painted with (tests read the grey and the lock from it).
    QStyleOptionViewItem optionFor(const QModelIndex& index, const QWidget* view) const
    {
        QStyleOptionViewItem option;
        option.widget = view;
        option.palette = view->palette();
        option.font = view->font();
        option.fontMetrics = view->fontMetrics();
        initStyleOption(&option, index);
        return option;
    }

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
};

/// A table view for one of the model's tables, sortable and filtered by a search field,
/// which keeps the selection by id as rows come and go.
class TablePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TablePage)

public:
    /// `filterColumn`: the column the search field filters (-1: all columns);
    /// `stretchColumn`: the column that takes the width left over (a name).
    TablePage(QAbstractItemModel* model, int filterColumn, int stretchColumn,
              const QString& searchHint, QWidget* parent = nullptr);
    /// For a model too big to sort or filter in memory: the view sorts through the model's
    /// sort(), and the search field calls its invokable setFilterText(QString).
    static TablePage* forSelfSortingModel(QAbstractItemModel* model, int stretchColumn,
                                          const QString& searchHint, QWidget* parent = nullptr);

    QTableView* view() const { return m_view; }
    /// Null for a self-sorting model.
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    QLineEdit* searchField() const { return m_search; }
    /// The id (IdRole) of the current row, or 0.
    qint64 currentId() const;
    /// Makes the row with this id current, if it is shown.
    void selectId(qint64 id);

Q_SIGNALS:
    void currentIdChanged(qint64 id);

private:
    TablePage(QAbstractItemModel* model, int filterColumn, int stretchColumn,
              const QString& searchHint, bool selfSorting, QWidget* parent);

    QAbstractItemModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLineEdit* m_search;
    QTableView* m_view;
    /// Where the clerk was before a reset of the model (keepPlaceAcrossResets()).
    struct Place
    {
        qint64 current = 0;
        QSet<qint64> selected;
        int vertical = 0;
        int horizontal = 0;
    } m_place;
    void keepPlaceAcrossResets();
};

/// The name column stretches, every other column fits its visible contents.
void applyColumnModes(QTableView* view);

/// Fits every column to its contents except the stretched one, which keeps taking the rest.
void fitColumns(QTableView* view);

/// A read-only sortable table for a detail model (an item's bids, a user's items), sorted by
/// its first column.
QTableView* makeDetailView(QAbstractItemModel* model, bool newestFirst, int stretchColumn,
                           QWidget* parent);

} // namespace BidTracker::Gui
