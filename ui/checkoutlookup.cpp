#include "checkoutlookup.h"

#include "model/auctionservice.h"

namespace BidTracker::Gui {

EntryPick pickCheckoutBidder(Model::AuctionService& service, const QString& text)
{
    // At the cashier's desk a payment is recorded: the same lookup as for a bid, where a
    // number is the paddle in the bidder's hand and only that ("No paddle 199").
    return pickBidder(service, text);
}

} // namespace BidTracker::Gui
