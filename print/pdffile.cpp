#include "pdffile.h"

#include "document.h"

#include <QCoreApplication>
#include <QPdfWriter>
#include <QSaveFile>

namespace BidTracker::Print {

std::expected<int, QString> writePdf(const Document& document, const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return std::unexpected(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    bool rendered = false;
    {
        // The writer finishes the file when it is destroyed, before the commit below.
        QPdfWriter writer(&file);
        writer.setTitle(document.title());
        writer.setCreator(
            QStringLiteral("Bid Tracker %1").arg(QCoreApplication::applicationVersion()));
        rendered = render(document, writer);
    }
    if (!rendered) {
        file.cancelWriting();
        return std::unexpected(
            QStringLiteral("cannot write %1: the PDF could not be drawn").arg(path));
    }
    if (!file.commit())
        return std::unexpected(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return document.pageCount();
}

} // namespace BidTracker::Print
