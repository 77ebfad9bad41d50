#include "helpdialogs.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QObject>

namespace BidTracker::Gui {

QList<std::pair<QString, QString>> keyboardShortcuts()
{
    return {
        {QObject::tr("Ctrl+B"),
         QObject::tr("Quick bid: lot, Tab, bidder, Tab, amount [Tab, maximum], Enter")},
        {QObject::tr("Tab / Enter"), QObject::tr("in the quick bid: take the single match")},
        {QObject::tr("Esc"), QObject::tr("in the quick bid: clear it")},
        {QObject::tr("Ctrl+Shift+B"), QObject::tr("Place a bid with the dialog")},
        {QObject::tr("Ctrl+L"), QObject::tr("Add a lot")},
        {QObject::tr("Ctrl+D"), QObject::tr("Add a bidder")},
        {QObject::tr("Ctrl+E"), QObject::tr("Edit the selected lot (or double-click it)")},
        {QObject::tr("Ctrl+K"), QObject::tr("Close the selected lot, or reopen it (asks first)")},
        {QObject::tr("Delete"), QObject::tr("Delete the selected row (asks first)")},
        {QObject::tr("F2"), QObject::tr("Rename the selected lot or bidder in place")},
        {QObject::tr("Ctrl+I"), QObject::tr("Check the selected bidder in")},
        {QObject::tr("Ctrl+Shift+E"), QObject::tr("Edit the selected bidder")},
        {QObject::tr("Ctrl+Shift+C"), QObject::tr("Checkout: type a paddle number, Enter")},
        {QObject::tr("Enter"), QObject::tr("in checkout: take the amount as a payment")},
        {QObject::tr("Ctrl+Shift+D / Ctrl+Shift+V"),
         QObject::tr("in checkout: add a donation / void a payment")},
        {QObject::tr("Esc"), QObject::tr("in checkout: the next bidder")},
        {QObject::tr("Ctrl+, / Ctrl+Shift+S"), QObject::tr("Auction settings / summary")},
        {QObject::tr("Ctrl+F"), QObject::tr("Filter the current table (name or number)")},
        {QObject::tr("Ctrl+Z / Ctrl+Shift+Z"), QObject::tr("Undo / Redo")},
        {QObject::tr("Alt+L / Alt+D / Alt+B / Alt+K"),
         QObject::tr("Lots, Bidders, Bids, Checkout tab")},
        {QObject::tr("F11"), QObject::tr("Full screen")},
        {QObject::tr("Ctrl+P"), QObject::tr("Print: bid sheets, bidder cards, lot labels")},
        {QObject::tr("Ctrl+Shift+F"), QObject::tr("The big screen, for a projector")},
        {QObject::tr("Ctrl+N / Ctrl+O"), QObject::tr("New / open database")},
        {QObject::tr("Ctrl+Q"), QObject::tr("Quit")},
    };
}

void showKeyboardShortcuts(QWidget* parent)
{
    QString rows;
    for (const auto& [keys, what] : keyboardShortcuts())
        rows += QStringLiteral("<tr><td><b>%1</b>&nbsp;&nbsp;</td><td>%2</td></tr>")
                    .arg(keys.toHtmlEscaped(), what.toHtmlEscaped());
    QMessageBox box(QMessageBox::NoIcon, QObject::tr("Keyboard shortcuts"),
                    QStringLiteral("<table>%1</table>").arg(rows), QMessageBox::Close, parent);
    box.exec();
}

QString aboutLine()
{
    return QObject::tr("Bid Tracker %1 — Qt %2")
        .arg(QCoreApplication::applicationVersion().isEmpty()
                 ? QStringLiteral(BIDTRACKER_VERSION)
                 : QCoreApplication::applicationVersion(),
             QString::fromLatin1(qVersion()));
}

void showAbout(QWidget* parent)
{
    QMessageBox::about(parent, QObject::tr("About Bid Tracker"),
                       QStringLiteral("<b>%1</b><p>%2</p>")
                           .arg(aboutLine().toHtmlEscaped(),
                                QObject::tr("Run an auction from one window, with a REST API "
                                            "and CSV in and out.")));
}

} // namespace BidTracker::Gui
