// The JSON bodies of every route that takes one: POST /bids, POST and PUT /items, POST
// /users. The first byte picks the reader, the rest is the body as received.
#include "fuzzcheck.h"

#include "app/api/requestbodies.h"

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
    switch (data[0] % 4) {
    case 0:
        if (const auto bid = Api::Body::bid(body)) {
            FUZZ_CHECK(bid->value || bid->maxValue);
            if (bid->value)
                checkMoney(*bid->value);
            if (bid->maxValue)
                checkMoney(*bid->maxValue);
            FUZZ_CHECK(!bid->value || !bid->maxValue || *bid->value <= *bid->maxValue);
        } else
            checkRefusal(bid.error());
        break;
    case 1:
    case 2:
        if (const auto item = Api::Body::item(body, /*nameRequired=*/data[0] % 4 == 1)) {
            FUZZ_CHECK(data[0] % 4 == 2 || item->name.has_value());
            if (item->startingPrice)
                checkMoney(*item->startingPrice);
            if (item->minIncrement)
                checkMoney(*item->minIncrement);
        } else {
            checkRefusal(item.error());
        }
        break;
    case 3:
        if (const auto name = Api::Body::userName(body); !name)
            checkRefusal(name.error());
        break;
    }
    return 0;
}
