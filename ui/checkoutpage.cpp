#include "checkoutpage.h"

#include "auctionactions.h"
#include "checkoutlookup.h"
#include "donationdialog.h"
#include "elidedlabel.h"
#include "invoicehtml.h"
#include "model/auctionservice.h"
#include "model/changebatcher.h"
#include "model/changenotifier.h"
#include "model/tables/tablesupport.h"
#include "voidpaymentdialog.h"

#include <QAction>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace BidTracker::Gui {

namespace {

QFont scaled(QFont font, double factor, bool bold = false)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

QString welcomeHtml()
{
    return QObject::tr(
        "<p style=\"color:#555\">Type or scan a paddle number (or a name), then Enter.</p>"
        "<p style=\"color:#555\">Then: Enter takes the balance as a cash payment; or type the "
        "amount, Tab to the method and reference, Enter. Esc: the next bidder.</p>");
}

} // namespace

CheckoutPage::CheckoutPage(Model::AuctionService& service, Model::ChangeNotifier& notifier,
                           AuctionActions& actions, QWidget* parent)
    : QWidget(parent), m_service(service), m_actions(actions), m_bidder(new QLineEdit(this)),
      m_message(new ElidedLabel(this)), m_headline(new ElidedLabel(this)),
      m_view(new QTextBrowser(this)), m_amount(new QLineEdit(this)), m_method(new QComboBox(this)),
      m_reference(new QLineEdit(this)), m_take(new QPushButton(tr("&Take payment"), this)),
      m_void(new QPushButton(tr("Vo&id a payment…"), this)),
      m_donate(new QPushButton(tr("Add do&nation…"), this)),
      m_print(new QPushButton(tr("&Print receipt…"), this)), m_refresh(new QTimer(this))
{
    m_bidder->setObjectName(QStringLiteral("checkoutBidder"));
    m_bidder->setFont(scaled(font(), 1.6));
    m_bidder->setPlaceholderText(tr("Paddle number or name, then Enter"));
    m_bidder->setClearButtonEnabled(true);
    m_message->setWordWrap(true);
    m_view->setFont(scaled(font(), 1.25));
    m_view->setOpenLinks(false);
    m_view->setFocusPolicy(Qt::NoFocus); // the keyboard stays in the fields
    m_headline->setFont(scaled(font(), 1.8, true));
    m_headline->setWordWrap(true);
    m_amount->setFont(scaled(font(), 1.4));
    m_amount->setAlignment(Qt::AlignRight);
    for (const auto method : {Model::PaymentMethod::Cash, Model::PaymentMethod::Check,
                              Model::PaymentMethod::Card, Model::PaymentMethod::Other})
        m_method->addItem(paymentMethodWords(method), static_cast<int>(method));
    m_reference->setPlaceholderText(tr("check number, last card digits…"));
    m_take->setDefault(false);
    m_take->setAutoDefault(false);

    auto* top = new QHBoxLayout;
    auto* bidderLabel = new QLabel(tr("Bidde&r:"), this);
    bidderLabel->setFont(scaled(font(), 1.6));
    bidderLabel->setBuddy(m_bidder);
    top->addWidget(bidderLabel);
    top->addWidget(m_bidder, 1);

    auto* payment = new QGroupBox(tr("Payment"), this);
    auto* form = new QFormLayout(payment);
    form->addRow(m_headline);
    form->addRow(tr("A&mount:"), m_amount);
    form->addRow(tr("Meth&od:"), m_method);
    form->addRow(tr("Referen&ce:"), m_reference);
    form->addRow(m_take);
    auto* side = new QVBoxLayout;
    side->addWidget(payment);
    side->addWidget(m_void);
    side->addWidget(m_donate);
    side->addWidget(m_print);
    side->addStretch(1);
    auto* keys =
        new QLabel(tr("Enter: take the payment\nCtrl+Shift+D: add a donation\nCtrl+Shift+V: void a "
                      "payment\nCtrl+Shift+P: print the receipt\nEsc: next bidder\nCtrl+Z: undo"),
                   this);
    keys->setForegroundRole(QPalette::PlaceholderText);
    side->addWidget(keys);
    auto* sideBox = new QWidget(this);
    sideBox->setLayout(side);
    sideBox->setFixedWidth(sideBox->fontMetrics().averageCharWidth() * 46);

    auto* body = new QHBoxLayout;
    body->addWidget(m_view, 1);
    body->addWidget(sideBox);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addLayout(body, 1);
    setFocusProxy(m_bidder);

    for (QLineEdit* field : {m_bidder, m_amount, m_reference})
        field->installEventFilter(this);
    connect(m_bidder, &QLineEdit::returnPressed, this, &CheckoutPage::lookUp);
    connect(m_amount, &QLineEdit::returnPressed, this, &CheckoutPage::takePayment);
    connect(m_reference, &QLineEdit::returnPressed, this, &CheckoutPage::takePayment);
    connect(m_take, &QPushButton::clicked, this, &CheckoutPage::takePayment);
    connect(m_void, &QPushButton::clicked, this, &CheckoutPage::voidPayment);
    connect(m_donate, &QPushButton::clicked, this, &CheckoutPage::addDonation);
    connect(m_print, &QPushButton::clicked, this, [this] {
        if (m_userId != 0)
            Q_EMIT printReceiptRequested(m_userId);
    });
    auto* next = new QAction(tr("Next bidder"), this);
    next->setShortcut(Qt::Key_Escape);
    next->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(next, &QAction::triggered, this, &CheckoutPage::nextBidder);
    addAction(next);
    // Shortcuts of their own for the two dialogs, shown on the buttons' tool tips.
    const std::pair<QPushButton*, QKeySequence> buttonKeys[] = {
        {m_void, QKeySequence(tr("Ctrl+Shift+V"))},
        {m_donate, QKeySequence(tr("Ctrl+Shift+D"))},
        {m_print, QKeySequence(tr("Ctrl+Shift+P"))}};
    for (const auto& [button, keys] : buttonKeys) {
        auto* action = new QAction(button->text(), this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, button, &QPushButton::click);
        addAction(action);
        button->setToolTip(keys.toString(QKeySequence::NativeText));
    }
    // Changes come in bursts (a lot closed touches the lot and its bids): one reload each.
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(0);
    connect(m_refresh, &QTimer::timeout, this, &CheckoutPage::reload);
    connect(&notifier.batches(), &Model::ChangeBatcher::changed, this, &CheckoutPage::onChanges);
    render();
}

