// Issue 21.16's benchmark: keys typed into the quick bid bar of the real window (offscreen)
// while another connection records about 1,000 bids a second (a batch every 10 ms) on the
// same auction and
// announces them on the window's notifier, as the embedded server's thread does for the
// stations that bid over the API. Prints "typing: ..." lines with the milliseconds from
// when each key was due (one every 100 ms, as a quick clerk types) until the bar showed it:
// p50, p95 and max, idle and under load. tests/bench/typing_bench.sh runs it (and a
// baseline build side by side). Not a test: it asserts only that the feed ran.
#include "../ui/windowfixture.h"
#include "ui/quickbidbar.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <cstdio>

using namespace BidTracker;
using namespace BidTracker::Testing;

namespace {

constexpr int KeyIntervalMs = 100;

int envInt(const char* name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

/// Records bids at a steady rate on its own connection, announcing them on `notifier`
/// (queued to the window's thread, as the server thread's are).
class Feeder final : public QThread
{
public:
    Feeder(QString path, Model::ChangeNotifier& notifier, QList<qint64> lots, QList<qint64> bidders,
           int perSecond)
        : m_path(std::move(path)), m_notifier(notifier), m_lots(std::move(lots)),
          m_bidders(std::move(bidders)), m_perSecond(perSecond)
    {
    }
    std::atomic<bool> stop{false};
    std::atomic<qint64> placed{0};
    std::atomic<qint64> refused{0};
    std::atomic<qint64> elapsedMs{0};

protected:
    void run() override
    {
        auto db = openDatabase(m_path);
        Model::AuctionService service(*db, &m_notifier);
        // A batch of bids every 10 ms, each on another lot (as many stations at once would).
        const int perBatch = std::max(1, m_perSecond / 100);
        QElapsedTimer clock;
        clock.start();
        qint64 k = 0;
        for (qint64 batch = 0; !stop.load(); ++batch) {
            while (clock.nsecsElapsed() < batch * 10'000'000LL && !stop.load())
                QThread::usleep(200);
            QList<Model::BidRequest> requests;
            for (int i = 0; i < perBatch; ++i, ++k) {
                const qint64 lot = m_lots[k % m_lots.size()];
                const auto lowest = service.lowestAcceptableBid(lot);
                if (lowest)
                    requests.append({lot, m_bidders[k % m_bidders.size()], *lowest, {}});
            }
            for (const auto& placement : service.placeBidBatch(requests))
                (placement ? placed : refused).fetch_add(1);
        }
        elapsedMs = clock.elapsed();
    }

private:
    QString m_path;
    Model::ChangeNotifier& m_notifier;
    QList<qint64> m_lots;
    QList<qint64> m_bidders;
    int m_perSecond;
};

struct Key
{
    QLineEdit* field;
    Qt::Key key;
    char text;
};

/// A clerk's lines: a lot's number, Tab, the start of a bidder's name, Esc; again.
QList<Key> script(Gui::QuickBidBar* bar, qint64 lot)
{
    QList<Key> keys;
    for (const char digit : QByteArray::number(lot))
        keys.append({bar->lotField(), Qt::Key(Qt::Key_0 + (digit - '0')), digit});
    keys.append({bar->lotField(), Qt::Key_Tab, 0});
    for (const char letter : QByteArray("Bidder 1"))
        keys.append({bar->bidderField(),
                     letter == ' ' ? Qt::Key_Space
                                   : Qt::Key(Qt::Key_A + (QChar(letter).toUpper().unicode() - 'A')),
                     letter});
    keys.append({bar->bidderField(), Qt::Key_Escape, 0});
    return keys;
}

/// Types `count` keys, one due every KeyIntervalMs; each key's latency is from when it was
/// due until it was handled and the bar repainted (a late timer counts: keys queue up).
QList<double> typeKeys(Gui::QuickBidBar* bar, qint64 lot, int count)
{
    const QList<Key> keys = script(bar, lot);
    QList<double> latencies;
    QEventLoop loop;
    QTimer timer;
    timer.setTimerType(Qt::PreciseTimer);
    timer.setInterval(KeyIntervalMs);
    QElapsedTimer clock;
    int k = 0;
    QObject::connect(&timer, &QTimer::timeout, [&] {
        const Key& key = keys[k % keys.size()];
        if (key.text != 0)
            QTest::keyClick(key.field, key.key, Qt::NoModifier);
        else
            QTest::keyClick(key.field, key.key);
        bar->repaint();
        ++k;
        latencies.append(clock.nsecsElapsed() / 1e6 - double(k) * KeyIntervalMs);
        if (k == count)
            loop.quit();
    });
    clock.start();
    timer.start();
    loop.exec();
    return latencies;
}

void report(const char* phase, QList<double> ms, const QString& extra = {})
{
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) {
        return ms[std::min<qsizetype>(ms.size() - 1, qsizetype(q * ms.size()))];
    };
    std::printf("typing: %-6s keys %lld p50 %.1f ms p95 %.1f ms max %.1f ms%s\n", phase,
                static_cast<long long>(ms.size()), std::max(0.0, at(0.5)), std::max(0.0, at(0.95)),
                std::max(0.0, ms.last()), qPrintable(extra));
    std::fflush(stdout);
}

} // namespace

