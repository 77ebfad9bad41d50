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
#include <QSettings>
#include <QVBoxLayout>

namespace BidTracker::Gui {

PrintChooser::PrintChooser(QList<qint64> selectedLots, QList<qint64> selectedBidders,
                           BidderList bidders, QWidget* parent)
    : QDialog(parent), m_selectedLots(std::move(selectedLots)),
      m_selectedBidders(std::move(selectedBidders)), m_bidders(std::move(bidders)),
      m_kind(new QComboBox(this)), m_paper(new QComboBox(this)), m_all(new QRadioButton(this)),
      m_selected(new QRadioButton(this)), m_typed(new QRadioButton(tr("&These:"), this)),
      m_ids(new QLineEdit(this)), m_problem(new QLabel(this)), m_form(new QFormLayout)
{
    setWindowTitle(tr("Print"));
    for (const Print::DocumentKind kind : Print::documentKinds())
        m_kind->addItem(Print::documentKindTitle(kind), static_cast<int>(kind));
    m_paper->addItem(tr("Letter"), static_cast<int>(Print::Paper::Letter));
    m_paper->addItem(tr("A4"), static_cast<int>(Print::Paper::A4));
    m_paper->setCurrentIndex(Print::paperForLocale(QLocale()) == Print::Paper::Letter ? 0 : 1);
    m_ids->setToolTip(tr("Lots: lot numbers and ranges (3, 5-7). Bidders: paddle numbers and "
                         "ranges (101-125, 130) or ids (user12)."));
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
    restoreChoices();
    updateScope();
}

namespace {

const QString KindKey = QStringLiteral("print/kind");
const QString PaperKey = QStringLiteral("print/paper");
const QString ScopeKey = QStringLiteral("print/scope");
const QString TypedKey = QStringLiteral("print/typed");

} // namespace

void PrintChooser::restoreChoices()
{
    // The night prints the same few things many times: the last choices come back.
    const QSettings settings;
    if (const int kind = m_kind->findData(settings.value(KindKey, -1).toInt()); kind >= 0)
        m_kind->setCurrentIndex(kind);
    if (const int paper = m_paper->findData(settings.value(PaperKey, -1).toInt()); paper >= 0)
        m_paper->setCurrentIndex(paper);
    m_ids->setText(settings.value(TypedKey).toString());
    if (settings.value(ScopeKey).toString() == u"typed")
        m_typed->setChecked(true);
}

void PrintChooser::rememberChoices() const
{
    QSettings settings;
    settings.setValue(KindKey, m_kind->currentData().toInt());
    settings.setValue(PaperKey, m_paper->currentData().toInt());
    settings.setValue(ScopeKey, m_typed->isChecked()      ? QStringLiteral("typed")
                                : m_selected->isChecked() ? QStringLiteral("selected")
                                                          : QStringLiteral("all"));
    settings.setValue(TypedKey, m_ids->text());
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
        // Lots by their numbers; bidders by the paddle numbers on their cards.
        std::expected<QList<qint64>, QString> typed;
        if (lots) {
            typed = Print::parseIdList(m_ids->text(), Model::EntityKind::Item);
        } else if (auto bidders = m_bidders(m_ids->text()); bidders) {
            typed = *bidders;
        } else {
            typed = std::unexpected(bidders.error().message);
        }
        if (!typed || typed->isEmpty()) {
            m_problem->setText(typed ? tr("Type the lot or paddle numbers to print, or choose all.")
                                     : typed.error());
            m_problem->show();
            m_ids->setFocus();
            return;
        }
        ids = *typed;
    }
    m_selection = lots ? Print::Selection{ids, {}} : Print::Selection{{}, ids};
    rememberChoices();
    QDialog::accept();
}

} // namespace BidTracker::Gui
