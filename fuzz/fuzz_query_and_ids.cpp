// Ids in paths ("item12") and the query parameters of list routes (limit, offset and the
// yes/no flags), as a client can write them.
#include "fuzzcheck.h"

#include "app/api/requestinput.h"
#include "model/ids.h"

#include <QUrlQuery>
#include <cstddef>
#include <cstdint>

using namespace BidTracker;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const auto kind = static_cast<Model::EntityKind>(data[0] % 3);
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char*>(data) + 1, qsizetype(size - 1));

    // An id is accepted only in its one canonical form, which formatId() gives back.
    if (const auto number = Model::parseId(kind, text)) {
        FUZZ_CHECK(*number > 0);
        FUZZ_CHECK(Model::formatId(kind, *number) == text);
    }
    const auto id = Api::Input::pathId(kind, text);
    FUZZ_CHECK(id.has_value() || id.error().status == 404);

    // The same bytes as a query string.
    const QUrlQuery query(text);
    if (const auto page = Api::Input::page(query)) {
        FUZZ_CHECK(page->offset >= 0);
        FUZZ_CHECK(page->limit >= -1);
    } else {
        FUZZ_CHECK(page.error().status == 400);
    }
    for (const char* name : {"winningOnly", "complete"}) {
        const auto flag = Api::Input::flag(query, QString::fromLatin1(name));
        FUZZ_CHECK(flag.has_value() || flag.error().status == 400);
    }
    return 0;
}
