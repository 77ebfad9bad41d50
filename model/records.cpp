#include "records.h"

namespace BidTracker::Model {

QString statusName(ItemStatus status)
{
    return status == ItemStatus::Closed ? QStringLiteral("closed") : QStringLiteral("open");
}

std::optional<ItemStatus> parseStatus(QStringView text)
{
    if (text == u"open")
        return ItemStatus::Open;
    if (text == u"closed")
        return ItemStatus::Closed;
    return std::nullopt;
}

} // namespace BidTracker::Model
