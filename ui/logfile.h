#pragma once

#include <QString>

class QWidget;

namespace BidTracker::Gui::LogFile {

// The window's log: one file in its data folder, bidtracker.log, with the time, the kind and
// the text of each message (Qt's warnings, backups, sessions). At MaxBytes it moves to
// bidtracker.log.1 (the one before to .2, ... up to Kept) and a new one starts.

inline constexpr qint64 MaxBytes = 1024 * 1024;
inline constexpr int Kept = 3;

/// The file in the data folder, or the one given to install().
QString path();
/// From now on Qt's messages (qInfo, qWarning, ...) of this process are added to `file`
/// (default: bidtracker.log in the data folder), and still printed on stderr.
void install(const QString& file = {});
/// Adds one line, rotating first when the file is full.
void append(const QString& kind, const QString& text);
/// The last `maxBytes` of the current file and the one before it, oldest first.
QString tail(qint64 maxBytes = MaxBytes);
/// Help > Show log: the log, scrolled to its end, and where the file is.
void showDialog(QWidget* parent);

} // namespace BidTracker::Gui::LogFile
