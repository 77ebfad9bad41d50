#include "columnfitter.h"

#include <QEvent>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>

namespace BidTracker::Gui {

namespace {

/// Room beside the text, so a cell's text is drawn whole with the style's margins.
constexpr int Padding = 8;

} // namespace

ColumnFitter::ColumnFitter(QTableView* view, int stretchColumn)
    : QObject(view), m_view(view), m_stretchColumn(stretchColumn)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(0); // many changes in one turn of the event loop: one fit
    connect(&m_timer, &QTimer::timeout, this, &ColumnFitter::fit);
    view->viewport()->installEventFilter(this);
    connect(view->verticalScrollBar(), &QScrollBar::valueChanged, this, &ColumnFitter::schedule);
    connectModel();
    schedule();
}

void ColumnFitter::connectModel()
{
    QAbstractItemModel* model = m_view->model();
    if (!model)
        return;
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        // A new content: columns may shrink again.
        for (int column = 0; column < m_view->horizontalHeader()->count(); ++column)
            if (column != m_stretchColumn)
                m_view->horizontalHeader()->resizeSection(column, 0);
        schedule();
    });
    connect(model, &QAbstractItemModel::rowsInserted, this, &ColumnFitter::schedule);
    connect(model, &QAbstractItemModel::dataChanged, this, &ColumnFitter::schedule);
    connect(model, &QAbstractItemModel::layoutChanged, this, &ColumnFitter::schedule);
}

bool ColumnFitter::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Show || event->type() == QEvent::Resize)
        schedule();
    return QObject::eventFilter(watched, event);
}

void ColumnFitter::schedule()
{
    if (!m_timer.isActive())
        m_timer.start();
}

void ColumnFitter::fit()
{
    QAbstractItemModel* model = m_view->model();
    if (!model || !m_view->isVisible())
        return; // measured when shown: a hidden view has no "visible rows"
    QHeaderView* header = m_view->horizontalHeader();
    const int rows = model->rowCount();
    const int top = std::max(0, m_view->rowAt(0));
    int bottom = m_view->rowAt(m_view->viewport()->height() - 1);
    if (bottom < 0)
        bottom = rows - 1; // fewer rows than the viewport holds
    for (int column = 0; column < header->count(); ++column) {
        if (column == m_stretchColumn || header->isSectionHidden(column))
            continue;
        int width = std::max(header->sectionSizeHint(column), header->sectionSize(column));
        for (int row = top; row <= bottom && row < rows; ++row)
            width = std::max(width,
                             m_view->sizeHintForIndex(model->index(row, column)).width() + Padding);
        if (width != header->sectionSize(column))
            header->resizeSection(column, width);
    }
}

} // namespace BidTracker::Gui
