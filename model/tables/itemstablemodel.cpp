#include "itemstablemodel.h"

#include "model/auctionservice.h"
#include "model/changebatcher.h"
#include "model/changenotifier.h"
#include "model/rules/lotview.h"
#include "tablesupport.h"
#include "timeleft.h"

#include <QSet>
#include <limits>

namespace BidTracker::Model {

namespace {

/// Sort keys of the time left: timed open lots by seconds left, then lots that close by
/// hand, then closed ones.
constexpr qint64 ByHandSortKey = std::numeric_limits<qint64>::max() - 1;
constexpr qint64 ClosedSortKey = std::numeric_limits<qint64>::max();

} // namespace

ItemsTableModel::ItemsTableModel(AuctionService& service, ChangeNotifier& notifier, QObject* parent)
    : RecordTableModel(parent), m_service(service),
      m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    connect(&notifier.batches(), &ChangeBatcher::changed, this, &ItemsTableModel::onChanges);
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &ItemsTableModel::tick);
    m_ticker.start();
    reload();
}

void ItemsTableModel::readSettings()
{
    // The auction's "close all at" closes every lot that closes later or by hand.
    if (auto settings = m_service.settings())
        m_settings = *settings;
}

LotView ItemsTableModel::view(const Item& item) const
{
    return lotView(item, m_settings, m_clock());
}

void ItemsTableModel::setClock(Clock clock)
{
    m_clock = std::move(clock);
    tick();
}

void ItemsTableModel::tick()
{
    // Only the rows that count down change: one signal over the span they take. Found
    // without reading a single time stamp: this runs every second over every lot.
    const bool allTimed = !m_settings.closeAllAt.isEmpty();
    int first = -1;
    int last = -1;
    const QList<Item>& rows = records();
    for (int row = 0; row < rows.size(); ++row) {
        if (rows[row].status == ItemStatus::Closed || (!allTimed && rows[row].closesAt.isEmpty()))
            continue;
        if (first < 0)
            first = row;
        last = row;
    }
    if (first >= 0)
        Q_EMIT dataChanged(index(first, TimeLeft), index(last, TimeLeft),
                           {Qt::DisplayRole, SortRole, UrgentRole, Qt::ToolTipRole});
}

QVariant ItemsTableModel::timeLeft(const Item& item, int role) const
{
    const LotView lot = view(item);
    const bool closed = lot.closed();
    if (lot.closesAt.isEmpty()) {
        if (role == SortRole)
            return closed ? ClosedSortKey : ByHandSortKey;
        if (role == Qt::ToolTipRole && !closed)
            return tr("Closes by hand");
        return {}; // nothing counts down; a closed one says so in its status
    }
    const qint64 left = lot.secondsLeft.value_or(0);
    switch (role) {
    case SortRole:
        return closed ? ClosedSortKey : left;
    case UrgentRole:
        return !closed && left < UrgentSeconds;
    case Qt::ToolTipRole:
        return closed
                   ? tr("Closed at %1")
                         .arg(displayTime(item.closedAt.isEmpty() ? lot.closesAt : item.closedAt))
                   : closingTip(item, lot);
    case Qt::DisplayRole:
        if (closed)
            return tr("closed");
        return lot.extended ? tr("%1 extended").arg(formatTimeLeft(left)) : formatTimeLeft(left);
    default:
        return {};
    }
}

QString ItemsTableModel::closingTip(const Item& item, const LotView& lot) const
{
    QString tip = tr("Closes at %1").arg(displayTime(lot.closesAt));
    if (lot.closesWithAll && !item.closesAt.isEmpty())
        tip += tr(" (the auction's \"close all at\", before the lot's own %1)")
                   .arg(displayTime(item.closesAt));
    else if (lot.closesWithAll)
        tip += tr(" (the auction's \"close all at\")");
    if (lot.extended)
        tip += tr("; extended by soft close from %1").arg(displayTime(item.originalClosesAt));
    return tip;
}

QVariant ItemsTableModel::stepCell(const Item& item, int role) const
{
    const LotView lot = view(item);
    switch (role) {
    case SortRole:
        return lot.step.cents();
    case Qt::DisplayRole:
        return displayMoney(lot.step);
    case Qt::ToolTipRole:
        if (lot.step == item.minIncrement)
            return tr("Each bid must add at least %1 (the lot's minimum increment)")
                .arg(displayMoney(lot.step));
        return tr("Each bid must add at least %1 now: the increment table's step at %2 (the "
                  "lot's own minimum is %3)")
            .arg(displayMoney(lot.step), displayMoney(lot.price.value_or(item.startingPrice)),
                 displayMoney(item.minIncrement));
    default:
        return {};
    }
}

