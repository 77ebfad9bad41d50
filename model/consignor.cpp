#include "consignor.h"

namespace BidTracker::Model {

QString payoutMethodName(PayoutMethod method)
{
    switch (method) {
    case PayoutMethod::Cash:
        return QStringLiteral("cash");
    case PayoutMethod::Check:
        return QStringLiteral("check");
    case PayoutMethod::Transfer:
        return QStringLiteral("transfer");
    case PayoutMethod::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

std::optional<PayoutMethod> parsePayoutMethod(QStringView text)
{
    for (PayoutMethod method :
         {PayoutMethod::Cash, PayoutMethod::Check, PayoutMethod::Transfer, PayoutMethod::Other}) {
        if (text == payoutMethodName(method))
            return method;
    }
    return std::nullopt;
}

} // namespace BidTracker::Model
