#include "rolegate.h"

#include "mainwindow.h"

#include <QAction>
#include <QHash>
#include <QShortcut>
#include <QStatusBar>
#include <QTabWidget>

namespace BidTracker::Gui {

namespace {

using Model::Permission;

/// The window's actions by objectName (set where mainwindow*.cpp builds them), and what each
/// needs. Delete is left to the model: lots and bidders need an admin, bids a clerk.
const QHash<QString, Permission>& gatedActions()
{
    static const QHash<QString, Permission> gated{
        {QStringLiteral("quickBid"), Permission::Bidding},
        {QStringLiteral("placeBid"), Permission::Bidding},
        {QStringLiteral("addLot"), Permission::EditLots},
        {QStringLiteral("editLot"), Permission::EditLots},
        {QStringLiteral("toggleLot"), Permission::EditLots},
        {QStringLiteral("addBidder"), Permission::EditBidders},
        {QStringLiteral("editBidder"), Permission::EditBidders},
        {QStringLiteral("checkIn"), Permission::EditBidders},
        {QStringLiteral("checkout"), Permission::ReadCheckout},
        {QStringLiteral("summary"), Permission::ReadCheckout},
        {QStringLiteral("exportInvoices"), Permission::ReadCheckout},
        {QStringLiteral("exportPayments"), Permission::ReadCheckout},
        {QStringLiteral("exportUsers"), Permission::ReadContacts},
        {QStringLiteral("closeAll"), Permission::Administer},
        {QStringLiteral("settings"), Permission::Administer},
        {QStringLiteral("backups"), Permission::Administer},
        {QStringLiteral("importItems"), Permission::Administer},
        {QStringLiteral("importUsers"), Permission::Administer},
        {QStringLiteral("staff"), Permission::Administer},
    };
    return gated;
}

} // namespace

RoleGate::RoleGate(MainWindow& window) : QObject(&window), m_window(window) {}

std::optional<Model::Permission> RoleGate::permissionOf(const QString& actionName)
{
    const auto found = gatedActions().constFind(actionName);
    if (found == gatedActions().cend())
        return std::nullopt;
    return *found;
}

void RoleGate::apply(const Model::Actor& actor)
{
    qDeleteAll(m_explainers);
    m_explainers.clear();
    for (QAction* action : m_window.findChildren<QAction*>()) {
        const auto needed = permissionOf(action->objectName());
        if (!needed)
            continue;
        const bool may = Model::mayDo(actor.role, *needed);
        action->setVisible(may);
        if (!may)
            explainKey(action, *needed, actor);
    }
    m_window.tabs()->setTabVisible(MainWindow::CheckoutTab,
                                   Model::mayDo(actor.role, Permission::ReadCheckout));
}

void RoleGate::explainKey(QAction* action, Model::Permission permission, const Model::Actor& actor)
{
    if (action->shortcut().isEmpty())
        return;
    auto* key = new QShortcut(action->shortcut(), &m_window);
    const QString text = action->text().remove(u'&').remove(u'…');
    const QString why = tr("%1 needs the role %2; %3 is signed in as %4")
                            .arg(text, Model::rolesAllowed(permission).join(tr(" or ")), actor.name,
                                 Model::roleName(actor.role));
    connect(key, &QShortcut::activated, &m_window,
            [this, why] { m_window.statusBar()->showMessage(why, 8000); });
    m_explainers.append(key);
}

} // namespace BidTracker::Gui
