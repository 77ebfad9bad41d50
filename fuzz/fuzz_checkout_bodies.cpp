// The JSON bodies of the whole auction night: PUT /settings, POST and PUT /users (paddle
// number and contact fields), payments and donations. The first byte picks the reader, the
// rest is the body as received.
#include "fuzzcheck.h"

#include "app/api/checkoutbodies.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <cstddef>
#include <cstdint>

using namespace BidTracker;

namespace {

/// A refusal is a 400 whose body is a JSON object with a "message".
void checkRefusal(const Api::ApiResponse& response)
{
    FUZZ_CHECK(response.status == 400);
    FUZZ_CHECK(response.isJson());
    const QJsonDocument document = QJsonDocument::fromJson(response.body);
    FUZZ_CHECK(document.isObject());
    FUZZ_CHECK(document.object().contains(QStringLiteral("message")));
}

void checkMoney(const Model::Money& money)
{
    FUZZ_CHECK(money.cents() > 0);
    FUZZ_CHECK(money.cents() <= Model::Money::MaxCents);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray body(reinterpret_cast<const char*>(data) + 1, qsizetype(size - 1));
    switch (data[0] % 5) {
    case 0:
        if (const auto settings = Api::Body::settings(body, Model::AuctionSettings{})) {
            // What the body reader lets through is still checked whole by the service; the
            // rates it read are in range already.
            FUZZ_CHECK(settings->buyersPremium >= 0 && settings->buyersPremium <= Model::MaxRate);
            FUZZ_CHECK(settings->taxRate >= 0 && settings->taxRate <= Model::MaxRate);
            FUZZ_CHECK(settings->firstBidderNumber >= 1);
        } else {
            checkRefusal(settings.error());
        }
        break;
    case 1:
    case 2:
        if (const auto user = Api::Body::user(body, /*nameRequired=*/data[0] % 5 == 1)) {
            FUZZ_CHECK(data[0] % 5 == 2 || user->name.has_value());
            if (user->number)
                FUZZ_CHECK(*user->number >= 1 && *user->number <= Model::MaxBidderNumber);
        } else {
            checkRefusal(user.error());
        }
        break;
    case 3:
        if (const auto payment = Api::Body::payment(body))
            checkMoney(payment->amount);
        else
            checkRefusal(payment.error());
        break;
    case 4:
        if (const auto donation = Api::Body::donation(body))
            checkMoney(donation->amount);
        else
            checkRefusal(donation.error());
        break;
    }
    return 0;
}
