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

void BidBatcher::enqueue(const Model::BidRequest& request, Reply reply)
{
    m_requests.append(request);
    m_replies.append(std::move(reply));
    if (m_requests.size() >= MaxBatch)
        flush();
}

void BidBatcher::flush()
{
    if (m_requests.isEmpty())
        return;
    const QList<Model::BidRequest> requests = std::exchange(m_requests, {});
    const QList<Reply> replies = std::exchange(m_replies, {});
    const QList<Model::Result<Model::Bid>> results = m_service.placeBids(requests);
    for (qsizetype i = 0; i < results.size(); ++i) {
        const auto& result = results[i];
        m_metrics.countBid(result.has_value());
        if (result) {
            replies[i](created(Json::bid(*result),
                               apiPrefix + QStringLiteral("/bids/") +
                                   Model::formatId(Model::EntityKind::Bid, result->id)));
        } else {
            replies[i](Input::fromError(result.error()));
        }
    }
}

} // namespace BidTracker::Api
