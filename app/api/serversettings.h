#pragma once

#include "connectionlimits.h"

#include <QHostAddress>
#include <QString>

namespace BidTracker::Api {

/// How the embedded server runs: from the command line, the window's server panel or tests.
struct ServerSettings
{
    QHostAddress bindAddress = QHostAddress::LocalHost;
    quint16 port = 5000; // 0: any free port
    QString token;       // required for writes unless authRequired is false
    bool authRequired = true;
    int rateLimitPerSecond = 100; // per client address; 0 turns it off
    ConnectionLimits limits;
};

} // namespace BidTracker::Api
