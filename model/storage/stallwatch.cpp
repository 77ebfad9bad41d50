#include "stallwatch.h"

#include "databaselocation.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <libpq-fe.h>
#include <map>
#include <mutex>
#include <poll.h>
#include <sys/socket.h>
#include <thread>

namespace BidTracker::Model {

namespace {

using Clock = std::chrono::steady_clock;

/// The watchdog's thread and its armed deadlines. A socket is shut down under the same lock
/// a Guard takes to disarm, so a call that finished in time never has its socket shut later.
class Watchdog final
{
public:
    static Watchdog& instance()
    {
        static Watchdog watchdog;
        return watchdog;
    }

    quint64 arm(int fd, int limitMs)
    {
        std::lock_guard lock(m_mutex);
        const quint64 id = ++m_lastId;
        m_armed.emplace(id, Armed{fd, Clock::now() + std::chrono::milliseconds(limitMs), false});
        m_wake.notify_one();
        return id;
    }

    void disarm(quint64 id)
    {
        std::lock_guard lock(m_mutex);
        m_armed.erase(id);
    }

    bool fired(quint64 id)
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_armed.find(id);
        return it != m_armed.end() && it->second.fired;
    }

    quint64 shutdowns() const { return m_shutdowns.load(); }

private:
    struct Armed
    {
        int fd;
        Clock::time_point deadline;
        bool fired;
    };

    Watchdog() : m_thread([this] { watch(); }) {}
    ~Watchdog()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_one();
        m_thread.join();
    }

    void watch()
    {
        std::unique_lock lock(m_mutex);
        while (!m_stopping) {
            auto next = Clock::time_point::max();
            const auto now = Clock::now();
            for (auto& [id, armed] : m_armed) {
                if (armed.fired)
                    continue;
                if (armed.deadline <= now) {
                    // The blocked read or write returns with an error at once.
                    ::shutdown(armed.fd, SHUT_RDWR);
                    armed.fired = true;
                    ++m_shutdowns;
                } else if (armed.deadline < next) {
                    next = armed.deadline;
                }
            }
            if (next == Clock::time_point::max())
                m_wake.wait(lock);
            else
                m_wake.wait_until(lock, next);
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::map<quint64, Armed> m_armed;
    quint64 m_lastId = 0;
    std::atomic<quint64> m_shutdowns{0};
    bool m_stopping = false;
    std::thread m_thread; // last: started once everything it uses exists
};

} // namespace

StallWatch::Guard::Guard(int fd, int limitMs)
{
    if (fd >= 0 && limitMs > 0)
        m_id = Watchdog::instance().arm(fd, limitMs);
}

StallWatch::Guard::~Guard()
{
    if (m_id)
        Watchdog::instance().disarm(m_id);
}

bool StallWatch::Guard::fired() const
{
    return m_id && Watchdog::instance().fired(m_id);
}

quint64 StallWatch::shutdowns()
{
    return Watchdog::instance().shutdowns();
}

int postgresSocket(const QSqlDatabase& connection)
{
    if (!connection.isOpen() || !connection.driver())
        return -1;
    const QVariant handle = connection.driver()->handle();
    // Qt 6 names the type as the compiler does: PGconn is libpq's typedef of struct pg_conn.
    if (!handle.isValid() ||
        (qstrcmp(handle.typeName(), "PGconn*") != 0 && qstrcmp(handle.typeName(), "pg_conn*") != 0))
        return -1;
    PGconn* pg = *static_cast<PGconn* const*>(handle.constData());
    return pg ? PQsocket(pg) : -1;
}

bool serverAnswers(const DatabaseLocation& location, int budgetMs, const QString& station)
{
    const QByteArray host = location.host.toUtf8();
    const QByteArray port = QByteArray::number(location.port);
    const QByteArray user = location.user.toUtf8();
    const QByteArray password = location.password.toUtf8();
    const QByteArray database = location.database.toUtf8();
    const QByteArray name = station.toUtf8();
    const char* keys[] = {"host",
                          "port",
                          "user",
                          "dbname",
                          "application_name",
                          password.isEmpty() ? nullptr : "password",
                          nullptr};
    const char* values[] = {
        host.constData(), port.constData(),     user.constData(), database.constData(),
        name.constData(), password.constData(), nullptr};
    PGconn* connection = PQconnectStartParams(keys, values, 0);
    QElapsedTimer timer;
    timer.start();
    bool answered = false;
    PostgresPollingStatusType state = PGRES_POLLING_WRITING;
    while (connection && PQstatus(connection) != CONNECTION_BAD) {
        if (state == PGRES_POLLING_OK) {
            answered = true;
            break;
        }
        if (state == PGRES_POLLING_FAILED)
            break;
        const qint64 left = budgetMs - timer.elapsed();
        if (left <= 0)
            break;
        pollfd wait{PQsocket(connection),
                    static_cast<short>(state == PGRES_POLLING_READING ? POLLIN : POLLOUT), 0};
        if (::poll(&wait, 1, static_cast<int>(left)) <= 0)
            break;
        state = PQconnectPoll(connection);
    }
    PQfinish(connection);
    return answered;
}

} // namespace BidTracker::Model
