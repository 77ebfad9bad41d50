// AuctionService: invoices, payments, donations and the end-of-night summary (RULES.md 4).
#include "auctionservice.h"
#include "auditfields.h"

#include "auctionservice_transaction.h"
#include "contact.h"
#include "refusals.h"
#include "storage/database.h"

namespace BidTracker::Model {

namespace {

Error userNotFound(qint64 id)
{
    return unknown(EntityKind::User, id);
}

Error paymentNotFound(qint64 id)
{
    return unknown(EntityKind::Payment, id);
}

Error donationNotFound(qint64 id)
{
    return unknown(EntityKind::Donation, id);
}

/// An amount taken or given: Money keeps every amount that was parsed within its rules, but
/// the window may hand over zero.
Result<Money> checkAmount(Money amount)
{
    if (amount.cents() <= 0 || amount.cents() > Money::MaxCents)
        return fail(
            Error::invalid(QStringLiteral("amount must be more than 0 and at most 1000000000.00"),
                           QStringLiteral("amount")));
    return amount;
}

/// The bidder's invoice as the database holds it now; inside a write transaction, what a
/// payment is checked against.
Result<Invoice> readInvoice(Storage& storage, qint64 userId)
{
    auto bidder = storage.findUser(userId);
    if (!bidder)
        return fail(bidder.error());
    if (!*bidder)
        return fail(userNotFound(userId));
    auto settings = storage.readSettings();
    if (!settings)
        return fail(settings.error());
    auto lots = storage.lotsLedBy(userId);
    if (!lots)
        return fail(lots.error());
    auto donations = storage.donationsOfUser(userId);
    if (!donations)
        return fail(donations.error());
    auto payments = storage.paymentsOfUser(userId);
    if (!payments)
        return fail(payments.error());

    Invoice invoice;
    invoice.bidder = **bidder;
    Rules::InvoiceInput input;
    input.buyersPremium = settings->buyersPremium;
    input.taxRate = settings->taxRate;
    input.taxExempt = invoice.bidder.taxExempt;
    for (const LedLot& lot : std::as_const(*lots)) {
        if (lot.sold) {
            invoice.lines.append({lot.itemId, lot.name, lot.value, Money(), lot.fairMarketValue});
            input.hammerCents.append(lot.value.cents());
        } else if (!lot.closed) {
            invoice.pending.append({lot.itemId, lot.name, lot.value});
        }
        // A closed lot whose reserve was not met is nobody's: on no invoice.
    }
    invoice.donations = std::move(*donations);
    for (const Donation& donation : std::as_const(invoice.donations))
        input.donationCents.append(donation.amount.cents());
    invoice.payments = std::move(*payments);
    for (const Payment& payment : std::as_const(invoice.payments))
        input.payments.append({payment.amount.cents(), payment.voided()});
    invoice.sums = Rules::invoiceSums(input);
    for (qsizetype i = 0; i < invoice.lines.size(); ++i)
        invoice.lines[i].premium = Money::fromCents(invoice.sums.premiumCents.value(i));
    return invoice;
}

} // namespace

Result<Invoice> AuctionService::invoice(qint64 userId)
{
    if (auto allowed = allow(Permission::ReadCheckout); !allowed)
        return fail(allowed.error());
    return readInvoice(m_storage, userId);
}

Result<Payment> AuctionService::addPayment(qint64 userId, Money amount, PaymentMethod method,
                                           const QString& reference)
{
    if (auto allowed = allow(Permission::TakePayments); !allowed)
        return fail(allowed.error());
    auto checked = checkAmount(amount);
    if (!checked)
        return fail(checked.error());
    auto text = checkLine(reference, QStringLiteral("reference"), MaxNoteLength);
    if (!text)
        return fail(text.error());
    return writeTransaction([&]() -> Result<Payment> {
        if (auto ok = m_storage.lockUser(userId); !ok)
            return fail(ok.error());
        auto current = readInvoice(m_storage, userId);
        if (!current)
            return fail(current.error());
        const qint64 balance = current->sums.balance;
        if (amount.cents() > balance)
            return fail(
                Error::refused(
                    Error::Reason::OverBalance,
                    QStringLiteral("A payment of %1 is above the balance of %2 (%3): the balance "
                                   "is %4")
                        .arg(amount.toString(), current->bidder.name,
                             formatId(EntityKind::User, userId),
                             balance < 0
                                 ? QStringLiteral("-") + Money::fromCents(-balance).toString()
                                 : Money::fromCents(balance).toString()))
                    .with(QStringLiteral("user"), formatId(EntityKind::User, userId))
                    .with(QStringLiteral("amount"), moneyFact(amount))
                    .with(QStringLiteral("balance"), moneyFact(Money::fromCents(balance))));
        Payment payment;
        payment.userId = userId;
        payment.amount = amount;
        payment.method = method;
        payment.reference = *text;
        payment.paidAt = utcTimestampNow();
        auto id = m_storage.insertPayment(payment);
        if (!id)
            return fail(id.error());
        payment.id = *id;
        record(EntityKind::Payment, Change::Action::Added, *id, 0, userId);
        audit(auditChange(QStringLiteral("payment.add"), formatId(EntityKind::Payment, *id), {},
                          auditFields(payment)));
        return payment;
    });
}

Result<Payment> AuctionService::voidPayment(qint64 paymentId, const QString& reason)
{
    if (auto allowed = allow(Permission::VoidPayment); !allowed)
        return fail(allowed.error());
    auto text = checkLine(reason, QStringLiteral("reason"), MaxNoteLength);
    if (!text)
        return fail(text.error());
    return writeTransaction([&]() -> Result<Payment> {
        auto found = m_storage.findPayment(paymentId);
        if (!found)
            return fail(found.error());
        if (!*found)
            return fail(paymentNotFound(paymentId));
        Payment payment = **found;
        if (payment.voided())
            return fail(
                Error::refused(Error::Reason::AlreadyVoided,
                               QStringLiteral("Payment %1 was already voided at %2")
                                   .arg(formatId(EntityKind::Payment, paymentId), payment.voidedAt))
                    .with(QStringLiteral("payment"), formatId(EntityKind::Payment, paymentId))
                    .with(QStringLiteral("voided_at"), payment.voidedAt));
        if (auto ok = mayVoid(payment); !ok)
            return fail(ok.error());
        const Payment before = payment;
        payment.voidedAt = utcTimestampNow();
        payment.voidReason = *text;
        if (auto ok = m_storage.voidPayment(paymentId, payment.voidedAt, payment.voidReason); !ok)
            return fail(ok.error());
        record(EntityKind::Payment, Change::Action::Updated, paymentId, 0, payment.userId);
        audit(auditChange(QStringLiteral("payment.void"), formatId(EntityKind::Payment, paymentId),
                          auditFields(before), auditFields(payment)));
        return payment;
    });
}

Result<Payment> AuctionService::unvoidPayment(qint64 paymentId)
{
    if (auto allowed = allow(Permission::VoidPayment); !allowed)
        return fail(allowed.error());
    return writeTransaction([&]() -> Result<Payment> {
        auto found = m_storage.findPayment(paymentId);
        if (!found)
            return fail(found.error());
        if (!*found)
            return fail(paymentNotFound(paymentId));
        Payment payment = **found;
        if (!payment.voided())
            return fail(
                Error::refused(Error::Reason::NotVoided,
                               QStringLiteral("Payment %1 is not voided")
                                   .arg(formatId(EntityKind::Payment, paymentId)))
                    .with(QStringLiteral("payment"), formatId(EntityKind::Payment, paymentId)));
        const Payment before = payment;
        payment.voidedAt.clear();
        payment.voidReason.clear();
        if (auto ok = m_storage.voidPayment(paymentId, QString(), QString()); !ok)
            return fail(ok.error());
        record(EntityKind::Payment, Change::Action::Updated, paymentId, 0, payment.userId);
        audit(auditChange(QStringLiteral("payment.unvoid"),
                          formatId(EntityKind::Payment, paymentId), auditFields(before),
                          auditFields(payment)));
        return payment;
    });
}

Result<QList<Payment>> AuctionService::payments(qint64 userId)
{
    if (auto allowed = allow(Permission::ReadCheckout); !allowed)
        return fail(allowed.error());
    if (auto ok = requireUser(userId); !ok)
        return fail(ok.error());
    return m_storage.paymentsOfUser(userId);
}

Result<QList<Payment>> AuctionService::paymentsFrom(qint64 firstId, int limit)
{
    if (auto allowed = allow(Permission::ReadCheckout); !allowed)
        return fail(allowed.error());
    return m_storage.paymentsFrom(firstId, limit);
}

Result<Donation> AuctionService::addDonation(qint64 userId, Money amount, const QString& note)
{
    if (auto allowed = allow(Permission::TakePayments); !allowed)
        return fail(allowed.error());
    auto checked = checkAmount(amount);
    if (!checked)
        return fail(checked.error());
    auto text = checkLine(note, QStringLiteral("note"), MaxNoteLength);
    if (!text)
        return fail(text.error());
    return writeTransaction([&]() -> Result<Donation> {
        if (auto ok = m_storage.lockUser(userId); !ok)
            return fail(ok.error());
        if (auto ok = requireUser(userId); !ok)
            return fail(ok.error());
        Donation donation;
        donation.userId = userId;
        donation.amount = amount;
        donation.note = *text;
        donation.createdAt = utcTimestampNow();
        auto id = m_storage.insertDonation(donation);
        if (!id)
            return fail(id.error());
        donation.id = *id;
        record(EntityKind::Donation, Change::Action::Added, *id, 0, userId);
        audit(auditChange(QStringLiteral("donation.add"), formatId(EntityKind::Donation, *id), {},
                          auditFields(donation)));
        return donation;
    });
}

Result<void> AuctionService::deleteDonation(qint64 donationId)
{
    if (auto allowed = allow(Permission::TakePayments); !allowed)
        return fail(allowed.error());
    return writeTransaction([&]() -> Result<void> {
        auto found = m_storage.findDonation(donationId);
        if (!found)
            return fail(found.error());
        if (!*found)
            return fail(donationNotFound(donationId));
        if (auto ok = m_storage.deleteDonation(donationId); !ok)
            return ok;
        record(EntityKind::Donation, Change::Action::Removed, donationId, 0, (*found)->userId);
        audit(auditChange(QStringLiteral("donation.delete"),
                          formatId(EntityKind::Donation, donationId), auditFields(**found), {}));
        return {};
    });
}

Result<Donation> AuctionService::restoreDonation(const Donation& donation)
{
    if (auto allowed = allow(Permission::TakePayments); !allowed)
        return fail(allowed.error());
    auto checked = checkAmount(donation.amount);
    if (!checked)
        return fail(checked.error());
    auto text = checkLine(donation.note, QStringLiteral("note"), MaxNoteLength);
    if (!text)
        return fail(text.error());
    return writeTransaction([&]() -> Result<Donation> {
        auto found = m_storage.findDonation(donation.id);
        if (!found)
            return fail(found.error());
        if (*found)
            return fail(
                Error::refused(Error::Reason::IdTaken,
                               QStringLiteral("%1 already exists")
                                   .arg(formatId(EntityKind::Donation, donation.id)))
                    .with(QStringLiteral("donation"), formatId(EntityKind::Donation, donation.id)));
        if (auto ok = requireUser(donation.userId); !ok)
            return fail(ok.error());
        Donation row = donation;
        row.note = *text;
        if (row.createdAt.isEmpty())
            row.createdAt = utcTimestampNow();
        auto id = m_storage.insertDonation(row);
        if (!id)
            return fail(id.error());
        row.id = *id;
        record(EntityKind::Donation, Change::Action::Added, row.id, 0, row.userId);
        return row;
    });
}

Result<QList<Donation>> AuctionService::donations(qint64 userId)
{
    if (auto allowed = allow(Permission::ReadCheckout); !allowed)
        return fail(allowed.error());
    if (auto ok = requireUser(userId); !ok)
        return fail(ok.error());
    return m_storage.donationsOfUser(userId);
}

namespace {

/// The settings and the checkout figures, read in one snapshot (one read transaction,
/// REPEATABLE READ on PostgreSQL): the figures are read by several statements, and a payment
/// or a close committed between two of them would make them disagree with each other.
Result<std::pair<AuctionSettings, CheckoutFigures>> readFigures(Storage& storage)
{
    if (auto ok = storage.beginRead(); !ok)
        return fail(ok.error());
    auto read = [&]() -> Result<std::pair<AuctionSettings, CheckoutFigures>> {
        auto settings = storage.readSettings();
        if (!settings)
            return fail(settings.error());
        auto figures = storage.checkoutFigures(settings->buyersPremium);
        if (!figures)
            return fail(figures.error());
        return std::pair{std::move(*settings), std::move(*figures)};
    }();
    storage.rollback(); // nothing was written: ending the snapshot is all there is to do
    return read;
}

} // namespace

Result<QList<InvoiceTotals>> AuctionService::invoiceTotals()
{
    if (auto allowed = allow(Permission::ReadCheckout); !allowed)
        return fail(allowed.error());
    auto read = readFigures(m_storage);
    if (!read)
        return fail(read.error());
    const AuctionSettings* settings = &read->first;
    const CheckoutFigures* figures = &read->second;
    QList<InvoiceTotals> totals;
    totals.reserve(figures->bidders.size());
    for (const CheckoutFigures::Bidder& bidder : std::as_const(figures->bidders))
        totals.append({bidder.userId, bidder.number, bidder.name, bidder.taxExempt,
                       Rules::settle(bidder.hammer, bidder.premium, bidder.donations, bidder.paid,
                                     settings->taxRate, bidder.taxExempt)});
    return totals;
}

Result<AuctionSummary> AuctionService::summary()
{
    if (auto allowed = allow(Permission::ReadCheckout); !allowed)
        return fail(allowed.error());
    auto read = readFigures(m_storage);
    if (!read)
        return fail(read.error());
    const AuctionSettings* settings = &read->first;
    const CheckoutFigures* figures = &read->second;
    AuctionSummary summary;
    summary.lotsTotal = figures->lotsTotal;
    summary.lotsOpen = figures->lotsOpen;
    summary.lotsSold = figures->lotsSold;
    summary.lotsUnsold = figures->lotsTotal - figures->lotsOpen - figures->lotsSold;
    summary.paidCash = figures->paidCash;
    summary.paidCheck = figures->paidCheck;
    summary.paidCard = figures->paidCard;
    summary.paidOther = figures->paidOther;
    summary.paidTotal =
        figures->paidCash + figures->paidCheck + figures->paidCard + figures->paidOther;
    for (const CheckoutFigures::Bidder& bidder : std::as_const(figures->bidders)) {
        const Rules::InvoiceSums sums =
            Rules::settle(bidder.hammer, bidder.premium, bidder.donations, bidder.paid,
                          settings->taxRate, bidder.taxExempt);
        summary.hammer += sums.hammer;
        summary.premium += sums.premium;
        summary.tax += sums.tax;
        summary.donations += sums.donations;
        summary.invoiced += sums.total;
        if (sums.balance > 0) {
            summary.outstanding += sums.balance;
            ++summary.biddersWithBalance;
        }
    }
    return summary;
}

} // namespace BidTracker::Model
