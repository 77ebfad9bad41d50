#include "serverpanel.h"

#include "servercontrol.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QUrl>

namespace BidTracker::Gui {

ServerPanel::ServerPanel(ServerControl* server, QWidget* parent)
    : QWidget(parent), m_server(server), m_state(new QLabel(this)), m_address(new QLineEdit(this)),
      m_port(new QSpinBox(this)), m_token(new QLineEdit(this)), m_toggle(new QPushButton(this)),
      m_openPage(new QPushButton(tr("Open API page"), this)), m_requests(new QLabel(this)),
      m_exposure(new QLabel(this))
{
    m_port->setRange(1, 65535);
    m_port->setValue(server->port() ? server->port() : 5000);
    m_address->setText(server->address());
    m_token->setReadOnly(true);
    m_token->setText(server->authRequired() ? server->token()
                                            : tr("(none: writes and personal data are open)"));
    m_token->setCursorPosition(0);
    m_token->setMinimumWidth(60); // the Copy button is what matters; the panel stays narrow
    auto* copy = new QPushButton(tr("Copy"), this);
    copy->setToolTip(tr("Copy the API token to the clipboard"));
    connect(copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_server->token());
        m_requests->setToolTip(tr("Token copied"));
    });
    auto* tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(copy);
    m_exposure->setWordWrap(true);
    m_exposure->setStyleSheet(QStringLiteral("color: #a15c00;"));

    auto* form = new QFormLayout(this);
    form->addRow(m_state);
    form->addRow(tr("&Address:"), m_address);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("API token:"), tokenRow);
    form->addRow(m_toggle);
    form->addRow(m_openPage);
    form->addRow(tr("Requests:"), m_requests);
    form->addRow(m_exposure);

    connect(m_toggle, &QPushButton::clicked, this, &ServerPanel::toggle);
    connect(m_openPage, &QPushButton::clicked, this, [this] {
        // The token travels in the fragment, which the browser never sends to a server.
        QDesktopServices::openUrl(
            QUrl(baseUrl() + QStringLiteral("/apidocs#token=") + m_server->token()));
    });
    // Once the application is running, the server has been started (or has failed): show it.
    QTimer::singleShot(0, this, &ServerPanel::refresh);
    auto* timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, &ServerPanel::refresh);
    timer->start(500);
    refresh();
}

QString ServerPanel::baseUrl() const
{
    return m_server->baseUrl();
}

QString ServerPanel::summary() const
{
    if (!m_server->isRunning())
        return m_server->lastError().isEmpty() ? tr("Server: off")
                                               : tr("Server: off (%1)").arg(m_server->lastError());
    const quint64 served = m_server->requestsServed();
    return served == 1 ? tr("Server: %1 (1 request)").arg(baseUrl())
                       : tr("Server: %1 (%2 requests)").arg(baseUrl()).arg(served);
}

void ServerPanel::toggle()
{
    if (m_server->isRunning()) {
        m_server->stop();
    } else {
        const QString address = m_address->text().trimmed();
        QString error;
        if (m_server->start(address, static_cast<quint16>(m_port->value()), &error))
            m_server->rememberAsDefault(); // the operator's choice, kept for the next launch
        else
            QMessageBox::warning(this, tr("Server"),
                                 tr("The server could not start.\n\n%1").arg(error));
    }
    refresh();
    Q_EMIT stateChanged();
}

void ServerPanel::refresh()
{
    const bool running = m_server->isRunning();
    const QString why = m_server->lastError();
    m_state->setText(
        running ? tr("<b>Running</b> on <a href=\"%1/apidocs\">%1</a>").arg(baseUrl())
        : why.isEmpty()
            ? tr("<b>Stopped</b>")
            : tr("<b>Stopped</b>: the server could not start. %1").arg(why.toHtmlEscaped()));
    m_state->setWordWrap(true);
    if (running && m_server->port() != 0) {
        // The address and port actually served (a switch of database keeps them).
        m_address->setText(m_server->address());
        m_port->setValue(m_server->port());
    }
    m_state->setOpenExternalLinks(true);
    m_toggle->setText(running ? tr("&Stop server") : tr("&Start server"));
    m_address->setEnabled(!running);
    m_port->setEnabled(!running);
    m_openPage->setEnabled(running);
    m_requests->setText(QString::number(running ? m_server->requestsServed() : 0));
    m_exposure->setVisible(running && m_server->reachableFromOtherMachines());
    m_exposure->setText(tr("Bound to %1: other machines on the network can reach the API.")
                            .arg(m_server->address()));
    Q_EMIT stateChanged();
}

} // namespace BidTracker::Gui
