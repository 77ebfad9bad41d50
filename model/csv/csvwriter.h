#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QStringList>

namespace BidTracker::Model {

/// Writes RFC 4180 CSV: comma-separated, CRLF line ends, UTF-8, a field quoted when it holds
/// a comma, quote or line break, quotes doubled. Text a spreadsheet would run as a formula
/// gets a leading ' (see guardFormula()). Buffers rows and writes them in large blocks.
class CsvWriter
{
public:
    explicit CsvWriter(QIODevice& device);
    ~CsvWriter();
    Q_DISABLE_COPY_MOVE(CsvWriter)

    void writeRow(const QStringList& fields);
    /// Writes what is buffered; false when the device refused it.
    bool flush();
    QString errorString() const { return m_device.errorString(); }

    /// One field as it goes into the file (guarded, quoted when needed).
    static QByteArray encodeField(const QString& field);
    /// "=1+1" -> "'=1+1": a leading = + - @ tab or CR (after any leading 's) gets one more ',
    /// unless the rest is a plain decimal number ("-1000.00" stays a number: the guard is for
    /// text, and a number is never run as a formula).
    static QString guardFormula(const QString& field);
    /// The inverse of guardFormula(), applied on import.
    static QString unguardFormula(const QString& field);

private:
    QIODevice& m_device;
    QByteArray m_buffer;
    bool m_failed = false;
    bool m_atStart = true; // nothing written yet
};

} // namespace BidTracker::Model
