#include "useritemsmodel.h"

#include "model/auctionservice.h"
#include "model/changebatcher.h"
#include "model/changenotifier.h"
#include "tablesupport.h"

#include <QDateTime>

namespace BidTracker::Model {

UserItemsModel::UserItemsModel(AuctionService& service, ChangeNotifier& notifier, QObject* parent)
    : RecordTableModel(parent), m_service(service)
{
    connect(&notifier.batches(), &ChangeBatcher::changed, this, &UserItemsModel::onChanges);
}

QList<UserItem> UserItemsModel::fetch()
{
    m_lots.clear();
    if (m_userId <= 0)
        return {};
    auto items = m_service.itemsBidByUser(m_userId);
    if (!items)
        return {};
    if (auto settings = m_service.settings())
        m_settings = *settings;
    // One read per lot: a bidder bids on a few lots, and the lot view needs the whole lot.
    for (const UserItem& entry : *items) {
        if (auto lot = m_service.item(entry.itemId))
            m_lots.insert(entry.itemId, *lot);
    }
    return *items;
}

QString UserItemsModel::standing(const UserItem& entry) const
{
    const auto lot = m_lots.constFind(entry.itemId);
    if (lot == m_lots.cend()) {
        if (entry.closed)
            return entry.leading ? tr("Won") : tr("Lost");
        return entry.leading ? tr("Leading") : tr("Outbid");
    }
    const LotView view = lotView(*lot, m_settings, QDateTime::currentDateTimeUtc());
    if (!view.closed())
        return entry.leading ? tr("Leading") : tr("Outbid");
    if (!entry.leading)
        return tr("Lost");
    // Led when it closed, but below the reserve: nobody won it.
    return view.sold() ? tr("Won") : tr("Not sold (reserve)");
}

void UserItemsModel::setUserId(qint64 userId)
{
    m_userId = userId;
    resetRows(fetch());
}

QVariant UserItemsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const UserItem& entry = recordAt(index.row());
    if (role == IdRole)
        return entry.itemId;
    if (role == InactiveRole)
        return entry.closed;
    if (role == Qt::TextAlignmentRole)
        return index.column() == Name || index.column() == Standing ? QVariant()
                                                                    : numberAlignment();
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sorting = role == SortRole;
    switch (index.column()) {
    case Id:
        return sorting ? QVariant(entry.itemId)
                       : QVariant(formatId(EntityKind::Item, entry.itemId));
    case Name:
        return entry.itemName;
    case OwnHighest:
        return sorting ? QVariant(entry.highestOwnBid.cents())
                       : QVariant(displayMoney(entry.highestOwnBid));
    case WinningValue:
        if (sorting)
            return entry.winningValue ? entry.winningValue->cents() : -1;
        return displayMoney(entry.winningValue);
    case Standing:
        return standing(entry);
    default:
        return {};
    }
}

QVariant UserItemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id:
        return tr("Lot");
    case Name:
        return tr("Name");
    case OwnHighest:
        return tr("Their best");
    case WinningValue:
        return tr("Winning");
    case Standing:
        return tr("Standing");
    default:
        return {};
    }
}

void UserItemsModel::onChanges(const QList<Change>& changes)
{
    bool concernsUs = false;
    for (const Change& change : changes) {
        if (m_userId == 0)
            return;
        if (change.kind == EntityKind::User && change.id == m_userId &&
            change.action == Change::Action::Removed)
            return setUserId(0);
        // A bid by this user, or any bid on an item this user bid on, can change the standing.
        concernsUs = concernsUs || change.action == Change::Action::Reset ||
                     (change.kind == EntityKind::Bid &&
                      (change.userId == m_userId || rowOfId(change.itemId) >= 0)) ||
                     (change.kind == EntityKind::Item && rowOfId(change.id) >= 0);
    }
    if (concernsUs)
        syncRecords(fetch()); // once for the batch
}

} // namespace BidTracker::Model
