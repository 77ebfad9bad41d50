// The request head as a hostile client sends it, byte for byte: the one parser the
// connection guard frames requests with and the routes read headers from.
#include "fuzzcheck.h"

#include "app/api/requesthead.h"

#include <cstddef>
#include <cstdint>

using namespace BidTracker::Api;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArrayView head(reinterpret_cast<const char*>(data), qsizetype(size));
    const auto parsed = parseRequestHead(head);
    if (!parsed) {
        // A refusal always says what it is: a real status and words for the client.
        FUZZ_CHECK(parsed.error().status >= 400 && parsed.error().status <= 599);
        FUZZ_CHECK(!parsed.error().message.isEmpty());
        return 0;
    }
    // What is accepted is never ambiguous: one Host, a sane length, no more headers than the
    // HTTP layer keeps, a version both readers know, and no header name with a blank or ':'.
    const RequestHead& request = *parsed;
    FUZZ_CHECK(request.contentLength >= 0);
    FUZZ_CHECK(request.headers.size() <= MaxHeaderFields);
    FUZZ_CHECK(request.minorVersion == 0 || request.minorVersion == 1);
    FUZZ_CHECK(!request.method.isEmpty() && !request.target.isEmpty());
    int hosts = 0;
    for (const auto& [name, value] : request.headers) {
        FUZZ_CHECK(!name.isEmpty());
        for (const char c : name)
            FUZZ_CHECK(c > ' ' && c != ':' && c != 0x7f);
        if (name.compare("host", Qt::CaseInsensitive) == 0)
            ++hosts;
        FUZZ_CHECK(name.compare("transfer-encoding", Qt::CaseInsensitive) != 0);
    }
    FUZZ_CHECK(hosts == 1);
    return 0;
}
