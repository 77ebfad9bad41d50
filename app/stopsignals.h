#pragma once

#include <QObject>

class QSocketNotifier;

namespace BidTracker::App {

/// Turns SIGINT and SIGTERM into a clean QCoreApplication::quit(): the handler only writes
/// a byte to a socket pair, and the event loop does the rest (a signal handler may do
/// nothing more).
class StopSignals final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StopSignals)

public:
    explicit StopSignals(QObject* parent = nullptr);
    ~StopSignals() override;

Q_SIGNALS:
    void stopRequested(int signal);

private:
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace BidTracker::App
