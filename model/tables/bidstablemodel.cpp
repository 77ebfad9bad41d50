#include "bidstablemodel.h"

#include "model/auctionservice.h"
#include "model/changebatcher.h"
#include "model/changenotifier.h"
#include "tablesupport.h"

#include <limits>

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
        // The id next to the name tells two lots or bidders of the same name apart.
        return sorting ? QVariant(bid.itemName)
                       : QVariant(QStringLiteral("%1 · %2").arg(
                             formatId(EntityKind::Item, bid.itemId), bid.itemName));
    case BidsTableModel::User:
        // The paddle tells two bidders of the same name apart ("John Smith (107)").
        if (sorting)
            return bid.userName;
        return bid.userNumber > 0 ? displayBidder(bid.userName, bid.userNumber)
                                  : QStringLiteral("%1 (%2)").arg(
                                        bid.userName, formatId(EntityKind::User, bid.userId));
    case BidsTableModel::Value:
        return sorting ? QVariant(bid.value.cents()) : QVariant(displayMoney(bid.value));
    case BidsTableModel::PlacedAt:
        // The files and the API keep UTC; people read their own clock.
        return sorting ? QVariant(bid.placedAt) : QVariant(displayTime(bid.placedAt));
    default:
        return {};
    }
}

BidsTableModel::BidsTableModel(AuctionService& service, ChangeNotifier& notifier, QObject* parent)
    : QAbstractTableModel(parent), m_service(service)
{
    connect(&notifier.batches(), &ChangeBatcher::changed, this, &BidsTableModel::onChanges);
    reload();
}

void BidsTableModel::reload()
{
    beginResetModel();
    m_blocks.clear();
    m_recent.clear();
    const auto count = m_service.countBids(m_query);
    m_rows =
        count ? static_cast<int>(std::min<qint64>(*count, std::numeric_limits<int>::max())) : 0;
    endResetModel();
}

int BidsTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int BidsTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const Bid* BidsTableModel::bidAt(int row) const
{
    if (row < 0 || row >= m_rows)
        return nullptr;
    const int block = row / BlockSize;
    auto it = m_blocks.find(block);
    if (it == m_blocks.end()) {
        auto rows = m_service.bidsWindow(m_query, qint64(block) * BlockSize, BlockSize);
        if (!rows)
            return nullptr;
        if (m_blocks.size() >= MaxCachedBlocks)
            m_blocks.remove(m_recent.takeFirst());
        it = m_blocks.insert(block, std::move(*rows));
    } else {
        m_recent.removeOne(block);
    }
    m_recent.append(block);
    const qsizetype at = row % BlockSize;
    return at < it->size() ? &it->at(at) : nullptr;
}

QVariant BidsTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != SortRole && role != IdRole &&
        role != Qt::TextAlignmentRole && role != Qt::ToolTipRole)
        return {};
    const Bid* bid = bidAt(index.row());
    return bid ? bidCell(*bid, index.column(), role) : QVariant();
}

QString bidColumnTitle(int column)
{
    switch (column) {
    case BidsTableModel::Id:
        return BidsTableModel::tr("Bid");
    case BidsTableModel::Item:
        return BidsTableModel::tr("Lot");
    case BidsTableModel::User:
        return BidsTableModel::tr("Bidder");
    case BidsTableModel::Value:
        return BidsTableModel::tr("Amount");
    case BidsTableModel::PlacedAt:
        return BidsTableModel::tr("Placed at");
    default:
        return {};
    }
}

QVariant BidsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return bidColumnTitle(section);
}

void BidsTableModel::sort(int column, Qt::SortOrder order)
{
    BidQuery query = m_query;
    query.order = column == Value  ? BidQuery::Order::ByValue
                  : column == User ? BidQuery::Order::ByUser
                                   : BidQuery::Order::ById;
    query.descending = order == Qt::DescendingOrder;
    if (query == m_query)
        return;
    m_query = query;
    reload();
}

void BidsTableModel::setFilterText(const QString& text)
{
    if (text == m_query.filter)
        return;
    m_query.filter = text;
    reload();
}