void CheckoutPage::nextBidder()
{
    m_bidder->clear();
    m_message->clear();
    showBidder(0);
    m_bidder->setFocus();
}

void CheckoutPage::lookUp()
{
    const EntryPick pick = pickCheckoutBidder(m_service, m_bidder->text());
    if (!pick.picked()) {
        QString problem = pick.problem;
        if (!pick.matches.isEmpty())
            problem += QStringLiteral(" ") + pick.matches.join(QStringLiteral(", "));
        say(problem, true);
        m_bidder->selectAll();
        return;
    }
    m_message->clear();
    showBidder(pick.id);
    m_bidder->selectAll();
    if (m_invoice) {
        m_amount->setFocus();
        m_amount->selectAll();
    }
}

void CheckoutPage::showBidder(qint64 userId)
{
    m_userId = userId;
    m_reference->clear();
    m_method->setCurrentIndex(0);
    m_prefilled.clear();
    m_amount->clear();
    reload();
}

void CheckoutPage::reload()
{
    if (m_userId == 0) {
        m_invoice.reset();
    } else if (auto invoice = m_service.invoice(m_userId)) {
        m_invoice = std::move(*invoice);
    } else {
        m_invoice.reset();
        say(invoice.error().message, true);
    }
    render();
}

void CheckoutPage::render()
{
    const bool shown = m_invoice.has_value();
    for (QWidget* field : {static_cast<QWidget*>(m_amount), static_cast<QWidget*>(m_method),
                           static_cast<QWidget*>(m_reference), static_cast<QWidget*>(m_take),
                           static_cast<QWidget*>(m_donate), static_cast<QWidget*>(m_print)})
        field->setEnabled(shown);
    if (!shown) {
        m_view->setHtml(welcomeHtml());
        m_headline->clear();
        m_void->setEnabled(false);
        return;
    }
    const auto settings = m_service.settings();
    m_view->setHtml(invoiceHtml(*m_invoice, settings ? *settings : Model::AuctionSettings{}));
    m_headline->setText(invoiceHeadline(*m_invoice));
    m_headline->setStyleSheet(
        QStringLiteral("color: %1;").arg(invoiceStatusColour(m_invoice->sums.status)));
    m_void->setEnabled(std::any_of(m_invoice->payments.begin(), m_invoice->payments.end(),
                                   [](const auto& payment) { return !payment.voided(); }));
    // The amount field offers the balance, and follows it until the cashier types.
    const qint64 balance = m_invoice->sums.balance;
    const QString offer =
        balance > 0 ? Model::displayMoney(Model::Money::fromCents(balance)) : QString();
    if (m_amount->text() == m_prefilled) {
        const bool selected = m_amount->hasSelectedText() || m_amount->text().isEmpty();
        m_amount->setText(offer);
        if (selected && m_amount->hasFocus())
            m_amount->selectAll();
    }
    m_prefilled = offer;
}

