#include "csvreader.h"

#include <QStringDecoder>

namespace BidTracker::Model {

namespace {

/// The line (1-based) of the first byte that is not valid UTF-8, or 0 when all are valid.
int firstInvalidUtf8Line(const QByteArray& data)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    int line = 1;
    qsizetype start = 0;
    while (start < data.size()) {
        qsizetype end = data.indexOf('\n', start);
        if (end < 0)
            end = data.size();
        const QString decoded = decoder.decode(QByteArrayView(data).sliced(start, end - start));
        if (decoder.hasError())
            return line;
        ++line;
        start = end + 1;
    }
    return 0;
}

} // namespace

std::expected<QList<CsvRecord>, QString> readCsv(const QByteArray& bytes)
{
    QByteArray data = bytes;
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);
    // The one mark at the start is skipped above; the decoder must keep any that follows
    // (it would skip a second one by default, and a field would lose it).
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    const QString text = decoder.decode(data);
    if (decoder.hasError())
        return std::unexpected(
            QStringLiteral("line %1: the file is not UTF-8 text (save it as CSV UTF-8)")
                .arg(firstInvalidUtf8Line(data)));

    QList<CsvRecord> records;
    CsvRecord record;
    QString field;
    int line = 1;
    record.line = 1;
    bool inQuotes = false;
    bool wasQuoted = false;
    bool recordHadQuote = false;
    int quoteStartLine = 0;
    const auto endField = [&] {
        record.fields.append(field);
        field.clear();
        wasQuoted = false;
    };
    const auto endRecord = [&] {
        endField();
        // A blank line is not a record (a file may end with an extra line break); a line
        // holding "" is a record with one empty field.
        if (recordHadQuote || !(record.fields.size() == 1 && record.fields.front().isEmpty()))
            records.append(record);
        record = CsvRecord{line, {}};
        recordHadQuote = false;
    };

    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (inQuotes) {
            if (c == u'"') {
                if (i + 1 < text.size() && text[i + 1] == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == u',') {
            endField();
        } else if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
            continue; // the \n ends the record
        } else if (c == u'\n') {
            ++line;
            endRecord();
        } else if (c == u'"') {
            if (!field.isEmpty() || wasQuoted)
                return std::unexpected(
                    QStringLiteral("line %1: a quote inside a field that does not start with one")
                        .arg(line));
            inQuotes = true;
            wasQuoted = true;
            recordHadQuote = true;
            quoteStartLine = line;
        } else {
            if (wasQuoted)
                return std::unexpected(
                    QStringLiteral("line %1: text after the closing quote of a field").arg(line));
            field += c;
        }
    }
    if (inQuotes)
        return std::unexpected(
            QStringLiteral("line %1: a quoted field is never closed").arg(quoteStartLine));
    if (!field.isEmpty() || recordHadQuote || !record.fields.isEmpty())
        endRecord();
    return records;
}

} // namespace BidTracker::Model
