// AuctionService: consignors, their payouts and settlement (RULES.md 6). The arithmetic is
// Rules::settlementSums alone; this reads the rows it needs and checks what people type.
#include "auctionservice.h"

#include "auctionservice_transaction.h"
#include "contact.h"
#include "names.h"
#include "refusals.h"
#include "storage/database.h"

namespace BidTracker::Model {

namespace {

/// A postal address may take a few lines; nothing else may.
constexpr qsizetype MaxAddressLength = 500;

Result<QString> checkAddress(const QString& address)
{
    QString lines;
    for (const QString& line : address.split(u'\n')) {
        auto checked = checkLine(line, QStringLiteral("address"), MaxAddressLength);
        if (!checked)
            return fail(checked.error());
        lines += (lines.isEmpty() ? QString() : QStringLiteral("\n")) + *checked;
    }
    if (lines.size() > MaxAddressLength)
        return fail(Error::invalid(
            QStringLiteral("address is longer than %1 characters").arg(MaxAddressLength),
            QStringLiteral("address")));
    return lines.trimmed();
}

Result<void> checkFee(const Money& fee, const QString& field)
{
    if (fee.cents() < 0 || fee.cents() > Money::MaxCents)
        return fail(Error::invalid(
            QStringLiteral("%1 must be 0 or more and at most 1000000000.00").arg(field), field));
    return {};
}

/// Applies and checks the fields set: the one place a consignor's fields are validated.
Result<void> applyConsignorChanges(Consignor& consignor, const ConsignorChanges& changes)
{
    if (changes.name) {
        auto name = checkName(*changes.name);
        if (!name)
            return fail(name.error());
        consignor.name = *name;
    }
    if (changes.number) {
        auto number = checkBidderNumber(*changes.number);
        if (!number)
            return fail(number.error());
        consignor.number = *number;
    }
    if (changes.phone) {
        auto phone = checkPhone(*changes.phone);
        if (!phone)
            return fail(phone.error());
        consignor.phone = *phone;
    }
    if (changes.email) {
        auto email = checkEmail(*changes.email);
        if (!email)
            return fail(email.error());
        consignor.email = *email;
    }
    if (changes.address) {
        auto address = checkAddress(*changes.address);
        if (!address)
            return fail(address.error());
        consignor.address = *address;
    }
    if (changes.commission) {
        const auto& rate = *changes.commission;
        if (rate && (*rate < 0 || *rate > MaxRate))
            return fail(Error::invalid(QStringLiteral("commission must be between 0 and 100"),
                                       QStringLiteral("commission")));
        consignor.commission = rate;
    }
    if (changes.lotFee) {
        if (auto ok = checkFee(*changes.lotFee, QStringLiteral("lot_fee")); !ok)
            return ok;
        consignor.lotFee = *changes.lotFee;
    }
    if (changes.unsoldFee) {
        if (auto ok = checkFee(*changes.unsoldFee, QStringLiteral("unsold_fee")); !ok)
            return ok;
        consignor.unsoldFee = *changes.unsoldFee;
    }
    return {};
}

Error numberTaken(const Consignor& holder)
{
    return Error::refused(Error::Reason::NumberTaken,
                          QStringLiteral("Consignor number %1 is already %2 (%3)")
                              .arg(holder.number)
                              .arg(holder.name, formatId(EntityKind::Consignor, holder.id)))
        .with(QStringLiteral("number"), holder.number)
        .with(QStringLiteral("consignor"), formatId(EntityKind::Consignor, holder.id));
}

/// The consignor's number free (or theirs already), or the next free one when none is asked.
Result<void> settleNumber(Storage& storage, Consignor& consignor, bool asked)
{
    if (!asked) {
        auto highest = storage.highestConsignorNumber();
        if (!highest)
            return fail(highest.error());
        consignor.number = *highest + 1;
        return {};
    }
    auto holder = storage.findConsignorByNumber(consignor.number);
    if (!holder)
        return fail(holder.error());
    if (*holder && (*holder)->id != consignor.id)
        return fail(numberTaken(**holder));
    return {};
}

Result<Consignor> requireConsignor(Storage& storage, qint64 id, Storage::Lock lock)
{
    auto found = storage.findConsignor(id, lock);
    if (!found)
        return fail(found.error());
    if (!*found)
        return fail(unknown(EntityKind::Consignor, id));
    return **found;
}

Rules::ConsignedLot consignedLot(const ConsignedLotRow& row, const QHash<qint64, bool>& collected)
{
    Rules::ConsignedLot lot;
    if (row.sold) {
        lot.state = Rules::ConsignedLotState::Sold;
        lot.hammerCents = row.hammer.cents();
        lot.collected = collected.value(row.buyerId, false);
    } else {
        lot.state =
            row.closed ? Rules::ConsignedLotState::Unsold : Rules::ConsignedLotState::Pending;
    }
    return lot;
}

Result<Money> checkPayoutAmount(Money amount)
{
    if (amount.cents() <= 0 || amount.cents() > Money::MaxCents)
        return fail(
            Error::invalid(QStringLiteral("amount must be more than 0 and at most 1000000000.00"),
                           QStringLiteral("amount")));
    return amount;
}

} // namespace

Result<Consignor> AuctionService::createConsignor(const ConsignorChanges& changes)
{
    if (!changes.name)
        return fail(Error::invalid(QStringLiteral("Missing required parameter name"),
                                   QStringLiteral("name")));
    Consignor consignor;
    if (auto ok = applyConsignorChanges(consignor, changes); !ok)
        return fail(ok.error());
    return writeTransaction([&]() -> Result<Consignor> {
        Consignor row = consignor;
        if (auto ok = settleNumber(m_storage, row, changes.number.has_value()); !ok)
            return fail(ok.error());
        row.createdAt = utcTimestampNow();
        auto id = m_storage.insertConsignor(row);
        if (!id)
            return fail(id.error());
        row.id = *id;
        record(EntityKind::Consignor, Change::Action::Added, *id);
        return row;
    });
}

Result<Consignor> AuctionService::updateConsignor(qint64 id, const ConsignorChanges& changes)
{
    Consignor probe;
    if (auto ok = applyConsignorChanges(probe, changes); !ok)
        return fail(ok.error());
    return writeTransaction([&]() -> Result<Consignor> {
        auto current = requireConsignor(m_storage, id, Storage::Lock::ForUpdate);
        if (!current)
            return current;
        Consignor changed = *current;
        if (auto ok = applyConsignorChanges(changed, changes); !ok)
            return fail(ok.error());
        if (changes.number && *changes.number != current->number) {
            if (auto ok = settleNumber(m_storage, changed, true); !ok)
                return fail(ok.error());
        }
        if (auto ok = m_storage.updateConsignor(changed); !ok)
            return fail(ok.error());
        record(EntityKind::Consignor, Change::Action::Updated, id);
        return changed;
    });
}

Result<void> AuctionService::deleteConsignor(qint64 id)
{
    return writeTransaction([&]() -> Result<void> {
        auto current = requireConsignor(m_storage, id, Storage::Lock::ForUpdate);
        if (!current)
            return fail(current.error());
        auto lots = m_storage.countConsignedLots(id);
        if (!lots)
            return fail(lots.error());
        const QString named = formatId(EntityKind::Consignor, id);
        if (*lots > 0)
            return fail(Error::refused(Error::Reason::HasLots,
                                       QStringLiteral("Consignor %1 (%2) has %3 lot(s) and cannot "
                                                      "be deleted")
                                           .arg(current->name, named)
                                           .arg(*lots))
                            .with(QStringLiteral("consignor"), named)
                            .with(QStringLiteral("lot_count"), *lots));
        auto payouts = m_storage.payoutsOfConsignor(id);
        if (!payouts)
            return fail(payouts.error());
        if (!payouts->isEmpty())
            return fail(Error::refused(Error::Reason::HasPayments,
                                       QStringLiteral("Consignor %1 (%2) has payouts on record and "
                                                      "cannot be deleted")
                                           .arg(current->name, named))
                            .with(QStringLiteral("consignor"), named));
        if (auto ok = m_storage.deleteConsignor(id); !ok)
            return ok;
        record(EntityKind::Consignor, Change::Action::Removed, id);
        return {};
    });
}

Result<Consignor> AuctionService::consignor(qint64 id)
{
    return requireConsignor(m_storage, id, Storage::Lock::None);
}

Result<std::optional<Consignor>> AuctionService::consignorByNumber(qint64 number)
{
    return m_storage.findConsignorByNumber(number);
}

Result<QList<Consignor>> AuctionService::consignors()
{
    return m_storage.listConsignors();
}

Result<qint64> AuctionService::importConsignors(const QList<ConsignorChanges>& rows,
                                                QList<qint64>* ids)
{
    QList<Consignor> checked;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        Consignor row;
        auto ok = rows[i].name
                      ? applyConsignorChanges(row, rows[i])
                      : fail(Error::invalid(QStringLiteral("Missing required parameter name"),
                                            QStringLiteral("name")));
        if (!ok) {
            Error error = ok.error();
            error.message = QStringLiteral("Row %1: %2").arg(i + 1).arg(error.message);
            return fail(error.with(QStringLiteral("row"), qint64(i + 1)));
        }
        checked.append(row);
    }
    return writeTransaction([&]() -> Result<qint64> {
        QList<qint64> added;
        for (qsizetype i = 0; i < checked.size(); ++i) {
            Consignor row = checked[i];
            if (auto ok = settleNumber(m_storage, row, rows[i].number.has_value()); !ok)
                return fail(ok.error());
            row.createdAt = utcTimestampNow();
            auto id = m_storage.insertConsignor(row);
            if (!id)
                return fail(id.error());
            added.append(*id);
            record(EntityKind::Consignor, Change::Action::Added, *id);
        }
        if (ids)
            *ids = added;
        return qint64(added.size());
    });
}

