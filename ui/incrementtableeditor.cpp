#include "incrementtableeditor.h"

#include "amountfield.h"
#include "model/tables/tablesupport.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace BidTracker::Gui {

namespace {

enum Column { From, Step };

QString cents(qint64 value)
{
    return Model::displayMoney(Model::Money::fromCents(value));
}

} // namespace

IncrementTableEditor::IncrementTableEditor(QWidget* parent)
    : QWidget(parent), m_rows(new QTableWidget(0, 2, this)),
      m_add(new QPushButton(tr("Add &row"), this)),
      m_remove(new QPushButton(tr("Remo&ve row"), this)),
      m_preset(new QPushButton(tr("Common &online table"), this))
{
    m_rows->setHorizontalHeaderLabels({tr("From"), tr("Step")});
    m_rows->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_rows->verticalHeader()->setVisible(false);
    m_rows->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rows->setTabKeyNavigation(false); // Tab leaves the table, as everywhere in a form
    m_rows->verticalHeader()->setDefaultSectionSize(m_rows->fontMetrics().height() + 8);
    // Room for most of the common table; it scrolls for the rest.
    m_rows->setMinimumHeight((m_rows->fontMetrics().height() + 8) * 6);
    m_rows->setToolTip(tr("From this price on, bids rise by at least the step (and by at "
                          "least each lot's own minimum increment). No rows: each lot's own "
                          "minimum increment only."));
    m_preset->setToolTip(tr("0.05 up to 1, 0.25 up to 5, 0.50 up to 25, 1 up to 100, 2.50 up "
                            "to 250, 5 up to 500, 10 up to 1,000, 25 up to 2,500, 50 up to "
                            "5,000, 100 above"));
    // Enter in the dialog always means OK, whichever of these has the focus.
    for (QPushButton* button : {m_add, m_remove, m_preset})
        button->setAutoDefault(false);
    connect(m_add, &QPushButton::clicked, this, [this] {
        appendRow({}, {});
        m_rows->setCurrentCell(m_rows->rowCount() - 1, From);
        m_rows->setFocus();
        m_rows->editItem(m_rows->item(m_rows->rowCount() - 1, From));
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (m_rows->currentRow() >= 0)
            m_rows->removeRow(m_rows->currentRow());
    });
    connect(m_preset, &QPushButton::clicked, this, [this] { setTable(commonOnlineTable()); });

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    buttons->addWidget(m_preset);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_rows, 1);
    layout->addLayout(buttons);
}

Model::Rules::IncrementTable IncrementTableEditor::commonOnlineTable()
{
    return {{0, 5},       {100, 25},     {500, 50},      {2500, 100},    {10000, 250},
            {25000, 500}, {50000, 1000}, {100000, 2500}, {250000, 5000}, {500000, 10000}};
}

void IncrementTableEditor::setTable(const Model::Rules::IncrementTable& table)
{
    m_rows->setRowCount(0);
    for (const auto& row : table)
        appendRow(cents(row.fromCents), cents(row.stepCents));
}

void IncrementTableEditor::appendRow(const QString& from, const QString& step)
{
    const int row = m_rows->rowCount();
    m_rows->insertRow(row);
    for (const auto& [column, text] : {std::pair{From, from}, std::pair{Step, step}}) {
        auto* cell = new QTableWidgetItem(text);
        cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_rows->setItem(row, column, cell);
    }
}

std::expected<Model::Rules::IncrementTable, QString> IncrementTableEditor::table() const
{
    Model::Rules::IncrementTable table;
    for (int row = 0; row < m_rows->rowCount(); ++row) {
        const QString from = m_rows->item(row, From) ? m_rows->item(row, From)->text() : QString();
        const QString step = m_rows->item(row, Step) ? m_rows->item(row, Step)->text() : QString();
        if (from.trimmed().isEmpty() && step.trimmed().isEmpty())
            continue;
        const auto fromAmount = parseAmountOrZero(from);
        if (!fromAmount)
            return std::unexpected(
                tr("Increments, row %1, from: %2").arg(row + 1).arg(fromAmount.error()));
        const auto stepAmount = Model::Money::parseTyped(step, QLocale());
        if (!stepAmount)
            return std::unexpected(
                tr("Increments, row %1, step: %2").arg(row + 1).arg(stepAmount.error()));
        table.append({fromAmount->cents(), stepAmount->cents()});
    }
    return table;
}

} // namespace BidTracker::Gui
