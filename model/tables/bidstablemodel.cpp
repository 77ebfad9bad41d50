#include "bidstablemodel.h"

#include "model/auctionservice.h"
#include "model/changenotifier.h"
#include "tablesupport.h"

namespace BidTracker::Model {

QVariant bidCell(const Bid& bid, int column, int role)
{
    if (role == IdRole)
        return bid.id;
    if (role == Qt::TextAlignmentRole)
        return column == BidsTableModel::Id || column == BidsTableModel::Value ? numberAlignment()
                                                                               : QVariant();
    if (role == Qt::ToolTipRole && column == BidsTableModel::Item)
        return formatId(EntityKind::Item, bid.itemId);
    if (role == Qt::ToolTipRole && column == BidsTableModel::User)
        return formatId(EntityKind::User, bid.userId);
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::EditRole)
        return {};
    const bool sorting = role == SortRole;
    switch (column) {
    case BidsTableModel::Id:
        return sorting ? QVariant(bid.id) : QVariant(formatId(EntityKind::Bid, bid.id));
    case BidsTableModel::Item:
        return bid.itemName;
    case BidsTableModel::User:
        return bid.userName;
    case BidsTableModel::Value:
        return sorting ? QVariant(bid.value.cents()) : QVariant(displayMoney(bid.value));
    case BidsTableModel::PlacedAt:
        // "2026-11-27 23:51:54": the header says UTC; the milliseconds only matter for sorting.
        return sorting ? QVariant(bid.placedAt) : QVariant(QString(bid.placedAt.left(19)).replace(u'T', u' '));
    default:
        return {};
    }
}

BidsTableModel::BidsTableModel(AuctionService& service, ChangeNotifier& notifier, QObject* parent)
    : RecordTableModel(parent), m_service(service)
{
    connect(&notifier, &ChangeNotifier::changed, this, &BidsTableModel::onChanged);
    reload();
}

void BidsTableModel::reload()
{
    m_allFetched = false;
    resetRows({});
    fetchMore({});
}

bool BidsTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_allFetched;
}

void BidsTableModel::fetchMore(const QModelIndex& parent)
{
    if (parent.isValid() || m_allFetched)
        return;
    const qint64 lastId = records().isEmpty() ? 0 : records().constLast().id;
    auto page = m_service.bidsAfter(lastId, PageSize);
    if (!page)
        return; // stays fetchable: the next scroll tries again
    m_allFetched = page->size() < PageSize;
    appendRecords(std::move(*page));
}

QVariant BidsTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return bidCell(recordAt(index.row()), index.column(), role);
}

QVariant BidsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id: return tr("Bid");
    case Item: return tr("Lot");
    case User: return tr("Bidder");
    case Value: return tr("Amount");
    case PlacedAt: return tr("Placed at (UTC)");
    default: return {};
    }
}

void BidsTableModel::onChanged(const Change& change)
{
    if (change.action == Change::Action::Reset) {
        reload();
        return;
    }
    switch (change.kind) {
    case EntityKind::Bid:
        if (change.action == Change::Action::Removed)
            removeRecord(change.id);
        else if (m_allFetched) // otherwise the next fetchMore() brings it
            applyRecord(change.id, m_service.bid(change.id));
        break;
    case EntityKind::Item:
        if (change.action == Change::Action::Updated)
            refreshWhere(change.id, 0);
        break;
    case EntityKind::User:
        if (change.action == Change::Action::Updated)
            refreshWhere(0, change.id);
        break;
    }
}

void BidsTableModel::refreshWhere(qint64 itemId, qint64 userId)
{
    // A renamed item or user shows its new name on every loaded bid of theirs.
    QList<qint64> affected;
    for (const Bid& bid : records()) {
        if (bid.itemId == itemId || bid.userId == userId)
            affected.append(bid.id);
    }
    for (const qint64 id : affected)
        applyRecord(id, m_service.bid(id));
}

} // namespace BidTracker::Model
