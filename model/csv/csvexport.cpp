#include "csvexport.h"

#include "csvwriter.h"
#include "model/storage/database.h"
#include "model/storage/storage.h"

#include <optional>

namespace BidTracker::Model {

namespace {

constexpr qint64 ReportEvery = 5000;

} // namespace

Result<qint64> exportCsv(Database& db, CsvKind kind, QIODevice& out, const CsvProgress& progress,
                         CsvAudience audience)
{
    CsvWriter writer(out);
    const QStringList columns = csvColumns(kind);
    writer.writeRow(columns);
    const qsizetype secret =
        audience == CsvAudience::Public ? columns.indexOf(QStringLiteral("reserve")) : -1;
    qint64 total = 0;
    qint64 done = 0;
    std::optional<Error> stopped;
    const auto written = db.storage().exportRows(kind, &total, [&](QStringList fields) {
        if (secret >= 0 && secret < fields.size())
            fields[secret].clear();
        writer.writeRow(fields);
        if (++done % ReportEvery != 0)
            return true;
        if (progress.cancel && progress.cancel->load()) {
            stopped = Error::refused(Error::Reason::Cancelled, QStringLiteral("Cancelled"));
            return false;
        }
        if (progress.report)
            progress.report(done, total);
        if (!writer.flush()) {
            stopped = Error::unavailable(
                QStringLiteral("Cannot write the CSV file: %1").arg(writer.errorString()));
            return false;
        }
        return true;
    });
    if (!written)
        return fail(written.error());
    if (stopped)
        return fail(*stopped);
    if (!writer.flush())
        return fail(Error::unavailable(
            QStringLiteral("Cannot write the CSV file: %1").arg(writer.errorString())));
    if (progress.report)
        progress.report(done, std::max(done, total));
    return done;
}

} // namespace BidTracker::Model
