#include "records.h"

namespace BidTracker::Model {

QString statusName(ItemStatus status)
{
    return status == ItemStatus::Closed ? QStringLiteral("closed") : QStringLiteral("open");
}

std::optional<ItemStatus> parseStatus(QStringView text)
{
    if (text == u"open")
        return ItemStatus::Open;
    if (text == u"closed")
        return ItemStatus::Closed;
    return std::nullopt;
}

QString paymentMethodName(PaymentMethod method)
{
    switch (method) {
    case PaymentMethod::Cash:
        return QStringLiteral("cash");
    case PaymentMethod::Check:
        return QStringLiteral("check");
    case PaymentMethod::Card:
        return QStringLiteral("card");
    case PaymentMethod::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

std::optional<PaymentMethod> parsePaymentMethod(QStringView text)
{
    for (auto method :
         {PaymentMethod::Cash, PaymentMethod::Check, PaymentMethod::Card, PaymentMethod::Other}) {
        if (text == paymentMethodName(method))
            return method;
    }
    return std::nullopt;
}

} // namespace BidTracker::Model
