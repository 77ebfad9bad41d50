#include "servicecommand.h"

#include <QCoreApplication>

namespace BidTracker::Gui {

ServiceCommand::ServiceCommand(const QString& text, Step undo, Step redo, Report report)
    : QUndoCommand(text), m_undo(std::move(undo)), m_redo(std::move(redo)),
      m_report(std::move(report))
{
}

void ServiceCommand::undo()
{
    run(m_undo, QCoreApplication::translate("ServiceCommand", "Undo"));
}

void ServiceCommand::redo()
{
    if (m_done) {
        m_done = false; // the edit was made before the command was pushed
        return;
    }
    run(m_redo, QCoreApplication::translate("ServiceCommand", "Redo"));
}

void ServiceCommand::run(const Step& step, const QString& what)
{
    if (auto ok = step(); !ok) {
        setObsolete(true);
        m_report(QStringLiteral("%1 %2: %3").arg(what, text(), ok.error().message));
    }
}

} // namespace BidTracker::Gui
