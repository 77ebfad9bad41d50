#pragma once

#include <QByteArray>
#include <QJsonValue>

namespace BidTracker::Api {

/// Compact JSON, like QJsonDocument's, except that the numbers under the money keys
/// ("value", "winning_value", "starting_price", "min_increment") always carry a decimal point
/// ("500.0"), the way the original Python API answered them; QJsonValue itself cannot tell
/// 500.0 from 500. Counts stay integers.
QByteArray writeJson(const QJsonValue& value);

/// An amount in cents that writeJson() writes as the exact decimal number in currency units,
/// every digit kept however large (RULES.md 4): "500.0", "12.5", "370.75", "-40.0",
/// "18800000000000.0" (a double loses cents above 2^53 cents). Python's style for the
/// original's amounts: at least one decimal, a trailing zero dropped. In the QJsonValue it is
/// a marker object that only writeJson() reads; never pass it to QJsonDocument.
QJsonValue exactMoney(qint64 cents);

} // namespace BidTracker::Api