TEST(TypingBench, KeysInTheQuickBidBarWhileOtherStationsBid)
{
    const int perSecond = envInt("TYPING_BENCH_BIDS_PER_SECOND", 1000);
    const int loadedKeys = envInt("TYPING_BENCH_KEYS", 100);
    WindowFixture f;
    auto& service = f.auction.service();
    // GIVEN 200 lots and 301 bidders besides the sample auction's, every view open: the
    // lots table with a lot selected (its bids below), the big screen, the quick bid bar
    QList<Model::ItemChanges> items;
    for (int i = 1; i <= 200; ++i)
        items.append({.name = QStringLiteral("Bench lot %1").arg(i),
                      .startingPrice = Model::Money::fromCents(100),
                      .minIncrement = Model::Money::fromCents(100)});
    QList<qint64> lots;
    ASSERT_TRUE(service.importItems(items, &lots).has_value());
    QStringList names;
    for (int i = 1; i <= 301; ++i)
        names.append(QStringLiteral("Bench bidder %1").arg(i));
    QList<qint64> bidders;
    ASSERT_TRUE(service.importUsers(names, &bidders).has_value());
    QTest::qWait(300);
    const QModelIndex first = lotCell(f, lots.first(), 0);
    f.items()->selectionModel()->setCurrentIndex(first, QItemSelectionModel::ClearAndSelect |
                                                            QItemSelectionModel::Rows);
    f.window->showBigScreen();
    Gui::QuickBidBar* bar = f.window->quickBidBar();
    QTest::keyClick(f.window.get(), Qt::Key_B, Qt::ControlModifier);
    QTest::qWait(300);

    // WHEN the clerk types with nothing else going on, then while the feed records bids
    report("idle", typeKeys(bar, lots.first(), 30));
    Feeder feeder(f.auction.path(), f.auction.notifier(), lots, bidders, perSecond);
    feeder.start();
    QTest::qWait(1000); // the feed reaches its pace
    const QList<double> loaded = typeKeys(bar, lots.first(), loadedKeys);
    feeder.stop = true;
    feeder.wait();
    const double rate = feeder.placed.load() * 1000.0 / std::max<qint64>(1, feeder.elapsedMs);
    report("loaded", loaded,
           QStringLiteral(" (feed asked %1 bids/s, recorded %2/s, %3 refused)")
               .arg(perSecond)
               .arg(rate, 0, 'f', 0)
               .arg(feeder.refused.load()));
    // THEN the feed ran (the figures are the benchmark's; nothing is timed here)
    EXPECT_GT(feeder.placed.load(), 0);
    // The backlog left: a call queued behind every change still waiting runs last.
    QElapsedTimer settle;
    settle.start();
    bool reached = false;
    QMetaObject::invokeMethod(
        bar, [&] { reached = true; }, Qt::QueuedConnection);
    while (!reached && settle.elapsed() < 120'000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    std::printf("typing: backlog %lld ms after the feed stopped\n",
                static_cast<long long>(settle.elapsed()));
}
