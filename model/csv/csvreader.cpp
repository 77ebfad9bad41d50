#include "csvreader.h"

#include <QBuffer>

namespace BidTracker::Model {

// Lines are decoded one at a time: a '\n' never falls inside a UTF-8 sequence, so a line is
// whole text or names the line that is not. The decoder keeps a byte-order mark that is not
// the file's first bytes (a field would lose it otherwise); the first one is skipped below.
CsvStream::CsvStream(QIODevice& in)
    : m_in(in), m_decoder(QStringDecoder::Utf8,
                          QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom)
{
}

bool CsvStream::readLine()
{
    if (m_ended)
        return false;
    QByteArray bytes = m_in.readLine();
    if (bytes.isEmpty()) {
        m_ended = true;
        return false;
    }
    m_bytesRead += bytes.size();
    if (!m_started) {
        m_started = true;
        if (bytes.startsWith("\xEF\xBB\xBF"))
            bytes.remove(0, 3);
    }
    m_text = m_decoder.decode(bytes);
    m_pos = 0;
    if (m_decoder.hasError()) {
        m_decoder.resetState();
        m_error = QStringLiteral("line %1: the file is not UTF-8 text (save it as CSV UTF-8)")
                      .arg(m_line);
        m_ended = true;
        return false;
    }
    return true;
}

std::optional<CsvRecord> CsvStream::fail(QString message)
{
    m_error = std::move(message);
    m_ended = true;
    m_text.clear();
    m_pos = 0;
    return std::nullopt;
}

void CsvStream::endField()
{
    // A copy of exactly the field's size: the buffer keeps its capacity for the next field,
    // and a plan that keeps the field keeps no spare room (100,000 rows add up).
    m_record.fields.append(QString(m_field.constData(), m_field.size()));
    m_field.resize(0);
    m_wasQuoted = false;
}

bool CsvStream::endRecord(CsvRecord* finished)
{
    endField();
    // A blank line is not a record (a file may end with an extra line break); a line holding
    // "" is a record with one empty field.
    const bool counts =
        m_recordHadQuote || !(m_record.fields.size() == 1 && m_record.fields.front().isEmpty());
    if (counts)
        *finished = std::move(m_record);
    m_record = CsvRecord{m_line, {}};
    m_recordHadQuote = false;
    return counts;
}

std::optional<CsvRecord> CsvStream::next()
{
    if (!m_error.isEmpty())
        return std::nullopt;
    for (;;) {
        while (m_pos >= m_text.size()) {
            if (readLine())
                continue;
            if (!m_error.isEmpty())
                return std::nullopt;
            if (m_inQuotes)
                return fail(QStringLiteral("line %1: a quoted field is never closed")
                                .arg(m_quoteStartLine));
            CsvRecord last;
            if ((!m_field.isEmpty() || m_recordHadQuote || !m_record.fields.isEmpty()) &&
                endRecord(&last))
                return last;
            return std::nullopt;
        }
        const QChar c = m_text[m_pos++];
        if (m_inQuotes) {
            if (c == u'"') {
                if (m_pos < m_text.size() && m_text[m_pos] == u'"') {
                    m_field += u'"';
                    ++m_pos;
                } else {
                    m_inQuotes = false;
                }
            } else {
                if (c == u'\n')
                    ++m_line;
                m_field += c;
            }
            continue;
        }
        if (c == u',') {
            endField();
        } else if (c == u'\r' && m_pos < m_text.size() && m_text[m_pos] == u'\n') {
            continue; // the \n ends the record
        } else if (c == u'\n') {
            ++m_line;
            CsvRecord finished;
            if (endRecord(&finished))
                return finished;
        } else if (c == u'"') {
            if (!m_field.isEmpty() || m_wasQuoted)
                return fail(
                    QStringLiteral("line %1: a quote inside a field that does not start with one")
                        .arg(m_line));
            m_inQuotes = true;
            m_wasQuoted = true;
            m_recordHadQuote = true;
            m_quoteStartLine = m_line;
        } else {
            if (m_wasQuoted)
                return fail(
                    QStringLiteral("line %1: text after the closing quote of a field").arg(m_line));
            m_field += c;
        }
    }
}

std::expected<QList<CsvRecord>, QString> readCsv(const QByteArray& bytes)
{
    QByteArray data = bytes;
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    CsvStream stream(buffer);
    QList<CsvRecord> records;
    while (auto record = stream.next())
        records.append(std::move(*record));
    if (!stream.error().isEmpty())
        return std::unexpected(stream.error());
    return records;
}

} // namespace BidTracker::Model
