#pragma once

#include "model/change.h"
#include "model/invoice.h"

#include <QWidget>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTextBrowser;
class QTimer;

namespace BidTracker::Model {
class AuctionService;
class ChangeNotifier;
} // namespace BidTracker::Model

namespace BidTracker::Gui {

class AuctionActions;

/// The Checkout tab, built for a queue at the cashier's desk, keyboard only: type or scan a
/// paddle number (or a name), Enter shows the invoice big; the amount field then holds the
/// balance, Enter takes it (or type a part, Tab to the method and reference, Enter again);
/// Esc clears for the next bidder. The invoice follows every change live (a bid, a lot
/// closed, a payment at another station). Every edit goes through AuctionActions, so it is
/// undoable; every figure is the service's invoice.
class CheckoutPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckoutPage)

public:
    CheckoutPage(Model::AuctionService& service, Model::ChangeNotifier& notifier,
                 AuctionActions& actions, QWidget* parent = nullptr);

    /// Clears the page and puts the cursor in the bidder field: the next person in line.
    void nextBidder();
    /// Shows this bidder's invoice (0: none) and readies the amount field.
    void showBidder(qint64 userId);
    /// Takes the amount field as a payment with the method and reference shown.
    bool takePayment();
    /// The void dialog for one of the payments shown.
    void voidPayment();
    /// The donation dialog for the bidder shown.
    void addDonation();

    qint64 userId() const { return m_userId; }
    /// The invoice on screen, as the service gave it.
    const std::optional<Model::Invoice>& invoice() const { return m_invoice; }
    /// What the invoice area shows, as plain text (for tests and screen readers).
    QString invoiceText() const;
    QString headline() const;
    QString message() const;
    QLineEdit* bidderField() const { return m_bidder; }
    QLineEdit* amountField() const { return m_amount; }
    QComboBox* methodField() const { return m_method; }
    QLineEdit* referenceField() const { return m_reference; }
    QPushButton* takeButton() const { return m_take; }
    QPushButton* printButton() const { return m_print; }

Q_SIGNALS:
    /// The cashier asked for this bidder's invoice or receipt on paper (Ctrl+Shift+P).
    void printReceiptRequested(qint64 userId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void lookUp();
    void reload();
    void render();
    void say(const QString& text, bool problem);
    void onChanges(const QList<Model::Change>& changes);
    bool concerns(const Model::Change& change) const;

    Model::AuctionService& m_service;
    AuctionActions& m_actions;
    QLineEdit* m_bidder;
    QLabel* m_message;
    QLabel* m_headline;
    QTextBrowser* m_view;
    QLineEdit* m_amount;
    QComboBox* m_method;
    QLineEdit* m_reference;
    QPushButton* m_take;
    QPushButton* m_void;
    QPushButton* m_donate;
    QPushButton* m_print;
    QTimer* m_refresh;
    qint64 m_userId = 0;
    std::optional<Model::Invoice> m_invoice;
    /// The balance put in the amount field, so a live change updates it unless the cashier
    /// typed something else.
    QString m_prefilled;
};

} // namespace BidTracker::Gui
