#pragma once

#include <QString>

namespace BidTracker::Gui {

/// What the window needs of the embedded server, so that ui/ does not depend on the API
/// library: the application wires in the real server.
class ServerControl
{
public:
    virtual ~ServerControl() = default;

    /// Starts (or restarts) on this address and port; the error says why not (an address
    /// that is not an IP address, a port in use).
    virtual bool start(const QString& address, quint16 port, QString* error) = 0;
    virtual void stop() = 0;
    virtual bool isRunning() const = 0;
    virtual QString address() const = 0;
    virtual quint16 port() const = 0;
    /// "http://127.0.0.1:5000" (brackets around IPv6 addresses).
    virtual QString baseUrl() const = 0;
    /// True when bound to an address other machines can reach.
    virtual bool reachableFromOtherMachines() const = 0;
    virtual QString token() const = 0;
    virtual bool authRequired() const = 0;
    virtual quint64 requestsServed() const = 0;
    /// Why the last start failed, in words ("" after a successful start or a stop by hand):
    /// the panel shows it, so a server that could not come back is never silent.
    virtual QString lastError() const = 0;
    /// Keeps this address and port for the next launch. Only the operator's own choice in
    /// the panel is kept: a one-off --port or a test's port 0 must not become permanent.
    virtual void rememberAsDefault() = 0;
};

} // namespace BidTracker::Gui
