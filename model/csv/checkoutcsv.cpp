#include "checkoutcsv.h"

#include "csvwriter.h"
#include "model/auctionservice.h"

namespace BidTracker::Model {

namespace {

QString amount(qint64 cents)
{
    return cents < 0 ? u'-' + Money::fromCents(-cents).toString()
                     : Money::fromCents(cents).toString();
}

constexpr int PaymentSlice = 5000;

} // namespace

QStringList checkoutCsvColumns(CheckoutCsv kind)
{
    if (kind == CheckoutCsv::Invoices)
        return {QStringLiteral("user_id"),   QStringLiteral("number"),  QStringLiteral("name"),
                QStringLiteral("hammer"),    QStringLiteral("premium"), QStringLiteral("tax"),
                QStringLiteral("donations"), QStringLiteral("total"),   QStringLiteral("paid"),
                QStringLiteral("balance"),   QStringLiteral("status")};
    return {QStringLiteral("payment_id"), QStringLiteral("user_id"), QStringLiteral("number"),
            QStringLiteral("name"),       QStringLiteral("amount"),  QStringLiteral("method"),
            QStringLiteral("reference"),  QStringLiteral("paid_at"), QStringLiteral("voided_at"),
            QStringLiteral("void_reason")};
}

std::optional<CheckoutCsv> parseCheckoutCsvFile(QStringView fileName)
{
    if (fileName == u"invoices.csv")
        return CheckoutCsv::Invoices;
    if (fileName == u"payments.csv")
        return CheckoutCsv::Payments;
    return std::nullopt;
}

Result<qint64> exportCheckoutCsv(AuctionService& service, CheckoutCsv kind, QIODevice& out)
{
    CsvWriter writer(out);
    writer.writeRow(checkoutCsvColumns(kind));
    qint64 rows = 0;
    if (kind == CheckoutCsv::Invoices) {
        auto totals = service.invoiceTotals();
        if (!totals)
            return fail(totals.error());
        for (const InvoiceTotals& invoice : std::as_const(*totals)) {
            const Rules::InvoiceSums& sums = invoice.sums;
            writer.writeRow({formatId(EntityKind::User, invoice.userId),
                             QString::number(invoice.number), invoice.name, amount(sums.hammer),
                             amount(sums.premium), amount(sums.tax), amount(sums.donations),
                             amount(sums.total), amount(sums.paid), amount(sums.balance),
                             Rules::invoiceStatusName(sums.status)});
            ++rows;
        }
    } else {
        QHash<qint64, User> bidders; // a cashier's night has few payers: each read once
        for (qint64 next = 1;;) {
            auto slice = service.paymentsFrom(next, PaymentSlice);
            if (!slice)
                return fail(slice.error());
            for (const Payment& payment : std::as_const(*slice)) {
                if (!bidders.contains(payment.userId)) {
                    auto bidder = service.user(payment.userId);
                    if (!bidder)
                        return fail(bidder.error());
                    bidders.insert(payment.userId, *bidder);
                }
                const User& bidder = bidders[payment.userId];
                writer.writeRow(
                    {formatId(EntityKind::Payment, payment.id),
                     formatId(EntityKind::User, payment.userId), QString::number(bidder.number),
                     bidder.name, payment.amount.toString(), paymentMethodName(payment.method),
                     payment.reference, payment.paidAt, payment.voidedAt, payment.voidReason});
                ++rows;
                next = payment.id + 1;
            }
            if (slice->size() < PaymentSlice)
                break;
        }
    }
    if (!writer.flush())
        return fail(Error::unavailable(
            QStringLiteral("Cannot write the CSV file: %1").arg(writer.errorString())));
    return rows;
}

} // namespace BidTracker::Model
