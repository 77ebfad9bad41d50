#include "bidbatcher.h"

#include "idempotencykey.h"
#include "jsonformat.h"
#include "metrics.h"
#include "requestinput.h"
#include "routecontext.h"

#include <algorithm>

namespace BidTracker::Api {

BidBatcher::BidBatcher(Model::AuctionService& service, Metrics& metrics)
    : m_service(service), m_metrics(metrics)
{
}

void BidBatcher::enqueue(const Model::BidRequest& request, Reply reply,
                         std::function<bool()> clientConnected, const Model::Actor& actor,
                         std::optional<Model::IdempotencyKey> key)
{
    if (!m_requests.isEmpty() && (m_actor.name != actor.name || m_actor.role != actor.role))
        flush();
    m_actor = actor;
    m_requests.append(request);
    m_replies.append(std::move(reply));
    m_clientConnected.append(std::move(clientConnected));
    m_keys.append(std::move(key));
    if (m_requests.size() >= MaxBatch)
        flush();
}

void BidBatcher::flush()
{
    if (m_requests.isEmpty())
        return;
    QList<Model::BidRequest> requests;
    QList<Reply> replies;
    Keys keys;
    const QList<Model::BidRequest> queued = std::exchange(m_requests, {});
    const QList<Reply> queuedReplies = std::exchange(m_replies, {});
    const QList<std::function<bool()>> connected = std::exchange(m_clientConnected, {});
    const Keys queuedKeys = std::exchange(m_keys, {});
    for (qsizetype i = 0; i < queued.size(); ++i) {
        if (connected[i] && !connected[i]()) {
            queuedReplies[i](ApiResponse::error(
                503, QStringLiteral("The client left before its bid was placed; nothing was "
                                    "stored")));
            continue;
        }
        requests.append(queued[i]);
        replies.append(queuedReplies[i]);
        keys.append(queuedKeys[i]);
    }
    if (requests.isEmpty())
        return;
    m_service.setActor(m_actor);
    if (std::any_of(keys.cbegin(), keys.cend(), [](const auto& key) { return key.has_value(); }))
        placeKeyed(requests, replies, keys);
    else
        place(requests, replies);
}

ApiResponse BidBatcher::answerOf(const Model::Result<Model::BidPlacement>& result)
{
    if (result && !result->added) {
        // A leader's maximum alone raised theirs: nothing new, the lot's winning bid.
        return ApiResponse::json(200, Json::bid(result->bid));
    }
    if (result) {
        return created(Json::bid(result->bid),
                       apiPrefix + QStringLiteral("/bids/") +
                           Model::formatId(Model::EntityKind::Bid, result->bid.id));
    }
    return Input::fromError(result.error());
}

void BidBatcher::place(const QList<Model::BidRequest>& requests, const QList<Reply>& replies)
{
    const QList<Model::Result<Model::BidPlacement>> results = m_service.placeBidBatch(requests);
    for (qsizetype i = 0; i < results.size(); ++i) {
        m_metrics.countBid(results[i].has_value());
        replies[i](answerOf(results[i]));
    }
}

void BidBatcher::placeKeyed(const QList<Model::BidRequest>& requests, const QList<Reply>& replies,
                            const Keys& keys)
{
    QList<ApiResponse> answers;
    QList<bool> placedOk;
    const auto done = m_service.inOneTransaction([&]() -> Model::Result<void> {
        answers = QList<ApiResponse>(requests.size());
        placedOk = QList<bool>(requests.size(), false);
        QList<Model::BidRequest> toPlace;
        QList<qsizetype> placedAt;
        for (qsizetype i = 0; i < requests.size(); ++i) {
            if (keys[i]) {
                auto claim = m_service.claimIdempotencyKey(*keys[i]);
                if (!claim && claim.error().code == Model::Error::Code::Unavailable)
                    return Model::fail(claim.error());
                if (!claim || *claim) { // another body's key, or carried out before
                    answers[i] =
                        claim ? Idempotency::replayed(**claim) : Input::fromError(claim.error());
                    continue;
                }
            }
            toPlace.append(requests[i]);
            placedAt.append(i);
        }
        const auto results = toPlace.isEmpty() ? QList<Model::Result<Model::BidPlacement>>()
                                               : m_service.placeBidBatch(toPlace);
        for (qsizetype j = 0; j < results.size(); ++j) {
            // A failed batch fails as a whole: nothing is kept, every key stays free.
            if (!results[j] && results[j].error().code == Model::Error::Code::Unavailable)
                return Model::fail(results[j].error());
            const qsizetype i = placedAt[j];
            answers[i] = answerOf(results[j]);
            placedOk[i] = results[j].has_value();
            if (keys[i]) {
                if (auto ok = m_service.keepAnswer(*keys[i], Idempotency::kept(answers[i])); !ok)
                    return ok;
            }
        }
        return {};
    });
    for (qsizetype i = 0; i < requests.size(); ++i) {
        m_metrics.countBid(done && placedOk[i]);
        replies[i](done ? answers[i] : Input::fromError(done.error()));
    }
}

} // namespace BidTracker::Api
