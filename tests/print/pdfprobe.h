#pragma once

#include <QList>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>
#include <ostream>

namespace BidTracker::Testing {

/// Reads a PDF back with the real tools a person would use: poppler's pdftotext, pdfinfo
/// and pdftoppm, and zbar's zbarimg for the QR codes. A tool that fails fails the test.
class PdfProbe
{
public:
    explicit PdfProbe(QString path) : m_path(std::move(path)) {}
    QString path() const { return m_path; }

    /// The text of every page (pdftotext -layout), or of page `page` (from 1) alone.
    QString text(int page = 0) const;
    int pageCount() const;
    /// The first page's size in points, as pdfinfo reports it.
    QSizeF pageSize() const;
    /// Every QR code zbarimg decodes on the page (from 1) rendered at `dpi`, in its order.
    QStringList qrCodes(int page, int dpi = 150) const;
    /// The QR code in each region of the page (in points from the page's corner), one entry
    /// per region ("" where none decodes): a scanner reads one label at a time, and zbar
    /// misses some of thirty codes on one picture.
    QStringList qrCodesIn(int page, const QList<QRectF>& regions, int dpi = 200) const;
    /// Renders page `page` to `png` (pdftoppm).
    void renderPng(int page, const QString& png, int dpi) const;

private:
    QString m_path;
};

/// Runs a program and returns its standard output; adds a test failure when it cannot be
/// run or exits non-zero (zbarimg's 4, "no code found", counts as an empty answer).
QString runTool(const QString& program, const QStringList& arguments, bool* ok = nullptr);

} // namespace BidTracker::Testing

// gtest shows QStrings as text, not as arrays of UTF-16 units.
QT_BEGIN_NAMESPACE
inline void PrintTo(const QString& text, std::ostream* out)
{
    *out << '"' << text.toStdString() << '"';
}
QT_END_NAMESPACE
