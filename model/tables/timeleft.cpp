#include "timeleft.h"

namespace BidTracker::Model {

QString formatTimeLeft(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    const qint64 days = seconds / 86400;
    const qint64 hours = seconds % 86400 / 3600;
    const qint64 minutes = seconds % 3600 / 60;
    const qint64 secs = seconds % 60;
    const auto two = [](qint64 n) { return QStringLiteral("%1").arg(n, 2, 10, QLatin1Char('0')); };
    // Seconds only matter in the last day: a countdown that ticks days away is noise.
    if (days > 0)
        return QCoreApplication::translate("TimeLeft", "%1d %2h").arg(days).arg(two(hours));
    if (hours > 0)
        return QStringLiteral("%1:%2:%3").arg(hours).arg(two(minutes), two(secs));
    return QStringLiteral("%1:%2").arg(minutes).arg(two(secs));
}

} // namespace BidTracker::Model
