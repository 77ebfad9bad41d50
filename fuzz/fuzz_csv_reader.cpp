// The CSV reader on any bytes. What it accepts, written back with the CSV writer and read
// again, gives the same fields: the reader and the writer agree on the format.
#include "fuzzcheck.h"

#include "model/csv/csvreader.h"
#include "model/csv/csvwriter.h"

#include <QBuffer>
#include <cstddef>
#include <cstdint>

using namespace BidTracker::Model;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const auto records = readCsv(bytes);
    if (!records) {
        FUZZ_CHECK(!records.error().isEmpty());
        return 0;
    }
    int lastLine = 0;
    QByteArray written;
    {
        QBuffer buffer(&written);
        buffer.open(QIODevice::WriteOnly);
        CsvWriter writer(buffer);
        for (const CsvRecord& record : *records) {
            FUZZ_CHECK(record.line > lastLine);
            lastLine = record.line;
            writer.writeRow(record.fields);
        }
        FUZZ_CHECK(writer.flush());
    }
    const auto again = readCsv(written);
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(again->size() == records->size());
    for (qsizetype i = 0; i < records->size(); ++i) {
        const QStringList& before = (*records)[i].fields;
        const QStringList& after = (*again)[i].fields;
        FUZZ_CHECK(before.size() == after.size());
        for (qsizetype f = 0; f < before.size(); ++f)
            // The writer guards formulas ("=1" -> "'=1"); the import undoes it per field.
            FUZZ_CHECK(CsvWriter::unguardFormula(after[f]) == before[f]);
    }
    return 0;
}
