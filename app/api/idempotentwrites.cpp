#include "idempotentwrites.h"

#include "idempotencykey.h"
#include "model/auctionservice.h"
#include "requestinput.h"

namespace BidTracker::Api::Idempotency {

ApiResponse carryOut(Model::AuctionService& service, const Model::IdempotencyKey& key,
                     const std::function<ApiResponse()>& handler)
{
    std::optional<ApiResponse> answer;
    bool unfinished = false;
    const auto done = service.inOneTransaction([&]() -> Model::Result<void> {
        answer.reset(); // a retry of the whole transaction starts afresh
        unfinished = false;
        auto claim = service.claimIdempotencyKey(key);
        if (!claim)
            return Model::fail(claim.error());
        if (*claim) {
            answer = replayed(**claim);
            return {};
        }
        answer = handler();
        if (!Model::isFinishedOutcome(answer->status)) {
            // Rolled back with the claim: the key is free to try again.
            unfinished = true;
            return Model::fail(Model::Error::unavailable(QStringLiteral("not kept")));
        }
        return service.keepAnswer(key, kept(*answer));
    });
    if (done)
        return *answer;
    if (unfinished && answer)
        return *answer;
    // The claim or the commit failed: nothing of the request was kept or changed.
    return Input::fromError(done.error());
}

std::optional<ApiResponse> keptAnswer(Model::AuctionService& service,
                                      const Model::IdempotencyKey& key)
{
    const auto kept = service.keptAnswer(key);
    if (!kept)
        return Input::fromError(kept.error());
    if (!*kept)
        return std::nullopt;
    return replayed(**kept);
}

} // namespace BidTracker::Api::Idempotency