bool CheckoutPage::takePayment()
{
    if (!m_invoice)
        return false;
    const auto amount = Model::Money::parseTyped(m_amount->text(), QLocale());
    if (!amount) {
        say(tr("Amount: %1").arg(amount.error()), true);
        m_amount->setFocus();
        return false;
    }
    const auto method = static_cast<Model::PaymentMethod>(m_method->currentData().toInt());
    const auto paid =
        m_actions.takePayment(m_userId, *amount, method, m_reference->text().trimmed());
    if (!paid) {
        say(paid.error().message, true);
        m_amount->setFocus();
        m_amount->selectAll();
        return false;
    }
    say(tr("Took %1 by %2 from %3.")
            .arg(Model::displayMoney(*amount), paymentMethodWords(method).toLower(),
                 m_invoice->bidder.name),
        false);
    m_reference->clear();
    m_method->setCurrentIndex(0);
    m_amount->clear();
    m_prefilled.clear();
    reload();
    m_amount->setFocus();
    m_amount->selectAll();
    return true;
}

void CheckoutPage::voidPayment()
{
    if (!m_invoice)
        return;
    VoidPaymentDialog dialog(m_invoice->payments, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (m_actions.voidPayment(dialog.paymentId(), dialog.reason()))
        say(tr("Payment voided: %1.").arg(dialog.reason()), false);
    reload();
}

void CheckoutPage::addDonation()
{
    if (!m_invoice)
        return;
    DonationDialog dialog(m_invoice->bidder.name, this);
    dialog.setSave([this](Model::Money amount, const QString& note) {
        const auto donation = m_actions.addDonation(m_userId, amount, note);
        return donation ? QString() : donation.error().message;
    });
    if (dialog.exec() == QDialog::Accepted)
        say(tr("Donation of %1 added.").arg(Model::displayMoney(dialog.amount())), false);
    reload();
    m_amount->setFocus();
    m_amount->selectAll();
}

bool CheckoutPage::eventFilter(QObject* watched, QEvent* event)
{
    // Ctrl+Z in a field undoes what was typed there; with nothing typed to undo, it undoes
    // the last payment or donation, as it does everywhere else in the window.
    if (event->type() == QEvent::ShortcutOverride) {
        auto* key = static_cast<QKeyEvent*>(event);
        auto* field = qobject_cast<QLineEdit*>(watched);
        if (field && ((key->matches(QKeySequence::Undo) && !field->isUndoAvailable()) ||
                      (key->matches(QKeySequence::Redo) && !field->isRedoAvailable())))
            return true; // not taken by the field: the window's shortcut runs
    }
    return QWidget::eventFilter(watched, event);
}

QString CheckoutPage::invoiceText() const
{
    return m_view->toPlainText();
}

QString CheckoutPage::headline() const
{
    return m_headline->text();
}

QString CheckoutPage::message() const
{
    return m_message->text();
}

void CheckoutPage::say(const QString& text, bool problem)
{
    m_message->setStyleSheet(problem ? QStringLiteral("color: #b00020;")
                                     : QStringLiteral("color: #1b7a2f;"));
    m_message->setText(text);
}

bool CheckoutPage::concerns(const Model::Change& change) const
{
    using Model::EntityKind;
    if (change.action == Model::Change::Action::Reset || change.kind == EntityKind::Settings)
        return true;
    if (change.userId == m_userId)
        return true;
    switch (change.kind) {
    case EntityKind::User:
        return change.id == m_userId;
    case EntityKind::Payment:
    case EntityKind::Donation:
        return change.userId == 0; // not said whose: look again
    case EntityKind::Settings:
        return true;
    case EntityKind::Consignor: // a seller's side: on no buyer's invoice
    case EntityKind::Payout:
        return false;
    case EntityKind::Item:
    case EntityKind::Bid: {
        const qint64 item = change.kind == EntityKind::Item ? change.id : change.itemId;
        const auto& lines = m_invoice->lines;
        const auto& pending = m_invoice->pending;
        return std::any_of(lines.begin(), lines.end(),
                           [item](const auto& line) { return line.itemId == item; }) ||
               std::any_of(pending.begin(), pending.end(),
                           [item](const auto& lot) { return lot.itemId == item; });
    }
    }
    return false;
}

void CheckoutPage::onChanges(const QList<Model::Change>& changes)
{
    if (m_userId != 0 && m_invoice &&
        std::any_of(changes.begin(), changes.end(),
                    [this](const Model::Change& change) { return concerns(change); }))
        m_refresh->start();
}

} // namespace BidTracker::Gui