Result<void> AuctionService::requireConsignorOf(const ItemChanges& changes)
{
    if (!changes.consignorId || !*changes.consignorId)
        return {};
    auto found = requireConsignor(m_storage, **changes.consignorId, Storage::Lock::ForUpdate);
    if (!found)
        return fail(found.error());
    return {};
}

Result<QHash<qint64, bool>> AuctionService::collectedBuyers(const AuctionSettings& settings)
{
    auto figures = m_storage.checkoutFigures(settings.buyersPremium);
    if (!figures)
        return fail(figures.error());
    QHash<qint64, bool> collected;
    for (const CheckoutFigures::Bidder& bidder : std::as_const(figures->bidders)) {
        const auto sums = Rules::settle(bidder.hammer, bidder.premium, bidder.donations,
                                        bidder.paid, settings.taxRate, bidder.taxExempt);
        collected.insert(bidder.userId, sums.status == Rules::InvoiceStatus::Paid ||
                                            sums.status == Rules::InvoiceStatus::Credit);
    }
    return collected;
}

Result<Settlement> AuctionService::settleLocked(qint64 consignorId, const AuctionSettings& settings,
                                                const QHash<qint64, bool>& collected)
{
    Settlement settlement;
    auto found = requireConsignor(m_storage, consignorId, Storage::Lock::None);
    if (!found)
        return fail(found.error());
    settlement.consignor = *found;
    settlement.commission = found->commission.value_or(settings.commissionRate);
    auto lots = m_storage.consignedLots(consignorId);
    if (!lots)
        return fail(lots.error());
    settlement.lots = std::move(*lots);
    auto payouts = m_storage.payoutsOfConsignor(consignorId);
    if (!payouts)
        return fail(payouts.error());
    settlement.payouts = std::move(*payouts);

    QList<Rules::ConsignedLot> input;
    input.reserve(settlement.lots.size());
    for (const ConsignedLotRow& row : std::as_const(settlement.lots))
        input.append(consignedLot(row, collected));
    QList<Rules::PaymentAmount> paid;
    for (const Payout& payout : std::as_const(settlement.payouts))
        paid.append({payout.amount.cents(), payout.voided()});
    const Rules::ConsignorTerms terms{settlement.commission, found->lotFee.cents(),
                                      found->unsoldFee.cents()};
    settlement.sums = Rules::settlementSums(terms, input, paid);
    return settlement;
}

