#include "auctionactions.h"
#include "mnemonics.h"

#include "itemdialog.h"
#include "model/auctionservice.h"
#include "model/bidcheck.h"
#include "model/tables/tablesupport.h"
#include "refusaltext.h"
#include "servicecommand.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QUndoStack>

namespace BidTracker::Gui {

using Model::EntityKind;
using Model::formatId;
using Model::Result;

AuctionActions::AuctionActions(Model::AuctionService& service, QWidget* window)
    : QObject(window), m_service(service), m_window(window), m_undo(new QUndoStack(this)),
      m_ledger(std::make_shared<CommandLedger>())
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

void AuctionActions::push(const QString& text, Model::Command undo)
{
    // The text ends up in Edit > Undo's menu entry: a name's "&" must not become a mnemonic.
    m_undo->push(
        new ModelCommand(escapeMnemonics(text), m_service, std::move(undo), m_report, m_ledger));
}

void AuctionActions::pushSteps(const QString& text, std::function<Result<void>()> undo,
                               std::function<Result<void>()> redo)
{
    m_undo->push(
        new ServiceCommand(escapeMnemonics(text), std::move(undo), std::move(redo), m_report));
}

bool AuctionActions::failed(const Model::Error& error)
{
    m_report(refusalText(error, m_service));
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
        push(tr("add lot %1").arg(formatId(EntityKind::Item, item->id)),
             Model::removalOfAdded(EntityKind::Item, {item->id}));
        return item->id;
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
    // One command: the fields asked for; its inverse puts back only those.
    Model::Command change;
    change.lots.append({itemId, 0, changes});
    const auto undo = m_service.apply(change);
    if (!undo)
        return Model::fail(undo.error());
    push(text, *undo);
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
    Model::Command rename;
    Model::UserChanges changes;
    changes.name = name;
    rename.bidders.append({userId, 0, changes, std::nullopt});
    const auto undo = m_service.apply(rename);
    if (!undo)
        return failed(undo.error());
    push(tr("rename bidder %1").arg(formatId(EntityKind::User, userId)), *undo);
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
        return Model::fail(refusalInWords(placement.error()));
    Model::Command undo;
    if (placement->added)
        undo.removeBids.append(placement->bid.id);
    else if (placement->maximumId != 0)
        undo.removeRaises.append(placement->maximumId);
    else
        return placement;
    push(placement->added
             ? tr("bid %1 on %2")
                   .arg(placement->bid.value.toString(), formatId(EntityKind::Item, itemId))
             : tr("maximum %1 on %2")
                   .arg(maximum ? maximum->toString() : QString(),
                        formatId(EntityKind::Item, itemId)),
         undo);
    return placement;
}

Model::Error AuctionActions::refusalInWords(const Model::Error& error)
{
    // The service decided and said why as data; the operator is told the same facts in the
    // words of the window (lots and bidders, amounts and times as shown).
    Model::Error said = error;
    said.message = refusalText(error, m_service);
    return said;
}

void AuctionActions::recordImport(bool lots, const QList<qint64>& ids)
{
    if (ids.isEmpty())
        return;
    // One step undoes the whole import, in one transaction: refused whole when a row got
    // bids or was changed since.
    push(lots ? tr("import %n lot(s)", nullptr, static_cast<int>(ids.size()))
              : tr("import %n bidder(s)", nullptr, static_cast<int>(ids.size())),
         Model::removalOfAdded(lots ? EntityKind::Item : EntityKind::User, ids));
}

bool AuctionActions::deleteItem(qint64 itemId)
{
    const auto item = m_service.item(itemId);
    if (!item)
        return failed(item.error());
    // The model's rule, asked before the question: a lot with bids is refused unasked.
    if (auto allowed = m_service.mayDeleteItem(itemId); !allowed)
        return failed(allowed.error());
    if (!m_confirm(tr("Delete lot %1 \"%2\"?").arg(formatId(EntityKind::Item, itemId), item->name)))
        return false;
    Model::Command removal;
    removal.removeItems.append({itemId, 0});
    const auto undo = m_service.apply(removal);
    if (!undo)
        return failed(undo.error());
    push(tr("delete lot %1").arg(formatId(EntityKind::Item, itemId)), *undo);
    return true;
}

bool AuctionActions::deleteUser(qint64 userId)
{
    const auto user = m_service.user(userId);
    if (!user)
        return failed(user.error());
    if (auto allowed = m_service.mayDeleteUser(userId); !allowed)
        return failed(allowed.error());
    if (!m_confirm(
            tr("Delete bidder %1 \"%2\"?").arg(formatId(EntityKind::User, userId), user->name)))
        return false;
    Model::Command removal;
    removal.removeUsers.append({userId, 0});
    const auto undo = m_service.apply(removal);
    if (!undo)
        return failed(undo.error());
    push(tr("delete bidder %1").arg(formatId(EntityKind::User, userId)), *undo);
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
    // The bid and the automatic bids it called for go in one transaction; undo puts them back
    // in one too.
    Model::Command removal;
    removal.removeBids.append(bidId);
    const auto undo = m_service.apply(removal);
    if (!undo)
        return failed(undo.error());
    push(tr("delete bid %1").arg(formatId(EntityKind::Bid, bidId)), *undo);
    return true;
}

} // namespace BidTracker::Gui
