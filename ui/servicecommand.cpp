#include "servicecommand.h"

#include "model/auctionservice.h"

#include <QCoreApplication>
#include <QDateTime>

namespace BidTracker::Gui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ServiceCommand", text);
}

/// "21:04" in local time, from a stored UTC time stamp.
QString clockTime(const QString& utcTimestamp)
{
    const QDateTime time = QDateTime::fromString(utcTimestamp, Qt::ISODateWithMs);
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("HH:mm")) : QString();
}

/// "Lot 12", "Bidder 3", "The auction's settings", "The raised maximum": what changed.
QString objectOf(const QVariantMap& facts)
{
    if (const auto item = facts.value(QStringLiteral("item")).toString(); !item.isEmpty())
        return tr("Lot %1").arg(Model::parseId(Model::EntityKind::Item, item).value_or(0));
    if (const auto user = facts.value(QStringLiteral("user")).toString(); !user.isEmpty())
        return tr("Bidder %1").arg(Model::parseId(Model::EntityKind::User, user).value_or(0));
    if (const auto bid = facts.value(QStringLiteral("bid")).toString(); !bid.isEmpty())
        return tr("Bid %1").arg(Model::parseId(Model::EntityKind::Bid, bid).value_or(0));
    if (facts.contains(QStringLiteral("settings")))
        return tr("The auction's settings");
    return tr("The raised maximum");
}

} // namespace

QString refusalOfUndo(const Model::Error& error, const QString& text, bool undoing)
{
    if (error.reason != Model::Error::Reason::Stale)
        return QStringLiteral("%1 %2: %3")
            .arg(undoing ? tr("Undo") : tr("Redo"), text, error.message);
    const QString change = error.facts.value(QStringLiteral("change")).toString();
    const QString at = clockTime(error.facts.value(QStringLiteral("changed_at")).toString());
    const QString what = change == u"closed"    ? tr("closed")
                         : change == u"deleted" ? tr("deleted")
                                                : tr("changed");
    const QString since = at.isEmpty() ? tr("%1 was %2 since").arg(objectOf(error.facts), what)
                                       : tr("%1 was %2 at %3").arg(objectOf(error.facts), what, at);
    return undoing ? tr("%1; nothing undone.").arg(since) : tr("%1; nothing redone.").arg(since);
}

void CommandLedger::moved(const ModelCommand* by, const QList<Model::Command::Moved>& moves)
{
    if (moves.isEmpty())
        return;
    for (ModelCommand* command : std::as_const(m_commands))
        if (command != by)
            command->rebase(moves);
}

ModelCommand::ModelCommand(const QString& text, Model::AuctionService& service, Model::Command undo,
                           Report report, std::shared_ptr<CommandLedger> ledger)
    : QUndoCommand(text), m_ledger(std::move(ledger)), m_service(service), m_back(std::move(undo)),
      m_report(std::move(report))
{
    m_ledger->add(this);
}

ModelCommand::~ModelCommand()
{
    m_ledger->remove(this);
}

void ModelCommand::rebase(const QList<Model::Command::Moved>& moves)
{
    Model::rebase(m_back, moves);
    Model::rebase(m_forth, moves);
}

void ModelCommand::undo()
{
    auto forth = m_service.apply(m_back);
    if (!forth) {
        setObsolete(true);
        m_report(refusalOfUndo(forth.error(), text(), true));
        return;
    }
    m_forth = *forth;
    m_ledger->moved(this, forth->moved);
}

void ModelCommand::redo()
{
    if (m_done) {
        m_done = false; // the change was made before the command was pushed
        return;
    }
    auto back = m_service.apply(m_forth);
    if (!back) {
        setObsolete(true);
        m_report(refusalOfUndo(back.error(), text(), false));
        return;
    }
    m_back = *back;
    m_ledger->moved(this, back->moved);
}

ServiceCommand::ServiceCommand(const QString& text, Step undo, Step redo, Report report)
    : QUndoCommand(text), m_undo(std::move(undo)), m_redo(std::move(redo)),
      m_report(std::move(report))
{
}

void ServiceCommand::undo()
{
    run(m_undo, true);
}

void ServiceCommand::redo()
{
    if (m_done) {
        m_done = false; // the edit was made before the command was pushed
        return;
    }
    run(m_redo, false);
}

void ServiceCommand::run(const Step& step, bool undoing)
{
    if (auto ok = step(); !ok) {
        setObsolete(true);
        m_report(refusalOfUndo(ok.error(), text(), undoing));
    }
}

} // namespace BidTracker::Gui
