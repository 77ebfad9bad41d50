#include "modelcheck.h"

#include <QMutex>

namespace BidTracker::Testing {

namespace {

QMutex mutex;
QStringList collected;
QtMessageHandler previous = nullptr;

void collect(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (context.category && qstrcmp(context.category, "qt.modeltest") == 0 && type != QtDebugMsg &&
        type != QtInfoMsg) {
        QMutexLocker lock(&mutex);
        collected.append(message);
        return;
    }
    if (previous)
        previous(type, context, message);
}

} // namespace

ModelCheck::ModelCheck(QAbstractItemModel* model)
{
    {
        QMutexLocker lock(&mutex);
        collected.clear();
    }
    previous = qInstallMessageHandler(collect);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        model, QAbstractItemModelTester::FailureReportingMode::Warning);
}

ModelCheck::~ModelCheck()
{
    m_tester.reset();
    qInstallMessageHandler(previous);
}

QStringList ModelCheck::failures() const
{
    QMutexLocker lock(&mutex);
    return collected;
}

} // namespace BidTracker::Testing
