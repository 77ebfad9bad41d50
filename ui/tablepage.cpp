#include "tablepage.h"

#include "columnfitter.h"

#include "model/tables/tablesupport.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QPainter>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>
#include <memory>

namespace BidTracker::Gui {

namespace {

/// The search field's filter: a row shows when its name contains the text, or when the text
/// is its id ("item3") or the number of its id ("3").
class IdOrNameFilter final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setText(const QString& text)
    {
        m_text = text.trimmed();
        bool ok = false;
        m_number = m_text.toLongLong(&ok);
        if (!ok) {
            // "item3" or "user3": the digits after the letters.
            qsizetype digits = m_text.size();
            while (digits > 0 && m_text[digits - 1].isDigit())
                --digits;
            m_number = digits > 0 && digits < m_text.size() ? m_text.mid(digits).toLongLong() : 0;
            m_prefix = m_text.left(digits);
        } else {
            m_prefix.clear();
        }
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override
    {
        if (m_text.isEmpty())
            return true;
        const QModelIndex name = sourceModel()->index(row, filterKeyColumn(), parent);
        const QVariant searched = name.data(Model::SearchTextRole);
        if ((searched.isValid() ? searched : name.data())
                .toString()
                .contains(m_text, Qt::CaseInsensitive))
            return true;
        if (m_number <= 0 || name.data(Model::IdRole).toLongLong() != m_number)
            return false;
        // The prefix typed must be the id's own ("item" for lots), or none.
        const QString id = sourceModel()->index(row, 0, parent).data().toString();
        return m_prefix.isEmpty() || id.startsWith(m_prefix, Qt::CaseInsensitive);
    }

private:
    QString m_text;
    QString m_prefix;
    qint64 m_number = 0;
};

void setUpView(QTableView* view, int stretchColumn)
{
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->setVisible(false);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(false);
    view->horizontalHeader()->setMinimumSectionSize(60);
    view->horizontalHeader()->setDefaultSectionSize(150);
    view->setProperty("stretchColumn", stretchColumn);
    applyColumnModes(view);
    view->horizontalHeader()->setHighlightSections(false);
    view->setWordWrap(false);
    view->setItemDelegate(new HighlightDelegate(view));
}

} // namespace

QIcon lockIcon()
{
    static const QIcon icon = [] {
        QPixmap pixmap(32, 32);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const QColor colour(0x60, 0x60, 0x60);
        painter.setPen(QPen(colour, 3.5));
        painter.setBrush(Qt::NoBrush);
        painter.drawArc(QRectF(9, 3, 14, 16), 0, 180 * 16); // the shackle
        painter.drawLine(QPointF(9, 11), QPointF(9, 15));
        painter.drawLine(QPointF(23, 11), QPointF(23, 15));
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        painter.drawRoundedRect(QRectF(5, 14, 22, 16), 3, 3); // the body
        return QIcon(pixmap);
    }();
    return icon;
}

void HighlightDelegate::initStyleOption(QStyleOptionViewItem* option,
                                        const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(Model::HighlightRole).toBool())
        option->font.setBold(true);
    if (index.data(Model::UrgentRole).toBool()) {
        // A lot about to close: red, and bold so it reads as red on any screen.
        const QColor red(0xc6, 0x28, 0x28);
        option->palette.setColor(QPalette::Text, red);
        option->palette.setColor(QPalette::HighlightedText, Qt::white);
        option->font.setBold(true);
    }
    if (index.data(Model::InactiveRole).toBool()) {
        // A closed lot: greyed, and a lock in its status column.
        const QColor grey = option->palette.color(QPalette::Disabled, QPalette::Text);
        option->palette.setColor(QPalette::Text, grey);
        option->palette.setColor(
            QPalette::HighlightedText,
            option->palette.color(QPalette::Disabled, QPalette::HighlightedText));
        const QVariant lockColumn =
            option->widget ? option->widget->property("lockColumn") : QVariant();
        if (lockColumn.isValid() && lockColumn.toInt() == index.column()) {
            option->icon = lockIcon();
            option->features |= QStyleOptionViewItem::HasDecoration;
            option->decorationSize =
                QSize(option->fontMetrics.height() - 2, option->fontMetrics.height() - 2);
        }
    }
}

TablePage::TablePage(QAbstractItemModel* model, int filterColumn, int stretchColumn,
                     const QString& searchHint, QWidget* parent)
    : TablePage(model, filterColumn, stretchColumn, searchHint, false, parent)
{
}

