#pragma once

#include "model/error.h"

#include <QString>

namespace BidTracker::Model {
class AuctionService;
}

namespace BidTracker::Gui {

/// The window's sentence for a refusal, built from its reason and facts (never from its
/// message's text) in the window's words: lots and bidders, amounts and times as shown
/// ("The lot item2 “Clock” closed at 2026-12-05 21:00:00 CET: it takes no more bids.").
/// `service` is read for names only; the model already decided. A reason without words
/// of its own keeps the model's message.
QString refusalText(const Model::Error& error, Model::AuctionService& service);

} // namespace BidTracker::Gui
