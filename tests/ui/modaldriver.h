#pragma once
// Drives a modal dialog the window opens with exec(): once it is on screen, `drive` runs
// inside the dialog's own event loop, as a person's keystrokes would.
#include <QApplication>
#include <QPointer>
#include <QTest>
#include <QTimer>
#include <functional>
#include <memory>

namespace BidTracker::Testing {

template <typename Dialog> void whenShown(std::function<void(Dialog*)> drive)
{
    auto* timer = new QTimer;
    timer->setInterval(5);
    QObject::connect(timer, &QTimer::timeout, [timer, drive = std::move(drive)] {
        auto* dialog = qobject_cast<Dialog*>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible())
            return;
        timer->stop();
        timer->deleteLater();
        // Shortcuts and mnemonics go to the active window, as on a desk.
        QApplication::setActiveWindow(dialog);
        (void)QTest::qWaitForWindowActive(dialog);
        drive(dialog);
    });
    timer->start();
}

} // namespace BidTracker::Testing
