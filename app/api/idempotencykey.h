#pragma once

#include "apirequest.h"
#include "apiresponse.h"
#include "model/idempotency.h"

#include <expected>
#include <optional>

// Idempotency-Key on every POST (API.md "Versions and safe retries"), the door's pure part:
// the header read from a request, and an answer turned into what is kept and back. Pure
// functions of bytes (fuzz/fuzz_retry_headers.cpp); the rule is the model's.
namespace BidTracker::Api::Idempotency {

/// The request's key: nothing when it sends none; 400 `invalid` naming the header when it is
/// not 1 to 64 visible ASCII characters, or is sent twice. The key belongs to the credential
/// (a hash of the Authorization header), the method and the path; the body's SHA-256 tells
/// a repeat from another request.
std::expected<std::optional<Model::IdempotencyKey>, ApiResponse> keyOf(const ApiRequest& request);

/// What is kept of an answer: status, body, and the headers a retry needs (Content-Type,
/// Location, ETag).
Model::KeptAnswer kept(const ApiResponse& response);

/// The kept answer sent again, with `Idempotent-Replayed: true`.
ApiResponse replayed(const Model::KeptAnswer& kept);

} // namespace BidTracker::Api::Idempotency
