#include "tablepage.h"

#include "model/tables/tablesupport.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>
#include <memory>

namespace BidTracker::Gui {

namespace {

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
    view->horizontalHeader()->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
    view->setProperty("stretchColumn", stretchColumn);
    view->horizontalHeader()->setHighlightSections(false);
    view->setWordWrap(false);
    view->setItemDelegate(new HighlightDelegate(view));
}

} // namespace

void HighlightDelegate::initStyleOption(QStyleOptionViewItem* option,
                                        const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(Model::HighlightRole).toBool())
        option->font.setBold(true);
}

TablePage::TablePage(QAbstractItemModel* model, int filterColumn, int stretchColumn,
                     const QString& searchHint, QWidget* parent)
    : TablePage(model, filterColumn, stretchColumn, searchHint, false, parent)
{
}

TablePage::TablePage(QAbstractItemModel* model, int filterColumn, int stretchColumn,
                     const QString& searchHint, bool selfSorting, QWidget* parent)
    : QWidget(parent), m_model(model),
      m_proxy(selfSorting ? nullptr : new QSortFilterProxyModel(this)),
      m_search(new QLineEdit(this)), m_view(new QTableView(this))
{
    m_search->setPlaceholderText(searchHint);
    m_search->setClearButtonEnabled(true);
    if (m_proxy) {
        m_proxy->setSourceModel(model);
        m_proxy->setSortRole(Model::SortRole);
        m_proxy->setFilterKeyColumn(filterColumn);
        m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
        connect(m_search, &QLineEdit::textChanged, m_proxy,
                &QSortFilterProxyModel::setFilterFixedString);
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