Result<Settlement> AuctionService::settlement(qint64 consignorId)
{
    auto all = [&]() -> Result<Settlement> {
        auto settings = m_storage.readSettings();
        if (!settings)
            return fail(settings.error());
        auto collected = collectedBuyers(*settings);
        if (!collected)
            return fail(collected.error());
        return settleLocked(consignorId, *settings, *collected);
    };
    if (auto ok = m_storage.beginRead(); !ok)
        return fail(ok.error());
    auto read = all();
    m_storage.rollback(); // nothing was written: ending the snapshot is all there is to do
    return read;
}

Result<QList<Settlement>> AuctionService::settlements()
{
    auto all = [&]() -> Result<QList<Settlement>> {
        auto settings = m_storage.readSettings();
        if (!settings)
            return fail(settings.error());
        auto collected = collectedBuyers(*settings);
        if (!collected)
            return fail(collected.error());
        auto consignors = m_storage.listConsignors();
        if (!consignors)
            return fail(consignors.error());
        QList<Settlement> settlements;
        for (const Consignor& consignor : std::as_const(*consignors)) {
            auto one = settleLocked(consignor.id, *settings, *collected);
            if (!one)
                return fail(one.error());
            settlements.append(std::move(*one));
        }
        return settlements;
    };
    if (auto ok = m_storage.beginRead(); !ok)
        return fail(ok.error());
    auto read = all();
    m_storage.rollback();
    return read;
}

