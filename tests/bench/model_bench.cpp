// Google Benchmark for the model layer's per-request queries, on two databases side by
// side: BIDTRACKER_BENCH_SMALL and BIDTRACKER_BENCH_BIG (paths). Each benchmark runs on
// both, named .../small and .../big; tests/bench/big_auction.sh prints the ratios.
#include "model/auctionservice.h"
#include "model/rules/lotdecision.h"
#include "model/storage/database.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>

using namespace BidTracker::Model;

namespace {

struct Opened
{
    std::unique_ptr<Database> db;
    std::unique_ptr<AuctionService> service;
    qint64 items = 0;
    qint64 users = 0;
};

/// Closed in main(), while the Qt application object (which the SQL driver needs) still lives.
std::map<std::string, Opened>& registry()
{
    static std::map<std::string, Opened> all;
    return all;
}

Opened& opened(const char* variable)
{
    Opened& entry = registry()[variable];
    if (!entry.db) {
        const char* path = std::getenv(variable);
        auto db = Database::open(QString::fromLocal8Bit(path ? path : ""));
        if (!db) {
            std::fprintf(stderr, "%s: %s\n", variable, qPrintable(db.error().message));
            std::exit(2);
        }
        entry.db = std::move(*db);
        entry.service = std::make_unique<AuctionService>(*entry.db);
        entry.items = entry.service->items(Page{0, 0})->total;
        entry.users = entry.service->users(Page{0, 0})->total;
    }
    return entry;
}

template <typename Work> void run(benchmark::State& state, const char* variable, Work work)
{
    Opened& auction = opened(variable);
    QRandomGenerator random(42);
    for (auto _ : state) {
        const qint64 item = 1 + random.bounded(static_cast<quint32>(auction.items));
        const qint64 user = 1 + random.bounded(static_cast<quint32>(auction.users));
        benchmark::DoNotOptimize(work(*auction.service, item, user));
    }
}

void winningBid(benchmark::State& state, const char* db)
{
    run(state, db,
        [](AuctionService& s, qint64 item, qint64) { return s.winningBid(item).has_value(); });
}

void itemComplete(benchmark::State& state, const char* db)
{
    run(state, db, [](AuctionService& s, qint64 item, qint64) {
        return s.item(item).has_value() && s.bidsForItem(item).has_value();
    });
}

void userItems(benchmark::State& state, const char* db)
{
    run(state, db,
        [](AuctionService& s, qint64, qint64 user) { return s.itemsBidByUser(user).has_value(); });
}

void bidsWindowAtTheEnd(benchmark::State& state, const char* db)
{
    run(state, db, [](AuctionService& s, qint64, qint64) {
        const qint64 total = s.countBids({}).value_or(0);
        return s.bidsWindow({}, std::max<qint64>(0, total - 256), 256).has_value();
    });
}

void bidsWindowByAmount(benchmark::State& state, const char* db)
{
    run(state, db, [](AuctionService& s, qint64, qint64) {
        return s.bidsWindow(BidQuery{BidQuery::Order::ByValue, true, {}}, 0, 256).has_value();
    });
}

void invoice(benchmark::State& state, const char* db)
{
    run(state, db,
        [](AuctionService& s, qint64, qint64 user) { return s.invoice(user).has_value(); });
}

void summary(benchmark::State& state, const char* db)
{
    run(state, db, [](AuctionService& s, qint64, qint64) { return s.summary().has_value(); });
}

/// A fresh auction of its own for each bidding benchmark (bids change it): 200 lots, 8
/// bidders, on a temporary SQLite file (synchronous=FULL, as the app runs).
struct BiddingAuction
{
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    std::unique_ptr<AuctionService> service;
};

/// Closed in main(), as the registry is.
std::map<std::string, BiddingAuction>& biddingAuctions()
{
    static std::map<std::string, BiddingAuction> all;
    return all;
}

BiddingAuction& biddingAuction(const std::string& name)
{
    BiddingAuction& entry = biddingAuctions()[name];
    if (!entry.db) {
        auto db = Database::open(entry.dir.filePath(QStringLiteral("bidding.sqlite")));
        if (!db) {
            std::fprintf(stderr, "%s\n", qPrintable(db.error().message));
            std::exit(2);
        }
        entry.db = std::move(*db);
        entry.service = std::make_unique<AuctionService>(*entry.db);
        for (int i = 0; i < 8; ++i)
            (void)entry.service->createUser(QStringLiteral("Bidder %1").arg(i));
        QList<ItemChanges> lots;
        for (int i = 0; i < 200; ++i) {
            ItemChanges lot;
            lot.name = QStringLiteral("Lot %1").arg(i);
            lots.append(lot);
        }
        (void)entry.service->importItems(lots);
    }
    return entry;
}

/// Bids at the lowest acceptable value on random lots; `withMaximum`: each carries a maximum
/// a few steps above it, so bidders outbid each other through automatic bids.
void placeBids(benchmark::State& state, bool withMaximum)
{
    BiddingAuction& auction = biddingAuction(withMaximum ? "maximum" : "plain");
    QRandomGenerator random(42);
    for (auto _ : state) {
        const qint64 item = 1 + random.bounded(200);
        const qint64 user = 1 + random.bounded(8);
        const Money lowest = auction.service->lowestAcceptableBid(item).value_or(Money());
        BidRequest request{item, user, lowest, {}};
        if (withMaximum)
            request.maxValue = Money::fromCents(lowest.cents() + 1 + random.bounded(500));
        benchmark::DoNotOptimize(auction.service->placeBid(request).has_value());
    }
}

void placePlainBid(benchmark::State& state)
{
    placeBids(state, false);
}

void placeBidWithMaximum(benchmark::State& state)
{
    placeBids(state, true);
}

/// A lot worked out from its whole history, as deleting a bid does: 10,000 bids from 500
/// bidders, every tenth with a maximum (target: under 5 ms).
void decideLotOfTenThousandBids(benchmark::State& state)
{
    const Rules::LotTerms terms{100, 100, {{0, 50}, {10000, 100}, {100000, 500}}, 500000};
    QList<Rules::LotEntry> entries;
    {
        QRandomGenerator random(7);
        Rules::LotDecider building(terms);
        for (int i = 0; i < 10'000; ++i) {
            const qint64 value = building.lowestAcceptableCents();
            entries.append({1 + random.bounded(500), value, i % 10 == 0 ? value + 5000 : 0, false});
            if (const auto automatic = building.apply(entries.last()))
                building.apply(*automatic);
        }
    }
    for (auto _ : state) {
        Rules::LotDecider lot(terms);
        for (const Rules::LotEntry& entry : entries) {
            if (const auto automatic = lot.apply(entry))
                lot.apply(*automatic);
        }
        benchmark::DoNotOptimize(lot.standing());
    }
}

} // namespace

BENCHMARK(decideLotOfTenThousandBids)->Unit(benchmark::kMicrosecond);
BENCHMARK(placePlainBid)->Unit(benchmark::kMicrosecond)->MinTime(3);
BENCHMARK(placeBidWithMaximum)->Unit(benchmark::kMicrosecond)->MinTime(3);

#define BOTH(function)                                                                             \
    BENCHMARK_CAPTURE(function, small, "BIDTRACKER_BENCH_SMALL")->Unit(benchmark::kMicrosecond);   \
    BENCHMARK_CAPTURE(function, big, "BIDTRACKER_BENCH_BIG")->Unit(benchmark::kMicrosecond)

BOTH(winningBid);
BOTH(itemComplete);
BOTH(userItems);
BOTH(bidsWindowAtTheEnd);
BOTH(bidsWindowByAmount);
BOTH(invoice);
BOTH(summary);

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    registry().clear();
    biddingAuctions().clear();
    return 0;
}
