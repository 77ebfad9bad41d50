// The headers of a safe retry, as a client sends them (API.md "Versions and safe retries"):
// Idempotency-Key on a POST and If-Match on a PUT. The first byte picks the header, the rest
// is its value. What is accepted is exactly what the contract allows; a refusal is a 400
// `invalid` naming the header; a kept answer comes back as it was given.
#include "fuzzcheck.h"

#include "app/api/idempotencykey.h"
#include "app/api/versiontags.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <cstddef>
#include <cstdint>

using namespace BidTracker;
using namespace BidTracker::Api;

namespace {

bool isHex64(const QString& text)
{
    if (text.size() != 64)
        return false;
    for (const QChar c : text) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

void checkInvalid(const ApiResponse& refusal, const char* header)
{
    FUZZ_CHECK(refusal.status == 400);
    const QJsonObject body = QJsonDocument::fromJson(refusal.body).object();
    FUZZ_CHECK(body[QStringLiteral("error")][QStringLiteral("code")].toString() == u"invalid");
    FUZZ_CHECK(refusal.body.contains(header));
}

void checkIdempotencyKey(const QByteArray& value)
{
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/bids");
    request.body = value;
    request.headers = {{"Idempotency-Key", value}, {"Authorization", "Bearer t"}};
    const auto key = Idempotency::keyOf(request);
    bool allowed = !value.isEmpty() && value.size() <= 64;
    for (const char c : value)
        allowed = allowed && c >= 0x21 && c <= 0x7e;
    FUZZ_CHECK(key.has_value() == allowed);
    if (!key) {
        checkInvalid(key.error(), "Idempotency-Key");
        return;
    }
    FUZZ_CHECK(key->has_value());
    FUZZ_CHECK((*key)->key.toLatin1() == value);
    FUZZ_CHECK(isHex64((*key)->bodyHash) && isHex64((*key)->credential));
    // A kept answer is replayed as it was given: status, body, content type, Location.
    const QByteArray location = "/api/v1/bids/" + value; // visible ASCII only, as accepted
    ApiResponse given =
        ApiResponse::raw(200 + static_cast<int>(value.size()), "application/json", value);
    given.withHeader("Location", location).withHeader("X-Other", "dropped");
    const ApiResponse replay = Idempotency::replayed(Idempotency::kept(given));
    FUZZ_CHECK(replay.status == given.status && replay.body == given.body);
    FUZZ_CHECK(replay.contentType == given.contentType);
    FUZZ_CHECK(replay.header("Location") == location);
    FUZZ_CHECK(replay.header("X-Other").isEmpty());
    FUZZ_CHECK(replay.header("Idempotent-Replayed") == "true");
}

void checkIfMatch(const QByteArray& value)
{
    ApiRequest request;
    request.method = "PUT";
    request.headers = {{"If-Match", value}};
    const auto version = Versions::ifMatch(request);
    if (!version) {
        checkInvalid(version.error(), "If-Match");
        return;
    }
    const QByteArray given = value.trimmed();
    if (!version->has_value()) {
        FUZZ_CHECK(given == "*");
        return;
    }
    // Only one quoted whole number from 1 up, written as it would be written back.
    FUZZ_CHECK(**version >= 1);
    FUZZ_CHECK(given == '"' + QByteArray::number(**version) + '"');
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray value(reinterpret_cast<const char*>(data) + 1, qsizetype(size - 1));
    if (data[0] % 2 == 0)
        checkIdempotencyKey(value);
    else
        checkIfMatch(value);
    return 0;
}
