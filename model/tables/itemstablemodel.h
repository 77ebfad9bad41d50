#pragma once

#include "model/auctionsettings.h"
#include "model/change.h"
#include "model/records.h"
#include "model/rules/lotview.h"

#include "recordtablemodel.h"

#include <QDateTime>
#include <QTimer>
#include <functional>

namespace BidTracker::Model {

class AuctionService;
class ChangeNotifier;

/// All items with their status, time left, winning value, reserve met, buy-now price, winner
/// and bid count. Follows the notifier: a change updates, inserts or removes the rows
/// concerned and never resets the model. The time left counts down once a second by
/// dataChanged() on that column of the timed open lots alone.
class ItemsTableModel final : public RecordTableModel<Item, 11>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ItemsTableModel)

public:
    enum Column {
        Id,
        Name,
        Status,
        TimeLeft,
        StartingPrice,
        MinIncrement,
        WinningValue,
        Reserve,
        BuyNow,
        Winner,
        BidCount,
        ColumnCount
    };
    static_assert(ColumnCount == 11);

    /// The time the countdown counts from (UTC).
    using Clock = std::function<QDateTime()>;

    ItemsTableModel(AuctionService& service, ChangeNotifier& notifier, QObject* parent = nullptr);

    /// Replaces the system clock (tests drive the countdown with their own) and shows the
    /// time left by it at once.
    void setClock(Clock clock);
    /// Shows the time left as it is now: what the once-a-second timer does.
    void tick();

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    /// The name is editable in place; the edit is not applied here but handed to whoever
    /// listens to renameRequested() (the window, which applies it through its undo stack).
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    /// Reads everything again (after a bulk change such as an import).
    void reload();

Q_SIGNALS:
    void renameRequested(qint64 id, const QString& name);

private:
    void onChanges(const QList<Change>& changes);
    void readSettings();
    /// The lot as every surface shows it, at the model's clock.
    LotView view(const Item& item) const;
    QVariant timeLeft(const Item& item, int role) const;
    QString closingTip(const Item& item, const LotView& lot) const;
    /// The step in force now (the lot view's), not the lot's own minimum increment.
    QVariant stepCell(const Item& item, int role) const;
    QVariant reserveCell(const Item& item, int role) const;
    QVariant buyNowCell(const Item& item, int role) const;

    AuctionService& m_service;
    Clock m_clock;
    AuctionSettings m_settings;
    QTimer m_ticker;
};

} // namespace BidTracker::Model
