#include "invoicehtml.h"

#include "model/tables/tablesupport.h"

#include <QDateTime>
#include <QObject>

namespace BidTracker::Gui {

namespace {

using Model::Rules::InvoiceStatus;

QString money(qint64 cents)
{
    return Model::displayMoney(Model::Money::fromCents(cents));
}

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

/// A row of a table: the first cell text, the others amounts, right-aligned.
QString row(const QStringList& cells, const QString& cssClass = {})
{
    QString html = cssClass.isEmpty() ? QStringLiteral("<tr>")
                                      : QStringLiteral("<tr class=\"%1\">").arg(cssClass);
    for (qsizetype i = 0; i < cells.size(); ++i)
        html += i == 0 ? QStringLiteral("<td>%1</td>").arg(cells[i])
                       : QStringLiteral("<td align=\"right\">%1</td>").arg(cells[i]);
    return html + QStringLiteral("</tr>");
}

/// `widths`: each column's share in per cent, when the table sets them.
QString headings(const QStringList& cells, const QList<int>& widths = {})
{
    QString html = QStringLiteral("<tr>");
    for (qsizetype i = 0; i < cells.size(); ++i)
        // A heading is one word or two: never broken inside ("Refere/nce") for a long cell.
        html += QStringLiteral("<th align=\"%1\"%3 nowrap>%2</th>")
                    .arg(i == 0 ? QStringLiteral("left") : QStringLiteral("right"), cells[i],
                         i < widths.size() ? QStringLiteral(" width=\"%1%\"").arg(widths[i])
                                           : QString());
    return html + QStringLiteral("</tr>");
}

} // namespace

QString invoiceStatusColour(InvoiceStatus status)
{
    switch (status) {
    case InvoiceStatus::Paid:
        return QStringLiteral("#1b7a2f");
    case InvoiceStatus::Credit:
        return QStringLiteral("#9a4d00");
    case InvoiceStatus::Partial:
    case InvoiceStatus::Unpaid:
        break;
    }
    return QStringLiteral("#b00020");
}

namespace {

/// "21:04": when a payment was taken tonight, in local time.
QString shortTime(const QString& utcTimestamp)
{
    const QDateTime time = QDateTime::fromString(utcTimestamp, Qt::ISODateWithMs);
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("HH:mm")) : utcTimestamp;
}

QString bidderLine(const Model::User& bidder)
{
    QStringList facts;
    if (bidder.number > 0)
        facts << QObject::tr("paddle %1").arg(bidder.number);
    facts << Model::formatId(Model::EntityKind::User, bidder.id);
    if (!bidder.phone.isEmpty())
        facts << esc(bidder.phone);
    if (!bidder.email.isEmpty())
        facts << esc(bidder.email);
    if (bidder.taxExempt)
        facts << QObject::tr("tax-exempt");
    facts << (bidder.checkedInAt.isEmpty()
                  ? QObject::tr("not checked in")
                  : QObject::tr("checked in %1").arg(Model::displayTime(bidder.checkedInAt)));
    return facts.join(QStringLiteral(" · "));
}

} // namespace

QString paymentMethodWords(Model::PaymentMethod method)
{
    switch (method) {
    case Model::PaymentMethod::Cash:
        return QObject::tr("Cash");
    case Model::PaymentMethod::Check:
        return QObject::tr("Check");
    case Model::PaymentMethod::Card:
        return QObject::tr("Card");
    case Model::PaymentMethod::Other:
        break;
    }
    return QObject::tr("Other");
}

QString invoiceHeadline(const Model::Invoice& invoice)
{
    const auto& sums = invoice.sums;
    switch (sums.status) {
    case InvoiceStatus::Credit:
        return QObject::tr("Refund due %1").arg(money(-sums.balance));
    case InvoiceStatus::Paid:
        return sums.total == 0 ? QObject::tr("Nothing owed") : QObject::tr("Paid in full");
    case InvoiceStatus::Partial:
    case InvoiceStatus::Unpaid:
        break;
    }
    return QObject::tr("Balance due %1").arg(money(sums.balance));
}

