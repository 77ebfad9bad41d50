// A PostgreSQL server that stops answering (all its processes stopped with SIGSTOP, as a hung
// machine or a dead switch looks to a client) and then carries on (SIGCONT), under a window
// and another station's API server (issue 21.2). The whole test takes about half a minute.
#include "api/headlessprocess.h"
#include "app/windowsession.h"
#include "model/storage/database.h"
#include "pg/owncluster.h"
#include "pg/sharedauction.h"
#include "ui/windowfixture.h"

#include <QHostAddress>
#include <QStatusBar>
#include <QTcpSocket>
#include <QTimer>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace BidTracker;
using Testing::waitFor;

namespace {

/// One HTTP answer, read raw so its headers can be checked.
struct Answer
{
    int status = 0;
    QByteArray text; // status line, headers and body
    qint64 ms = 0;   // from the request to the whole answer
};

Answer postBid(quint16 port, const QByteArray& token, qint64 cents, int timeoutMs = 10'000)
{
    const QByteArray body =
        QStringLiteral(R"({"bid": {"item": "item1", "value": %1.%2, "user": "user1"}})")
            .arg(cents / 100)
            .arg(cents % 100, 2, 10, QLatin1Char('0'))
            .toUtf8();
    Answer answer;
    QElapsedTimer timer;
    timer.start();
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    // The event loop runs while waiting, so the window's own blocks are what BlockMeter sees.
    while (socket.state() != QAbstractSocket::ConnectedState && timer.elapsed() < timeoutMs)
        QTest::qWait(5);
    socket.write("POST /api/v1/bids HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                 "Content-Type: application/json\r\nAuthorization: Bearer " +
                 token + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" +
                 body);
    // Connection: close: the answer is whole when the server closes.
    while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < timeoutMs) {
        QTest::qWait(5);
        answer.text += socket.readAll();
    }
    answer.text += socket.readAll();
    answer.ms = timer.elapsed();
    if (answer.text.startsWith("HTTP/1.1 "))
        answer.status = answer.text.mid(9, 3).toInt();
    return answer;
}

/// The longest time the GUI thread's event loop did not run, while it lives.
class BlockMeter final
{
public:
    BlockMeter()
    {
        m_sinceTick.start();
        QObject::connect(&m_timer, &QTimer::timeout,
                         [this] { m_longest = std::max(m_longest, m_sinceTick.restart()); });
        m_timer.start(10);
    }
    qint64 longestMs() const { return std::max(m_longest, m_sinceTick.elapsed()); }

private:
    QTimer m_timer;
    QElapsedTimer m_sinceTick;
    qint64 m_longest = 0;
};

/// Continues the server after `ms` even when the test is stuck in a call that never returns
/// (as on a build without the watchdog), so no cluster is ever left stopped.
class ThawLater final
{
public:
    ThawLater(Testing::OwnCluster& cluster, int ms)
        : m_thread([this, &cluster, ms] {
              std::unique_lock lock(m_mutex);
              if (!m_done.wait_for(lock, std::chrono::milliseconds(ms), [this] { return m_over; }))
                  cluster.thaw();
          })
    {
    }
    ~ThawLater()
    {
        {
            std::lock_guard lock(m_mutex);
            m_over = true;
        }
        m_done.notify_one();
        m_thread.join();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_done;
    bool m_over = false;
    std::thread m_thread;
};

std::unique_ptr<App::WindowSession> openWindow(const QString& url, const QTemporaryDir& settings)
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    App::Options options;
    options.port = 0;
    QString error;
    auto session = App::WindowSession::open(url, options, &error);
    EXPECT_TRUE(session) << error.toStdString();
    if (session) {
        session->window().resize(1280, 800);
        session->window().show();
    }
    return session;
}

qint64 bidsOf(const QString& url, qint64 cents)
{
    auto db = Testing::openDatabase(url);
    if (!db)
        return -1;
    const auto count =
        db->scalar(QStringLiteral("SELECT count(*) FROM bids WHERE value_cents = %1").arg(cents));
    return count ? *count : -1;
}

} // namespace

