#include "staffdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace BidTracker::Gui {

namespace {

constexpr Model::Role allRoles[] = {Model::Role::Viewer, Model::Role::CheckIn, Model::Role::Clerk,
                                    Model::Role::Cashier, Model::Role::Admin};

QComboBox* roleBox(QWidget* parent)
{
    auto* box = new QComboBox(parent);
    for (const Model::Role role : allRoles)
        box->addItem(Model::roleName(role), static_cast<int>(role));
    return box;
}

} // namespace

StaffDialog::StaffDialog(Model::Database& db, const Model::Actor& actor, QWidget* parent)
    : QDialog(parent), m_staff(db, actor), m_table(new QTableWidget(0, 3, this)),
      m_problem(new QLabel(this))
{
    setWindowTitle(tr("Staff"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Role"), tr("State")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    m_showToken = [this](const QString& name, const QString& token) {
        QMessageBox box(QMessageBox::Information, tr("Token %1").arg(name),
                        tr("The token, shown this once (only its hash is kept): copy it now."),
                        QMessageBox::Ok, this);
        box.setInformativeText(token);
        box.setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        box.exec();
    };
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(buildRowButtons());
    layout->addWidget(buildAddForm());
    layout->addWidget(m_problem);
    layout->addWidget(close);
    resize(560, 440);
    reload();
}

QWidget* StaffDialog::buildRowButtons()
{
    auto* row = new QDialogButtonBox(Qt::Horizontal, this);
    auto* role = row->addButton(tr("Change &role…"), QDialogButtonBox::ActionRole);
    auto* deactivate = row->addButton(tr("&Deactivate"), QDialogButtonBox::ActionRole);
    auto* issue = row->addButton(tr("Issue &token…"), QDialogButtonBox::ActionRole);
    auto* revoke = row->addButton(tr("Re&voke token…"), QDialogButtonBox::ActionRole);
    connect(role, &QPushButton::clicked, this, &StaffDialog::askRole);
    connect(deactivate, &QPushButton::clicked, this, [this] {
        if (selectedId() != 0 &&
            QMessageBox::question(this, tr("Deactivate"),
                                  tr("Deactivate this account? Its tokens stop working at once "
                                     "on every station.")) == QMessageBox::Yes)
            deactivateSelected();
    });
    connect(issue, &QPushButton::clicked, this, &StaffDialog::askTokenName);
    connect(revoke, &QPushButton::clicked, this, &StaffDialog::askTokenToRevoke);
    return row;
}

QWidget* StaffDialog::buildAddForm()
{
    auto* box = new QWidget(this);
    auto* form = new QFormLayout(box);
    form->setContentsMargins(0, 8, 0, 0);
    m_name = new QLineEdit(box);
    m_name->setMaxLength(64);
    m_role = roleBox(box);
    m_pin = new QLineEdit(box);
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setPlaceholderText(tr("4-12 digits, or a password of 8 or more characters"));
    m_add = new QPushButton(tr("&Add account"), box);
    m_add->setAutoDefault(false);
    form->addRow(tr("New account &name:"), m_name);
    form->addRow(tr("R&ole:"), m_role);
    form->addRow(tr("&PIN:"), m_pin);
    form->addRow(QString(), m_add);
    connect(m_add, &QPushButton::clicked, this, &StaffDialog::addAccount);
    return box;
}

void StaffDialog::reload()
{
    const qint64 selected = selectedId();
    auto accounts = m_staff.accounts();
    if (!accounts) {
        done(Model::fail(accounts.error()));
        return;
    }
    m_table->setRowCount(static_cast<int>(accounts->size()));
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const Model::StaffAccount& account = (*accounts)[row];
        auto* name = new QTableWidgetItem(account.name);
        name->setData(Qt::UserRole, account.id);
        m_table->setItem(row, 0, name);
        m_table->setItem(row, 1, new QTableWidgetItem(Model::roleName(account.role)));
        m_table->setItem(row, 2,
                         new QTableWidgetItem(account.active ? tr("active") : tr("deactivated")));
        if (account.id == selected)
            m_table->selectRow(row);
    }
}

qint64 StaffDialog::selectedId() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return 0;
    return m_table->item(rows.first().row(), 0)->data(Qt::UserRole).toLongLong();
}

void StaffDialog::selectName(const QString& name)
{
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, 0)->text() == name)
            m_table->selectRow(row);
}

QString StaffDialog::lastProblem() const
{
    return m_problem->text();
}

bool StaffDialog::done(const Model::Result<void>& result)
{
    m_problem->setText(result ? QString() : result.error().message);
    return result.has_value();
}

bool StaffDialog::addAccount()
{
    const auto role = static_cast<Model::Role>(m_role->currentData().toInt());
    auto added = m_staff.addAccount(m_name->text().trimmed(), role, m_pin->text());
    m_pin->clear();
    if (!added)
        return done(Model::fail(added.error()));
    m_name->clear();
    reload();
    selectName(added->name);
    return done({});
}

bool StaffDialog::setRole(Model::Role role)
{
    auto changed = m_staff.updateAccount(selectedId(), {.role = role});
    reload();
    return done(changed ? Model::Result<void>() : Model::fail(changed.error()));
}

bool StaffDialog::deactivateSelected()
{
    auto changed = m_staff.deactivate(selectedId());
    reload();
    return done(changed ? Model::Result<void>() : Model::fail(changed.error()));
}

bool StaffDialog::issueToken(const QString& tokenName)
{
    auto made = m_staff.addToken(selectedId(), tokenName);
    if (!made)
        return done(Model::fail(made.error()));
    m_showToken(made->first.name, made->second);
    return done({});
}

QList<Model::StaffToken> StaffDialog::workingTokens()
{
    QList<Model::StaffToken> working;
    auto tokens = m_staff.tokens(selectedId());
    if (!tokens) {
        done(Model::fail(tokens.error()));
        return working;
    }
    for (const Model::StaffToken& token : std::as_const(*tokens))
        if (token.revokedAt.isEmpty())
            working.append(token);
    return working;
}

bool StaffDialog::revokeToken(qint64 tokenId)
{
    return done(m_staff.revokeToken(tokenId));
}

void StaffDialog::askRole()
{
    if (selectedId() == 0)
        return;
    QStringList names;
    for (const Model::Role role : allRoles)
        names.append(Model::roleName(role));
    bool ok = false;
    const QString chosen =
        QInputDialog::getItem(this, tr("Change role"), tr("Role:"), names, 0, false, &ok);
    if (const auto role = Model::parseRole(chosen); ok && role)
        setRole(*role);
}

void StaffDialog::askTokenName()
{
    if (selectedId() == 0)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Issue a token"),
                                               tr("The token's name (a kiosk, a script):"),
                                               QLineEdit::Normal, QString(), &ok);
    if (ok)
        issueToken(name);
}

void StaffDialog::askTokenToRevoke()
{
    const QList<Model::StaffToken> tokens = workingTokens();
    if (tokens.isEmpty()) {
        m_problem->setText(tr("The selected account has no working token."));
        return;
    }
    QStringList names;
    for (const Model::StaffToken& token : tokens)
        names.append(token.name);
    bool ok = false;
    const QString chosen =
        QInputDialog::getItem(this, tr("Revoke a token"), tr("Token:"), names, 0, false, &ok);
    if (ok)
        revokeToken(tokens[names.indexOf(chosen)].id);
}

} // namespace BidTracker::Gui
