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
    /// The paddle number (RULES.md 4): unique, positive; 0 on a new user asks the storage
    /// for the next free one from the settings' first bidder number.
    qint64 number = 0;
    QString phone;
    QString email;
    bool taxExempt = false;
    /// Empty until the bidder is checked in.
    QString checkedInAt;
    /// Grows with every change of the row's own fields or status (a rename, a reserve, a
    /// close or reopen), never with a bid (API.md "Versions and safe retries"): undo and
    /// If-Match compare it. 0 for a record not read from the database.
    qint64 version = 0;
    /// When the last such change was made (the database's clock); empty before the first.
    QString changedAt;
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
    /// The paddle number of the winner (0 without one).
    qint64 winnerNumber = 0;

    // The whole auction night (RULES.md 2 and 3, API.md)
    QString description;
    QString donor;
    std::optional<Money> fairMarketValue;
    /// Secret: never in an API read, a CSV or a printout.
    std::optional<Money> reserve;
    std::optional<Money> buyNow;
    /// When the lot closes on time (ISO 8601 UTC), empty when it closes by hand; soft close
    /// moves it, never past originalClosesAt plus the auction's cap.
    QString closesAt;
    QString originalClosesAt;
    /// When the lot was closed, empty while open.
    QString closedAt;
    /// Secret, for the operator's eyes only (the window): the leader's ceiling, their highest
    /// maximum or bid. Kept with the lot, with the runner-up's, so that the next bid is decided
    /// without reading the lot's history; empty when it must be worked out from the bids
    /// (no bids, or rows written by an older version, a bulk load or an undo).
    std::optional<Money> leaderCeiling;
    /// The highest ceiling among the other bidders (secret); empty when nobody else bid.
    std::optional<Money> runnerUpCeiling;
    /// Grows with every change of the row's own fields or status (a rename, a reserve, a
    /// close or reopen), never with a bid (API.md "Versions and safe retries"): undo and
    /// If-Match compare it. 0 for a record not read from the database.
    qint64 version = 0;
    /// When the last such change was made (the database's clock); empty before the first.
    QString changedAt;
    /// The consignor whose lot this is (RULES.md 6), if any.
    std::optional<qint64> consignorId;
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
    /// The bidder's paddle number (0 where a row was read without it).
    qint64 userNumber = 0;
    /// Secret: the most the bidder lets the auction bid for them (RULES.md 2); never read
    /// back by the API, CSV or printouts.
    std::optional<Money> maxValue;
    /// A bid the auction placed for a maximum.
    bool automatic = false;
};

/// One entry of a lot's history in commit order (the rules work a lot out from it): a bid
/// (bidId set), or a maximum raised alone by the leader (maximumId set, value 0).
struct LotHistoryEntry
{
    qint64 bidId = 0;
    qint64 maximumId = 0;
    qint64 userId = 0;
    qint64 valueCents = 0;
    /// 0 when the bid carried no maximum.
    qint64 maximumCents = 0;
    bool automatic = false;
    /// A raise: the lot's last bid when it was raised (it comes right after that bid).
    qint64 afterBidId = 0;
};

/// A maximum raised alone (RULES.md 2: a leader sending max_value without a bid).
struct MaximumRaise
{
    qint64 id = 0;
    qint64 itemId = 0;
    qint64 userId = 0;
    Money maxValue;
    QString placedAt;
    /// Its place in commit order: right after this bid of the lot (the lot's last then).
    qint64 afterBidId = 0;
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
    // The fields below that may be cleared: the outer optional empty keeps the value, an
    // inner one empty clears it.
    std::optional<QString> description;
    std::optional<QString> donor;
    std::optional<std::optional<Money>> fairMarketValue;
    std::optional<std::optional<Money>> reserve;
    std::optional<std::optional<Money>> buyNow;
    /// ISO 8601 UTC, or empty to close by hand only.
    std::optional<QString> closesAt;
    /// The lot's consignor (the service checks that it exists); an empty inner value: none.
    std::optional<std::optional<qint64>> consignorId;
};

/// What a creation or edit of a user asks for; fields left empty keep their value (on edit)
/// or take the default (on create: the next free paddle number).
struct UserChanges
{
    std::optional<QString> name;
    std::optional<qint64> number;
    std::optional<QString> phone;
    std::optional<QString> email;
    std::optional<bool> taxExempt;
};

enum class PaymentMethod { Cash, Check, Card, Other };
QString paymentMethodName(PaymentMethod method);
std::optional<PaymentMethod> parsePaymentMethod(QStringView text);

/// Money taken from a bidder. Never deleted: voiding marks it and takes it out of every sum.
struct Payment
{
    qint64 id = 0;
    qint64 userId = 0;
    Money amount;
    PaymentMethod method = PaymentMethod::Cash;
    QString reference;
    QString paidAt;
    /// Empty while the payment counts.
    QString voidedAt;
    QString voidReason;
    bool voided() const { return !voidedAt.isEmpty(); }
};

/// A gift of money by a bidder: on the invoice with no premium and no tax.
struct Donation
{
    qint64 id = 0;
    qint64 userId = 0;
    Money amount;
    QString note;
    QString createdAt;
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
