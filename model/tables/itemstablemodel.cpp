#include "itemstablemodel.h"

#include "model/auctionservice.h"
#include "model/changenotifier.h"
#include "tablesupport.h"

namespace BidTracker::Model {

ItemsTableModel::ItemsTableModel(AuctionService& service, ChangeNotifier& notifier, QObject* parent)
    : RecordTableModel(parent), m_service(service)
{
    connect(&notifier, &ChangeNotifier::changed, this, &ItemsTableModel::onChanged);
    reload();
}

void ItemsTableModel::reload()
{
    auto listing = m_service.items();
    resetRows(listing ? std::move(listing->rows) : QList<Item>());
}

QVariant ItemsTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Item& item = recordAt(index.row());
    if (role == IdRole)
        return item.id;
    if (role == InactiveRole)
        return item.status == ItemStatus::Closed;
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case Id:
        case StartingPrice:
        case MinIncrement:
        case WinningValue:
        case BidCount:
            return numberAlignment();
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::EditRole)
        return {};
    const bool sorting = role == SortRole;
    switch (index.column()) {
    case Id:
        return sorting ? QVariant(item.id) : QVariant(formatId(EntityKind::Item, item.id));
    case Name:
        return item.name;
    case Status:
        return statusName(item.status);
    case StartingPrice:
        return sorting ? QVariant(item.startingPrice.cents()) : displayMoney(item.startingPrice);
    case MinIncrement:
        return sorting ? QVariant(item.minIncrement.cents()) : displayMoney(item.minIncrement);
    case WinningValue:
        if (sorting)
            return item.winningValue ? item.winningValue->cents() : -1;
        return displayMoney(item.winningValue);
    case Winner:
        return item.winnerName;
    case BidCount:
        return item.bidCount;
    default:
        return {};
    }
}

QVariant ItemsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        // The short titles keep the money columns as narrow as their amounts.
        switch (section) {
        case StartingPrice:
            return tr("Starting price: the lowest first bid");
        case MinIncrement:
            return tr("Minimum increment: how much each bid must add");
        case WinningValue:
            return tr("Winning bid");
        default:
            return {};
        }
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id:
        return tr("Lot");
    case Name:
        return tr("Name");
    case Status:
        return tr("Status");
    case StartingPrice:
        return tr("Start");
    case MinIncrement:
        return tr("Step");
    case WinningValue:
        return tr("Winning");
    case Winner:
        return tr("Winner");
    case BidCount:
        return tr("Bids");
    default:
        return {};
    }
}

Qt::ItemFlags ItemsTableModel::flags(const QModelIndex& index) const
{
    return flagsWithEditableName(index, Name);
}

bool ItemsTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    const auto* record = renameAskedFor(index, value, role, Name);
    if (record)
        Q_EMIT renameRequested(record->id, value.toString());
    return record != nullptr;
}

void ItemsTableModel::onChanged(const Change& change)
{
    switch (change.kind) {
    case EntityKind::Item:
        if (change.action == Change::Action::Reset)
            reload();
        else if (change.action == Change::Action::Removed)
            removeRecord(change.id);
        else
            applyRecord(change.id, m_service.item(change.id));
        break;
    case EntityKind::Bid:
        applyRecord(change.itemId, m_service.item(change.itemId));
        break;
    case EntityKind::User:
        // A renamed user may be the winner shown on some rows.
        if (change.action == Change::Action::Updated) {
            QList<qint64> affected;
            for (const Item& item : records()) {
                if (item.winnerUserId == change.id)
                    affected.append(item.id);
            }
            for (const qint64 id : affected)
                applyRecord(id, m_service.item(id));
        }
        break;
    default: // payments, donations and settings show on no lot
        break;
    }
}

} // namespace BidTracker::Model