Result<Payout> AuctionService::addPayout(qint64 consignorId, Money amount, PayoutMethod method,
                                         const QString& reference, const PayoutDesk& desk)
{
    if (auto ok = checkPayoutAmount(amount); !ok)
        return fail(ok.error());
    auto text = checkLine(reference, QStringLiteral("reference"), MaxNoteLength);
    if (!text)
        return fail(text.error());
    auto cashier = checkLine(desk.cashier, QStringLiteral("cashier"), MaxNameLength);
    if (!cashier)
        return fail(cashier.error());
    auto station = checkLine(desk.station, QStringLiteral("station"), MaxNameLength);
    if (!station)
        return fail(station.error());
    return writeTransaction([&]() -> Result<Payout> {
        // The consignor's row locked first: two payouts at two stations are checked in turn.
        if (auto locked = requireConsignor(m_storage, consignorId, Storage::Lock::ForUpdate);
            !locked)
            return fail(locked.error());
        auto settings = m_storage.readSettings();
        if (!settings)
            return fail(settings.error());
        auto collected = collectedBuyers(*settings);
        if (!collected)
            return fail(collected.error());
        auto current = settleLocked(consignorId, *settings, *collected);
        if (!current)
            return fail(current.error());
        const qint64 payable = current->sums.payableNow;
        const QString named = formatId(EntityKind::Consignor, consignorId);
        if (amount.cents() > payable)
            return fail(
                Error::refused(Error::Reason::OverBalance,
                               QStringLiteral("A payout of %1 is above what is payable now "
                                              "to %2 (%3): %4")
                                   .arg(amount.toString(), current->consignor.name, named,
                                        Money::fromCents(payable).toString()))
                    .with(QStringLiteral("consignor"), named)
                    .with(QStringLiteral("amount"), moneyFact(amount))
                    .with(QStringLiteral("payable_now"), moneyFact(Money::fromCents(payable))));
        Payout payout;
        payout.consignorId = consignorId;
        payout.amount = amount;
        payout.method = method;
        payout.reference = *text;
        payout.desk = {*cashier, *station};
        payout.paidAt = utcTimestampNow();
        auto id = m_storage.insertPayout(payout);
        if (!id)
            return fail(id.error());
        payout.id = *id;
        record(EntityKind::Payout, Change::Action::Added, *id);
        return payout;
    });
}

Result<Payout> AuctionService::voidPayout(qint64 payoutId, const QString& reason)
{
    auto text = checkLine(reason, QStringLiteral("reason"), MaxNoteLength);
    if (!text)
        return fail(text.error());
    return writeTransaction([&]() -> Result<Payout> {
        auto found = m_storage.findPayout(payoutId);
        if (!found)
            return fail(found.error());
        if (!*found)
            return fail(unknown(EntityKind::Payout, payoutId));
        Payout payout = **found;
        const QString named = formatId(EntityKind::Payout, payoutId);
        if (payout.voided())
            return fail(Error::refused(Error::Reason::AlreadyVoided,
                                       QStringLiteral("Payout %1 was already voided at %2")
                                           .arg(named, payout.voidedAt))
                            .with(QStringLiteral("payout"), named)
                            .with(QStringLiteral("voided_at"), payout.voidedAt));
        payout.voidedAt = utcTimestampNow();
        payout.voidReason = *text;
        if (auto ok = m_storage.voidPayout(payoutId, payout.voidedAt, payout.voidReason); !ok)
            return fail(ok.error());
        record(EntityKind::Payout, Change::Action::Updated, payoutId);
        return payout;
    });
}

Result<Payout> AuctionService::unvoidPayout(qint64 payoutId)
{
    return writeTransaction([&]() -> Result<Payout> {
        auto found = m_storage.findPayout(payoutId);
        if (!found)
            return fail(found.error());
        if (!*found)
            return fail(unknown(EntityKind::Payout, payoutId));
        Payout payout = **found;
        const QString named = formatId(EntityKind::Payout, payoutId);
        if (!payout.voided())
            return fail(Error::refused(Error::Reason::NotVoided,
                                       QStringLiteral("Payout %1 is not voided").arg(named))
                            .with(QStringLiteral("payout"), named));
        payout.voidedAt.clear();
        payout.voidReason.clear();
        if (auto ok = m_storage.voidPayout(payoutId, QString(), QString()); !ok)
            return fail(ok.error());
        record(EntityKind::Payout, Change::Action::Updated, payoutId);
        return payout;
    });
}

Result<QList<Payout>> AuctionService::payouts(qint64 consignorId)
{
    if (auto found = requireConsignor(m_storage, consignorId, Storage::Lock::None); !found)
        return fail(found.error());
    return m_storage.payoutsOfConsignor(consignorId);
}

} // namespace BidTracker::Model
