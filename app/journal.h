#pragma once

#include <QString>

namespace BidTracker::App::Log {

/// syslog's priorities, as the journal reads them from a "<N>" at the start of a line.
enum class Level { Error = 3, Warning = 4, Notice = 5, Info = 6 };

/// Whether stderr is the journal's stream: systemd then sets JOURNAL_STREAM to the device
/// and inode of that stream. A program started from such a service with its stderr sent
/// elsewhere (a file, a pipe) keeps the variable but not the stream, so both are compared.
bool stderrIsJournal();

/// One line on stderr: "<N>text" for the journal (its priority then shows in journalctl -p),
/// plain text on a terminal or in a file.
void line(Level level, const QString& text);

/// Qt's own messages (qWarning() and the rest) go the same way, with their priority.
void routeQtMessages();

} // namespace BidTracker::App::Log
