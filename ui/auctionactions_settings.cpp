// The auction's settings, edited through the undo stack like every other edit.
#include "auctionactions.h"

#include "model/auctionservice.h"
#include "model/lotrules.h"
#include "model/tables/tablesupport.h"
#include "servicecommand.h"
#include "settingsdialog.h"

#include <QDateTime>
#include <QUndoStack>
#include <algorithm>

namespace BidTracker::Gui {

bool AuctionActions::editSettings()
{
    const auto current = m_service.settings();
    if (!current)
        return failed(current.error());
    SettingsDialog dialog(*current, m_window);
    bool changed = false;
    dialog.setSave(
        [this, &changed](const Model::AuctionSettings& asked) -> std::optional<Model::Error> {
            const auto before = m_service.settings();
            if (!before)
                return before.error();
            if (auto ok = changeSettings(*before, asked); !ok)
                return ok.error();
            changed = true;
            return std::nullopt;
        });
    return dialog.exec() == QDialog::Accepted && changed;
}

bool AuctionActions::applySettings(const Model::AuctionSettings& settings)
{
    const auto before = m_service.settings();
    if (!before)
        return failed(before.error());
    const auto changed = changeSettings(*before, settings);
    return changed ? true : failed(changed.error());
}

Model::Result<void> AuctionActions::changeSettings(const Model::AuctionSettings& before,
                                                   const Model::AuctionSettings& after)
{
    // A close-all time that has come, or comes within the minute, closes lots at once: the
    // operator is told how many first (issue 26.4).
    const QString closeAt = Model::normalizedUtc(after.closeAllAt);
    const QString soon = QDateTime::currentDateTimeUtc().addSecs(60).toString(Qt::ISODateWithMs);
    if (!closeAt.isEmpty() && closeAt != Model::normalizedUtc(before.closeAllAt) &&
        closeAt <= soon) {
        const auto items = m_service.items();
        if (!items)
            return Model::fail(items.error());
        const auto open =
            std::count_if(items->rows.cbegin(), items->rows.cend(), [](const Model::Item& item) {
                return item.status == Model::ItemStatus::Open;
            });
        if (open > 0 && !m_confirm(tr("Close all at %1 closes %n open lot(s) now. Save it?",
                                      nullptr, static_cast<int>(open))
                                       .arg(Model::displayTime(closeAt))))
            return Model::fail(Model::Error::invalid(
                tr("Not saved: choose a later time to close all, or confirm it."),
                QStringLiteral("close_all_at")));
    }
    // One command: the settings changed, and the lots a time already past closes with
    // them; undo restores the settings and reopens exactly those lots.
    Model::Command change;
    change.settings = Model::Command::SettingsFields{0, before, after, true};
    const auto undo = m_service.apply(change);
    if (!undo)
        return Model::fail(undo.error());
    push(tr("change the auction's settings"), *undo);
    return {};
}

} // namespace BidTracker::Gui
