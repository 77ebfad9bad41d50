#include "auctionactions.h"
#include "mnemonics.h"

#include "itemdialog.h"
#include "model/auctionservice.h"
#include "model/bidcheck.h"
#include "model/lotrules.h"
#include "model/tables/tablesupport.h"
#include "servicecommand.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QUndoStack>

namespace BidTracker::Gui {

using Model::EntityKind;
using Model::formatId;
using Model::Result;

namespace {

Model::ItemChanges changesOf(const Model::Item& item)
{
    // Every field a lot's edit can change, so undoing the edit puts all of them back.
    Model::ItemChanges changes;
    changes.name = item.name;
    changes.status = item.status;
    changes.startingPrice = item.startingPrice;
    changes.minIncrement = item.minIncrement;
    changes.description = item.description;
    changes.donor = item.donor;
    changes.fairMarketValue = item.fairMarketValue;
    changes.reserve = item.reserve;
    changes.buyNow = item.buyNow;
    changes.closesAt = item.closesAt;
    return changes;
}

} // namespace

AuctionActions::AuctionActions(Model::AuctionService& service, QWidget* window)
    : QObject(window), m_service(service), m_window(window), m_undo(new QUndoStack(this))
{
    m_confirm = [this](const QString& question) {
        return QMessageBox::question(m_window, tr("Bid Tracker"), question,
                                     QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel) == QMessageBox::Yes;
    };
    m_offer = [this](const QString& question) {
        return QMessageBox::question(m_window, tr("Bid Tracker"), question,
                                     QMessageBox::Yes | QMessageBox::No,
                                     QMessageBox::Yes) == QMessageBox::Yes;
    };
    m_report = [this](const QString& message) {
        QMessageBox::warning(m_window, tr("Bid Tracker"), message);
    };
    m_ask = [this](const QString& label) -> std::optional<QString> {
        bool ok = false;
        // The label is the line's buddy: an "&" of a lot's name would be taken as a mnemonic.
        const QString text = QInputDialog::getText(
            m_window, tr("Bid Tracker"), escapeMnemonics(label), QLineEdit::Normal, QString(), &ok);
        return ok ? std::optional(text) : std::nullopt;
    };
}

void AuctionActions::push(const QString& text, std::function<Result<void>()> undo,
                          std::function<Result<void>()> redo)
{
    // The text ends up in Edit > Undo's menu entry: a name's "&" must not become a mnemonic.
    m_undo->push(
        new ServiceCommand(escapeMnemonics(text), std::move(undo), std::move(redo), m_report));
}

bool AuctionActions::failed(const Model::Error& error)
{
    m_report(error.message);
    return false;
}

qint64 AuctionActions::addItem()
{
    ItemDialog dialog(std::nullopt, m_window);
    while (dialog.exec() == QDialog::Accepted) {
        const auto item = m_service.createItem(dialog.changes());
        if (!item) {
            dialog.showError(item.error().message);
            continue;
        }
        const Model::Item created = *item;
        push(
            tr("add lot %1").arg(formatId(EntityKind::Item, created.id)),
            [this, id = created.id] { return m_service.deleteItem(id); },
            [this, created] { return done(m_service.restoreItem(created)); });
        return created.id;
    }
    return 0;
}

qint64 AuctionActions::editItem(qint64 itemId)
{
    const auto before = m_service.item(itemId);
    if (!before)
        return failed(before.error()) ? itemId : 0;
    ItemDialog dialog(*before, m_window);
    // A refusal is said in the dialog, which stays open to correct it.
    while (dialog.exec() == QDialog::Accepted) {
        if (!confirmStartingPrice(itemId, dialog.changes()))
            continue;
        const auto changed = changeItemOrSay(
            itemId, dialog.changes(), tr("edit lot %1").arg(formatId(EntityKind::Item, itemId)));
        if (changed)
            return itemId;
        dialog.showError(changed.error().message);
    }
    return 0;
}

bool AuctionActions::confirmStartingPrice(qint64 itemId, const Model::ItemChanges& changes)
{
    const auto before = m_service.item(itemId);
    if (!before || !changes.startingPrice || !before->winningValue ||
        *changes.startingPrice <= *before->winningValue)
        return true;
    return m_confirm(tr("The starting price %1 is above the winning bid of %2 on lot %3 “%4”. "
                        "Change it anyway?")
                         .arg(Model::displayMoney(*changes.startingPrice),
                              Model::displayMoney(*before->winningValue),
                              formatId(EntityKind::Item, itemId), before->name));
}

bool AuctionActions::updateItem(qint64 itemId, const Model::ItemChanges& changes)
{
    const auto before = m_service.item(itemId);
    if (!before)
        return failed(before.error());
    if (!confirmStartingPrice(itemId, changes))
        return false;
    return changeItem(itemId, changes, tr("edit lot %1").arg(formatId(EntityKind::Item, itemId)));
}

bool AuctionActions::changeItem(qint64 itemId, const Model::ItemChanges& changes,
                                const QString& text)
{
    const auto changed = changeItemOrSay(itemId, changes, text);
    return changed ? true : failed(changed.error());
}

Result<void> AuctionActions::changeItemOrSay(qint64 itemId, const Model::ItemChanges& changes,
                                             const QString& text)
{
    const auto before = m_service.item(itemId);
    if (!before)
        return Model::fail(before.error());
    const auto after = m_service.updateItem(itemId, changes);
    if (!after)
        return Model::fail(after.error());
    push(
        text,
        [this, itemId, old = changesOf(*before)] {
            return done(m_service.updateItem(itemId, old));
        },
        [this, itemId, changes] { return done(m_service.updateItem(itemId, changes)); });
    return {};
}

bool AuctionActions::setLotOpen(qint64 itemId, bool open)
{
    if (open) {
        const auto item = m_service.item(itemId);
        if (!item)
            return failed(item.error());
        if (item->status == Model::ItemStatus::Closed &&
            !m_confirm(tr("Reopen lot %1 “%2”? It will take bids again.")
                           .arg(formatId(EntityKind::Item, itemId), item->name)))
            return false;
    }
    Model::ItemChanges changes;
    changes.status = open ? Model::ItemStatus::Open : Model::ItemStatus::Closed;
    return changeItem(
        itemId, changes,
        (open ? tr("open lot %1") : tr("close lot %1")).arg(formatId(EntityKind::Item, itemId)));
}

bool AuctionActions::renameItem(qint64 itemId, const QString& name)
{
    Model::ItemChanges changes;
    changes.name = name;
    return changeItem(itemId, changes, tr("rename lot %1").arg(formatId(EntityKind::Item, itemId)));
}

bool AuctionActions::renameUser(qint64 userId, const QString& name)
{
    const auto before = m_service.user(userId);
    if (!before)
        return failed(before.error());
    const auto after = m_service.renameUser(userId, name);
    if (!after)
        return failed(after.error());
    push(
        tr("rename bidder %1").arg(formatId(EntityKind::User, userId)),
        [this, userId, old = before->name] { return done(m_service.renameUser(userId, old)); },
        [this, userId, name = after->name] { return done(m_service.renameUser(userId, name)); });
    return true;
}

Result<Model::BidPlacement> AuctionActions::placeBid(qint64 itemId, qint64 userId,
                                                     std::optional<Model::Money> value,
                                                     std::optional<Model::Money> maximum)
{
    if (!value && !maximum)
        return Model::fail(Model::Error::invalid(tr("Type an amount, a maximum, or both."),
                                                 QStringLiteral("value")));
    if (value && !maximum && offersBuyNow(itemId, userId, *value)) {
        const auto bought = sell(itemId, userId);
        if (!bought)
            return Model::fail(bought.error());
        return Model::BidPlacement{*bought, true};
    }
    const auto lowest = m_service.lowestAcceptableBid(itemId);
    // A slip of the finger costs as much in a maximum as in a bid: the higher one is asked.
    const Model::Money highest =
        std::max(value.value_or(Model::Money()), maximum.value_or(Model::Money()));
    const bool askingMaximum = maximum && *maximum == highest;
    if (lowest && Model::isFarAboveLowest(highest, *lowest) &&
        !m_confirm(
            (askingMaximum
                 ? tr("The maximum %1 is %2 times the lowest acceptable bid of %3. Record it?")
                 : tr("%1 is %2 times the lowest acceptable bid of %3. Record it?"))
                .arg(Model::displayMoney(highest))
                .arg(Model::timesLowest(highest, *lowest))
                .arg(Model::displayMoney(*lowest))))
        return Model::fail(Model::Error::invalid(
            tr("Not recorded: %1 was not confirmed.").arg(Model::displayMoney(highest)),
            askingMaximum ? QStringLiteral("max_value") : QStringLiteral("value")));
    Model::BidRequest request;
    request.itemId = itemId;
    request.userId = userId;
    request.value = value;
    request.maxValue = maximum;
    const auto placement = m_service.placeBid(request);
    if (!placement)
        return Model::fail(refusalInWords(placement.error(), itemId, userId,
                                          value.value_or(lowest.value_or(Model::Money()))));
    if (!placement->added)
        return placement;
    const Model::Bid placed = placement->bid;
    push(
        tr("bid %1 on %2").arg(placed.value.toString(), formatId(EntityKind::Item, itemId)),
        [this, id = placed.id] { return m_service.deleteBid(id); },
        [this, placed] { return done(m_service.restoreBid(placed)); });
    return placement;
}

Model::Error AuctionActions::refusalInWords(const Model::Error& error, qint64 itemId, qint64 userId,
                                            Model::Money value)
{
    // The service's message is the API's; the operator is told the same facts, read back
    // from the service, in the words of the window (lots and bidders, amounts as shown).
    const auto item = m_service.item(itemId);
    if (!item)
        return Model::Error::notFound(
            tr("There is no lot %1.").arg(formatId(EntityKind::Item, itemId)));
    const QString lot = tr("lot %1 “%2”").arg(formatId(EntityKind::Item, itemId), item->name);
    if (!m_service.user(userId))
        return Model::Error::notFound(
            tr("There is no bidder %1.").arg(formatId(EntityKind::User, userId)));
    if (item->status == Model::ItemStatus::Closed)
        return Model::Error::conflict(tr("The %1 is closed: it takes no more bids.").arg(lot));
    if (const auto settings = m_service.settings()) {
        // Its time came and the closer has not been round yet: closed all the same.
        const QString closes = Model::closingTime(*item, *settings);
        if (!closes.isEmpty() && closes <= Model::utcTimestampNow())
            return Model::Error::conflict(tr("The %1 closed at %2: it takes no more bids.")
                                              .arg(lot, Model::displayTime(closes)));
    }
    if (error.code == Model::Error::Code::Conflict) {
        if (const auto lowest = m_service.lowestAcceptableBid(itemId); lowest && value < *lowest)
            return Model::Error::conflict(
                item->winningValue
                    ? tr("%1 is too low for %2: the leading bid is %3 by %4, so the lowest "
                         "acceptable bid is %5.")
                          .arg(Model::displayMoney(value), lot,
                               Model::displayMoney(*item->winningValue),
                               Model::displayBidder(item->winnerName, item->winnerNumber),
                               Model::displayMoney(*lowest))
                    : tr("%1 is too low for %2: it has no bids yet and starts at %3.")
                          .arg(Model::displayMoney(value), lot, Model::displayMoney(*lowest)));
    }
    return error;
}

void AuctionActions::recordImport(bool lots, const QList<qint64>& ids)
{
    if (ids.isEmpty())
        return;
    // One step undoes the whole import; a row that got bids since stays, and says so.
    QList<Model::Item> items;
    QList<Model::User> users;
    for (const qint64 id : ids) {
        if (lots) {
            if (auto item = m_service.item(id))
                items.append(*item);
        } else if (auto user = m_service.user(id)) {
            users.append(*user);
        }
    }
    push(
        lots ? tr("import %n lot(s)", nullptr, static_cast<int>(ids.size()))
             : tr("import %n bidder(s)", nullptr, static_cast<int>(ids.size())),
        [this, lots, ids]() -> Result<void> {
            for (auto it = ids.crbegin(); it != ids.crend(); ++it) {
                auto removed = lots ? m_service.deleteItem(*it) : m_service.deleteUser(*it);
                if (!removed)
                    return removed;
            }
            return {};
        },
        [this, items, users]() -> Result<void> {
            for (const Model::Item& item : items)
                if (auto back = m_service.restoreItem(item); !back)
                    return Model::fail(back.error());
            for (const Model::User& user : users)
                if (auto back = m_service.restoreUser(user); !back)
                    return Model::fail(back.error());
            return {};
        });
}

bool AuctionActions::deleteItem(qint64 itemId)
{
    const auto item = m_service.item(itemId);
    if (!item)
        return failed(item.error());
    if (item->bidCount > 0)
        return failed(Model::Error::conflict(tr("Lot %1 has %n bid(s) and cannot be deleted. "
                                                "Delete its bids first, or close the lot.",
                                                nullptr, static_cast<int>(item->bidCount))
                                                 .arg(formatId(EntityKind::Item, itemId))));
    if (!m_confirm(tr("Delete lot %1 \"%2\"?").arg(formatId(EntityKind::Item, itemId), item->name)))
        return false;
    if (auto deleted = m_service.deleteItem(itemId); !deleted)
        return failed(deleted.error());
    const Model::Item removed = *item;
    push(
        tr("delete lot %1").arg(formatId(EntityKind::Item, itemId)),
        [this, removed] { return done(m_service.restoreItem(removed)); },
        [this, itemId] { return m_service.deleteItem(itemId); });
    return true;
}

bool AuctionActions::deleteUser(qint64 userId)
{
    const auto user = m_service.user(userId);
    if (!user)
        return failed(user.error());
    if (user->bidCount > 0)
        return failed(Model::Error::conflict(tr("Bidder %1 has %n bid(s) and cannot be deleted.",
                                                nullptr, static_cast<int>(user->bidCount))
                                                 .arg(formatId(EntityKind::User, userId))));
    if (!m_confirm(
            tr("Delete bidder %1 \"%2\"?").arg(formatId(EntityKind::User, userId), user->name)))
        return false;
    if (auto deleted = m_service.deleteUser(userId); !deleted)
        return failed(deleted.error());
    const Model::User removed = *user;
    push(
        tr("delete bidder %1").arg(formatId(EntityKind::User, userId)),
        [this, removed] { return done(m_service.restoreUser(removed)); },
        [this, userId] { return m_service.deleteUser(userId); });
    return true;
}

bool AuctionActions::deleteBid(qint64 bidId)
{
    const auto bid = m_service.bid(bidId);
    if (!bid)
        return failed(bid.error());
    if (!m_confirm(tr("Delete bid %1 of %2 by %3 on \"%4\"?")
                       .arg(formatId(EntityKind::Bid, bidId), bid->value.toString(), bid->userName,
                            bid->itemName)))
        return false;
    if (auto deleted = m_service.deleteBid(bidId); !deleted)
        return failed(deleted.error());
    const Model::Bid removed = *bid;
    push(
        tr("delete bid %1").arg(formatId(EntityKind::Bid, bidId)),
        [this, removed] { return done(m_service.restoreBid(removed)); },
        [this, bidId] { return m_service.deleteBid(bidId); });
    return true;
}

} // namespace BidTracker::Gui
