#include "changenotifier.h"

#include "changebatcher.h"

#include <QThread>

namespace BidTracker::Model {

ChangeNotifier::ChangeNotifier(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<Change>();
}

void ChangeNotifier::announce(const Change& change)
{
    // Emitting a signal is thread-safe; Qt queues it to receivers living in other threads.
    const bool here = QThread::currentThread() == thread();
    if (here)
        ++m_ownCommandDepth;
    Q_EMIT changed(change);
    if (here)
        --m_ownCommandDepth;
}

void ChangeNotifier::announceFromOtherStation(const Change& change)
{
    Q_EMIT changed(change);
}

ChangeBatcher& ChangeNotifier::batches()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_batches)
        m_batches = new ChangeBatcher(*this);
    return *m_batches;
}

} // namespace BidTracker::Model
