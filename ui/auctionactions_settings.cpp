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
    while (dialog.exec() == QDialog::Accepted) {
        const auto before = m_service.settings();
        if (!before)
            return failed(before.error());
        const auto after = m_service.updateSettings(dialog.settings());
        if (!after) {
            dialog.showError(after.error());
            continue;
        }
        recordSettings(*before, *after);
        return true;
    }
    return false;
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
