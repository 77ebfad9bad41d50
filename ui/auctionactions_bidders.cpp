// Bidders: the add/edit dialog with paddle numbers and contact fields, and check-in.
#include "auctionactions.h"

#include "bidderdialog.h"
#include "model/auctionservice.h"
#include "servicecommand.h"

#include <QUndoStack>

namespace BidTracker::Gui {

using Model::EntityKind;
using Model::formatId;

qint64 AuctionActions::addUser()
{
    BidderDialog dialog(std::nullopt, m_window);
    std::optional<Model::User> created;
    dialog.setSave([this, &created](const Model::UserChanges& changes) {
        const auto user = m_service.createUser(changes);
        if (!user)
            return user.error().message;
        created = *user;
        return QString();
    });
    if (dialog.exec() != QDialog::Accepted || !created)
        return 0;
    push(tr("add bidder %1").arg(formatId(EntityKind::User, created->id)),
         Model::removalOfAdded(EntityKind::User, {created->id}));
    return created->id;
}

qint64 AuctionActions::editUser(qint64 userId)
{
    const auto before = m_service.user(userId);
    if (!before)
        return failed(before.error()) ? userId : 0;
    BidderDialog dialog(*before, m_window);
    std::optional<Model::Command> undo;
    dialog.setSave([this, userId, &undo](const Model::UserChanges& changes) {
        Model::Command edit;
        edit.bidders.append({userId, 0, changes, std::nullopt});
        const auto inverse = m_service.apply(edit);
        if (!inverse)
            return inverse.error().message;
        undo = *inverse;
        return QString();
    });
    if (dialog.exec() != QDialog::Accepted || !undo)
        return 0;
    push(tr("edit bidder %1").arg(formatId(EntityKind::User, userId)), *undo);
    return userId;
}

bool AuctionActions::checkIn(qint64 userId)
{
    const auto before = m_service.user(userId);
    if (!before)
        return failed(before.error());
    Model::Command arrival;
    arrival.bidders.append({userId, 0, {}, Model::utcTimestampNow()});
    const auto undo = m_service.apply(arrival);
    if (!undo)
        return failed(undo.error());
    push(tr("check in %1").arg(before->name), *undo);
    noticeNamesakes(*before);
    return true;
}

void AuctionActions::noticeNamesakes(const Model::User& bidder)
{
    // Two John Smiths are told apart by paddle: said once, at the second one's check-in.
    if (m_namesakesNoticed.contains(bidder.id))
        return;
    const auto others = m_service.namesakes(bidder.id);
    if (!others || others->isEmpty())
        return;
    QStringList paddles;
    for (const Model::User& other : std::as_const(*others)) {
        paddles.append(QString::number(other.number));
        m_namesakesNoticed.insert(other.id);
    }
    m_namesakesNoticed.insert(bidder.id);
    m_report(tr("Another %1 is already paddle %2: this one is paddle %3. Tell them apart by "
                "paddle number on the sheets.")
                 .arg(bidder.name, paddles.join(QStringLiteral(", ")))
                 .arg(bidder.number));
}

} // namespace BidTracker::Gui
