#pragma once

#include <QCoreApplication>
#include <QString>

namespace BidTracker::Model {

/// Under this many seconds left, a lot's countdown is shown as urgent (red).
constexpr qint64 UrgentSeconds = 5 * 60;

/// How long until a lot closes, as the Lots table shows it: "2d 03h" beyond a day,
/// "1:05:09" beyond an hour, "4:59" below; "0:00" once due (the close is on its way).
QString formatTimeLeft(qint64 seconds);

} // namespace BidTracker::Model
