#include "settlements.h"

#include "model/auctionsettings.h"
#include "model/ids.h"
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

enum Table { Sold, Returned, Pending, Payouts, Totals };

const QList<FlowTable>& tables()
{
    static const QList<FlowTable> all{
        {{0.09, 0.37, 0.14, 0.14, 0.12, 0.14},
         {Qt::AlignLeft, Qt::AlignLeft, Qt::AlignRight, Qt::AlignRight, Qt::AlignRight,
          Qt::AlignRight},
         {QStringLiteral("LOT"), QStringLiteral("ITEM"), QStringLiteral("HAMMER"),
          QStringLiteral("COMMISSION"), QStringLiteral("FEE"), QStringLiteral("BUYER PAID")}},
        {{0.09, 0.77, 0.14},
         {Qt::AlignLeft, Qt::AlignLeft, Qt::AlignRight},
         {QStringLiteral("LOT"), QStringLiteral("RETURNED UNSOLD"), QStringLiteral("FEE")}},
        {{0.09, 0.91},
         {Qt::AlignLeft, Qt::AlignLeft},
         {QStringLiteral("LOT"), QStringLiteral("STILL OPEN (NOT IN THE SETTLEMENT)")}},
        {{0.24, 0.12, 0.2, 0.3, 0.14},
         {Qt::AlignLeft, Qt::AlignLeft, Qt::AlignLeft, Qt::AlignLeft, Qt::AlignRight},
         {QStringLiteral("PAID OUT AT"), QStringLiteral("METHOD"), QStringLiteral("REFERENCE"),
          QStringLiteral("CASHIER · STATION"), QStringLiteral("AMOUNT")}},
        {{0.55, 0.3, 0.15},
         {Qt::AlignLeft, Qt::AlignRight, Qt::AlignRight},
         {QString(), QString(), QString()},
         0.55},
    };
    return all;
}

QString money(qint64 cents)
{
    return cents < 0 ? QStringLiteral("-") + Model::displayMoney(Model::Money::fromCents(-cents))
                     : Model::displayMoney(Model::Money::fromCents(cents));
}

QString capitalized(QString word)
{
    if (!word.isEmpty())
        word[0] = word[0].toUpper();
    return word;
}

void addLots(QList<FlowRow>& rows, const Model::Settlement& settlement)
{
    const auto& sums = settlement.sums;
    QList<FlowRow> sold;
    QList<FlowRow> returned;
    for (const Model::Rules::SettlementLine& line : sums.lines) {
        const Model::ConsignedLotRow& lot = settlement.lots.at(line.lot);
        if (line.returned)
            returned.append(FlowRow::cellsOf(
                Returned, {QString::number(lot.itemId), lot.name, money(line.fee)}));
        else
            sold.append(FlowRow::cellsOf(
                Sold, {QString::number(lot.itemId), lot.name, money(line.hammer),
                       money(line.commission), money(line.fee),
                       line.collected ? QStringLiteral("yes") : QStringLiteral("not yet")}));
    }
    const auto section = [&rows](const QString& title, int table, const QList<FlowRow>& lines) {
        if (lines.isEmpty())
            return;
        rows.append(FlowRow::title(title));
        rows.append(FlowRow::heading(table));
        rows.append(lines);
        rows.append(FlowRow::gap());
    };
    section(QStringLiteral("Lots sold"), Sold, sold);
    section(QStringLiteral("Lots returned"), Returned, returned);
    QList<FlowRow> pending;
    for (int index : sums.pending) {
        const Model::ConsignedLotRow& lot = settlement.lots.at(index);
        pending.append(FlowRow::cellsOf(Pending, {QString::number(lot.itemId), lot.name}));
    }
    section(QStringLiteral("Still open"), Pending, pending);
}

void addSums(QList<FlowRow>& rows, const Model::Settlement& settlement)
{
    const auto& sums = settlement.sums;
    const QList<std::pair<QString, qint64>> figures{
        {QStringLiteral("Hammer"), sums.hammer},
        {QStringLiteral("Commission (%1 %)").arg(Model::formatRate(settlement.commission)),
         -sums.commission},
        {QStringLiteral("Fees"), -sums.fees},
    };
    for (const auto& [label, cents] : figures) {
        FlowRow row = FlowRow::cellsOf(Totals, {QString(), label, money(cents)});
        row.keepWithNext = true;
        rows.append(row);
    }
    const QList<std::tuple<QString, qint64, bool>> results{
        {QStringLiteral("Net"), sums.net, true},
        {QStringLiteral("Paid out"), sums.paid, false},
        {sums.balance < 0 ? QStringLiteral("Owed to the house") : QStringLiteral("Balance"),
         sums.balance < 0 ? -sums.balance : sums.balance, true},
        {QStringLiteral("Payable now"), sums.payableNow, true},
    };
    for (qsizetype i = 0; i < results.size(); ++i) {
        const auto& [label, cents, strong] = results[i];
        FlowRow row = FlowRow::cellsOf(Totals, {QString(), label, money(cents)}, strong);
        row.keepWithNext = i + 1 < results.size();
        rows.append(row);
    }
    rows.append(FlowRow::gap());
}

