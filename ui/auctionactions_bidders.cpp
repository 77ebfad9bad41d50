// Bidders: the add/edit dialog with paddle numbers and contact fields, and check-in.
#include "auctionactions.h"

#include "bidderdialog.h"
#include "model/auctionservice.h"
#include "servicecommand.h"

#include <QUndoStack>

namespace BidTracker::Gui {

using Model::EntityKind;
using Model::formatId;

namespace {

/// Every field the dialog edits, as the bidder has it, so undoing an edit puts all back.
Model::UserChanges changesOf(const Model::User& user)
{
    Model::UserChanges changes;
    changes.name = user.name;
    changes.number = user.number;
    changes.phone = user.phone;
    changes.email = user.email;
    changes.taxExempt = user.taxExempt;
    return changes;
}

} // namespace

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
    push(
        tr("add bidder %1").arg(formatId(EntityKind::User, created->id)),
        [this, id = created->id] { return m_service.deleteUser(id); },
        [this, user = *created] { return done(m_service.restoreUser(user)); });
    return created->id;
}

qint64 AuctionActions::editUser(qint64 userId)
{
    const auto before = m_service.user(userId);
    if (!before)
        return failed(before.error()) ? userId : 0;
    BidderDialog dialog(*before, m_window);
    std::optional<Model::User> changed;
    dialog.setSave([this, userId, &changed](const Model::UserChanges& changes) {
        const auto after = m_service.updateUser(userId, changes);
        if (!after)
            return after.error().message;
        changed = *after;
        return QString();
    });
    if (dialog.exec() != QDialog::Accepted || !changed)
        return 0;
    push(
        tr("edit bidder %1").arg(formatId(EntityKind::User, userId)),
        [this, userId, old = changesOf(*before)] {
            return done(m_service.updateUser(userId, old));
        },
        [this, userId, now = changesOf(*changed)] {
            return done(m_service.updateUser(userId, now));
        });
    return userId;
}

bool AuctionActions::checkIn(qint64 userId)
{
    const auto before = m_service.user(userId);
    if (!before)
        return failed(before.error());
    const auto after = m_service.checkIn(userId);
    if (!after)
        return failed(after.error());
    push(
        tr("check in %1").arg(before->name),
        [this, userId, old = before->checkedInAt] {
            return done(m_service.restoreCheckIn(userId, old));
        },
        [this, userId] { return done(m_service.checkIn(userId)); });
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
