#include "changenotifier.h"

namespace BidTracker::Model {

ChangeNotifier::ChangeNotifier(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<Change>();
}

void ChangeNotifier::announce(const Change& change)
{
    // Emitting a signal is thread-safe; Qt queues it to receivers living in other threads.
    Q_EMIT changed(change);
}

} // namespace BidTracker::Model
