#pragma once

#include <QByteArray>
#include <QList>
#include <QStringDecoder>
#include <QStringList>
#include <expected>
#include <optional>

class QIODevice;

namespace BidTracker::Model {

/// One record of a CSV file and the line it starts on (1-based), for messages.
struct CsvRecord
{
    int line = 0;
    QStringList fields;
};

/// Reads RFC 4180 CSV from UTF-8 bytes (a BOM is skipped; CRLF or LF line ends), one record
/// at a time, so that a file of any length is read in the memory of one record. Strict: a
/// stray quote, text after a closing quote, an unterminated quoted field or bytes that are
/// not UTF-8 are errors that name the line.
class CsvStream
{
public:
    /// Reads `in` from where it is; `in` must stay open while the stream is read.
    explicit CsvStream(QIODevice& in);

    /// The next record, or nothing at the end of the input or at an error (then error()
    /// says which and where; the stream stops there).
    std::optional<CsvRecord> next();
    /// Empty unless next() stopped at an error.
    const QString& error() const { return m_error; }
    /// The bytes read so far, for progress.
    qint64 bytesRead() const { return m_bytesRead; }

private:
    bool readLine();
    std::optional<CsvRecord> fail(QString message);
    void endField();
    /// Ends the field, then the record; true when the record counts (not a blank line).
    bool endRecord(CsvRecord* finished);

    QIODevice& m_in;
    QStringDecoder m_decoder;
    QString m_text; // the current physical line, its '\n' included
    qsizetype m_pos = 0;
    qint64 m_bytesRead = 0;
    bool m_started = false;
    bool m_ended = false;
    QString m_error;

    CsvRecord m_record{1, {}};
    QString m_field;
    int m_line = 1;
    bool m_inQuotes = false;
    bool m_wasQuoted = false;
    bool m_recordHadQuote = false;
    int m_quoteStartLine = 0;
};

/// All records of `data` at once (CsvStream on a buffer).
std::expected<QList<CsvRecord>, QString> readCsv(const QByteArray& data);

} // namespace BidTracker::Model
