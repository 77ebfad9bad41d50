#include "tablesupport.h"

#include <QDateTime>
#include <QLocale>

namespace BidTracker::Model {

QString displayMoney(Money value)
{
    return QLocale().toString(value.toDouble(), 'f', 2);
}

QString displayBidder(const QString& name, qint64 number)
{
    if (name.isEmpty() || number <= 0)
        return name;
    return QStringLiteral("%1 (%2)").arg(name).arg(number);
}

QVariant displayMoney(const std::optional<Money>& value)
{
    return value ? QVariant(displayMoney(*value)) : QVariant();
}

QString displayTime(const QString& utcTimestamp)
{
    const QDateTime time = QDateTime::fromString(utcTimestamp, Qt::ISODateWithMs);
    if (!time.isValid())
        return utcTimestamp;
    const QDateTime local = time.toLocalTime();
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss ")) + local.timeZoneAbbreviation();
}

QVariant numberAlignment()
{
    return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
}

} // namespace BidTracker::Model
