#pragma once

#include "model/error.h"

#include <QUndoCommand>
#include <functional>

namespace BidTracker::Gui {

/// Drops the value of a result, keeping only success or the error: the shape of an undo step.
template <typename T> Model::Result<void> done(const Model::Result<T>& result)
{
    if (!result)
        return Model::fail(result.error());
    return {};
}

/// An operator's edit on the undo stack, as a pair of service calls. The edit itself has
/// already been done when the command is pushed, so the first redo() does nothing. A step
/// that the auction no longer allows (undoing a lot that has since received bids) is
/// reported and the command is dropped from the stack.
class ServiceCommand final : public QUndoCommand
{
public:
    using Step = std::function<Model::Result<void>()>;
    using Report = std::function<void(const QString& message)>;

    ServiceCommand(const QString& text, Step undo, Step redo, Report report);

    void undo() override;
    void redo() override;

private:
    void run(const Step& step, const QString& what);

    Step m_undo;
    Step m_redo;
    Report m_report;
    bool m_done = true;
};

} // namespace BidTracker::Gui
