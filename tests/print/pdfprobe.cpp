#include "pdfprobe.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace BidTracker::Testing {

QString runTool(const QString& program, const QStringList& arguments, bool* ok)
{
    QProcess process;
    process.start(program, arguments);
    const bool finished = process.waitForFinished(120'000);
    const bool noCode = program == u"zbarimg" && process.exitCode() == 4;
    const bool good = finished && process.exitStatus() == QProcess::NormalExit &&
                      (process.exitCode() == 0 || noCode);
    if (ok)
        *ok = good;
    EXPECT_TRUE(good) << qPrintable(program) << " " << qPrintable(arguments.join(u' '))
                      << " failed: "
                      << qPrintable(QString::fromUtf8(process.readAllStandardError()));
    return QString::fromUtf8(process.readAllStandardOutput());
}

QString PdfProbe::text(int page) const
{
    QStringList arguments{QStringLiteral("-layout"), QStringLiteral("-enc"),
                          QStringLiteral("UTF-8")};
    if (page > 0)
        arguments << QStringLiteral("-f") << QString::number(page) << QStringLiteral("-l")
                  << QString::number(page);
    return runTool(QStringLiteral("pdftotext"), arguments << m_path << QStringLiteral("-"));
}

int PdfProbe::pageCount() const
{
    const QString info = runTool(QStringLiteral("pdfinfo"), {m_path});
    const auto match = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

QSizeF PdfProbe::pageSize() const
{
    const QString info = runTool(QStringLiteral("pdfinfo"), {m_path});
    const auto match =
        QRegularExpression(QStringLiteral("Page size:\\s+([\\d.]+) x ([\\d.]+) pts")).match(info);
    return match.hasMatch() ? QSizeF(match.captured(1).toDouble(), match.captured(2).toDouble())
                            : QSizeF();
}

void PdfProbe::renderPng(int page, const QString& png, int dpi) const
{
    // pdftoppm adds ".png" to the root it is given.
    QString root = png;
    root.chop(4);
    runTool(QStringLiteral("pdftoppm"),
            {QStringLiteral("-png"), QStringLiteral("-singlefile"), QStringLiteral("-r"),
             QString::number(dpi), QStringLiteral("-f"), QString::number(page),
             QStringLiteral("-l"), QString::number(page), m_path, root});
}

QStringList PdfProbe::qrCodes(int page, int dpi) const
{
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("page.png"));
    renderPng(page, png, dpi);
    const QString out =
        runTool(QStringLiteral("zbarimg"),
                {QStringLiteral("--quiet"), QStringLiteral("--raw"), QStringLiteral("-Sdisable"),
                 QStringLiteral("-Sqrcode.enable"), png});
    return out.split(u'\n', Qt::SkipEmptyParts);
}

} // namespace BidTracker::Testing

namespace BidTracker::Testing {

QStringList PdfProbe::qrCodesIn(int page, const QList<QRectF>& regions, int dpi) const
{
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("page.png"));
    renderPng(page, png, dpi);
    const QImage image(png);
    EXPECT_FALSE(image.isNull());
    const double scale = dpi / 72.0;
    QStringList codes;
    for (qsizetype i = 0; i < regions.size(); ++i) {
        const QRectF& region = regions[i];
        const QRect pixels(qRound(region.x() * scale), qRound(region.y() * scale),
                           qRound(region.width() * scale), qRound(region.height() * scale));
        const QString crop = dir.filePath(QStringLiteral("region%1.png").arg(i));
        image.copy(pixels).save(crop);
        codes.append(runTool(QStringLiteral("zbarimg"),
                             {QStringLiteral("--quiet"), QStringLiteral("--raw"),
                              QStringLiteral("-Sdisable"), QStringLiteral("-Sqrcode.enable"), crop})
                         .trimmed());
    }
    return codes;
}

} // namespace BidTracker::Testing
