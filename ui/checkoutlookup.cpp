#include "checkoutlookup.h"

#include "model/auctionservice.h"

namespace BidTracker::Gui {

EntryPick pickCheckoutBidder(Model::AuctionService& service, const QString& text)
{
    // At the cashier's desk a bare number is the paddle in the bidder's hand; a number
    // nobody carries falls through to the ids and names, as in the quick bid bar.
    const QString typed = text.trimmed();
    bool isNumber = false;
    const qint64 number = typed.toLongLong(&isNumber);
    if (isNumber && number > 0) {
        const auto found = service.userByNumber(number);
        if (!found)
            return {0, {}, found.error().message, {}};
        if (*found)
            return {(*found)->id, bidderLabel((*found)->id, (*found)->name), {}, {}};
    }
    return pickBidder(service, typed);
}

} // namespace BidTracker::Gui
