#include "generator.h"

#include "storage/database.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <cstdio>
#include <ctime>
#include <vector>

namespace BidTracker::Model {

namespace {

const char* const firstNames[] = {"Ada",   "Ben",  "Chloe", "Dev",   "Elif",  "Femi",
                                  "Greta", "Hugo", "Ines",  "Jonas", "Kenji", "Lena",
                                  "Mateo", "Nora", "Omar",  "Priya"};
const char* const lastNames[] = {"Smith", "Okafor", "Novak", "Rossi", "Tanaka", "Silva",
                                 "Berg",  "Dubois", "Khan",  "Meyer", "Lopez",  "Ivanova"};
const char* const adjectives[] = {"Antique", "Signed", "Vintage", "Hand-made", "Rare",
                                  "Framed",  "Silver", "Oak",     "Porcelain", "Limited"};
const char* const nouns[] = {"vase",   "clock", "print",  "chair",   "lamp",    "watch",
                             "guitar", "quilt", "hamper", "voucher", "bicycle", "painting"};

/// "2026-11-27T23:51:54.123Z" for milliseconds since the epoch, without QDateTime's cost
/// (it is called a million times).
QString isoUtc(qint64 ms)
{
    const time_t seconds = static_cast<time_t>(ms / 1000);
    struct tm parts = {};
    gmtime_r(&seconds, &parts);
    char text[64]; // room for any int the format could see
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900,
                  parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec,
                  static_cast<int>(ms % 1000));
    return QString::fromLatin1(text);
}

template <typename T, size_t N> const char* pick(QRandomGenerator& random, T (&words)[N])
{
    return words[random.bounded(static_cast<quint32>(N))];
}

} // namespace

Result<void> generateAuction(Database& db, const GenerateSpec& spec)
{
    if (spec.items < 1 || spec.users < 1 || spec.bids < 0)
        return fail(
            Error::invalid(QStringLiteral("An auction needs at least one item and one user")));
    auto used = db.storage().everHeldRows();
    if (!used)
        return fail(used.error());
    if (*used)
        return fail(Error::refused(Error::Reason::NotEmpty,
                                   QStringLiteral("generate needs a new, empty database")));

    QRandomGenerator random(spec.seed);
    const qint64 startMs = QDateTime::currentMSecsSinceEpoch() - 7LL * 24 * 3600 * 1000;
    BulkAuction auction;
    auction.createdAt = isoUtc(startMs);

    // The whole bidding first, in memory: rising values per lot, random bidders, a week.
    struct PlannedBid
    {
        qint64 item;
        qint64 user;
        qint64 cents;
    };
    std::vector<PlannedBid> planned;
    planned.reserve(static_cast<size_t>(spec.bids));
    std::vector<qint64> itemStart(spec.items + 1), itemIncrement(spec.items + 1),
        itemValue(spec.items + 1, 0);
    std::vector<qint64> itemBids(spec.items + 1, 0), userBids(spec.users + 1, 0);
    for (qint64 item = 1; item <= spec.items; ++item) {
        itemStart[item] = (1 + random.bounded(50)) * 1000; // 10.00 to 500.00
        itemIncrement[item] = random.bounded(4) == 0 ? 500 : 100;
    }
    for (qint64 id = 1; id <= spec.bids; ++id) {
        const qint64 item =
            1 + static_cast<qint64>(random.bounded(static_cast<quint32>(spec.items)));
        const qint64 user =
            1 + static_cast<qint64>(random.bounded(static_cast<quint32>(spec.users)));
        const qint64 value = itemBids[item] == 0
                                 ? itemStart[item]
                                 : itemValue[item] + itemIncrement[item] * (1 + random.bounded(3));
        itemValue[item] = value;
        ++itemBids[item];
        ++userBids[user];
        planned.push_back({item, user, value});
    }

    auction.users.reserve(spec.users);
    for (qint64 user = 1; user <= spec.users; ++user)
        auction.users.append({user,
                              QStringLiteral("%1 %2").arg(QLatin1String(pick(random, firstNames)),
                                                          QLatin1String(pick(random, lastNames))),
                              userBids[user]});
    auction.items.reserve(spec.items);
    for (qint64 item = 1; item <= spec.items; ++item)
        auction.items.append(
            {item,
             QStringLiteral("%1 %2 no. %3")
                 .arg(QLatin1String(pick(random, adjectives)), QLatin1String(pick(random, nouns)))
                 .arg(item),
             itemStart[item], itemIncrement[item], itemBids[item]});
    const qint64 spanMs = 7LL * 24 * 3600 * 1000;
    auction.bidCount = spec.bids;
    auction.bid = [&](qint64 id) {
        const PlannedBid& bid = planned[static_cast<size_t>(id - 1)];
        return BulkAuction::BidRow{id, bid.item, bid.user, bid.cents,
                                   isoUtc(startMs + spanMs * id / (spec.bids + 1))};
    };
    return db.storage().bulkLoad(auction);
}

} // namespace BidTracker::Model
