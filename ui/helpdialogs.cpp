#include "helpdialogs.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QObject>

namespace BidTracker::Gui {

QList<std::pair<QString, QString>> keyboardShortcuts()
{
    // The one list: the Help dialog shows it, `bidtracker --help-keys` prints it as the
    // README's table, and a test checks that the README's table is that output.
    return {
        {QObject::tr("Ctrl+B"), QObject::tr("the quick bid bar: lot, Tab, bidder, Tab, amount "
                                            "[Tab, maximum], Enter (records, keeps the lot)")},
        {QObject::tr("Tab / Enter, Esc"),
         QObject::tr("in the quick bid bar: take the single match; clear the bar")},
        {QObject::tr("Ctrl+Shift+B"),
         QObject::tr("place a bid with the dialog (on the lot selected in the Lots tab)")},
        {QObject::tr("Ctrl+L / Ctrl+D"), QObject::tr("add a lot / add a bidder")},
        {QObject::tr("Ctrl+E or double-click, Ctrl+K"),
         QObject::tr("edit the selected lot; close it, or reopen it (asks first)")},
        {QObject::tr("F2"), QObject::tr("rename the selected lot or bidder in place")},
        {QObject::tr("Delete"), QObject::tr("delete the selected lot, bidder or bid (asks first)")},
        {QObject::tr("Ctrl+Z / Ctrl+Shift+Z"), QObject::tr("undo / redo")},
        {QObject::tr("Ctrl+F"), QObject::tr("the search field of the current tab")},
        {QObject::tr("Ctrl+Shift+L"),
         QObject::tr("lock the window: it is covered until someone signs in (with staff "
                     "accounts; File > Lock)")},
        {QObject::tr("Ctrl+N / Ctrl+O / Ctrl+Q"),
         QObject::tr("new database / open database / quit")},
        {QObject::tr("Ctrl+P"), QObject::tr("File > Print: bid sheets, bidder cards, lot labels, "
                                            "invoices or the report, with a preview")},
        {QObject::tr("Alt+L, Alt+D, Alt+B, Alt+K"),
         QObject::tr("the Lots, Bidders, Bids and Checkout tabs")},
        {QObject::tr("F11"), QObject::tr("full screen")},
        {QObject::tr("Ctrl+Shift+F"),
         QObject::tr("View > Big screen, for a projector; in it F11 leaves or enters full screen, "
                     "arrow keys turn the page, Esc closes it")},
        {QObject::tr("right-click on a row"),
         QObject::tr("its menu: place bid on this lot, edit, close/reopen, buy now (a lot with a "
                     "buy-now price), delete; for a bidder also check in, edit, checkout")},
        {QObject::tr("Ctrl+I / Ctrl+Shift+E"),
         QObject::tr("check the selected bidder in (undoable) / edit the selected bidder")},
        {QObject::tr("Ctrl+Shift+C"),
         QObject::tr(
             "the Checkout tab, its paddle field cleared and focused (Alt+K: just the tab)")},
        {QObject::tr("in the Checkout tab: Enter"),
         QObject::tr("show the bidder typed; in the amount or reference field, take the payment")},
        {QObject::tr("in the Checkout tab: Tab, Down"),
         QObject::tr(
             "from the amount to the method (Down: cash, check, card, other), then the reference")},
        {QObject::tr("in the Checkout tab: Ctrl+Shift+D / Ctrl+Shift+V"),
         QObject::tr("add a donation / void a payment (with a reason)")},
        {QObject::tr("in the Checkout tab: Ctrl+Shift+P"),
         QObject::tr("print the receipt (or the invoice) of the bidder shown")},
        {QObject::tr("in the Checkout tab: Esc"),
         QObject::tr("the next bidder: the page cleared, the cursor in the paddle field")},
        {QObject::tr("in the Checkout tab: Ctrl+Z"),
         QObject::tr("undo the last payment (voided) or donation (removed), when the field has "
                     "nothing typed to undo")},
        {QObject::tr("Ctrl+, / Ctrl+Shift+S"),
         QObject::tr("Auction > Settings / Auction > Summary")},
    };
}

QString keyboardTable()
{
    QString table = QStringLiteral("| keys | does |\n|---|---|\n");
    for (const auto& [keys, what] : keyboardShortcuts())
        table += QStringLiteral("| %1 | %2 |\n").arg(keys, what);
    return table;
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
