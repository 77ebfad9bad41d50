#pragma once

#include <QString>
#include <QStringView>
#include <optional>

namespace BidTracker::Model {

/// The kinds of public id: "user<N>", "item<N>", "bid<N>", "payment<N>", "donation<N>";
/// Settings is the auction's one settings row (id 1), named only in change announcements.
/// Consignor and Payout (RULES.md 6) come last so that the numbers of the others, which a
/// PostgreSQL change announcement carries, stay as they were.
enum class EntityKind { User, Item, Bid, Payment, Donation, Settings, Consignor, Payout };
inline constexpr EntityKind LastEntityKind = EntityKind::Payout;

/// "user", "item", "bid", "payment", "donation" or "settings".
QStringView idPrefix(EntityKind kind);
/// "user12" for (User, 12).
QString formatId(EntityKind kind, qint64 number);
/// The N of "item12". Anything else (item0, item01, item-1, a number that does not fit
/// in 64 bits, another prefix) has no N: such an id is simply unknown.
std::optional<qint64> parseId(EntityKind kind, QStringView text);

} // namespace BidTracker::Model
