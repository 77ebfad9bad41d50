#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>
#include <expected>

namespace BidTracker::Model {

/// One record of a CSV file and the line it starts on (1-based), for messages.
struct CsvRecord
{
    int line = 0;
    QStringList fields;
};

/// Reads RFC 4180 CSV from UTF-8 bytes (a BOM is skipped; CRLF or LF line ends). Strict:
/// a stray quote, text after a closing quote, an unterminated quoted field or bytes that
/// are not UTF-8 are errors that name the line.
std::expected<QList<CsvRecord>, QString> readCsv(const QByteArray& data);

} // namespace BidTracker::Model
