// The keys the README and the Help dialog promise: F11 toggles full screen in the window and
// on the big screen (run on the offscreen platform and, by ctest, under Xvfb on X11, where
// QKeySequence::FullScreen maps to no key), and every Ctrl shortcut of the one list is a
// real action of the window.
#include "ui/bigscreen.h"
#include "ui/helpdialogs.h"
#include "windowfixture.h"

#include <QAction>
#include <QApplication>
#include <QRegularExpression>

using namespace BidTracker;
using namespace BidTracker::Testing;

namespace {

/// F11 as the operator presses it, to the widget that has the keyboard in `window`.
void pressF11(QWidget* window)
{
    window->activateWindow();
    // Offscreen has no window manager to activate it: the key goes to it all the same.
    (void)QTest::qWaitForWindowActive(window, 2000);
    QWidget* target = QApplication::focusWidget();
    if (!target || target->window() != window)
        target = window;
    QTest::keyClick(target, Qt::Key_F11);
}

} // namespace

TEST(FullScreen, F11TogglesTheWindowAndTheBigScreen)
{
    WindowFixture f;
    f.items()->setFocus();
    // WHEN F11 is pressed THEN the window is full screen, and F11 again brings it back
    pressF11(f.window.get());
    EXPECT_TRUE(waitFor([&] { return f.window->isFullScreen(); }, 3000));
    pressF11(f.window.get());
    EXPECT_TRUE(waitFor([&] { return !f.window->isFullScreen(); }, 3000));
    // AND the big screen opens full screen, and F11 turns it into a window and back
    f.window->showBigScreen();
    Gui::BigScreen* big = f.window->bigScreen();
    ASSERT_NE(big, nullptr);
    EXPECT_TRUE(waitFor([&] { return big->isFullScreen(); }, 3000));
    pressF11(big);
    EXPECT_TRUE(waitFor([&] { return !big->isFullScreen(); }, 3000));
    pressF11(big);
    EXPECT_TRUE(waitFor([&] { return big->isFullScreen(); }, 3000));
    big->close();
}

TEST(KeyList, EveryCtrlShortcutOfTheListIsAnActionOfTheWindow)
{
    WindowFixture f;
    QList<QKeySequence> bound;
    for (QAction* action : f.window->findChildren<QAction*>())
        bound += action->shortcuts();
    int checked = 0;
    for (const auto& [keys, what] : Gui::keyboardShortcuts()) {
        if (keys.startsWith(u"right-click"))
            continue;
        // "Ctrl+E or double-click, Ctrl+K", "Ctrl+, / Ctrl+Shift+S", "in the Checkout tab: ..."
        const QString chords = keys.section(QStringLiteral(": "), -1);
        for (const QString& chord :
             chords.split(QRegularExpression(QStringLiteral(" / |, (?!/)| or ")))) {
            if (!chord.startsWith(u"Ctrl+") && chord != u"F11")
                continue;
            ++checked;
            EXPECT_TRUE(bound.contains(QKeySequence::fromString(chord)))
                << chord.toStdString() << " (" << what.toStdString() << ") is bound to nothing";
        }
    }
    EXPECT_GE(checked, 20);
    // AND the README's table is this list (bidtracker --help-keys; ctest readme_keyboard_table)
    EXPECT_TRUE(Gui::keyboardTable().startsWith(u"| keys | does |\n|---|---|\n| Ctrl+B |"));
}
