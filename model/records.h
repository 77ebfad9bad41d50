#pragma once

#include "ids.h"
#include "money.h"

#include <QList>
#include <QString>
#include <optional>

namespace BidTracker::Model {

/// A bidder.
struct User
{
    qint64 id = 0;
    QString name;
    qint64 bidCount = 0;
    QString createdAt;
};

enum class ItemStatus { Open, Closed };

QString statusName(ItemStatus status);
std::optional<ItemStatus> parseStatus(QStringView text);

/// A lot, with its current winner kept alongside so that lists never need a scan of bids.
struct Item
{
    qint64 id = 0;
    QString name;
    ItemStatus status = ItemStatus::Open;
    Money startingPrice = Money::fromCents(1);
    Money minIncrement = Money::fromCents(1);
    QString createdAt;
    qint64 bidCount = 0;
    std::optional<qint64> winningBidId;
    std::optional<Money> winningValue;
    std::optional<qint64> winnerUserId;
    QString winnerName;
};

/// One accepted bid. Bids are never changed, only deleted.
struct Bid
{
    qint64 id = 0;
    qint64 itemId = 0;
    qint64 userId = 0;
    Money value;
    /// ISO 8601 UTC with milliseconds, "2026-11-27T23:51:54.123Z".
    QString placedAt;
    QString itemName;
    QString userName;
};

/// One item a user has bid on, with where the user stands on it.
struct UserItem
{
    qint64 itemId = 0;
    QString itemName;
    Money highestOwnBid;
    std::optional<Money> winningValue;
    bool leading = false;
    /// The lot is closed: leading means won, not leading means lost.
    bool closed = false;
};

inline qint64 recordId(const UserItem& entry)
{
    return entry.itemId;
}

/// What a creation or edit of an item asks for; fields left empty keep their value (on
/// edit) or take the default (on create).
struct ItemChanges
{
    std::optional<QString> name;
    std::optional<ItemStatus> status;
    std::optional<Money> startingPrice;
    std::optional<Money> minIncrement;
};

/// How the bids of a big table are ordered and filtered, so that only the rows on screen are
/// read: every order has an index that gives its rows in order.
struct BidQuery
{
    enum class Order { ById, ByValue, ByUser };
    Order order = Order::ById;
    bool descending = false;
    /// Bids whose lot or bidder name contains this text (case-insensitive); empty: all.
    QString filter;
    bool operator==(const BidQuery&) const = default;
};

/// A window onto a list: limit < 0 means no limit.
struct Page
{
    qint64 limit = -1;
    qint64 offset = 0;
};

/// One page of a list and how many rows the whole list has.
template <typename T> struct Listing
{
    QList<T> rows;
    qint64 total = 0;
};

} // namespace BidTracker::Model
