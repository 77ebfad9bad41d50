#include "bidbatcher.h"

#include "jsonformat.h"
#include "metrics.h"
#include "requestinput.h"
#include "routecontext.h"

namespace BidTracker::Api {

BidBatcher::BidBatcher(Model::AuctionService& service, Metrics& metrics)
    : m_service(service), m_metrics(metrics)
{
}

void BidBatcher::enqueue(const Model::BidRequest& request, Reply reply,
                         std::function<bool()> clientConnected, const Model::Actor& actor)
{
    if (!m_requests.isEmpty() && (m_actor.name != actor.name || m_actor.role != actor.role))
        flush();
    m_actor = actor;
    m_requests.append(request);
    m_replies.append(std::move(reply));
    m_clientConnected.append(std::move(clientConnected));
    if (m_requests.size() >= MaxBatch)
        flush();
}

void BidBatcher::flush()
{
    if (m_requests.isEmpty())
        return;
    QList<Model::BidRequest> requests;
    QList<Reply> replies;
    const QList<Model::BidRequest> queued = std::exchange(m_requests, {});
    const QList<Reply> queuedReplies = std::exchange(m_replies, {});
    const QList<std::function<bool()>> connected = std::exchange(m_clientConnected, {});
    for (qsizetype i = 0; i < queued.size(); ++i) {
        if (connected[i] && !connected[i]()) {
            queuedReplies[i](ApiResponse::error(
                503, QStringLiteral("The client left before its bid was placed; nothing was "
                                    "stored")));
            continue;
        }
        requests.append(queued[i]);
        replies.append(queuedReplies[i]);
    }
    if (requests.isEmpty())
        return;
    m_service.setActor(m_actor);
    const QList<Model::Result<Model::BidPlacement>> results = m_service.placeBidBatch(requests);
    for (qsizetype i = 0; i < results.size(); ++i) {
        const auto& result = results[i];
        m_metrics.countBid(result.has_value());
        if (result && !result->added) {
            // A leader's maximum alone raised theirs: nothing new, the lot's winning bid.
            replies[i](ApiResponse::json(200, Json::bid(result->bid)));
        } else if (result) {
            replies[i](created(Json::bid(result->bid),
                               apiPrefix + QStringLiteral("/bids/") +
                                   Model::formatId(Model::EntityKind::Bid, result->bid.id)));
        } else {
            replies[i](Input::fromError(result.error()));
        }
    }
}

} // namespace BidTracker::Api
