#include "placebiddialog.h"

#include "amountfield.h"
#include "entrypick.h"
#include "model/auctionservice.h"
#include "model/changebatcher.h"
#include "model/changenotifier.h"
#include "model/tables/tablesupport.h"
#include "pickerproxy.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <algorithm>

namespace BidTracker::Gui {

namespace {

/// An editable combo box over a table model's Name column with type-ahead that matches
/// anywhere in the name.
QComboBox* makePicker(QAbstractItemModel* model, int nameColumn, QWidget* parent)
{
    auto* box = new QComboBox(parent);
    box->setModel(model);
    box->setModelColumn(nameColumn);
    box->setEditable(true);
    box->setInsertPolicy(QComboBox::NoInsert);
    box->completer()->setCompletionMode(QCompleter::PopupCompletion);
    box->completer()->setFilterMode(Qt::MatchContains);
    box->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    box->setMinimumContentsLength(28);
    return box;
}

} // namespace

PlaceBidDialog::PlaceBidDialog(Model::AuctionService& service, Model::ChangeNotifier& notifier,
                               QAbstractItemModel* items, QAbstractItemModel* users, Placer placer,
                               QWidget* parent)
    : QDialog(parent), m_service(service), m_placer(std::move(placer)),
      m_item(makePicker(new PickerProxy(items, PickerProxy::Kind::Lots, this), 1, this)),
      m_user(makePicker(new PickerProxy(users, PickerProxy::Kind::Bidders, this), 1, this)),
      m_amount(new QLineEdit(this)), m_maximum(new QLineEdit(this)), m_hint(new QLabel(this)),
      m_message(new QLabel(this))
{
    setWindowTitle(tr("Place a bid"));
    m_amount->setAlignment(Qt::AlignRight);
    m_amount->setPlaceholderText(tr("0.00"));
    m_maximum->setAlignment(Qt::AlignRight);
    m_maximum->setPlaceholderText(tr("none: a plain bid"));
    m_maximum->setToolTip(
        tr("The most the auction may bid for this bidder; the other bidders never see it"));
    m_hint->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_message->setMinimumWidth(360);
    m_message->setTextFormat(Qt::PlainText);
    m_hint->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Place bid"));
    buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &PlaceBidDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PlaceBidDialog::reject);

    auto* form = new QFormLayout(this);
    form->addRow(tr("&Lot:"), m_item);
    form->addRow(tr("&Bidder:"), m_user);
    form->addRow(tr("&Amount:"), m_amount);
    form->addRow(QString(), m_hint); // about the amount: right under it
    form->addRow(tr("&Maximum:"), m_maximum);
    form->addRow(m_message);
    form->addRow(buttons);
    setTabOrder(m_item, m_user);
    setTabOrder(m_user, m_amount);
    setTabOrder(m_amount, m_maximum);

    // The lot starts empty: a bid goes on the lot the operator names, not on a stale row.
    m_item->setCurrentIndex(-1);
    m_user->setCurrentIndex(-1);
    connect(m_item, &QComboBox::currentIndexChanged, this, &PlaceBidDialog::updateLowest);
    connect(m_amount, &QLineEdit::textEdited, m_message, &QLabel::clear);
    connect(m_maximum, &QLineEdit::textEdited, m_message, &QLabel::clear);
    connect(&notifier.batches(), &Model::ChangeBatcher::changed, this, &PlaceBidDialog::onChanges);
    updateLowest();
}

qint64 PlaceBidDialog::currentItemId() const
{
    return m_item->currentIndex() >= 0
               ? m_item->model()->index(m_item->currentIndex(), 0).data(Model::IdRole).toLongLong()
               : 0;
}

void PlaceBidDialog::onChanges(const QList<Model::Change>& changes)
{
    const qint64 itemId = currentItemId();
    if (itemId == 0)
        return;
    const auto ourLot = [itemId](const Model::Change& change) {
        return (change.kind == Model::EntityKind::Bid && change.itemId == itemId) ||
               (change.kind == Model::EntityKind::Item && change.id == itemId) ||
               change.action == Model::Change::Action::Reset;
    };
    if (std::any_of(changes.begin(), changes.end(), ourLot)) {
        // The operator's own amount stays; the one filled in for them follows the lot.
        const bool ownAmount = m_amount->text() != m_lowestShown;
        const QString typed = m_amount->text();
        const QString message = m_message->text();
        updateLowest();
        if (ownAmount)
            m_amount->setText(typed);
        showMessage(message);
    }
}

