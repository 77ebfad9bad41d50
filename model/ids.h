#pragma once

#include <QString>
#include <QStringView>
#include <optional>

namespace BidTracker::Model {

/// The three kinds of public id: "user<N>", "item<N>", "bid<N>".
enum class EntityKind { User, Item, Bid };

/// "user", "item" or "bid".
QStringView idPrefix(EntityKind kind);
/// "user12" for (User, 12).
QString formatId(EntityKind kind, qint64 number);
/// The N of "item12". Anything else (item0, item01, item-1, a number that does not fit
/// in 64 bits, another prefix) has no N: such an id is simply unknown.
std::optional<qint64> parseId(EntityKind kind, QStringView text);

} // namespace BidTracker::Model