QVariant ItemsTableModel::reserveCell(const Item& item, int role) const
{
    if (!item.reserve)
        return role == SortRole ? QVariant(-1) : QVariant();
    const LotView lot = view(item);
    const bool met = lot.reserveMet.value_or(false);
    switch (role) {
    case SortRole:
        return met ? 1 : 0;
    case Qt::DisplayRole:
        if (met)
            return tr("met");
        // Closed below its reserve, a lot is not sold: no winner on any invoice.
        return lot.outcome == LotOutcome::Unsold || lot.outcome == LotOutcome::NoBids
                   ? tr("unsold")
                   : tr("not met");
    case Qt::ToolTipRole:
        // The operator may see it; bidders, the API and printouts never do.
        return tr("Reserve %1 (secret to bidders)").arg(displayMoney(*item.reserve));
    default:
        return {};
    }
}

QVariant ItemsTableModel::buyNowCell(const Item& item, int role) const
{
    switch (role) {
    case SortRole:
        return item.buyNow ? item.buyNow->cents() : -1;
    case Qt::DisplayRole:
        return displayMoney(item.buyNow);
    case Qt::ToolTipRole:
        if (!item.buyNow)
            return {};
        if (view(item).buyNowPossible)
            return tr("A bidder may take the lot at %1 now").arg(displayMoney(*item.buyNow));
        return tr("Buy now is no longer possible");
    default:
        return {};
    }
}

void ItemsTableModel::reload()
{
    readSettings();
    auto listing = m_service.items();
    // With the database away the last rows stay (completion reads them too); the listener's
    // reset after it is back reloads them.
    if (listing || listing.error().code != Error::Code::Unavailable)
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
        case TimeLeft:
        case StartingPrice:
        case MinIncrement:
        case WinningValue:
        case BuyNow:
        case BidCount:
            return numberAlignment();
        case Reserve: // a word between amounts: centred, so it reads as a mark
            return QVariant::fromValue(Qt::Alignment(Qt::AlignCenter));
        default:
            return {};
        }
    }
    if (index.column() == TimeLeft)
        return timeLeft(item, role);
    if (index.column() == Reserve)
        return reserveCell(item, role);
    if (index.column() == BuyNow)
        return buyNowCell(item, role);
    if (index.column() == MinIncrement)
        return stepCell(item, role);
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
    case WinningValue:
        if (sorting)
            return item.winningValue ? item.winningValue->cents() : -1;
        return displayMoney(item.winningValue);
    case Winner:
        // The paddle tells two bidders of the same name apart: "John Smith (107)".
        return displayBidder(item.winnerName, item.winnerNumber);
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
            return tr("Step: how much the next bid must add now (the lot's minimum increment, "
                      "or the increment table's step at the current price when larger)");
        case WinningValue:
            return tr("Winning bid");
        case TimeLeft:
            return tr("Time left until the lot closes; red in the last five minutes");
        case Reserve:
            return tr("Whether the winning bid has reached the lot's reserve");
        case BuyNow:
            return tr("Buy now price: a bidder may take the lot at it");
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
    case TimeLeft:
        return tr("Time left");
    case StartingPrice:
        return tr("Start");
    case MinIncrement:
        return tr("Step");
    case WinningValue:
        return tr("Winning");
    case Reserve:
        return tr("Reserve");
    case BuyNow:
        return tr("Buy now");
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

void ItemsTableModel::onChanges(const QList<Change>& changes)
{
    // A batch of 1,000 bids on 50 lots reads those 50 lots once each, in the order they came.
    QList<qint64> stale;
    QSet<qint64> staleSet;
    const auto readAgain = [&](qint64 id) {
        if (!staleSet.contains(id)) {
            staleSet.insert(id);
            stale.append(id);
        }
    };
    bool settingsMoved = false;
    for (const Change& change : changes) {
        if (change.kind == EntityKind::Item && change.action == Change::Action::Reset)
            return reload(); // reads every lot and the settings: the rest of the batch too
        switch (change.kind) {
        case EntityKind::Item:
            if (change.action == Change::Action::Removed) {
                staleSet.remove(change.id);
                stale.removeOne(change.id);
                removeRecord(change.id);
            } else {
                readAgain(change.id);
            }
            break;
        case EntityKind::Bid:
            readAgain(change.itemId);
            break;
        case EntityKind::User:
            // A renamed user may be the winner shown on some rows.
            if (change.action == Change::Action::Updated)
                for (const Item& item : records())
                    if (item.winnerUserId == change.id)
                        readAgain(item.id);
            break;
        case EntityKind::Settings:
            settingsMoved = true;
            break;
        default: // payments and donations show on no lot
            break;
        }
    }
    QList<std::pair<qint64, Result<Item>>> fresh;
    for (const qint64 id : std::as_const(stale))
        fresh.append({id, m_service.item(id)});
    applyRecords(fresh);
    if (settingsMoved) {
        // "Close all at" or the increment table may have moved: every countdown and every
        // step in force follows.
        readSettings();
        if (!records().isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(records().size()) - 1, ColumnCount - 1));
    }
}

} // namespace BidTracker::Model