void PlaceBidDialog::showMessage(const QString& text)
{
    m_message->setText(text);
    // A long refusal wraps onto more lines: the dialog grows so that none is cut off.
    if (layout())
        layout()->activate();
    adjustSize();
}

qint64 PlaceBidDialog::chosenId(const QComboBox* box, QString* problem) const
{
    const int index = box->findText(box->currentText(), Qt::MatchFixedString);
    if (index >= 0)
        return box->model()->index(index, 0).data(Model::IdRole).toLongLong();
    // Not an entry as listed: the same lookup as the quick-entry bar.
    const EntryPick pick = box == m_item ? pickLot(m_service, box->currentText())
                                         : pickBidder(m_service, box->currentText());
    *problem = pick.problem;
    return pick.id;
}

QString PlaceBidDialog::hint() const
{
    return m_hint->text();
}

void PlaceBidDialog::setItem(qint64 itemId)
{
    for (int row = 0; row < m_item->count(); ++row) {
        if (m_item->model()->index(row, 0).data(Model::IdRole).toLongLong() == itemId) {
            m_item->setCurrentIndex(row);
            break;
        }
    }
    updateLowest();
}

void PlaceBidDialog::setUser(qint64 userId)
{
    for (int row = 0; row < m_user->count(); ++row) {
        if (m_user->model()->index(row, 0).data(Model::IdRole).toLongLong() == userId) {
            m_user->setCurrentIndex(row);
            return;
        }
    }
}

QString PlaceBidDialog::message() const
{
    return m_message->text();
}

void PlaceBidDialog::updateLowest()
{
    const qint64 itemId = currentItemId();
    const auto lowest =
        itemId > 0 ? m_service.lowestAcceptableBid(itemId) : Model::Result<Model::Money>();
    const auto item = itemId > 0 ? m_service.item(itemId) : Model::Result<Model::Item>();
    if (itemId > 0 && item && item->status == Model::ItemStatus::Closed) {
        m_hint->setText(tr("This lot has just been closed: it takes no more bids."));
    } else if (itemId > 0 && lowest) {
        m_lowestShown = Model::displayMoney(*lowest);
        m_amount->setText(m_lowestShown);
        m_hint->setText(item && item->winningValue
                            ? tr("Lowest acceptable bid: %1 (leading: %2 by %3)")
                                  .arg(m_lowestShown, Model::displayMoney(*item->winningValue),
                                       Model::displayBidder(item->winnerName, item->winnerNumber))
                            : tr("Lowest acceptable bid: %1 (no bids yet)").arg(m_lowestShown));
    } else {
        m_hint->clear();
    }
    m_message->clear();
}

void PlaceBidDialog::accept()
{
    QString problem;
    const qint64 itemId = chosenId(m_item, &problem);
    if (itemId == 0) {
        showMessage(problem.isEmpty() ? tr("Choose a lot from the list.") : problem);
        m_item->setFocus();
        return;
    }
    const qint64 userId = chosenId(m_user, &problem);
    if (userId == 0) {
        showMessage(problem.isEmpty() ? tr("Choose a bidder from the list.") : problem);
        m_user->setFocus();
        return;
    }
    // The amount may be left empty when a maximum is given: the rules choose the bid.
    const auto typed = parseTypedBid(m_amount->text(), m_maximum->text());
    if (!typed) {
        showMessage(typed.error().message);
        (typed.error().inMaximum ? m_maximum : m_amount)->setFocus();
        return;
    }
    const std::optional<Model::Money> amount = typed->amount;
    const std::optional<Model::Money> maximum = typed->maximum;
    const auto placed = m_placer(itemId, userId, amount, maximum);
    if (!placed) {
        showMessage(placed.error().message);
        QLineEdit* wrong = placed.error().field == u"max_value" ? m_maximum : m_amount;
        wrong->setFocus();
        wrong->selectAll();
        return;
    }
    QDialog::accept();
}

} // namespace BidTracker::Gui
