#pragma once

#include "model/money.h"

#include <QString>
#include <expected>
#include <optional>

namespace BidTracker::Gui {

/// An amount typed by a person that may be zero ("0", "0.00": where an increment table row
/// starts): zero, else Money::parseTyped in the system locale.
std::expected<Model::Money, QString> parseAmountOrZero(const QString& text);

/// A bid as a clerk types it (the bid dialog, the quick bid bar): an amount, a maximum, or
/// both. The amount may be left empty only when a maximum is given: the rules choose the bid.
struct TypedBid
{
    std::optional<Model::Money> amount;
    std::optional<Model::Money> maximum;
};
struct TypedBidProblem
{
    QString message;
    /// The maximum is wrong (else the amount): the field to go back to.
    bool inMaximum = false;
};
std::expected<TypedBid, TypedBidProblem> parseTypedBid(const QString& amount,
                                                       const QString& maximum);

} // namespace BidTracker::Gui
