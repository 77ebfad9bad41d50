// Issue 24: a consignor with 2,000 lots settles in under 50 ms. Builds an auction (a SQLite
// file in a temporary folder, or the empty database named on the command line), with one
// consignor's 2,000 lots sold to 200 bidders of whom half paid, then times settlement() and
// prints the median and the slowest of 30 reads. A benchmark, run by hand
// (tests/bench/settlement_bench.sh), never by ctest.
#include "model/auctionservice.h"
#include "model/storage/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>

using namespace BidTracker::Model;

namespace {

constexpr int Lots = 2000;
constexpr int Bidders = 200;
constexpr int Reads = 30;

[[noreturn]] void die(const Error& error)
{
    std::fprintf(stderr, "settlement_bench: %s\n", qPrintable(error.message));
    std::exit(2);
}

template <typename T> T must(Result<T> result)
{
    if (!result)
        die(result.error());
    return std::move(*result);
}

qint64 buildSale(AuctionService& service)
{
    ConsignorChanges terms;
    terms.name = QStringLiteral("Hill Farm");
    terms.commission = std::optional<Rules::BasisPoints>(2000);
    terms.lotFee = Money::fromCents(200);
    terms.unsoldFee = Money::fromCents(500);
    const qint64 consignor = must(service.createConsignor(terms)).id;
    QList<ItemChanges> lots;
    for (int i = 0; i < Lots; ++i)
        lots.append({.name = QStringLiteral("Lot %1").arg(i + 1),
                     .consignorId = std::make_optional(std::optional<qint64>(consignor))});
    QList<qint64> items;
    must(service.importItems(lots, &items));
    QStringList names;
    for (int i = 0; i < Bidders; ++i)
        names.append(QStringLiteral("Bidder %1").arg(i + 1));
    QList<qint64> users;
    must(service.importUsers(names, &users));
    QList<BidRequest> bids;
    for (int i = 0; i < Lots - Lots / 10; ++i) // a tenth go unsold
        bids.append({items[i], users[i % Bidders], Money::fromCents(1000 + i), std::nullopt});
    for (const auto& placed : service.placeBids(bids))
        if (!placed)
            die(placed.error());
    must(service.closeAll());
    for (int i = 0; i < Bidders / 2; ++i) {
        const Invoice invoice = must(service.invoice(users[i]));
        if (invoice.sums.balance > 0)
            must(service.addPayment(users[i], Money::fromCents(invoice.sums.balance),
                                    PaymentMethod::Cash, {}));
    }
    return consignor;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString location =
        argc > 1 ? QString::fromLocal8Bit(argv[1]) : dir.filePath(QStringLiteral("bench.db"));
    auto db = must(Database::open(location));
    AuctionService service(*db);
    const qint64 consignor = buildSale(service);
    QList<double> millis;
    Settlement last;
    for (int i = 0; i < Reads; ++i) {
        QElapsedTimer timer;
        timer.start();
        last = must(service.settlement(consignor));
        millis.append(timer.nsecsElapsed() / 1e6);
    }
    std::sort(millis.begin(), millis.end());
    std::printf(
        "settlement of %lld lots (%lld lines, %lld pending), %s: median %.2f ms, "
        "slowest %.2f ms of %d; net %s, payable now %s\n",
        static_cast<long long>(last.lots.size()), static_cast<long long>(last.sums.lines.size()),
        static_cast<long long>(last.sums.pending.size()),
        db->engine() == Storage::Engine::Postgres ? "PostgreSQL" : "SQLite", millis[Reads / 2],
        millis.back(), Reads, qPrintable(Money::fromCents(last.sums.net).toString()),
        qPrintable(Money::fromCents(last.sums.payableNow).toString()));
    return millis[Reads / 2] < 50.0 ? 0 : 1;
}
