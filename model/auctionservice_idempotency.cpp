// AuctionService: Idempotency-Key (API.md "Versions and safe retries"). The door claims a key,
// carries the request out and keeps its answer, all in one transaction of the service's; the
// rule of what is replayed and what is refused is here and in idempotency.cpp.
#include "auctionservice.h"

#include "auctionservice_transaction.h"
#include "joinedwrites.h"
#include "storage/database.h"

namespace BidTracker::Model {

Result<void> AuctionService::inOneTransaction(const std::function<Result<void>()>& work)
{
    return writeTransaction([&]() -> Result<void> {
        m_joinedTransient = false;
        m_joined = true;
        const JoinedWrites others(m_db); // StaffService's writes join too
        auto done = work();
        m_joined = false;
        if (!done && m_joinedTransient)
            done.error().transient = true; // run the whole transaction again
        return done;
    });
}

Result<std::optional<KeptAnswer>> AuctionService::claimIdempotencyKey(const IdempotencyKey& key)
{
    const QString now = utcTimestampNow();
    const QString cutoff = idempotencyCutoff(now);
    auto claimed = m_storage.claimIdempotencyKey(key, now, cutoff);
    if (!claimed)
        return fail(claimed.error());
    if (*claimed)
        return std::optional<KeptAnswer>();
    auto kept = m_storage.keptAnswer(key, cutoff);
    if (!kept)
        return fail(kept.error());
    if (!*kept) // only ever a claim that was never committed: no answer to give
        return fail(keyInFlight(key.key));
    auto replay = replayFor(key, **kept);
    if (!replay)
        return fail(replay.error());
    return std::optional<KeptAnswer>(std::move(*replay));
}

Result<void> AuctionService::keepAnswer(const IdempotencyKey& key, KeptAnswer answer)
{
    // A 429 or a 5xx leaves the key free: the claim must not commit without an answer.
    if (!isFinishedOutcome(answer.status))
        return fail(Error::unavailable(
            QStringLiteral("The answer %1 to Idempotency-Key \"%2\" is not final: nothing was "
                           "kept")
                .arg(answer.status)
                .arg(key.key)));
    answer.bodyHash = key.bodyHash;
    return m_storage.keepAnswer(key, answer);
}

Result<std::optional<KeptAnswer>> AuctionService::keptAnswer(const IdempotencyKey& key)
{
    auto kept = m_storage.keptAnswer(key, idempotencyCutoff(utcTimestampNow()));
    if (!kept)
        return fail(kept.error());
    if (!*kept)
        return std::optional<KeptAnswer>();
    auto replay = replayFor(key, **kept);
    if (!replay)
        return fail(replay.error());
    return std::optional<KeptAnswer>(std::move(*replay));
}

} // namespace BidTracker::Model
