#pragma once

#include <QObject>
#include <QTimer>

class QTableView;

namespace BidTracker::Gui {

/// Keeps a table's columns as wide as what its visible rows show (the stretch column takes
/// what is left), so an amount is never elided, while reading only the rows on screen.
/// QHeaderView's ResizeToContents cannot promise that: on a hidden view (a tab not shown)
/// Qt measures every row, which on a million bids means reading them all, again on every
/// change. Columns only grow until the model is reset, so scrolling does not make them jump.
class ColumnFitter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ColumnFitter)

public:
    /// Becomes a child of the view; `stretchColumn` takes the width left over.
    ColumnFitter(QTableView* view, int stretchColumn);

    /// Fits now if the view is on screen (else when it is shown).
    void fit();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void schedule();
    void connectModel();

    QTableView* m_view;
    int m_stretchColumn;
    QTimer m_timer;
};

} // namespace BidTracker::Gui
