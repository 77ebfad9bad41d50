#include "quickbidbar.h"

#include "amountfield.h"
#include "elidedlabel.h"
#include "entrypick.h"
#include "model/auctionservice.h"
#include "model/changebatcher.h"
#include "model/changenotifier.h"
#include "model/tables/tablesupport.h"

#include <QEvent>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <algorithm>

namespace BidTracker::Gui {

QuickBidBar::QuickBidBar(Model::AuctionService& service, Model::ChangeNotifier& notifier,
                         Placer placer, QWidget* parent)
    : QWidget(parent), m_service(service), m_placer(std::move(placer)), m_lot(new QLineEdit(this)),
      m_bidder(new QLineEdit(this)), m_amount(new QLineEdit(this)), m_maximum(new QLineEdit(this)),
      m_record(new QPushButton(tr("Record"), this)), m_hint(new ElidedLabel(this)),
      m_message(new ElidedLabel(this))
{
    setObjectName(QStringLiteral("quickBidBar"));
    m_lot->setPlaceholderText(tr("lot no. or name"));
    m_bidder->setPlaceholderText(tr("bidder no. or name"));
    m_amount->setPlaceholderText(tr("amount"));
    m_amount->setAlignment(Qt::AlignRight);
    m_amount->setMaximumWidth(120);
    m_maximum->setPlaceholderText(tr("max (optional)"));
    m_maximum->setToolTip(tr("The most the auction may bid for this bidder; secret to the others"));
    m_maximum->setAlignment(Qt::AlignRight);
    m_maximum->setMaximumWidth(120);
    m_record->setAutoDefault(false);
    m_record->setFocusPolicy(Qt::NoFocus); // Enter records; Tab stays among the fields
    m_hint->setStyleSheet(QStringLiteral("color: palette(dark);"));
    m_hint->setTextFormat(Qt::PlainText);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    // The message line keeps its height when empty: the tables below do not jump as
    // messages come and go (a clerk clicks on the row that was there a moment ago).
    m_message->setMinimumHeight(2 * m_message->fontMetrics().lineSpacing());
    m_message->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    for (QLineEdit* field : {m_lot, m_bidder, m_amount, m_maximum})
        field->installEventFilter(this);

    auto* title = new QLabel(tr("<b>Quick bid</b> (Ctrl+B)"), this);
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(6, 4, 6, 2);
    layout->setVerticalSpacing(2);
    layout->addWidget(title, 0, 0);
    layout->addWidget(m_lot, 0, 1);
    layout->addWidget(m_bidder, 0, 2);
    layout->addWidget(m_amount, 0, 3);
    layout->addWidget(m_maximum, 0, 4);
    layout->addWidget(m_record, 0, 5);
    layout->addWidget(m_hint, 1, 1, 1, 5);
    layout->addWidget(m_message, 2, 1, 1, 5);
    layout->setColumnStretch(1, 3);
    layout->setColumnStretch(2, 2);
    layout->setColumnStretch(3, 1);
    layout->setColumnStretch(4, 1);
    setTabOrder(m_lot, m_bidder);
    setTabOrder(m_bidder, m_amount);
    setTabOrder(m_amount, m_maximum);

    connect(m_lot, &QLineEdit::textEdited, this, [this] {
        m_lotId = 0;
        showTypeAhead(m_lot);
    });
    connect(m_bidder, &QLineEdit::textEdited, this, [this] {
        m_bidderId = 0;
        showTypeAhead(m_bidder);
    });
    connect(m_amount, &QLineEdit::textEdited, m_message, &QLabel::clear);
    connect(m_maximum, &QLineEdit::textEdited, m_message, &QLabel::clear);
    connect(m_record, &QPushButton::clicked, this, &QuickBidBar::record);
    connect(&notifier.batches(), &Model::ChangeBatcher::changed, this, &QuickBidBar::onChanges);
    updateHint();
}

QString QuickBidBar::hint() const
{
    return m_hint->text();
}

QString QuickBidBar::message() const
{
    return m_message->text();
}

void QuickBidBar::focusEntry()
{
    QLineEdit* field = m_lotId == 0 ? m_lot : m_bidder;
    field->setFocus(Qt::ShortcutFocusReason);
    field->selectAll();
}

void QuickBidBar::chooseLot(qint64 itemId)
{
    m_lot->setText(Model::formatId(Model::EntityKind::Item, itemId));
    takeLot();
}

bool QuickBidBar::holdsTyping(const QLineEdit* field) const
{
    // A lot or bidder taken is committed; so is an empty field. What is left is being typed.
    if (field->text().isEmpty())
        return false;
    if (field == m_lot)
        return m_lotId == 0;
    if (field == m_bidder)
        return m_bidderId == 0;
    return true;
}

bool QuickBidBar::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        // Ctrl+Z is the window's Undo (the last command, such as the bid just recorded)
        // unless the field holds text still being typed: then it undoes the typing.
        const auto* key = static_cast<QKeyEvent*>(event);
        auto* field = qobject_cast<QLineEdit*>(watched);
        if (field && (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) &&
            !holdsTyping(field)) {
            event->ignore();
            return true;
        }
        return QWidget::eventFilter(watched, event);
    }
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
    if (key->key() == Qt::Key_Escape) {
        clearAll();
        return true;
    }
    if (key->key() != Qt::Key_Tab && !enter)
        return QWidget::eventFilter(watched, event);
    if (watched == m_lot) {
        if (takeLot())
            m_bidder->setFocus(Qt::TabFocusReason);
        return true;
    }
    if (watched == m_bidder) {
        if (takeBidder())
            m_amount->setFocus(Qt::TabFocusReason);
        return true;
    }
    if ((watched == m_amount || watched == m_maximum) && enter) {
        record();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

bool QuickBidBar::takeLot()
{
    EntryPick pick = pickLot(m_service, m_lot->text());
    if (pick.unavailable && m_lastLots)
        pick = pickLotFrom(m_lastLots(), m_lot->text());
    if (!pick.picked()) {
        say(pick.problem, true);
        return false;
    }
    m_lotId = pick.id;
    m_lot->setText(pick.label);
    m_lot->setCursorPosition(0);
    m_message->clear();
    updateHint();
    return true;
}

bool QuickBidBar::takeBidder()
{
    EntryPick pick = pickBidder(m_service, m_bidder->text());
    if (pick.unavailable && m_lastBidders)
        pick = pickBidderFrom(m_lastBidders(), m_bidder->text());
    if (!pick.picked()) {
        say(pick.problem, true);
        return false;
    }
    m_bidderId = pick.id;
    m_bidder->setText(pick.label);
    m_bidder->setCursorPosition(0);
    m_message->clear();
    updateHint();
    return true;
}

void QuickBidBar::record()
{
    if (m_lotId == 0 && !takeLot()) {
        m_lot->setFocus();
        return;
    }
    if (m_bidderId == 0 && !takeBidder()) {
        m_bidder->setFocus();
        return;
    }
    // Either may be left empty: a plain bid, or a maximum for the rules to bid with.
    const auto typed = parseTypedBid(m_amount->text(), m_maximum->text());
    if (!typed) {
        say(typed.error().message, true);
        (typed.error().inMaximum ? m_maximum : m_amount)->setFocus();
        return;
    }
    const std::optional<Model::Money> amount = typed->amount;
    const std::optional<Model::Money> maximum = typed->maximum;
    const auto placed = m_placer(m_lotId, m_bidderId, amount, maximum);
    if (!placed) {
        say(placed.error().message, true);
        QLineEdit* wrong = placed.error().field == u"max_value" ? m_maximum : m_amount;
        wrong->setFocus();
        wrong->selectAll();
        updateHint();
        return;
    }
    const Model::Bid& bid = placed->bid;
    const auto item = m_service.item(m_lotId);
    const bool sold = item && item->status == Model::ItemStatus::Closed;
    say(confirmation(*placed, maximum, item ? std::optional(*item) : std::nullopt), false);
    // The next line of the same sheet: same lot, new bidder and amount (a lot just bought
    // takes no more: the next line starts with a lot). setText, unlike clear(), leaves no
    // typing to undo: Ctrl+Z now takes back the bid.
    m_bidderId = 0;
    m_bidder->setText(QString());
    m_amount->setText(QString());
    m_maximum->setText(QString());
    if (sold) {
        m_lotId = 0;
        m_lot->setText(QString());
    }
    (sold ? m_lot : m_bidder)->setFocus(Qt::OtherFocusReason);
    updateHint();
    Q_EMIT bidRecorded(bid.id);
}

QString QuickBidBar::confirmation(const Model::BidPlacement& placed,
                                  std::optional<Model::Money> maximum,
                                  const std::optional<Model::Item>& item) const
{
    // Every confirmation names the paddle: the clerk reads it back to the room.
    const Model::Bid& bid = placed.bid;
    const auto bidder = m_service.user(m_bidderId);
    const QString who =
        bidder ? tr("%1, paddle %2").arg(bidder->name).arg(bidder->number) : m_bidder->text();
    const QString id = Model::formatId(Model::EntityKind::Bid, bid.id);
    if (!placed.added)
        return tr("Raised the maximum of %1 on %2 to %3; they lead at %4.")
            .arg(who, m_lot->text(), Model::displayMoney(*maximum), Model::displayMoney(bid.value));
    if (item && item->status == Model::ItemStatus::Closed)
        return tr("Sold at the buy-now price: %1: %2 by %3 on %4. The lot is closed.")
            .arg(id, Model::displayMoney(bid.value), who, m_lot->text());
    QString said = maximum ? tr("Recorded %1: %2 by %3 on %4, up to %5.")
                                 .arg(id, Model::displayMoney(bid.value), who, m_lot->text(),
                                      Model::displayMoney(*maximum))
                           : tr("Recorded %1: %2 by %3 on %4.")
                                 .arg(id, Model::displayMoney(bid.value), who, m_lot->text());
    // Another bidder's maximum may answer at once: the clerk tells the room who leads now.
    if (item && item->winnerUserId && *item->winnerUserId != m_bidderId && item->winningValue)
        said += tr(" Outbid at once by a maximum: %1 leads at %2.")
                    .arg(Model::displayBidder(item->winnerName, item->winnerNumber),
                         Model::displayMoney(*item->winningValue));
    return said;
}

void QuickBidBar::clearAll()
{
    m_lotId = 0;
    m_bidderId = 0;
    for (QLineEdit* field : {m_lot, m_bidder, m_amount, m_maximum})
        field->setText(QString());
    m_message->clear();
    m_lot->setFocus(Qt::OtherFocusReason);
    updateHint();
}

void QuickBidBar::showTypeAhead(QLineEdit* field)
{
    m_message->clear();
    if (field->text().trimmed().isEmpty()) {
        updateHint();
        return;
    }
    const EntryPick pick =
        field == m_lot ? pickLot(m_service, field->text()) : pickBidder(m_service, field->text());
    if (pick.matches.isEmpty())
        m_hint->setText(pick.problem);
    else
        m_hint->setText((pick.picked()
                             ? tr("Tab takes: %1").arg(pick.label)
                             : tr("Matches: %1").arg(pick.matches.join(QStringLiteral("  ·  ")))));
}

void QuickBidBar::updateHint()
{
    if (m_lotId == 0) {
        m_hint->setText(tr("Type a lot, Tab; a bidder, Tab; an amount (and a maximum after Tab), "
                           "Enter. Esc clears."));
        return;
    }
    const auto item = m_service.item(m_lotId);
    if (!item) {
        m_hint->setText(
            tr("Lot %1 is gone.").arg(Model::formatId(Model::EntityKind::Item, m_lotId)));
        return;
    }
    if (item->status == Model::ItemStatus::Closed) {
        m_hint->setText(tr("Lot %1 is closed: it takes no more bids.")
                            .arg(Model::formatId(Model::EntityKind::Item, m_lotId)));
        return;
    }
    const auto lowest = m_service.lowestAcceptableBid(m_lotId);
    if (!lowest) {
        m_hint->setText(lowest.error().message);
        return;
    }
    m_hint->setText(
        item->winningValue
            ? tr("Lowest acceptable bid: %1 (leading: %2 by %3)")
                  .arg(Model::displayMoney(*lowest), Model::displayMoney(*item->winningValue),
                       Model::displayBidder(item->winnerName, item->winnerNumber))
            : tr("Lowest acceptable bid: %1 (no bids yet)").arg(Model::displayMoney(*lowest)));
}

void QuickBidBar::say(const QString& text, bool problem)
{
    m_message->setStyleSheet(problem ? QStringLiteral("color: #b00020;")
                                     : QStringLiteral("color: #1b5e20;"));
    m_message->setText(text);
}

void QuickBidBar::onChanges(const QList<Model::Change>& changes)
{
    // A bid over the API, a close or a rename of the chosen lot changes what the clerk needs;
    // the hint is read once for the batch, however many bids it brought.
    const auto ourLot = [this](const Model::Change& change) {
        return (change.kind == Model::EntityKind::Bid && change.itemId == m_lotId) ||
               (change.kind == Model::EntityKind::Item &&
                (change.id == m_lotId || change.action == Model::Change::Action::Reset));
    };
    if (m_lotId != 0 && std::any_of(changes.begin(), changes.end(), ourLot))
        updateHint();
}

} // namespace BidTracker::Gui