TEST(StalledDatabase, AnswersWithinSecondsCommitsNothingRefusedAndCarriesOnWhenItWakes)
{
    // GIVEN a window and another station's API server on a cluster of the test's own
    Testing::OwnCluster cluster;
    ASSERT_TRUE(cluster.ready());
    QTemporaryDir settings;
    auto session = openWindow(cluster.url(), settings);
    ASSERT_TRUE(session);
    const auto status = [&] { return session->window().statusBar()->currentMessage(); };
    QProcess other;
    const QByteArray token = "stall-test-token";
    const quint16 port = Testing::startHeadless(other, cluster.dir(), cluster.url(), token);
    ASSERT_NE(port, 0);
    ASSERT_EQ(postBid(port, token, 500).status, 201);
    Gui::TablePage* lots = session->window().itemsPage();
    lots->selectId(1);
    ASSERT_EQ(lots->currentId(), 1);

    // WHEN every process of the server stops
    ASSERT_TRUE(cluster.freeze());
    const ThawLater safetyNet(cluster, 40'000);
    QElapsedTimer stalled;
    stalled.start();
    BlockMeter meter;

    // THEN a bid is answered 503 with Retry-After and a code within 5 s, and so are the next
    QList<qint64> refused;
    for (qint64 cents = 1000; cents < 1004; ++cents) {
        const Answer answer = postBid(port, token, cents);
        std::printf("bid during the stall answered %d after %lld ms\n", answer.status,
                    static_cast<long long>(answer.ms));
        EXPECT_EQ(answer.status, 503) << answer.text.toStdString();
        EXPECT_LT(answer.ms, 5000);
        EXPECT_TRUE(answer.text.contains("\r\nRetry-After: ")) << answer.text.toStdString();
        const bool unavailable = answer.text.contains("\"code\":\"unavailable\"");
        EXPECT_TRUE(unavailable || answer.text.contains("\"code\":\"outcome_unknown\""))
            << answer.text.toStdString();
        if (unavailable)
            refused.append(cents);
    }
    EXPECT_FALSE(refused.isEmpty());
    // AND a call of the window's own returns within 2 s, in plain words
    QElapsedTimer call;
    call.start();
    const auto placed = session->service().placeBid(1, 1, Model::Money::fromCents(1500));
    const qint64 callMs = call.elapsed();
    std::printf("the window's bid during the stall returned after %lld ms\n",
                static_cast<long long>(callMs));
    ASSERT_FALSE(placed.has_value());
    EXPECT_LT(callMs, 2000);
    EXPECT_EQ(placed.error().message.toStdString(),
              Model::Database::lostConnectionText().toStdString());
    EXPECT_FALSE(placed.error().message.contains(u"QPSQL"));
    // AND the status bar says so within 5 s of the stall
    EXPECT_TRUE(waitFor([&] { return status() == Model::Database::lostConnectionText(); },
                        std::max<qint64>(0, 5000 - stalled.elapsed()) + 1))
        << status().toStdString();
    QTest::qWait(2000); // a few more rounds of the window retrying
    std::printf("the window's event loop was blocked at most %lld ms during the stall\n",
                static_cast<long long>(meter.longestMs()));
    EXPECT_LE(meter.longestMs(), 2000);

    // WHEN the server carries on
    ASSERT_TRUE(cluster.thaw());
    QElapsedTimer woke;
    woke.start();
    // THEN bids are taken again within 5 s, by the API and the window
    Answer again;
    while (again.status != 201 && woke.elapsed() < 10'000) {
        again = postBid(port, token, 2000);
        if (again.status != 201)
            QTest::qWait(50);
    }
    const qint64 recoveredMs = woke.elapsed();
    std::printf("a bid was taken again %lld ms after the server woke\n",
                static_cast<long long>(recoveredMs));
    EXPECT_EQ(again.status, 201) << again.text.toStdString();
    EXPECT_LT(recoveredMs, 5000);
    // (the window reads the lot with the bid just taken)
    EXPECT_TRUE(waitFor(
        [&] {
            const auto lot = session->service().item(1);
            return lot && lot->winningValue == Model::Money::fromCents(2000);
        },
        std::max<qint64>(0, 5000 - woke.elapsed()) + 1));
    std::printf("the window read again %lld ms after the server woke\n",
                static_cast<long long>(woke.elapsed()));
    // AND the window shows the lot with the selection kept, once its link is back too
    EXPECT_TRUE(waitFor([&] { return status().contains(u"again"); }, 5000))
        << status().toStdString();
    EXPECT_EQ(lots->currentId(), 1);
    // AND no bid answered "unavailable" was committed when the server woke
    QTest::qWait(500); // the server reads what it was sent before the sockets were shut
    for (const qint64 cents : std::as_const(refused))
        EXPECT_EQ(bidsOf(cluster.url(), cents), 0) << cents;

    // WHEN the server restarts while both stations are idle
    ASSERT_TRUE(cluster.pause());
    ASSERT_TRUE(cluster.resume());
    // THEN the first request after it is answered, not 503
    const Answer first = postBid(port, token, 3000);
    EXPECT_EQ(first.status, 201) << first.text.toStdString();
    EXPECT_TRUE(session->service().item(1).has_value());
    other.terminate();
    other.waitForFinished(5000);
    session.reset();
}

TEST(StationName, IsThePostgreSQLApplicationNameOfEveryConnection)
{
    // GIVEN a station named with spaces and punctuation
    Testing::SharedAuction auction(1, 1);
    const QString before = Model::Database::stationName();
    Model::Database::setStationName(QStringLiteral("Caisse 2 (east door)"));
    // WHEN it connects
    auto db = Testing::openDatabase(auction.url());
    ASSERT_TRUE(db);
    // THEN the server knows the connection by that name
    auto names = db->texts(QStringLiteral(
        "SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()"));
    ASSERT_TRUE(names.has_value());
    EXPECT_EQ(*names, QStringList{QStringLiteral("Caisse 2 (east door)")});
    Model::Database::setStationName(before);
}
