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
    // The model says whether it can be bought now (and why not) before anyone is asked.
    const auto buyNowPrice = m_service.buyNowPrice(itemId);
    if (!buyNowPrice)
        return refused(buyNowPrice.error());
    const QString price = Model::displayMoney(*buyNowPrice);
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
    // A plain bid at or above the buy-now price, while buying is still possible (the model
    // says), is most likely the bidder taking the lot: asked once, Enter buys, Esc records a
    // plain bid.
    const auto price = m_service.buyNowPrice(itemId);
    if (!price || value < *price)
        return false;
    const auto bidder = m_service.user(userId);
    if (!bidder)
        return false;
    return m_offer(tr("Buy now at %1 for paddle %2? This closes the lot")
                       .arg(Model::displayMoney(*price))
                       .arg(bidder->number));
}

Result<Model::Bid> AuctionActions::sell(qint64 itemId, qint64 buyerId)
{
    // Undo: the lot opens again and the bid goes, in one transaction, unless the lot changed
    // since; redo buys it again.
    Model::Command undo;
    const auto bought = m_service.buyNow(itemId, buyerId, &undo);
    if (!bought)
        return Model::fail(bought.error());
    push(tr("buy now %1").arg(formatId(EntityKind::Item, itemId)), undo);
    return *bought;
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
    // Undo reopens exactly the lots this closed, in one transaction, and none of them when
    // one changed since.
    Model::Command undo;
    const auto closed = m_service.closeAll(&undo);
    if (!closed)
        return refused(closed.error());
    push(tr("close %n lot(s)", nullptr, static_cast<int>(closed->size())), undo);
    return closed->size();
}

} // namespace BidTracker::Gui
