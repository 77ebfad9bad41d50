#include "summarydialog.h"

#include "model/auctionservice.h"
#include "model/changebatcher.h"
#include "model/changenotifier.h"
#include "model/tables/tablesupport.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>

namespace BidTracker::Gui {

namespace {

QString money(qint64 cents)
{
    return Model::displayMoney(Model::Money::fromCents(cents));
}

} // namespace

SummaryDialog::SummaryDialog(Model::AuctionService& service, Model::ChangeNotifier& notifier,
                             QWidget* parent)
    : QDialog(parent), m_service(service), m_form(new QFormLayout), m_problem(new QLabel(this)),
      m_refresh(new QTimer(this))
{
    setWindowTitle(tr("End-of-night summary"));
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    setFont(big);
    m_form->setLabelAlignment(Qt::AlignLeft);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(250);
    connect(m_refresh, &QTimer::timeout, this, &SummaryDialog::refresh);
    connect(&notifier.batches(), &Model::ChangeBatcher::changed, this, &SummaryDialog::onChanges);
    refresh();
}

void SummaryDialog::onChanges()
{
    // Every change may move a figure; a burst of bids gives one read, not one each.
    if (!m_refresh->isActive())
        m_refresh->start();
}

void SummaryDialog::refresh()
{
    const auto summary = m_service.summary();
    if (!summary) {
        m_problem->setText(summary.error().message);
        return;
    }
    m_problem->clear();
    const auto& s = *summary;
    const std::pair<QString, QString> rows[] = {
        {tr("All lots"), QString::number(s.lotsTotal)},
        {tr("Still open"), QString::number(s.lotsOpen)},
        {tr("Sold"), QString::number(s.lotsSold)},
        {tr("Unsold"), QString::number(s.lotsUnsold)},
        {tr("Hammer"), money(s.hammer)},
        {tr("Buyer's premium"), money(s.premium)},
        {tr("Tax"), money(s.tax)},
        {tr("Donations"), money(s.donations)},
        {tr("Total invoiced"), money(s.invoiced)},
        {tr("Paid in cash"), money(s.paidCash)},
        {tr("Paid by check"), money(s.paidCheck)},
        {tr("Paid by card"), money(s.paidCard)},
        {tr("Paid otherwise"), money(s.paidOther)},
        {tr("Paid in all"), money(s.paidTotal)},
        {tr("Outstanding"), money(s.outstanding)},
        {tr("Bidders with a balance"), QString::number(s.biddersWithBalance)},
    };
    if (m_form->rowCount() == 0) {
        // Lots, then what was invoiced, then what was paid and is still owed.
        const QStringList sections{tr("Lots"), tr("Invoiced"), tr("Paid")};
        const QStringList startsSection{tr("All lots"), tr("Hammer"), tr("Paid in cash")};
        for (const auto& [label, value] : rows) {
            if (const auto at = startsSection.indexOf(label); at >= 0) {
                auto* heading = new QLabel(sections[at], this);
                QFont bold = heading->font();
                bold.setBold(true);
                heading->setFont(bold);
                heading->setContentsMargins(0, at == 0 ? 0 : 10, 0, 0);
                m_form->addRow(heading);
            }
            auto* figure = new QLabel(value, this);
            figure->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            figure->setTextInteractionFlags(Qt::TextSelectableByMouse);
            figure->setObjectName(label);
            figure->setMinimumWidth(
                figure->fontMetrics().horizontalAdvance(QStringLiteral("000,000,000.00")));
            if (label == tr("Total invoiced") || label == tr("Paid in all") ||
                label == tr("Outstanding")) {
                QFont bold = figure->font();
                bold.setBold(true);
                figure->setFont(bold);
            }
            m_form->addRow(label + QStringLiteral(":"), figure);
        }
        return;
    }
    for (const auto& [label, value] : rows)
        if (auto* figure = findChild<QLabel*>(label))
            figure->setText(value);
}

QString SummaryDialog::figure(const QString& label) const
{
    const auto* shown = findChild<QLabel*>(label);
    return shown ? shown->text() : QString();
}

} // namespace BidTracker::Gui
