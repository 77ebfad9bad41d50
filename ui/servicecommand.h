#pragma once

#include "model/command.h"
#include "model/error.h"

#include <QSet>
#include <QUndoCommand>
#include <functional>
#include <memory>

namespace BidTracker::Model {
class AuctionService;
}

namespace BidTracker::Gui {

/// Drops the value of a result, keeping only success or the error: the shape of an undo step.
template <typename T> Model::Result<void> done(const Model::Result<T>& result)
{
    if (!result)
        return Model::fail(result.error());
    return {};
}

/// The window's sentence for an undo or redo the model refused: "Lot 12 was closed at
/// 21:04; nothing undone" for a stale one (built from the refusal's facts), the model's
/// message otherwise. `undoing` says which of the two it was.
QString refusalOfUndo(const Model::Error& error, const QString& text, bool undoing);

class ModelCommand;

/// The model commands of one undo stack: a version one of them moves (an undo leaves a lot
/// at a new version that stands for an older one) is renamed in all the others
/// (Model::rebase), so the operator's own changes undo in turn, one after another.
class CommandLedger
{
public:
    void add(ModelCommand* command) { m_commands.insert(command); }
    void remove(ModelCommand* command) { m_commands.remove(command); }
    void moved(const ModelCommand* by, const QList<Model::Command::Moved>& moves);

private:
    QSet<ModelCommand*> m_commands;
};

/// An operator's change on the undo stack as a model command (model/command.h). The change
/// itself has been made when the command is pushed, so the first redo() does nothing; each
/// undo and redo after that is one model call in one transaction (AuctionService::apply),
/// which answers the command that goes the other way. One the model refuses (another station
/// changed the lot since, Reason::Stale) changes nothing, is said in words, and the command
/// leaves the stack.
class ModelCommand final : public QUndoCommand
{
public:
    using Report = std::function<void(const QString& message)>;

    ModelCommand(const QString& text, Model::AuctionService& service, Model::Command undo,
                 Report report, std::shared_ptr<CommandLedger> ledger);
    ~ModelCommand() override;

    void undo() override;
    void redo() override;
    void rebase(const QList<Model::Command::Moved>& moves);

private:
    std::shared_ptr<CommandLedger> m_ledger;
    Model::AuctionService& m_service;
    Model::Command m_back;
    Model::Command m_forth;
    Report m_report;
    bool m_done = true;
};

/// An edit of money on the undo stack (payments, donations), as a pair of single model calls
/// (each one transaction), for the records that carry no version: the call itself refuses
/// what no longer applies (a payment voided already).
class ServiceCommand final : public QUndoCommand
{
public:
    using Step = std::function<Model::Result<void>()>;
    using Report = std::function<void(const QString& message)>;

    ServiceCommand(const QString& text, Step undo, Step redo, Report report);

    void undo() override;
    void redo() override;

private:
    void run(const Step& step, bool undoing);

    Step m_undo;
    Step m_redo;
    Report m_report;
    bool m_done = true;
};

} // namespace BidTracker::Gui
