#pragma once

#include "model/staff.h"
#include "options.h"

namespace BidTracker::App {

/// Who the command line is in the audit log: `cli:<login name>` at this host, with every
/// right (whoever can run it can open the database file anyway).
Model::Actor commandLineActor();

/// `bidtracker staff add NAME --role ROLE`: the PIN read from the terminal without echo, or
/// from standard input when it is not one. Exit code 0, or 1 with the reason on stderr.
int runStaffAdd(const Options& options);

/// `bidtracker audit verify`: walks the log's hash chain; exit code 0 when it is whole, 1
/// naming the first entry that was edited, inserted, deleted or moved.
int runAuditVerify(const Options& options);

} // namespace BidTracker::App