TablePage::TablePage(QAbstractItemModel* model, int filterColumn, int stretchColumn,
                     const QString& searchHint, bool selfSorting, QWidget* parent)
    : QWidget(parent), m_model(model), m_proxy(selfSorting ? nullptr : new IdOrNameFilter(this)),
      m_search(new QLineEdit(this)), m_view(new QTableView(this))
{
    m_search->setPlaceholderText(searchHint);
    m_search->setClearButtonEnabled(true);
    if (m_proxy) {
        m_proxy->setSourceModel(model);
        m_proxy->setSortRole(Model::SortRole);
        m_proxy->setFilterKeyColumn(filterColumn);
        m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
        connect(m_search, &QLineEdit::textChanged, m_proxy, [proxy = m_proxy](const QString& text) {
            static_cast<IdOrNameFilter*>(proxy)->setText(text);
        });
        m_view->setModel(m_proxy);
    } else {
        // The model sorts (the view calls its sort()) and filters by itself, in SQL.
        connect(m_search, &QLineEdit::textChanged, model, [model](const QString& text) {
            QMetaObject::invokeMethod(model, "setFilterText", Q_ARG(QString, text));
        });
        m_view->setModel(model);
    }
    setUpView(m_view, stretchColumn);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { Q_EMIT currentIdChanged(currentId()); });
    keepPlaceAcrossResets();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_view);
    setFocusProxy(m_view);
}

TablePage* TablePage::forSelfSortingModel(QAbstractItemModel* model, int stretchColumn,
                                          const QString& searchHint, QWidget* parent)
{
    return new TablePage(model, -1, stretchColumn, searchHint, true, parent);
}

void TablePage::keepPlaceAcrossResets()
{
    // A reload (after a reconnect, or another station's reset) resets the model: the rows
    // selected, the current one and the scroll position are put back by id, so a clerk's
    // place survives it (issue 21.18).
    QAbstractItemModel* shown = m_view->model();
    connect(shown, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_place.current = currentId();
        m_place.selected.clear();
        for (const QModelIndex& row : m_view->selectionModel()->selectedRows())
            m_place.selected.insert(row.data(Model::IdRole).toLongLong());
        m_place.vertical = m_view->verticalScrollBar()->value();
        m_place.horizontal = m_view->horizontalScrollBar()->value();
    });
    connect(shown, &QAbstractItemModel::modelReset, this, [this, shown] {
        QItemSelection selection;
        QModelIndex current;
        for (int row = 0; row < shown->rowCount(); ++row) {
            const QModelIndex index = shown->index(row, 0);
            const qint64 id = index.data(Model::IdRole).toLongLong();
            if (m_place.selected.contains(id))
                selection.select(index, index);
            if (id == m_place.current && m_place.current != 0)
                current = index;
        }
        QItemSelectionModel* model = m_view->selectionModel();
        if (current.isValid())
            model->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
        model->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        // The scroll bars get their new range when the view lays itself out: after this.
        QMetaObject::invokeMethod(
            this,
            [this, place = m_place] {
                m_view->verticalScrollBar()->setValue(place.vertical);
                m_view->horizontalScrollBar()->setValue(place.horizontal);
            },
            Qt::QueuedConnection);
    });
}

qint64 TablePage::currentId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(Model::IdRole).toLongLong() : 0;
}

void TablePage::selectId(qint64 id)
{
    QAbstractItemModel* shown = m_view->model();
    for (int row = 0; row < shown->rowCount(); ++row) {
        const QModelIndex index = shown->index(row, 0);
        if (index.data(Model::IdRole).toLongLong() == id) {
            m_view->setCurrentIndex(index);
            m_view->scrollTo(index);
            return;
        }
    }
}

void applyColumnModes(QTableView* view)
{
    // The name takes the width left over; every other column (ids, amounts, counts, times,
    // the winner's name) is as wide as what the visible rows show, so an amount is never
    // elided (ColumnFitter: only the rows on screen are read, even on a hidden tab).
    QHeaderView* header = view->horizontalHeader();
    const int stretch = view->property("stretchColumn").toInt();
    for (int column = 0; column < header->count(); ++column)
        header->setSectionResizeMode(column, column == stretch ? QHeaderView::Stretch
                                                               : QHeaderView::Interactive);
    if (auto* fitter = view->findChild<ColumnFitter*>())
        fitter->fit();
    else
        new ColumnFitter(view, stretch);
}

void fitColumns(QTableView* view)
{
    const int stretch = view->property("stretchColumn").toInt();
    for (int column = 0; column < view->model()->columnCount(); ++column) {
        if (column != stretch)
            view->resizeColumnToContents(column);
    }
}

QTableView* makeDetailView(QAbstractItemModel* model, bool newestFirst, int stretchColumn,
                           QWidget* parent)
{
    auto* proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(model);
    proxy->setSortRole(Model::SortRole);
    auto* view = new QTableView(parent);
    view->setModel(proxy);
    setUpView(view, stretchColumn);
    view->sortByColumn(0, newestFirst ? Qt::DescendingOrder : Qt::AscendingOrder);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Fit the columns to the first rows shown; after that the operator's widths stay.
    auto fitted = std::make_shared<QMetaObject::Connection>();
    *fitted = QObject::connect(proxy, &QAbstractItemModel::modelReset, view, [view, proxy, fitted] {
        if (proxy->rowCount() == 0)
            return;
        fitColumns(view);
        QObject::disconnect(*fitted);
    });
    return view;
}

} // namespace BidTracker::Gui
