#include "userstablemodel.h"

#include "model/auctionservice.h"
#include "model/changebatcher.h"
#include "model/changenotifier.h"
#include "tablesupport.h"

#include <QSet>

namespace BidTracker::Model {

UsersTableModel::UsersTableModel(AuctionService& service, ChangeNotifier& notifier, QObject* parent)
    : RecordTableModel(parent), m_service(service)
{
    connect(&notifier.batches(), &ChangeBatcher::changed, this, &UsersTableModel::onChanges);
    reload();
}

void UsersTableModel::reload()
{
    auto listing = m_service.users();
    // With the database away the last rows stay; the reset after it is back reloads them.
    if (listing || listing.error().code != Error::Code::Unavailable)
        resetRows(listing ? std::move(listing->rows) : QList<User>());
}

QVariant UsersTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const User& user = recordAt(index.row());
    if (role == IdRole)
        return user.id;
    if (role == Qt::TextAlignmentRole)
        return index.column() == Id || index.column() == Number || index.column() == BidCount
                   ? numberAlignment()
                   : QVariant();
    if (role == SearchTextRole)
        // The search field finds a bidder by paddle number, name, phone or email.
        return QStringList{QString::number(user.number), user.name, user.phone, user.email}.join(
            u'\n');
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case Id:
        return role == SortRole ? QVariant(user.id) : QVariant(formatId(EntityKind::User, user.id));
    case Number:
        return user.number > 0 ? QVariant(user.number) : QVariant();
    case Name:
        return user.name;
    case Phone:
        return user.phone;
    case Email:
        return user.email;
    case CheckedIn:
        if (role == SortRole)
            return user.checkedInAt;
        return user.checkedInAt.isEmpty() ? QVariant() : QVariant(displayTime(user.checkedInAt));
    case BidCount:
        return user.bidCount;
    default:
        return {};
    }
}

QVariant UsersTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id:
        return tr("Bidder");
    case Number:
        return tr("Paddle");
    case Name:
        return tr("Name");
    case Phone:
        return tr("Phone");
    case Email:
        return tr("Email");
    case CheckedIn:
        return tr("Checked in");
    case BidCount:
        return tr("Bids");
    default:
        return {};
    }
}

Qt::ItemFlags UsersTableModel::flags(const QModelIndex& index) const
{
    return flagsWithEditableName(index, Name);
}

bool UsersTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    const auto* record = renameAskedFor(index, value, role, Name);
    if (record)
        Q_EMIT renameRequested(record->id, value.toString());
    return record != nullptr;
}

void UsersTableModel::onChanges(const QList<Change>& changes)
{
    // Each bidder once per batch, however many bids they made in it.
    QList<qint64> stale;
    QSet<qint64> staleSet;
    const auto readAgain = [&](qint64 id) {
        if (!staleSet.contains(id)) {
            staleSet.insert(id);
            stale.append(id);
        }
    };
    for (const Change& change : changes) {
        if (change.action == Change::Action::Reset)
            return reload(); // reads every bidder: the rest of the batch too
        if (change.kind == EntityKind::User && change.action == Change::Action::Removed) {
            staleSet.remove(change.id);
            stale.removeOne(change.id);
            removeRecord(change.id);
        } else if (change.kind == EntityKind::User) {
            readAgain(change.id);
        } else if (change.kind == EntityKind::Bid) {
            readAgain(change.userId);
        }
    }
    QList<std::pair<qint64, Result<User>>> fresh;
    for (const qint64 id : std::as_const(stale))
        fresh.append({id, m_service.user(id)});
    applyRecords(fresh);
}

} // namespace BidTracker::Model
