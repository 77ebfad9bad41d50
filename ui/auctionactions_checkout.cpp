// Checkout: payments and donations through the undo stack. A payment is never deleted, so
// undoing one voids it and redoing counts it again.
#include "auctionactions.h"

#include "model/auctionservice.h"
#include "model/tables/tablesupport.h"
#include "servicecommand.h"

#include <QUndoStack>

namespace BidTracker::Gui {

Model::Result<Model::Payment> AuctionActions::takePayment(qint64 userId, Model::Money amount,
                                                          Model::PaymentMethod method,
                                                          const QString& reference)
{
    auto payment = m_service.addPayment(userId, amount, method, reference);
    if (!payment)
        return payment;
    pushSteps(
        tr("payment of %1").arg(Model::displayMoney(amount)),
        [this, id = payment->id] {
            return done(m_service.voidPayment(id, tr("Taken back (undo)")));
        },
        [this, id = payment->id] { return done(m_service.unvoidPayment(id)); });
    return payment;
}

bool AuctionActions::voidPayment(qint64 paymentId, const QString& reason)
{
    const auto voided = m_service.voidPayment(paymentId, reason);
    if (!voided)
        return failed(voided.error());
    pushSteps(
        tr("void payment of %1").arg(Model::displayMoney(voided->amount)),
        [this, paymentId] { return done(m_service.unvoidPayment(paymentId)); },
        [this, paymentId, reason] { return done(m_service.voidPayment(paymentId, reason)); });
    return true;
}

Model::Result<Model::Donation> AuctionActions::addDonation(qint64 userId, Model::Money amount,
                                                           const QString& note)
{
    auto donation = m_service.addDonation(userId, amount, note);
    if (!donation)
        return donation;
    pushSteps(
        tr("donation of %1").arg(Model::displayMoney(amount)),
        [this, id = donation->id] { return m_service.deleteDonation(id); },
        [this, made = *donation] { return done(m_service.restoreDonation(made)); });
    return donation;
}

} // namespace BidTracker::Gui
