#include "signindialog.h"

#include "model/staffservice.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace BidTracker::Gui {

SignInDialog::SignInDialog(Model::Database& db, const QString& station, QWidget* parent)
    : QDialog(parent), m_db(db), m_station(station), m_name(new QLineEdit(this)),
      m_pin(new QLineEdit(this)), m_message(new QLabel(this)), m_wait(new QTimer(this))
{
    setWindowTitle(tr("Sign in at %1").arg(station));
    m_name->setMaxLength(64);
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setMaxLength(128);
    m_message->setWordWrap(true);
    m_message->setMinimumWidth(360);
    // Room for the longest message (the wait, on two lines): the dialog never clips it.
    m_message->setMinimumHeight(m_message->fontMetrics().lineSpacing() * 2);
    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&PIN:"), m_pin);
    auto* buttons = new QDialogButtonBox(this);
    m_signIn = buttons->addButton(tr("&Sign in"), QDialogButtonBox::AcceptRole);
    buttons->addButton(tr("&Quit"), QDialogButtonBox::RejectRole);
    m_signIn->setDefault(true);
    // Accepting is the model's to decide: the button only tries.
    connect(buttons, &QDialogButtonBox::accepted, this, &SignInDialog::tryToSignIn);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_wait->setInterval(1000);
    connect(m_wait, &QTimer::timeout, this, &SignInDialog::countDown);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    m_name->setFocus();
}

void SignInDialog::tryToSignIn()
{
    if (m_secondsLeft > 0)
        return;
    auto signedIn =
        Model::StaffService(m_db, {}).signIn(m_name->text().trimmed(), m_pin->text(), m_station);
    m_pin->clear();
    if (signedIn) {
        m_actor = *signedIn;
        m_message->clear();
        accept();
        return;
    }
    const Model::Error& error = signedIn.error();
    if (error.reason == Model::Error::Reason::RateLimited) {
        m_secondsLeft = error.facts.value(QStringLiteral("retry_after")).toLongLong();
        m_signIn->setEnabled(false);
        m_wait->start();
        showWait();
        return;
    }
    m_message->setText(error.message);
    m_pin->setFocus();
}

void SignInDialog::countDown()
{
    if (--m_secondsLeft <= 0) {
        m_wait->stop();
        m_signIn->setEnabled(true);
        m_message->setText(tr("You may try again."));
        m_pin->setFocus();
        return;
    }
    showWait();
}

void SignInDialog::showWait()
{
    m_message->setText(
        m_secondsLeft == 1
            ? tr("Too many wrong PINs: wait 1 second before the next try.")
            : tr("Too many wrong PINs: wait %1 seconds before the next try.").arg(m_secondsLeft));
}

} // namespace BidTracker::Gui
