#include "placebiddialog.h"

#include "model/auctionservice.h"
#include "model/tables/tablesupport.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace BidTracker::Gui {

namespace {

/// An editable combo box over a table model's Name column with type-ahead that matches
/// anywhere in the name.
QComboBox* makePicker(QAbstractItemModel* model, int nameColumn, QWidget* parent)
{
    auto* box = new QComboBox(parent);
    box->setModel(model);
    box->setModelColumn(nameColumn);
    box->setEditable(true);
    box->setInsertPolicy(QComboBox::NoInsert);
    box->completer()->setCompletionMode(QCompleter::PopupCompletion);
    box->completer()->setFilterMode(Qt::MatchContains);
    box->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    box->setMinimumContentsLength(28);
    return box;
}

} // namespace

PlaceBidDialog::PlaceBidDialog(Model::AuctionService& service, QAbstractItemModel* items,
                               QAbstractItemModel* users, Placer placer, QWidget* parent)
    : QDialog(parent), m_service(service), m_placer(std::move(placer)),
      m_item(makePicker(items, 1, this)), m_user(makePicker(users, 1, this)),
      m_amount(new QLineEdit(this)), m_hint(new QLabel(this)), m_message(new QLabel(this))
{
    setWindowTitle(tr("Place a bid"));
    m_amount->setAlignment(Qt::AlignRight);
    m_amount->setPlaceholderText(tr("0.00"));
    m_hint->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_message->setMinimumWidth(360);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Place bid"));
    buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &PlaceBidDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PlaceBidDialog::reject);

    auto* form = new QFormLayout(this);
    form->addRow(tr("&Lot:"), m_item);
    form->addRow(tr("&Bidder:"), m_user);
    form->addRow(tr("&Amount:"), m_amount);
    form->addRow(QString(), m_hint);
    form->addRow(m_message);
    form->addRow(buttons);
    setTabOrder(m_item, m_user);
    setTabOrder(m_user, m_amount);

    connect(m_item, &QComboBox::currentIndexChanged, this, &PlaceBidDialog::updateLowest);
    connect(m_amount, &QLineEdit::textEdited, m_message, &QLabel::clear);
    updateLowest();
}

qint64 PlaceBidDialog::chosenId(const QComboBox* box) const
{
    // The typed text must name an entry; a half-typed name picks nothing.
    const int index = box->findText(box->currentText(), Qt::MatchFixedString);
    if (index < 0)
        return 0;
    return box->model()->index(index, 0).data(Model::IdRole).toLongLong();
}

void PlaceBidDialog::setItem(qint64 itemId)
{
    for (int row = 0; row < m_item->count(); ++row) {
        if (m_item->model()->index(row, 0).data(Model::IdRole).toLongLong() == itemId) {
            m_item->setCurrentIndex(row);
            break;
        }
    }
    updateLowest();
}

void PlaceBidDialog::setUser(qint64 userId)
{
    for (int row = 0; row < m_user->count(); ++row) {
        if (m_user->model()->index(row, 0).data(Model::IdRole).toLongLong() == userId) {
            m_user->setCurrentIndex(row);
            return;
        }
    }
}

QString PlaceBidDialog::message() const
{
    return m_message->text();
}

void PlaceBidDialog::updateLowest()
{
    const qint64 itemId =
        m_item->currentIndex() >= 0
            ? m_item->model()->index(m_item->currentIndex(), 0).data(Model::IdRole).toLongLong()
            : 0;
    const auto lowest =
        itemId > 0 ? m_service.lowestAcceptableBid(itemId) : Model::Result<Model::Money>();
    if (itemId > 0 && lowest) {
        m_amount->setText(lowest->toString());
        m_hint->setText(tr("Lowest acceptable bid: %1").arg(Model::displayMoney(*lowest)));
    } else {
        m_hint->clear();
    }
    m_message->clear();
}

void PlaceBidDialog::accept()
{
    const qint64 itemId = chosenId(m_item);
    const qint64 userId = chosenId(m_user);
    if (itemId == 0) {
        m_message->setText(tr("Choose a lot from the list."));
        m_item->setFocus();
        return;
    }
    if (userId == 0) {
        m_message->setText(tr("Choose a bidder from the list."));
        m_user->setFocus();
        return;
    }
    const auto amount = Model::Money::parse(m_amount->text());
    if (!amount) {
        m_message->setText(amount.error());
        m_amount->setFocus();
        return;
    }
    const auto placed = m_placer(itemId, userId, *amount);
    if (!placed) {
        m_message->setText(placed.error().message);
        m_amount->setFocus();
        m_amount->selectAll();
        return;
    }
    QDialog::accept();
}

} // namespace BidTracker::Gui
