#include "printchooser.h"

#include "print/idlist.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace BidTracker::Gui {

PrintChooser::PrintChooser(QList<qint64> selectedLots, QList<qint64> selectedBidders,
                           QWidget* parent)
    : QDialog(parent), m_selectedLots(std::move(selectedLots)),
      m_selectedBidders(std::move(selectedBidders)), m_kind(new QComboBox(this)),
      m_paper(new QComboBox(this)), m_all(new QRadioButton(this)),
      m_selected(new QRadioButton(this)), m_typed(new QRadioButton(tr("&These:"), this)),
      m_ids(new QLineEdit(this)), m_problem(new QLabel(this)), m_form(new QFormLayout)
{
    setWindowTitle(tr("Print"));
    for (const Print::DocumentKind kind : Print::documentKinds())
        m_kind->addItem(Print::documentKindTitle(kind), static_cast<int>(kind));
    m_paper->addItem(tr("Letter"), static_cast<int>(Print::Paper::Letter));
    m_paper->addItem(tr("A4"), static_cast<int>(Print::Paper::A4));
    m_paper->setCurrentIndex(Print::paperForLocale(QLocale()) == Print::Paper::Letter ? 0 : 1);
    m_ids->setPlaceholderText(tr("3, 5-7, item12"));
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto* form = m_form;
    form->addRow(tr("&Document:"), m_kind);
    auto* scope = new QVBoxLayout;
    scope->addWidget(m_all);
    scope->addWidget(m_selected);
    auto* typed = new QHBoxLayout;
    typed->addWidget(m_typed);
    typed->addWidget(m_ids, 1);
    scope->addLayout(typed);
    form->addRow(tr("For:"), scope);
    form->addRow(tr("&Paper:"), m_paper);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Preview…"));
    connect(buttons, &QDialogButtonBox::accepted, this, &PrintChooser::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &PrintChooser::updateScope);
    // Typing ids means printing those.
    connect(m_ids, &QLineEdit::textEdited, this, [this] { m_typed->setChecked(true); });
    m_all->setChecked(true);
    updateScope();
}

Print::DocumentKind PrintChooser::kind() const
{
    return static_cast<Print::DocumentKind>(m_kind->currentData().toInt());
}

Print::Paper PrintChooser::paper() const
{
    return static_cast<Print::Paper>(m_paper->currentData().toInt());
}

void PrintChooser::setKind(Print::DocumentKind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(kind)));
}

void PrintChooser::updateScope()
{
    // A document of the whole auction (the report) is chosen by nothing more.
    const bool whole = Print::subjectOf(kind()) == Print::Subject::Auction;
    m_form->setRowVisible(ScopeRow, !whole);
    const bool lots = Print::subjectOf(kind()) == Print::Subject::Lots;
    const qsizetype selected = lots ? m_selectedLots.size() : m_selectedBidders.size();
    m_all->setText(lots ? tr("&All lots") : tr("&All bidders"));
    m_selected->setText(lots ? tr("The &selected lots (%1)").arg(selected)
                             : tr("The &selected bidders (%1)").arg(selected));
    m_selected->setEnabled(selected > 0);
    if (selected > 0 && !m_typed->isChecked())
        m_selected->setChecked(true);
    else if (selected == 0 && m_selected->isChecked())
        m_all->setChecked(true);
}

void PrintChooser::accept()
{
    const bool lots = Print::subjectOf(kind()) == Print::Subject::Lots;
    QList<qint64> ids;
    if (m_selected->isChecked()) {
        ids = lots ? m_selectedLots : m_selectedBidders;
    } else if (m_typed->isChecked() && Print::subjectOf(kind()) != Print::Subject::Auction) {
        const auto typed = Print::parseIdList(m_ids->text(), lots ? Model::EntityKind::Item
                                                                  : Model::EntityKind::User);
        if (!typed || typed->isEmpty()) {
            m_problem->setText(typed ? tr("Type the ids to print, or choose all.") : typed.error());
            m_problem->show();
            m_ids->setFocus();
            return;
        }
        ids = *typed;
    }
    m_selection = lots ? Print::Selection{ids, {}} : Print::Selection{{}, ids};
    QDialog::accept();
}

} // namespace BidTracker::Gui