void addPayouts(QList<FlowRow>& rows, const Model::Settlement& settlement)
{
    if (settlement.payouts.isEmpty())
        return;
    rows.append(FlowRow::title(QStringLiteral("Payouts")));
    rows.append(FlowRow::heading(Payouts));
    for (const Model::Payout& payout : settlement.payouts) {
        QStringList desk;
        for (const QString& part : {payout.desk.cashier, payout.desk.station})
            if (!part.isEmpty())
                desk.append(part);
        FlowRow row = FlowRow::cellsOf(
            Payouts,
            {Model::displayTime(payout.paidAt), capitalized(Model::payoutMethodName(payout.method)),
             payout.voided() ? QStringLiteral("void: %1").arg(payout.voidReason) : payout.reference,
             desk.join(QStringLiteral(" · ")), money(payout.amount.cents())});
        row.muted = payout.voided();
        row.struck = payout.voided();
        rows.append(row);
    }
    rows.append(FlowRow::gap());
}

QList<FlowRow> rowsOf(const Model::Settlement& settlement)
{
    QList<FlowRow> rows;
    addLots(rows, settlement);
    addSums(rows, settlement);
    addPayouts(rows, settlement);
    return rows;
}

} // namespace

Settlements::Settlements(Paper paper, QString houseName, QList<Model::Settlement> settlements)
    : Document(paper), m_houseName(std::move(houseName)), m_settlements(std::move(settlements))
{
    const double available =
        pageSize(paper).size(QPageSize::Point).height() - 2 * Margin - HeadingHeight - FooterHeight;
    for (qsizetype i = 0; i < m_settlements.size(); ++i) {
        const QList<QList<FlowRow>> pages = paginate(rowsOf(m_settlements[i]), available);
        for (qsizetype p = 0; p < pages.size(); ++p)
            m_pages.append(
                Page{i, static_cast<int>(p + 1), static_cast<int>(pages.size()), pages[p]});
    }
}

QString Settlements::title() const
{
    return QStringLiteral("%1: settlement statements").arg(m_houseName);
}

int Settlements::pageCount() const
{
    return std::max(1, static_cast<int>(m_pages.size()));
}

void Settlements::paintHeading(PageCanvas& canvas, const Page& page) const
{
    const Model::Settlement& settlement = m_settlements[page.settlement];
    const Model::Consignor& consignor = settlement.consignor;
    const double width = canvas.pageSize().width() - 2 * Margin;
    canvas.drawFitted(QRectF(Margin, Margin, width * 0.6, 30), m_houseName, 16, 10, true, Ink,
                      Qt::AlignLeft | Qt::AlignVCenter);
    canvas.drawLine(QRectF(Margin + width * 0.5, Margin, width * 0.5, 22),
                    QStringLiteral("STATEMENT"), PageCanvas::font(16, true), Grey,
                    Qt::AlignRight | Qt::AlignVCenter);
    canvas.drawLine(QRectF(Margin, Margin + 32, width * 0.7, 18),
                    QStringLiteral("Consignor %1 · %2").arg(consignor.number).arg(consignor.name),
                    PageCanvas::font(12, true), Ink);
    QStringList contact{Model::formatId(Model::EntityKind::Consignor, consignor.id)};
    for (const QString& part : {consignor.phone, consignor.email,
                                QString(consignor.address).replace(u'\n', QStringLiteral(", "))})
        if (!part.isEmpty())
            contact.append(part);
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

void Settlements::paintPage(PageCanvas& canvas, int index) const
{
    const double width = canvas.pageSize().width() - 2 * Margin;
    if (m_pages.isEmpty()) {
        canvas.drawLine(QRectF(Margin, Margin, width, 30), QStringLiteral("No consignors"),
                        PageCanvas::font(16, true));
        return;
    }
    const Page& page = m_pages[index];
    paintHeading(canvas, page);
    const QRectF area(Margin, Margin + HeadingHeight, width,
                      canvas.pageSize().height() - 2 * Margin - HeadingHeight - FooterHeight);
    paintFlow(canvas, page.rows, tables(), area);
    const double footer = canvas.pageSize().height() - Margin - FooterHeight + 6;
    canvas.drawFitted(QRectF(Margin, footer, width, FooterHeight - 4),
                      QStringLiteral("Payable now: what buyers have paid for, less fees and "
                                     "payouts. %1")
                          .arg(m_houseName),
                      8, 6, false, Grey, Qt::AlignHCenter | Qt::AlignVCenter);
}

} // namespace BidTracker::Print
