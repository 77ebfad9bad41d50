#include "connectdialog.h"

#include "model/storage/databaselocation.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace BidTracker::Gui {

namespace {

const QString hostKey = QStringLiteral("connect/host");
const QString portKey = QStringLiteral("connect/port");
const QString databaseKey = QStringLiteral("connect/database");
const QString userKey = QStringLiteral("connect/user");
const QString rememberKey = QStringLiteral("connect/rememberPassword");

} // namespace

ConnectDialog::ConnectDialog(QWidget* parent)
    : QDialog(parent), m_host(new QLineEdit(this)), m_port(new QSpinBox(this)),
      m_database(new QLineEdit(this)), m_user(new QLineEdit(this)), m_password(new QLineEdit(this)),
      m_rememberPassword(new QCheckBox(tr("&Remember the password on this computer"), this)),
      m_problem(new QLabel(this))
{
    setWindowTitle(tr("Connect to a shared auction"));
    // Named for tests and for accessibility tools.
    m_host->setObjectName(QStringLiteral("host"));
    m_port->setObjectName(QStringLiteral("port"));
    m_database->setObjectName(QStringLiteral("database"));
    m_user->setObjectName(QStringLiteral("user"));
    m_password->setObjectName(QStringLiteral("password"));
    m_problem->setObjectName(QStringLiteral("problem"));
    const QSettings settings;
    m_host->setText(settings.value(hostKey).toString());
    m_host->setPlaceholderText(tr("192.168.1.20 or db.example.org"));
    m_port->setRange(1, 65535);
    m_port->setValue(settings.value(portKey, 5432).toInt());
    m_database->setText(settings.value(databaseKey).toString());
    m_user->setText(settings.value(userKey).toString());
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("empty: PGPASSWORD or ~/.pgpass"));
    m_rememberPassword->setChecked(remembersPassword());
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    m_problem->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("&Server:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(QString(), m_rememberPassword);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConnectDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
}

bool ConnectDialog::remembersPassword()
{
    return QSettings().value(rememberKey, false).toBool();
}

void ConnectDialog::accept()
{
    const QString url =
        Model::postgresUrl(m_host->text().trimmed(), m_port->value(), m_user->text().trimmed(),
                           m_password->text(), m_database->text().trimmed());
    // The model's reader of --db says what is missing, in the same words as the command line.
    if (const auto location = Model::parseDatabaseLocation(url); !location) {
        m_problem->setText(location.error().message);
        m_problem->show();
        return;
    }
    QSettings settings;
    settings.setValue(hostKey, m_host->text().trimmed());
    settings.setValue(portKey, m_port->value());
    settings.setValue(databaseKey, m_database->text().trimmed());
    settings.setValue(userKey, m_user->text().trimmed());
    settings.setValue(rememberKey, m_rememberPassword->isChecked());
    m_url = url;
    QDialog::accept();
}

} // namespace BidTracker::Gui
