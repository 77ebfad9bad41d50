#pragma once

#include "model/money.h"

#include <QString>
#include <expected>

namespace BidTracker::Gui {

/// An amount typed by a person that may be zero ("0", "0.00": where an increment table row
/// starts): zero, else Money::parseTyped in the system locale.
std::expected<Model::Money, QString> parseAmountOrZero(const QString& text);

} // namespace BidTracker::Gui
