// Money as people and programs write it: text typed in the window, a CSV cell, a JSON
// string ("650.5", "1e3", " 7 ") and a JSON number (any double). The first byte picks the
// form.
#include "fuzzcheck.h"

#include "model/money.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

using BidTracker::Model::Money;

namespace {

/// Whatever is accepted is in range, and its printed form reads back as the same amount.
void checkAccepted(const Money& money)
{
    FUZZ_CHECK(money.cents() > 0);
    FUZZ_CHECK(money.cents() <= Money::MaxCents);
    const auto again = Money::parse(money.toString());
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(*again == money);
    const auto fromNumber = Money::fromDouble(money.toDouble());
    FUZZ_CHECK(fromNumber.has_value());
    FUZZ_CHECK(*fromNumber == money);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const char* rest = reinterpret_cast<const char*>(data) + 1;
    const auto restSize = qsizetype(size - 1);
    std::expected<Money, QString> parsed;
    switch (data[0] % 3) {
    case 0: // UTF-8 text, as from a file or the network
        parsed = Money::parse(QString::fromUtf8(rest, restSize));
        break;
    case 1: // any UTF-16, as typed (lone surrogates included)
    {
        std::u16string units(std::size_t(restSize / 2), u'\0');
        std::memcpy(units.data(), rest, units.size() * sizeof(char16_t));
        parsed = Money::parse(QStringView(units));
        break;
    }
    case 2: { // a JSON number
        double value = 0;
        std::memcpy(&value, rest, std::min<std::size_t>(sizeof value, size - 1));
        parsed = Money::fromDouble(value);
        break;
    }
    }
    if (parsed)
        checkAccepted(*parsed);
    else
        FUZZ_CHECK(!parsed.error().isEmpty());
    return 0;
}
