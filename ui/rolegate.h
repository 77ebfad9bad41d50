#pragma once

#include "model/staff.h"

#include <QList>
#include <QObject>
#include <optional>

class QAction;
class QShortcut;

namespace BidTracker::Gui {

class MainWindow;

/// The one place where the window's actions meet the role table (RULES.md 5): each action is
/// known by its objectName, mapped to the model's Permission; whether a role may is
/// Model::mayDo's answer, never decided here. The actions a role may not do are hidden (their
/// keys with them), and pressing such a key says in the status bar which roles may.
class RoleGate final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoleGate)

public:
    explicit RoleGate(MainWindow& window);

    /// The permission an action of the window needs, by its objectName; none for the actions
    /// everyone may do.
    static std::optional<Model::Permission> permissionOf(const QString& actionName);
    /// Shows and hides the window's actions, and the Checkout tab, for `actor`.
    void apply(const Model::Actor& actor);

private:
    void explainKey(QAction* action, Model::Permission permission, const Model::Actor& actor);

    MainWindow& m_window;
    /// The keys of hidden actions: each only says why.
    QList<QShortcut*> m_explainers;
};

} // namespace BidTracker::Gui
