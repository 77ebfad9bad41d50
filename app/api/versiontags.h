#pragma once

#include "apirequest.h"
#include "apiresponse.h"
#include "model/error.h"

#include <expected>
#include <optional>

// API.md "Versions and safe retries": lots, bidders and the settings answer with
// `ETag: "<version>"`, and a PUT may send `If-Match: "<version>"`.
namespace BidTracker::Api::Versions {

/// `answer` with `ETag: "<version>"` (answers are no-store: the tag names the version).
ApiResponse tagged(ApiResponse answer, qint64 version);

/// The version an If-Match header asks for: none without the header or with `*`; 400
/// `invalid` for any other form than one quoted whole number.
std::expected<std::optional<qint64>, ApiResponse> ifMatch(const ApiRequest& request);

/// A stale refusal (Reason::Stale) as 412 with code `stale` and the current `version`;
/// nothing for any other error (the route answers it as every route does).
std::optional<ApiResponse> preconditionFailed(const Model::Error& error);

} // namespace BidTracker::Api::Versions