QString invoiceHtml(const Model::Invoice& invoice, const Model::AuctionSettings& settings)
{
    const auto& sums = invoice.sums;
    QString html = QStringLiteral(
        "<style>"
        "h1 { margin: 0; } .who { color: #555; } th { color: #555; font-weight: normal; "
        "border-bottom: 1px solid #999; } td, th { padding: 3px 14px 3px 0; } "
        ".total td { font-weight: bold; border-top: 1px solid #999; } "
        ".voided td { color: #888; text-decoration: line-through; } "
        ".pending td { color: #555; font-style: italic; } h3 { margin-top: 12px; "
        "margin-bottom: 4px; }"
        "</style>");
    html += QStringLiteral("<h1>%1</h1><p class=\"who\">%2 · <span style=\"color: %3\">%4"
                           "</span></p>")
                .arg(esc(invoice.bidder.name), bidderLine(invoice.bidder),
                     invoiceStatusColour(sums.status),
                     esc(Model::Rules::invoiceStatusName(sums.status)));
    // Two columns, so a whole invoice fits the tab without scrolling: what was bought on
    // the left, what it comes to and what was paid on the right.
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\"><tr><td width=\"55%\" "
                           "valign=\"top\" style=\"padding-right: 24px\">");

    html += QStringLiteral("<h3>%1</h3><table width=\"100%\" cellspacing=\"0\">")
                .arg(QObject::tr("Lots won"));
    if (invoice.lines.isEmpty()) {
        html += row({QObject::tr("None yet")});
    } else {
        html += headings({QObject::tr("Lot"), QObject::tr("Hammer"), QObject::tr("Premium")});
        for (const auto& line : invoice.lines)
            html += row({esc(QStringLiteral("%1 · %2").arg(
                             Model::formatId(Model::EntityKind::Item, line.itemId), line.name)),
                         money(line.hammer.cents()), money(line.premium.cents())});
    }
    html += QStringLiteral("</table>");

    if (!invoice.donations.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3><table width=\"100%\" cellspacing=\"0\">")
                    .arg(QObject::tr("Donations (no premium, no tax)"));
        for (const auto& donation : invoice.donations)
            html += row({esc(donation.note.isEmpty() ? QObject::tr("Donation") : donation.note),
                         money(donation.amount.cents())});
        html += QStringLiteral("</table>");
    }

    if (!invoice.pending.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3><table width=\"100%\" cellspacing=\"0\">")
                    .arg(QObject::tr("Still open: leading, not on this invoice until closed"));
        for (const auto& lot : invoice.pending)
            html += row({esc(QStringLiteral("%1 · %2").arg(
                             Model::formatId(Model::EntityKind::Item, lot.itemId), lot.name)),
                         money(lot.value.cents())},
                        QStringLiteral("pending"));
        html += QStringLiteral("</table>");
    }
    html += QStringLiteral("</td><td valign=\"top\">");

    html += QStringLiteral("<h3>%1 (%2)</h3><table width=\"100%\" cellspacing=\"0\">")
                .arg(QObject::tr("Sums"), esc(settings.currency));
    html += row({QObject::tr("Hammer"), money(sums.hammer)});
    html +=
        row({QObject::tr("Buyer's premium (%1 %)").arg(Model::formatRate(settings.buyersPremium)),
             money(sums.premium)});
    html += row({invoice.bidder.taxExempt
                     ? QObject::tr("Tax (tax-exempt)")
                     : QObject::tr("Tax (%1 %)").arg(Model::formatRate(settings.taxRate)),
                 money(sums.tax)});
    html += row({QObject::tr("Donations"), money(sums.donations)});
    html += row({QObject::tr("Total"), money(sums.total)}, QStringLiteral("total"));
    html += row({QObject::tr("Paid"), money(sums.paid)});
    html += row({QObject::tr("Balance"), money(sums.balance)}, QStringLiteral("total"));
    html += QStringLiteral("</table>");

    if (!invoice.payments.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3><table width=\"100%\" cellspacing=\"0\">")
                    .arg(QObject::tr("Payments"));
        // Shares fixed by the headings: a long reference wraps in its own column.
        html += headings({QObject::tr("Time"), QObject::tr("Method"), QObject::tr("Reference"),
                          QObject::tr("Amount")},
                         {20, 16, 42, 22});
        for (const auto& payment : invoice.payments) {
            html += row({esc(shortTime(payment.paidAt)), esc(paymentMethodWords(payment.method)),
                         esc(payment.reference), money(payment.amount.cents())},
                        payment.voided() ? QStringLiteral("voided") : QString());
            if (payment.voided())
                html +=
                    QStringLiteral("<tr><td colspan=\"4\"><i>%1</i></td></tr>")
                        .arg(esc(payment.voidReason.isEmpty()
                                     ? QObject::tr("voided at %1").arg(shortTime(payment.voidedAt))
                                     : QObject::tr("voided at %1: %2")
                                           .arg(shortTime(payment.voidedAt), payment.voidReason)));
        }
        html += QStringLiteral("</table>");
    }

    html += QStringLiteral("</td></tr></table>");
    return html;
}

} // namespace BidTracker::Gui
