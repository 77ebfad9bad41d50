#include "tablesupport.h"

#include <QLocale>

namespace BidTracker::Model {

QString displayMoney(Money value)
{
    return QLocale().toString(value.toDouble(), 'f', 2);
}

QVariant displayMoney(const std::optional<Money>& value)
{
    return value ? QVariant(displayMoney(*value)) : QVariant();
}

QVariant numberAlignment()
{
    return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
}

} // namespace BidTracker::Model
