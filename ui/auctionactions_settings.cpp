// The auction's settings, edited through the undo stack like every other edit.
#include "auctionactions.h"

#include "model/auctionservice.h"
#include "servicecommand.h"
#include "settingsdialog.h"

#include <QUndoStack>

namespace BidTracker::Gui {

bool AuctionActions::editSettings()
{
    const auto current = m_service.settings();
    if (!current)
        return failed(current.error());
    SettingsDialog dialog(*current, m_window);
    std::optional<std::pair<Model::AuctionSettings, Model::AuctionSettings>> change;
    dialog.setSave(
        [this, &change](const Model::AuctionSettings& asked) -> std::optional<Model::Error> {
            const auto before = m_service.settings();
            if (!before)
                return before.error();
            const auto after = m_service.updateSettings(asked);
            if (!after)
                return after.error();
            change.emplace(*before, *after);
            return std::nullopt;
        });
    if (dialog.exec() != QDialog::Accepted || !change)
        return false;
    recordSettings(change->first, change->second);
    return true;
}

bool AuctionActions::applySettings(const Model::AuctionSettings& settings)
{
    const auto before = m_service.settings();
    if (!before)
        return failed(before.error());
    const auto after = m_service.updateSettings(settings);
    if (!after)
        return failed(after.error());
    recordSettings(*before, *after);
    return true;
}

void AuctionActions::recordSettings(const Model::AuctionSettings& before,
                                    const Model::AuctionSettings& after)
{
    push(
        tr("change the auction's settings"),
        [this, before] { return done(m_service.updateSettings(before)); },
        [this, after] { return done(m_service.updateSettings(after)); });
}

} // namespace BidTracker::Gui
