#pragma once

#include <QList>
#include <QString>
#include <utility>

class QWidget;

namespace BidTracker::Gui {

/// The keyboard shortcuts of the window, as (keys, what they do): the one list the Help menu
/// shows and the README's table is made from (keyboardTable()).
QList<std::pair<QString, QString>> keyboardShortcuts();
/// The list as a Markdown table, as `bidtracker --help-keys` prints it for the README.
QString keyboardTable();

/// Help > Keyboard shortcuts.
void showKeyboardShortcuts(QWidget* parent);
/// "Bid Tracker 0.1.0 — Qt 6.4.2": the About box's first line.
QString aboutLine();
/// Help > About.
void showAbout(QWidget* parent);

} // namespace BidTracker::Gui
