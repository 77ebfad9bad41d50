#include "invoices.h"

#include "model/ids.h"
#include "model/rules/deductible.h"
#include "model/tables/tablesupport.h"
#include "pagecanvas.h"

#include <QDate>
#include <QLocale>

namespace BidTracker::Print {

namespace {

constexpr double Margin = 48;
constexpr double HeadingHeight = 96;
constexpr double FooterHeight = 20;
const QColor Ink(0x20, 0x20, 0x20);
const QColor Grey(0x6b, 0x6b, 0x6b);
const QColor PaidGreen(0x2e, 0x8b, 0x57);

enum Table { LotsWithValues, Donations, Pending, Payments, Totals, Lots };

const QList<FlowTable>& tables()
{
    static const QList<FlowTable> all{
        {{0.1, 0.45, 0.15, 0.15, 0.15},
         {Qt::AlignLeft, Qt::AlignLeft, Qt::AlignRight, Qt::AlignRight, Qt::AlignRight},
         {QStringLiteral("LOT"), QStringLiteral("ITEM"), QStringLiteral("HAMMER"),
          QStringLiteral("PREMIUM"), QStringLiteral("DEDUCTIBLE*")}},
        {{0.1, 0.75, 0.15},
         {Qt::AlignLeft, Qt::AlignLeft, Qt::AlignRight},
         {QString(), QStringLiteral("DONATION"), QStringLiteral("AMOUNT")}},
        {{0.1, 0.75, 0.15},
         {Qt::AlignLeft, Qt::AlignLeft, Qt::AlignRight},
         {QStringLiteral("LOT"), QStringLiteral("STILL OPEN (NOT IN THE TOTAL)"),
          QStringLiteral("LEADING AT")}},
        {{0.3, 0.15, 0.4, 0.15},
         {Qt::AlignLeft, Qt::AlignLeft, Qt::AlignLeft, Qt::AlignRight},
         {QStringLiteral("PAID AT"), QStringLiteral("METHOD"), QStringLiteral("REFERENCE"),
          QStringLiteral("AMOUNT")}},
        {{0.55, 0.3, 0.15},
         {Qt::AlignLeft, Qt::AlignRight, Qt::AlignRight},
         {QString(), QString(), QString()},
         0.55},
        // Without fair market values, no column for what may be deductible.
        {{0.1, 0.6, 0.15, 0.15},
         {Qt::AlignLeft, Qt::AlignLeft, Qt::AlignRight, Qt::AlignRight},
         {QStringLiteral("LOT"), QStringLiteral("ITEM"), QStringLiteral("HAMMER"),
          QStringLiteral("PREMIUM")}},
    };
    return all;
}

QString money(qint64 cents)
{
    return Model::displayMoney(Model::Money::fromCents(cents));
}

QString methodName(Model::PaymentMethod method)
{
    QString name = Model::paymentMethodName(method);
    if (!name.isEmpty())
        name[0] = name[0].toUpper();
    return name;
}

} // namespace

Invoices::Invoices(Paper paper, QString auctionName, QList<Model::Invoice> invoices)
    : Document(paper), m_auctionName(std::move(auctionName)), m_invoices(std::move(invoices))
{
    const double available =
        pageSize(paper).size(QPageSize::Point).height() - 2 * Margin - HeadingHeight - FooterHeight;
    for (qsizetype i = 0; i < m_invoices.size(); ++i) {
        const QList<QList<FlowRow>> pages = paginate(rowsOf(m_invoices[i]), available);
        for (qsizetype p = 0; p < pages.size(); ++p)
            m_pages.append(
                Page{i, static_cast<int>(p + 1), static_cast<int>(pages.size()), pages[p]});
    }
}

QString Invoices::title() const
{
    return QStringLiteral("%1: invoices").arg(m_auctionName);
}

int Invoices::pageCount() const
{
    return std::max(1, static_cast<int>(m_pages.size()));
}

QList<FlowRow> Invoices::rowsOf(const Model::Invoice& invoice) const
{
    const Model::Rules::InvoiceSums& sums = invoice.sums;
    QList<FlowRow> rows;
    qint64 deductible = 0;
    const bool anyValue = std::any_of(
        invoice.lines.begin(), invoice.lines.end(),
        [](const Model::Invoice::Line& line) { return line.fairMarketValue.has_value(); });
    const int lotsTable = anyValue ? LotsWithValues : Lots;
    if (!invoice.lines.isEmpty()) {
        rows.append(FlowRow::title(QStringLiteral("Lots won")));
        rows.append(FlowRow::heading(lotsTable));
        for (const Model::Invoice::Line& line : invoice.lines) {
            QString part;
            if (line.fairMarketValue) {
                const qint64 cents = Model::Rules::deductibleCents(
                    line.hammer.cents() + line.premium.cents(), line.fairMarketValue->cents());
                deductible += cents;
                part = money(cents);
            }
            rows.append(FlowRow::cellsOf(lotsTable, {QString::number(line.itemId), line.name,
                                                     money(line.hammer.cents()),
                                                     money(line.premium.cents()), part}));
        }
        rows.append(FlowRow::gap());
    }
    if (!invoice.donations.isEmpty()) {
        rows.append(FlowRow::title(QStringLiteral("Donations")));
        rows.append(FlowRow::heading(Donations));
        for (const Model::Donation& donation : invoice.donations)
            rows.append(FlowRow::cellsOf(
                Donations,
                {QString(), donation.note.isEmpty() ? QStringLiteral("Donation") : donation.note,
                 money(donation.amount.cents())}));
        rows.append(FlowRow::gap());
    }

    // The sums stay together, on the page of their last line or the next.
    const QList<std::pair<QString, qint64>> figures{
        {QStringLiteral("Hammer"), sums.hammer},
        {QStringLiteral("Buyer's premium"), sums.premium},
        {QStringLiteral("Tax"), sums.tax},
        {QStringLiteral("Donations"), sums.donations},
    };
    for (const auto& [label, cents] : figures) {
        FlowRow row = FlowRow::cellsOf(Totals, {QString(), label, money(cents)});
        row.keepWithNext = true;
        rows.append(row);
    }
    FlowRow total =
        FlowRow::cellsOf(Totals, {QString(), QStringLiteral("Total"), money(sums.total)}, true);
    total.keepWithNext = true;
    rows.append(total);
    FlowRow paid = FlowRow::cellsOf(Totals, {QString(), QStringLiteral("Paid"), money(sums.paid)});
    paid.keepWithNext = true;
    rows.append(paid);
    const bool credit = sums.status == Model::Rules::InvoiceStatus::Credit;
    rows.append(FlowRow::cellsOf(
        Totals,
        {QString(), credit ? QStringLiteral("Refund due") : QStringLiteral("Balance due"),
         money(credit ? -sums.balance : sums.balance)},
        true));
    if (anyValue)
        rows.append(FlowRow::cellsOf(
            Totals, {QString(), QStringLiteral("May be tax-deductible*"), money(deductible)}));
    rows.append(FlowRow::gap());

    if (!invoice.payments.isEmpty()) {
        rows.append(FlowRow::title(QStringLiteral("Payments")));
        rows.append(FlowRow::heading(Payments));
        for (const Model::Payment& payment : invoice.payments) {
            FlowRow row = FlowRow::cellsOf(
                Payments, {Model::displayTime(payment.paidAt), methodName(payment.method),
                           payment.voided() ? QStringLiteral("void: %1").arg(payment.voidReason)
                                            : payment.reference,
                           money(payment.amount.cents())});
            row.muted = payment.voided();
            row.struck = payment.voided();
            rows.append(row);
        }
        rows.append(FlowRow::gap());
    }
    if (!invoice.pending.isEmpty()) {
        rows.append(FlowRow::title(QStringLiteral("Still open")));
        rows.append(FlowRow::heading(Pending));
        for (const Model::Invoice::Pending& lot : invoice.pending)
            rows.append(FlowRow::cellsOf(
                Pending, {QString::number(lot.itemId), lot.name, money(lot.value.cents())}));
        rows.append(FlowRow::gap());
    }
    if (anyValue)
        rows.append(FlowRow::note(
            QStringLiteral("* The part of the price paid (hammer and premium) above the lot's "
                           "fair market value may be tax-deductible; ask your tax adviser."),
            true, 2)); // two lines: read whole on Letter and A4 alike
    return rows;
}

void Invoices::paintHeading(PageCanvas& canvas, const Page& page) const
{
    const Model::Invoice& invoice = m_invoices[page.invoice];
    const double width = canvas.pageSize().width() - 2 * Margin;
    const bool settled =
        invoice.sums.status == Model::Rules::InvoiceStatus::Paid && invoice.sums.total > 0;
    // The auction's name is read whole: smaller when long, on two lines when longer still.
    canvas.drawFitted(QRectF(Margin, Margin, width * 0.6, 30), m_auctionName, 16, 10, true, Ink,
                      Qt::AlignLeft | Qt::AlignVCenter);
    canvas.drawLine(QRectF(Margin + width * 0.5, Margin, width * 0.5, 22),
                    settled ? QStringLiteral("RECEIPT") : QStringLiteral("INVOICE"),
                    PageCanvas::font(16, true), Grey, Qt::AlignRight | Qt::AlignVCenter);
    const QString id = Model::formatId(Model::EntityKind::User, invoice.bidder.id);
    canvas.drawLine(
        QRectF(Margin, Margin + 32, width * 0.7, 18),
        QStringLiteral("Bidder %1 · %2").arg(invoice.bidder.number).arg(invoice.bidder.name),
        PageCanvas::font(12, true), Ink);
    QStringList contact{id};
    if (!invoice.bidder.email.isEmpty())
        contact.append(invoice.bidder.email);
    if (!invoice.bidder.phone.isEmpty())
        contact.append(invoice.bidder.phone);
    if (invoice.bidder.taxExempt)
        contact.append(QStringLiteral("tax exempt"));
    canvas.drawLine(QRectF(Margin, Margin + 52, width * 0.7, 14),
                    contact.join(QStringLiteral("  ·  ")), PageCanvas::font(9), Grey);
    canvas.drawLine(QRectF(Margin + width * 0.5, Margin + 32, width * 0.5, 18),
                    QLocale().toString(QDate::currentDate(), QLocale::LongFormat),
                    PageCanvas::font(9), Grey, Qt::AlignRight | Qt::AlignVCenter);
    if (page.of > 1)
        canvas.drawLine(QRectF(Margin + width * 0.5, Margin + 50, width * 0.5, 14),
                        QStringLiteral("Page %1 of %2").arg(page.number).arg(page.of),
                        PageCanvas::font(9), Grey, Qt::AlignRight | Qt::AlignVCenter);
    const double y = Margin + HeadingHeight - 16;
    canvas.strokeLine(QPointF(Margin, y), QPointF(Margin + width, y), 1.2, Ink);
}

void Invoices::paintPage(PageCanvas& canvas, int index) const
{
    const double width = canvas.pageSize().width() - 2 * Margin;
    if (m_pages.isEmpty()) {
        canvas.drawLine(QRectF(Margin, Margin, width, 30), QStringLiteral("No invoices to print"),
                        PageCanvas::font(16, true));
        return;
    }
    const Page& page = m_pages[index];
    paintHeading(canvas, page);
    const QRectF area(Margin, Margin + HeadingHeight, width,
                      canvas.pageSize().height() - 2 * Margin - HeadingHeight - FooterHeight);
    const QList<double> tops = paintFlow(canvas, page.rows, tables(), area);
    const Model::Invoice& invoice = m_invoices[page.invoice];
    const bool settled =
        invoice.sums.status == Model::Rules::InvoiceStatus::Paid && invoice.sums.total > 0;
    for (qsizetype i = 0; settled && i < page.rows.size(); ++i) {
        if (page.rows[i].table != Totals)
            continue;
        // The stamp a cashier puts on a settled bill, in the empty side of the sums.
        const QRectF stamp(Margin + 24, tops[i] + 14, 150, 50);
        canvas.strokeRect(stamp, 2.5, PaidGreen);
        canvas.drawLine(stamp, QStringLiteral("PAID"), PageCanvas::font(28, true), PaidGreen,
                        Qt::AlignCenter);
        break;
    }
    const double footer = canvas.pageSize().height() - Margin - FooterHeight + 6;
    canvas.drawFitted(QRectF(Margin, footer, width, FooterHeight - 4),
                      QStringLiteral("Thank you for supporting %1.").arg(m_auctionName), 8, 6,
                      false, Grey, Qt::AlignHCenter | Qt::AlignVCenter);
}

} // namespace BidTracker::Print
