#pragma once

#include <QByteArray>
#include <QJsonValue>

namespace BidTracker::Api {

/// Compact JSON, like QJsonDocument's, except that the numbers under the money keys
/// ("value", "winning_value", "starting_price", "min_increment") always carry a decimal point
/// ("500.0"), the way the original Python API answered them; QJsonValue itself cannot tell
/// 500.0 from 500. Counts stay integers.
QByteArray writeJson(const QJsonValue& value);

} // namespace BidTracker::Api
