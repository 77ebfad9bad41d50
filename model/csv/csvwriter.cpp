#include "csvwriter.h"

namespace BidTracker::Model {

namespace {

constexpr qsizetype FlushAt = 256 * 1024;

bool isFormulaStart(QChar c)
{
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
}

/// "-1000.00", "12", "-5": a plain decimal number, which a spreadsheet reads as a number and
/// never runs, so a credit balance stays a number a spreadsheet can sum (issue 21.5).
bool isPlainNumber(QStringView text)
{
    qsizetype i = text.startsWith(u'-') ? 1 : 0;
    const qsizetype digits = i;
    while (i < text.size() && text[i] >= u'0' && text[i] <= u'9')
        ++i;
    if (i == digits)
        return false;
    if (i == text.size())
        return true;
    if (text[i] != u'.' || ++i == text.size())
        return false;
    while (i < text.size() && text[i] >= u'0' && text[i] <= u'9')
        ++i;
    return i == text.size();
}

/// True when the text, after its leading 's, starts like a formula and is not a plain number:
/// then it carries (or, on export, gets) one guarding '. Counting through the 's keeps the
/// round trip exact for text that itself begins with "'=" (or "'-5").
bool needsGuard(const QString& field)
{
    qsizetype i = 0;
    while (i < field.size() && field[i] == u'\'')
        ++i;
    return i < field.size() && isFormulaStart(field[i]) &&
           !isPlainNumber(QStringView(field).mid(i));
}

} // namespace

CsvWriter::CsvWriter(QIODevice& device) : m_device(device)
{
    m_buffer.reserve(FlushAt + 4096);
}

CsvWriter::~CsvWriter()
{
    flush();
}

QString CsvWriter::guardFormula(const QString& field)
{
    return needsGuard(field) ? u'\'' + field : field;
}

QString CsvWriter::unguardFormula(const QString& field)
{
    return field.startsWith(u'\'') && needsGuard(field) ? field.mid(1) : field;
}

QByteArray CsvWriter::encodeField(const QString& field)
{
    const QByteArray utf8 = guardFormula(field).toUtf8();
    const bool quote =
        utf8.contains(',') || utf8.contains('"') || utf8.contains('\n') || utf8.contains('\r');
    if (!quote)
        return utf8;
    QByteArray quoted = utf8;
    quoted.replace('"', "\"\"");
    return '"' + quoted + '"';
}

void CsvWriter::writeRow(const QStringList& fields)
{
    // A row of one empty field would be a blank line, which readers (ours included) skip:
    // quote it so that the row survives (found by fuzz/fuzz_csv_reader).
    if (fields.size() == 1 && fields.front().isEmpty()) {
        m_buffer += "\"\"\r\n";
        m_atStart = false;
        return;
    }
    // Readers skip a byte order mark at the start of a file, so a first field that starts
    // with one would lose it: write a mark of our own for them to skip (found by fuzzing).
    if (m_atStart && !fields.isEmpty() && fields.front().startsWith(QChar(0xFEFF)))
        m_buffer += "\xEF\xBB\xBF";
    m_atStart = false;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            m_buffer += ',';
        m_buffer += encodeField(fields[i]);
    }
    m_buffer += "\r\n";
    if (m_buffer.size() >= FlushAt)
        flush();
}

bool CsvWriter::flush()
{
    if (m_failed)
        return false;
    if (!m_buffer.isEmpty() && m_device.write(m_buffer) != m_buffer.size())
        m_failed = true;
    m_buffer.clear();
    return !m_failed;
}

} // namespace BidTracker::Model
