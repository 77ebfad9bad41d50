#include "ids.h"

namespace BidTracker::Model {

namespace {
constexpr qsizetype MaxIdDigits = 18; // every 18-digit number fits in qint64
}

QStringView idPrefix(EntityKind kind)
{
    switch (kind) {
    case EntityKind::User:
        return u"user";
    case EntityKind::Item:
        return u"item";
    case EntityKind::Bid:
        return u"bid";
    case EntityKind::Payment:
        return u"payment";
    case EntityKind::Donation:
        return u"donation";
    case EntityKind::Settings:
        return u"settings";
    case EntityKind::Consignor:
        return u"consignor";
    case EntityKind::Payout:
        return u"payout";
    }
    return u"";
}

QString formatId(EntityKind kind, qint64 number)
{
    return idPrefix(kind).toString() + QString::number(number);
}

std::optional<qint64> parseId(EntityKind kind, QStringView text)
{
    const QStringView prefix = idPrefix(kind);
    if (!text.startsWith(prefix))
        return std::nullopt;
    const QStringView digits = text.mid(prefix.size());
    if (digits.isEmpty() || digits.size() > MaxIdDigits || digits.front() == u'0')
        return std::nullopt;
    for (const QChar c : digits) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    return digits.toLongLong();
}

} // namespace BidTracker::Model
