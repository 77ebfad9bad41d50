#include "itembidsmodel.h"

#include "bidstablemodel.h"
#include "model/auctionservice.h"
#include "model/changebatcher.h"
#include "model/changenotifier.h"
#include "tablesupport.h"

#include <algorithm>

namespace BidTracker::Model {

ItemBidsModel::ItemBidsModel(AuctionService& service, ChangeNotifier& notifier, QObject* parent)
    : RecordTableModel(parent), m_service(service)
{
    connect(&notifier.batches(), &ChangeBatcher::changed, this, &ItemBidsModel::onChanges);
}

void ItemBidsModel::setItemId(qint64 itemId)
{
    m_itemId = itemId;
    QList<Bid> rows;
    if (itemId > 0) {
        if (auto listing = m_service.bidsForItem(itemId)) {
            rows = std::move(listing->rows);
            std::reverse(rows.begin(), rows.end());
        }
    }
    takeStanding(Item());
    if (itemId > 0) {
        if (auto item = m_service.item(itemId))
            takeStanding(*item);
    }
    resetRows(std::move(rows));
}

namespace {

/// The all-bids table's column that shows the same as this one (the lot column is left out
/// here: every row is the same lot).
int asBidsColumn(int column)
{
    switch (column) {
    case ItemBidsModel::Id:
        return BidsTableModel::Id;
    case ItemBidsModel::User:
        return BidsTableModel::User;
    case ItemBidsModel::Value:
        return BidsTableModel::Value;
    case ItemBidsModel::PlacedAt:
        return BidsTableModel::PlacedAt;
    default:
        return -1;
    }
}

} // namespace

QVariant ItemBidsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Bid& bid = recordAt(index.row());
    const bool winning = m_winningBidId == bid.id;
    if (role == HighlightRole)
        return winning;
    if (index.column() == Standing) {
        if (role == Qt::ToolTipRole && bid.automatic)
            return tr("Placed by the auction for the bidder's maximum");
        if (role != Qt::DisplayRole && role != SortRole)
            return {};
        if (bid.automatic)
            return winning ? tr("Winning, auto") : tr("auto");
        return winning ? tr("Winning") : QString();
    }
    if (index.column() == Maximum) {
        switch (role) {
        case Qt::DisplayRole:
            return displayMoney(bid.maxValue);
        case SortRole:
            return bid.maxValue ? bid.maxValue->cents() : -1;
        case Qt::TextAlignmentRole:
            return numberAlignment();
        case Qt::ToolTipRole:
            return bid.maxValue ? tr("Secret: bidders and the API never see a maximum")
                                : QVariant();
        default:
            return {};
        }
    }
    return bidCell(bid, asBidsColumn(index.column()), role);
}

std::optional<Money> ItemBidsModel::leaderMaximum() const
{
    if (!m_winningValue)
        return std::nullopt;
    // The lot row keeps the leader's ceiling; when it is unknown (rows from an older version,
    // an undo), the leader's own bids tell it, short of a maximum raised alone.
    std::optional<Money> ceiling = m_leaderCeiling;
    const int winningRow = m_winningBidId ? rowOfId(*m_winningBidId) : -1;
    if (!ceiling && winningRow >= 0) {
        const qint64 leader = recordAt(winningRow).userId;
        for (const Bid& bid : records())
            if (bid.userId == leader && bid.maxValue && (!ceiling || *bid.maxValue > *ceiling))
                ceiling = bid.maxValue;
    }
    return ceiling && *ceiling > *m_winningValue ? ceiling : std::nullopt;
}

void ItemBidsModel::takeStanding(const Item& item)
{
    m_winningBidId = item.winningBidId;
    m_winningValue = item.winningValue;
    m_leaderCeiling = item.leaderCeiling;
}

QVariant ItemBidsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Standing:
        return tr("Standing");
    case Maximum:
        return tr("Maximum");
    default:
        return bidColumnTitle(asBidsColumn(section));
    }
}

void ItemBidsModel::onChanges(const QList<Change>& changes)
{
    bool lotMoved = false;
    for (const Change& change : changes) {
        if (m_itemId == 0)
            return;
        if (change.action == Change::Action::Reset)
            return setItemId(m_itemId); // reads the lot's bids: the rest of the batch too
        if (change.kind == EntityKind::Item && change.id == m_itemId &&
            change.action == Change::Action::Removed)
            return setItemId(0);
        if (change.kind == EntityKind::Item && change.id == m_itemId) {
            lotMoved = true; // a maximum raised alone changes the lot, not its bids
        } else if (change.kind == EntityKind::Bid && change.itemId == m_itemId) {
            if (change.action == Change::Action::Removed)
                removeRecord(change.id);
            else
                applyRecord(change.id, m_service.bid(change.id), /*insertAtTop=*/true);
            lotMoved = true;
        } else if (change.kind == EntityKind::User && change.action == Change::Action::Updated) {
            renamedBidder(change.id);
        }
    }
    if (lotMoved)
        refreshWinner(); // once for the batch, however many bids it brought
}

void ItemBidsModel::renamedBidder(qint64 userId)
{
    QList<qint64> affected;
    for (const Bid& bid : records()) {
        if (bid.userId == userId)
            affected.append(bid.id);
    }
    for (const qint64 id : affected)
        applyRecord(id, m_service.bid(id));
}

void ItemBidsModel::refreshWinner()
{
    auto item = m_service.item(m_itemId);
    if (!item)
        return;
    const auto previous = m_winningBidId;
    takeStanding(*item);
    for (const auto& id : {previous, m_winningBidId}) {
        if (!id)
            continue;
        if (const int row = rowOfId(*id); row >= 0)
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

} // namespace BidTracker::Model
