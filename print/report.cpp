#include "report.h"

#include "model/tables/tablesupport.h"
#include "pagecanvas.h"

#include <QDateTime>
#include <QLocale>

namespace BidTracker::Print {

namespace {

constexpr double Margin = 48;
constexpr double HeadingHeight = 64;
constexpr double FooterHeight = 20;
const QColor Ink(0x20, 0x20, 0x20);
const QColor Grey(0x6b, 0x6b, 0x6b);

enum Table { Figures, Sold, Unsold, Outstanding };

const QList<FlowTable>& tables()
{
    static const QList<FlowTable> all{
        {{0.6, 0.4}, {Qt::AlignLeft, Qt::AlignRight}, {QString(), QString()}},
        {{0.1, 0.5, 0.2, 0.2},
         {Qt::AlignLeft, Qt::AlignLeft, Qt::AlignRight, Qt::AlignRight},
         {QStringLiteral("LOT"), QStringLiteral("ITEM"), QStringLiteral("BIDDER"),
          QStringLiteral("HAMMER")}},
        {{0.1, 0.7, 0.2},
         {Qt::AlignLeft, Qt::AlignLeft, Qt::AlignRight},
         {QStringLiteral("LOT"), QStringLiteral("ITEM"), QStringLiteral("STARTING BID")}},
        {{0.12, 0.4, 0.16, 0.16, 0.16},
         {Qt::AlignLeft, Qt::AlignLeft, Qt::AlignRight, Qt::AlignRight, Qt::AlignRight},
         {QStringLiteral("BIDDER"), QStringLiteral("NAME"), QStringLiteral("TOTAL"),
          QStringLiteral("PAID"), QStringLiteral("BALANCE")}},
    };
    return all;
}

QString money(qint64 cents)
{
    return Model::displayMoney(Model::Money::fromCents(cents));
}

} // namespace

Report::Report(Paper paper, QString auctionName, ReportData data)
    : Document(paper), m_auctionName(std::move(auctionName)), m_data(std::move(data))
{
    const double available =
        pageSize(paper).size(QPageSize::Point).height() - 2 * Margin - HeadingHeight - FooterHeight;
    m_pages = paginate(rows(), available);
}

QString Report::title() const
{
    return QStringLiteral("%1: end-of-night report").arg(m_auctionName);
}

int Report::pageCount() const
{
    return std::max(1, static_cast<int>(m_pages.size()));
}

QList<FlowRow> Report::rows() const
{
    const Model::AuctionSummary& s = m_data.summary;
    QList<FlowRow> rows;
    const auto figure = [&rows](const QString& label, const QString& value, bool strong = false) {
        rows.append(FlowRow::cellsOf(Figures, {label, value}, strong));
    };
    rows.append(FlowRow::title(QStringLiteral("Summary")));
    figure(QStringLiteral("Lots"), QString::number(s.lotsTotal));
    figure(QStringLiteral("Sold / unsold / still open"),
           QStringLiteral("%1 / %2 / %3").arg(s.lotsSold).arg(s.lotsUnsold).arg(s.lotsOpen));
    figure(QStringLiteral("Hammer"), money(s.hammer));
    figure(QStringLiteral("Buyer's premium"), money(s.premium));
    figure(QStringLiteral("Tax"), money(s.tax));
    figure(QStringLiteral("Donations"), money(s.donations));
    figure(QStringLiteral("Total invoiced"), money(s.invoiced), true);
    rows.append(FlowRow::gap());
    rows.append(FlowRow::title(QStringLiteral("Payments by method")));
    figure(QStringLiteral("Cash"), money(s.paidCash));
    figure(QStringLiteral("Check"), money(s.paidCheck));
    figure(QStringLiteral("Card"), money(s.paidCard));
    figure(QStringLiteral("Other"), money(s.paidOther));
    figure(QStringLiteral("Total paid"), money(s.paidTotal), true);
    figure(QStringLiteral("Outstanding"), money(s.outstanding), true);
    figure(QStringLiteral("Bidders with a balance"), QString::number(s.biddersWithBalance));
    rows.append(FlowRow::gap());

    rows.append(FlowRow::title(QStringLiteral("Sold lots (%1)").arg(m_data.sold.size())));
    rows.append(FlowRow::heading(Sold));
    for (const Model::Item& item : m_data.sold)
        rows.append(FlowRow::cellsOf(
            Sold, {QString::number(item.id), item.name, QString::number(item.winnerNumber),
                   item.winningValue ? Model::displayMoney(*item.winningValue) : QString()}));
    if (m_data.sold.isEmpty())
        rows.append(FlowRow::note(QStringLiteral("None.")));
    rows.append(FlowRow::gap());

    rows.append(FlowRow::title(QStringLiteral("Unsold lots (%1)").arg(m_data.unsold.size())));
    rows.append(FlowRow::heading(Unsold));
    for (const Model::Item& item : m_data.unsold)
        rows.append(FlowRow::cellsOf(Unsold, {QString::number(item.id), item.name,
                                              Model::displayMoney(item.startingPrice)}));
    if (m_data.unsold.isEmpty())
        rows.append(FlowRow::note(QStringLiteral("None.")));
    rows.append(FlowRow::gap());

    rows.append(
        FlowRow::title(QStringLiteral("Outstanding balances (%1)").arg(m_data.outstanding.size())));
    rows.append(FlowRow::heading(Outstanding));
    for (const Model::Invoice& invoice : m_data.outstanding)
        rows.append(
            FlowRow::cellsOf(Outstanding, {QString::number(invoice.bidder.number),
                                           invoice.bidder.name, money(invoice.sums.total),
                                           money(invoice.sums.paid), money(invoice.sums.balance)}));
    if (m_data.outstanding.isEmpty())
        rows.append(FlowRow::note(QStringLiteral("None: every invoice is settled.")));
    return rows;
}

void Report::paintPage(PageCanvas& canvas, int index) const
{
    const double width = canvas.pageSize().width() - 2 * Margin;
    // The auction's name is read whole: smaller when long, on two lines when longer still.
    canvas.drawFitted(QRectF(Margin, Margin, width * 0.65, 26), m_auctionName, 16, 10, true, Ink,
                      Qt::AlignLeft | Qt::AlignVCenter);
    canvas.drawLine(QRectF(Margin + width * 0.5, Margin, width * 0.5, 22),
                    QStringLiteral("END-OF-NIGHT REPORT"), PageCanvas::font(11, true), Grey,
                    Qt::AlignRight | Qt::AlignVCenter);
    canvas.drawLine(QRectF(Margin, Margin + 26, width, 14),
                    QStringLiteral("Printed %1  ·  page %2 of %3")
                        .arg(QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat))
                        .arg(index + 1)
                        .arg(pageCount()),
                    PageCanvas::font(9), Grey);
    const double rule = Margin + HeadingHeight - 16;
    canvas.strokeLine(QPointF(Margin, rule), QPointF(Margin + width, rule), 1.2, Ink);
    if (index < m_pages.size())
        paintFlow(canvas, m_pages[index], tables(),
                  QRectF(Margin, Margin + HeadingHeight, width,
                         canvas.pageSize().height() - 2 * Margin - HeadingHeight - FooterHeight));
}

} // namespace BidTracker::Print