void BidsTableModel::forgetFrom(int row)
{
    const int first = row / BlockSize;
    for (auto it = m_blocks.begin(); it != m_blocks.end();) {
        if (it.key() >= first) {
            m_recent.removeOne(it.key());
            it = m_blocks.erase(it);
        } else {
            ++it;
        }
    }
}

void BidsTableModel::bidAdded(qint64 id)
{
    // Newest last in the default order: no need to ask where it goes.
    std::optional<qint64> row;
    if (m_query.order == BidQuery::Order::ById && !m_query.descending && m_query.filter.isEmpty()) {
        row = m_rows;
    } else {
        auto found = m_service.bidRow(m_query, id);
        if (!found)
            return reload();
        row = *found;
    }
    if (!row || *row > m_rows)
        return;
    beginInsertRows({}, static_cast<int>(*row), static_cast<int>(*row));
    forgetFrom(static_cast<int>(*row));
    ++m_rows;
    endInsertRows();
}

void BidsTableModel::bidRemoved(qint64 id)
{
    // Its row is known only while its block is cached; otherwise the rows are counted again.
    for (auto it = m_blocks.cbegin(); it != m_blocks.cend(); ++it) {
        for (qsizetype i = 0; i < it->size(); ++i) {
            if (it->at(i).id != id)
                continue;
            const int row = it.key() * BlockSize + static_cast<int>(i);
            beginRemoveRows({}, row, row);
            forgetFrom(row);
            --m_rows;
            endRemoveRows();
            return;
        }
    }
    // Not read yet: its row cannot be asked for once it is gone, so the rows are counted
    // again (deleting a bid is a rare correction).
    reload();
}

void BidsTableModel::onChanges(const QList<Change>& changes)
{
    QList<qint64> added;
    bool namesMoved = false;
    for (const Change& change : changes) {
        if (change.action == Change::Action::Reset)
            return reload(); // counts every row again: the rest of the batch too
        if (change.kind == EntityKind::Bid && change.action == Change::Action::Removed) {
            bidsAdded(added); // in order: the rows before this one are placed first
            added.clear();
            bidRemoved(change.id);
        } else if (change.kind == EntityKind::Bid) {
            added.append(change.id);
        } else if ((change.kind == EntityKind::Item || change.kind == EntityKind::User) &&
                   change.action == Change::Action::Updated) {
            namesMoved = true; // payments, donations and settings show on no bid
        }
    }
    bidsAdded(added);
    // A renamed lot or bidder shows its new name on its bids; only cached rows hold names.
    if (namesMoved && m_rows > 0) {
        m_blocks.clear();
        m_recent.clear();
        if (m_query.filter.isEmpty())
            Q_EMIT dataChanged(index(0, Item), index(m_rows - 1, User));
        else
            reload(); // the new name may match the filter or no longer
    }
}

void BidsTableModel::bidsAdded(const QList<qint64>& ids)
{
    const bool newestLast =
        m_query.order == BidQuery::Order::ById && !m_query.descending && m_query.filter.isEmpty();
    if (ids.isEmpty())
        return;
    if (newestLast) {
        // Newest last in the default order: the new rows go at the end, in one step.
        const int first = m_rows;
        beginInsertRows({}, first, first + static_cast<int>(ids.size()) - 1);
        forgetFrom(first);
        m_rows += static_cast<int>(ids.size());
        endInsertRows();
        return;
    }
    if (ids.size() <= MaxPlacedOneByOne) {
        for (const qint64 id : ids)
            bidAdded(id);
        return;
    }
    // Many bids in another order: asking where each goes would take longer than the batch
    // is apart. The rows are counted once and every cached row read again; the view keeps
    // its selected rows and scroll position (a reset would lose both).
    const auto count = m_service.countBids(m_query);
    if (!count)
        return reload();
    const int rows = static_cast<int>(std::min<qint64>(*count, std::numeric_limits<int>::max()));
    if (rows > m_rows) {
        beginInsertRows({}, m_rows, rows - 1);
        m_rows = rows;
        endInsertRows();
    }
    m_blocks.clear();
    m_recent.clear();
    if (m_rows > 0)
        Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
}

} // namespace BidTracker::Model
