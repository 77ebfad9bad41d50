#pragma once

#include "model/auctionservice.h"
#include "model/auctionsettings.h"
#include "model/command.h"
#include "model/error.h"
#include "model/records.h"

#include <QObject>
#include <QSet>
#include <functional>
#include <memory>

class QUndoStack;
class QWidget;

namespace BidTracker::Gui {

class CommandLedger;

/// The operator's edits: each one done through the service, recorded on the undo stack,
/// asked about first when it destroys something, and explained in words when refused.
class AuctionActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuctionActions)

public:
    using Confirm = std::function<bool(const QString& question)>;
    using Report = std::function<void(const QString& message)>;
    /// Asks for a line of text (`label` says what); empty when the operator cancelled.
    using Ask = std::function<std::optional<QString>(const QString& label)>;

    AuctionActions(Model::AuctionService& service, QWidget* window);

    QUndoStack* undoStack() const { return m_undo; }
    /// Replaces the question and message boxes (tests answer them without a person).
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    void setReport(Report report) { m_report = std::move(report); }
    void setAsk(Ask ask) { m_ask = std::move(ask); }
    /// A question whose answer is most likely yes (Enter = yes, Esc = no): the buy-now offer.
    void setOffer(Confirm offer) { m_offer = std::move(offer); }

    /// The dialogs; each returns the new or changed id, or 0 when nothing was done.
    qint64 addItem();
    qint64 editItem(qint64 itemId);
    qint64 addUser();

    /// Records a bid, with the bidder's secret maximum when there is one (`value` empty: the
    /// lowest acceptable bid, or a raise of the maximum alone for a bidder who leads). An
    /// amount or maximum far above the lowest acceptable bid is asked about first
    /// (Model::isFarAboveLowest); a refusal is explained with lot and bidder in words.
    /// A maximum raised alone adds no bid; undo takes the raise out (and what it decided).
    Model::Result<Model::BidPlacement> placeBid(qint64 itemId, qint64 userId,
                                                std::optional<Model::Money> value,
                                                std::optional<Model::Money> maximum = std::nullopt);
    /// Sells the lot at its buy-now price to a bidder asked for (number, id or name), after
    /// asking; undo reopens the lot and takes the bid back. Returns the bid's id, or 0.
    qint64 buyNow(qint64 itemId);
    /// Closes every open lot after asking ("Close 12 open lots?"); undo reopens exactly
    /// those. Returns how many were closed.
    qint64 closeAllOpenLots();
    /// Reopening a closed lot asks first.
    bool setLotOpen(qint64 itemId, bool open);
    /// An edit of a lot; a starting price raised above its winning bid asks first.
    bool updateItem(qint64 itemId, const Model::ItemChanges& changes);
    /// Puts an import just done on the undo stack as one step (`ids`: the rows it added).
    void recordImport(bool lots, const QList<qint64>& ids);
    bool renameItem(qint64 itemId, const QString& name);
    bool renameUser(qint64 userId, const QString& name);
    bool deleteItem(qint64 itemId);
    bool deleteUser(qint64 userId);
    bool deleteBid(qint64 bidId);

    // The whole auction night (auctionactions_settings.cpp, _bidders.cpp, _checkout.cpp)
    /// Auction > Settings: the dialog until the service takes the settings, or cancel.
    bool editSettings();
    /// The settings replaced whole; undo puts the old ones back.
    bool applySettings(const Model::AuctionSettings& settings);
    /// The bidder dialog on this bidder; returns the id, or 0 when nothing was done.
    qint64 editUser(qint64 userId);
    /// Checks the bidder in now; undo takes the check-in back to what it was.
    bool checkIn(qint64 userId);
    /// Undo voids the payment, redo counts it again.
    Model::Result<Model::Payment> takePayment(qint64 userId, Model::Money amount,
                                              Model::PaymentMethod method,
                                              const QString& reference);
    /// The payment stays on the invoice, struck out; undo counts it again.
    bool voidPayment(qint64 paymentId, const QString& reason);
    /// Undo deletes the donation, redo puts it back (a donation is taken off by undo only).
    Model::Result<Model::Donation> addDonation(qint64 userId, Model::Money amount,
                                               const QString& note);

private:
    /// The settings changed from `before` to `after` as one command (with the lots a
    /// close-all time already past closes), asked about first when that time closes lots.
    Model::Result<void> changeSettings(const Model::AuctionSettings& before,
                                       const Model::AuctionSettings& after);
    bool changeItem(qint64 itemId, const Model::ItemChanges& changes, const QString& text);
    /// The change done and put on the undo stack, or the refusal, for the caller to say.
    Model::Result<void> changeItemOrSay(qint64 itemId, const Model::ItemChanges& changes,
                                        const QString& text);
    /// A starting price raised above the lot's winning bid is asked about first.
    bool confirmStartingPrice(qint64 itemId, const Model::ItemChanges& changes);
    /// Puts a change just made on the undo stack: `undo` is the model command that takes it
    /// back (model/command.h).
    void push(const QString& text, Model::Command undo);
    /// The same for payments and donations: a single model call each way.
    void pushSteps(const QString& text, std::function<Model::Result<void>()> undo,
                   std::function<Model::Result<void>()> redo);
    /// At a check-in, a one-time notice when another bidder has the same name, naming their
    /// paddle (auctionactions_bidders.cpp).
    void noticeNamesakes(const Model::User& bidder);
    /// Whether a plain bid of `value` should buy the lot now: at or above its buy-now price
    /// while buying is possible, and the operator says so (auctionactions_sales.cpp).
    bool offersBuyNow(qint64 itemId, qint64 userId, Model::Money value);
    /// Sells the lot at its buy-now price to the buyer, undoable as one step.
    Model::Result<Model::Bid> sell(qint64 itemId, qint64 buyerId);
    bool failed(const Model::Error& error);
    /// Says why, for the actions that answer with an id or a count: 0.
    qint64 refused(const Model::Error& error);
    /// The refusal with the window's sentence (refusalText()) as its message.
    Model::Error refusalInWords(const Model::Error& error);

    Model::AuctionService& m_service;
    QWidget* m_window;
    QUndoStack* m_undo;
    /// The model commands on m_undo, which rename each other's versions (servicecommand.h).
    std::shared_ptr<CommandLedger> m_ledger;
    Confirm m_confirm;
    Confirm m_offer;
    /// The bidders a namesake notice has named (each is told once a session).
    QSet<qint64> m_namesakesNoticed;
    Report m_report;
    Ask m_ask;
};

} // namespace BidTracker::Gui
