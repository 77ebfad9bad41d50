#pragma once

#include "app/api/serversettings.h"
#include "options.h"

namespace BidTracker::App {

/// The server settings to use: the command line first, then what QSettings remembers, then
/// the defaults. Makes and saves a random token at first start.
Api::ServerSettings serverSettings(const Options& options);

/// Keeps the address and port the operator chose in the server panel for the next launch.
void saveServerAddress(const QString& address, quint16 port);

/// A new cryptographically random token (32 bytes, base64url).
QString newApiToken();

} // namespace BidTracker::App
