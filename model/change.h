#pragma once

#include "ids.h"

#include <QMetaType>

namespace BidTracker::Model {

/// One change to the auction, announced once by the service after it committed.
struct Change
{
    enum class Action { Added, Updated, Removed, /** everything may have changed */ Reset };

    EntityKind kind = EntityKind::Item;
    Action action = Action::Updated;
    qint64 id = 0;
    /// For bids: the item and user the bid belongs to, so views can update those rows.
    qint64 itemId = 0;
    qint64 userId = 0;
};

} // namespace BidTracker::Model

Q_DECLARE_METATYPE(BidTracker::Model::Change)
