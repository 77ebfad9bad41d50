// AuctionActions: selling at the buy-now price and closing every open lot.
#include "auctionactions.h"

#include "entrypick.h"
#include "model/auctionservice.h"
#include "model/tables/tablesupport.h"

#include <QUndoStack>

namespace BidTracker::Gui {

using Model::EntityKind;
using Model::formatId;
using Model::Result;

namespace {

Result<void> setStatus(Model::AuctionService& service, qint64 itemId, Model::ItemStatus status)
{
    Model::ItemChanges changes;
    changes.status = status;
    auto changed = service.updateItem(itemId, changes);
    if (!changed)
        return Model::fail(changed.error());
    return {};
}

/// Sets the status of each lot in turn; stops at the first refusal.
Result<void> setStatuses(Model::AuctionService& service, const QList<qint64>& ids,
                         Model::ItemStatus status)
{
    for (const qint64 id : ids)
        if (auto ok = setStatus(service, id, status); !ok)
            return ok;
    return {};
}

} // namespace

qint64 AuctionActions::refused(const Model::Error& error)
{
    failed(error);
    return 0;
}

qint64 AuctionActions::buyNow(qint64 itemId)
{
    const auto item = m_service.item(itemId);
    if (!item)
        return refused(item.error());
    const QString lot = tr("lot %1 “%2”").arg(formatId(EntityKind::Item, itemId), item->name);
    if (!item->buyNow)
        return refused(Model::Error::conflict(tr("The %1 has no buy-now price.").arg(lot)));
    const QString price = Model::displayMoney(*item->buyNow);
    const auto answer = m_ask(tr("Who buys %1 at %2? (paddle number or name)").arg(lot, price));
    if (!answer)
        return 0;
    const EntryPick buyer = pickBidder(m_service, *answer);
    if (!buyer.picked())
        return refused(Model::Error::notFound(buyer.problem));
    if (!m_confirm(
            tr("Sell %1 to %2 at %3 now? The lot closes at once.").arg(lot, buyer.label, price)))
        return 0;
    const auto bought = sell(itemId, buyer.id);
    return bought ? bought->id : refused(bought.error());
}

bool AuctionActions::offersBuyNow(qint64 itemId, qint64 userId, Model::Money value)
{
    // A plain bid at or above the buy-now price, while buying is still possible, is most
    // likely the bidder taking the lot: asked once, Enter buys, Esc records a plain bid.
    const auto item = m_service.item(itemId);
    if (!item || !item->buyNow || value < *item->buyNow ||
        item->status != Model::ItemStatus::Open ||
        (item->winningValue && *item->winningValue >= *item->buyNow))
        return false;
    const auto bidder = m_service.user(userId);
    if (!bidder)
        return false;
    return m_offer(tr("Buy now at %1 for paddle %2? This closes the lot")
                       .arg(Model::displayMoney(*item->buyNow))
                       .arg(bidder->number));
}

Result<Model::Bid> AuctionActions::sell(qint64 itemId, qint64 buyerId)
{
    const auto bought = m_service.buyNow(itemId, buyerId);
    if (!bought)
        return Model::fail(bought.error());
    const Model::Bid bid = *bought;
    // Back: the lot opens again and the bid goes; forth: the bid comes back and the lot
    // closes, as the purchase left it.
    push(
        tr("buy now %1").arg(formatId(EntityKind::Item, itemId)),
        [this, bid]() -> Result<void> {
            if (auto ok = setStatus(m_service, bid.itemId, Model::ItemStatus::Open); !ok)
                return ok;
            return m_service.deleteBid(bid.id);
        },
        [this, bid]() -> Result<void> {
            if (auto back = m_service.restoreBid(bid); !back)
                return Model::fail(back.error());
            return setStatus(m_service, bid.itemId, Model::ItemStatus::Closed);
        });
    return bid;
}

qint64 AuctionActions::closeAllOpenLots()
{
    const auto items = m_service.items();
    if (!items)
        return refused(items.error());
    const auto open = std::count_if(items->rows.cbegin(), items->rows.cend(), [](const auto& item) {
        return item.status == Model::ItemStatus::Open;
    });
    if (open == 0) {
        m_report(tr("Every lot is closed already."));
        return 0;
    }
    if (!m_confirm(open == 1 ? tr("Close the one open lot? It takes no more bids.")
                             : tr("Close %1 open lots? They take no more bids.").arg(open)))
        return 0;
    const auto closed = m_service.closeAll();
    if (!closed)
        return refused(closed.error());
    const QList<qint64> ids = *closed;
    // Undo reopens exactly the lots this closed: those closed before stay closed.
    push(
        tr("close %n lot(s)", nullptr, static_cast<int>(ids.size())),
        [this, ids] { return setStatuses(m_service, ids, Model::ItemStatus::Open); },
        [this, ids] { return setStatuses(m_service, ids, Model::ItemStatus::Closed); });
    return ids.size();
}

} // namespace BidTracker::Gui
