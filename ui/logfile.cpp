#include "logfile.h"

#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMutex>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <cstdio>

namespace BidTracker::Gui::LogFile {

namespace {

QMutex fileMutex;
QString& chosenPath()
{
    static QString file;
    return file;
}
QtMessageHandler previousHandler = nullptr;

QString kindOf(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return QStringLiteral("debug");
    case QtInfoMsg:
        return QStringLiteral("info");
    case QtWarningMsg:
        return QStringLiteral("warning");
    case QtCriticalMsg:
        return QStringLiteral("error");
    case QtFatalMsg:
        return QStringLiteral("fatal");
    }
    return QStringLiteral("info");
}

/// A message about the log file itself (a failed write) is not written into it again.
thread_local bool t_writing = false;

void toLogAndOn(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (!t_writing) {
        t_writing = true;
        append(kindOf(type), message);
        t_writing = false;
    }
    if (previousHandler)
        previousHandler(type, context, message);
    else
        std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, message)));
}

/// bidtracker.log -> .1 -> .2 ...; the oldest beyond Kept is dropped. Under fileMutex.
void rotate(const QString& file)
{
    QFile::remove(QStringLiteral("%1.%2").arg(file).arg(Kept));
    for (int i = Kept - 1; i >= 1; --i)
        QFile::rename(QStringLiteral("%1.%2").arg(file).arg(i),
                      QStringLiteral("%1.%2").arg(file).arg(i + 1));
    QFile::rename(file, file + QStringLiteral(".1"));
}

QByteArray lastBytes(const QString& file, qint64 maxBytes)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return {};
    if (in.size() > maxBytes)
        in.seek(in.size() - maxBytes);
    return in.readAll();
}

} // namespace

QString path()
{
    const QMutexLocker lock(&fileMutex);
    if (!chosenPath().isEmpty())
        return chosenPath();
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("bidtracker.log"));
}

void install(const QString& file)
{
    {
        const QMutexLocker lock(&fileMutex);
        chosenPath() = file;
    }
    QDir().mkpath(QFileInfo(path()).absolutePath());
    const QtMessageHandler before = qInstallMessageHandler(toLogAndOn);
    if (before != toLogAndOn)
        previousHandler = before;
}

void append(const QString& kind, const QString& text)
{
    const QString file = path();
    const QByteArray line = QStringLiteral("%1 %2 %3\n")
                                .arg(QDateTime::currentDateTime().toString(Qt::ISODate), kind,
                                     QString(text).replace(u'\n', QStringLiteral("\n    ")))
                                .toUtf8();
    const QMutexLocker lock(&fileMutex);
    if (QFileInfo(file).size() + line.size() > MaxBytes)
        rotate(file);
    QFile out(file);
    if (out.open(QIODevice::Append | QIODevice::Text))
        out.write(line);
}

QString tail(qint64 maxBytes)
{
    const QString file = path();
    const QMutexLocker lock(&fileMutex);
    const QByteArray current = lastBytes(file, maxBytes);
    const QByteArray before = lastBytes(file + QStringLiteral(".1"), maxBytes - current.size());
    return QString::fromUtf8(before + current);
}

void showDialog(QWidget* parent)
{
    auto* dialog = new QDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("logDialog"));
    dialog->setWindowTitle(QObject::tr("Log"));
    dialog->resize(900, 500);
    auto* where =
        new QLabel(QObject::tr("The log file: %1").arg(QDir::toNativeSeparators(path())), dialog);
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* text = new QPlainTextEdit(dialog);
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setPlainText(tail());
    text->verticalScrollBar()->setValue(text->verticalScrollBar()->maximum());
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(where);
    layout->addWidget(text, 1);
    layout->addWidget(buttons);
    dialog->show();
}

} // namespace BidTracker::Gui::LogFile
