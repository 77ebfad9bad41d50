#pragma once

#include "apiresponse.h"
#include "model/idempotency.h"

#include <functional>
#include <optional>

namespace BidTracker::Model {
class AuctionService;
}

// Idempotency-Key (API.md "Versions and safe retries"): a POST carried out once under its
// key, its finished answer kept in the same transaction as its change.
namespace BidTracker::Api::Idempotency {

/// Carries `handler` out under `key` in one transaction (AuctionService::inOneTransaction):
/// claims the key, runs the handler, keeps its answer when it is a finished outcome, commits.
/// A repeat gets the kept answer (replayed()), another body 409 `idempotency_key_reused`;
/// a 429 or 5xx answer is given but nothing is kept (the key stays free).
ApiResponse carryOut(Model::AuctionService& service, const Model::IdempotencyKey& key,
                     const std::function<ApiResponse()>& handler);

/// For a request answered later (a bid waiting for its batch): the kept answer, or 409 when
/// the key was kept for another body, or nothing when the request is to be carried out.
std::optional<ApiResponse> keptAnswer(Model::AuctionService& service,
                                      const Model::IdempotencyKey& key);

} // namespace BidTracker::Api::Idempotency
