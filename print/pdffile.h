#pragma once

#include <QString>
#include <expected>

namespace BidTracker::Print {

class Document;

/// Writes the document as a PDF file, whole or not at all: it is written beside the target
/// and renamed over it only when complete, so a failure leaves no file (or the old one).
/// Returns the number of pages; the error says why, naming the file.
std::expected<int, QString> writePdf(const Document& document, const QString& path);

} // namespace BidTracker::Print
