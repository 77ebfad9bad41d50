#include "postgreslistener.h"

#include "changechannel.h"
#include "database.h"
#include "model/changenotifier.h"
#include "stallwatch.h"

#include <QAtomicInt>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

namespace BidTracker::Model {

PostgresListener::PostgresListener(const DatabaseLocation& location, ChangeNotifier& notifier,
                                   QObject* parent)
    : QObject(parent), m_location(location), m_notifier(notifier)
{
    static QAtomicInt counter;
    m_connectionName = QStringLiteral("bidtracker-listener-%1").arg(counter.fetchAndAddRelaxed(1));
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &PostgresListener::check);
    if (connectNow())
        setConnected(true, {});
    m_timer.start(m_connected ? CheckEveryMs : m_retryMs);
}

PostgresListener::~PostgresListener()
{
    m_timer.stop();
    if (m_connection.isValid())
        m_connection.close();
    m_connection = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool PostgresListener::connectNow()
{
    if (m_connection.isValid()) {
        m_connection.close();
        m_connection = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    m_connection = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    m_connection.setHostName(m_location.host);
    m_connection.setPort(m_location.port);
    m_connection.setUserName(m_location.user);
    m_connection.setDatabaseName(m_location.database);
    if (!m_location.password.isEmpty())
        m_connection.setPassword(m_location.password);
    m_connection.setConnectOptions(
        QStringLiteral("connect_timeout=3;keepalives=1;keepalives_idle=5;keepalives_interval=2;"
                       "keepalives_count=3;tcp_user_timeout=10000"));
    // A stopped server would hold libpq's connect for seconds on this (the GUI) thread: a
    // bounded probe first.
    if (!serverAnswers(m_location, ProbeBudgetMs, Database::stationName()) || !m_connection.open())
        return false;
    QSqlQuery name(m_connection);
    name.prepare(QStringLiteral("SELECT set_config('application_name', ?, false)"));
    name.addBindValue(Database::stationName());
    if (!runGuarded([&] { return name.exec(); }))
        return false;
    QSqlDriver* driver = m_connection.driver();
    connect(driver, &QSqlDriver::notification, this,
            [this](const QString& name, QSqlDriver::NotificationSource, const QVariant& payload) {
                onNotification(name, payload);
            });
    return driver->subscribeToNotification(QString::fromLatin1(ChangeChannel::Name));
}

void PostgresListener::check()
{
    if (m_connected) {
        // A quiet socket does not tell that the server is gone; a round trip does.
        QSqlQuery ping(m_connection);
        if (runGuarded([&] { return ping.exec(QStringLiteral("SELECT 1")); })) {
            m_timer.start(CheckEveryMs);
            return;
        }
        setConnected(false, Database::lostConnectionText());
        m_retryMs = FirstRetryMs;
    } else if (connectNow()) {
        setConnected(true, QStringLiteral("Connected to %1 again").arg(m_location.display()));
        // Whatever was announced while away is lost: every view reads again.
        m_notifier.announce(Change{EntityKind::Item, Change::Action::Reset, 0, 0, 0});
        m_notifier.announce(Change{EntityKind::User, Change::Action::Reset, 0, 0, 0});
        m_timer.start(CheckEveryMs);
        return;
    }
    m_timer.start(m_retryMs);
    m_retryMs = std::min(m_retryMs * 2, MaxRetryMs);
}

template <typename Call> bool PostgresListener::runGuarded(Call&& call)
{
    // A stopped server never answers: the watchdog cuts the wait short.
    StallWatch::Guard guard(postgresSocket(m_connection), PingLimitMs);
    const bool ok = call();
    return ok && !guard.fired();
}

void PostgresListener::setConnected(bool connected, const QString& message)
{
    if (connected == m_connected)
        return;
    m_connected = connected;
    Q_EMIT connectionChanged(connected, message);
}

void PostgresListener::onNotification(const QString& name, const QVariant& payload)
{
    if (name != QLatin1String(ChangeChannel::Name))
        return;
    const auto received = ChangeChannel::decode(payload.toString());
    // Malformed payloads are someone else's on our channel; our own changes were announced
    // already when they committed here.
    if (!received || received->tag == ChangeChannel::processTag())
        return;
    for (const Change& change : std::as_const(received->changes))
        m_notifier.announceFromOtherStation(change);
}

} // namespace BidTracker::Model
