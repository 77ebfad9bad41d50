#pragma once

#include "apiresponse.h"
#include "model/auctionservice.h"

#include <QList>
#include <QObject>

namespace BidTracker::Api {

class Metrics;

/// Group commit for POST /bids: bids that arrive together (while the server thread works
/// through the requests that are ready) are placed in one transaction, so one disk sync
/// makes all of them durable before any of them is answered 201. Each bid is still judged
/// on its own, in arrival order, exactly as if it had come alone.
class BidBatcher final
{
public:
    static constexpr int MaxBatch = 64;

    BidBatcher(Model::AuctionService& service, Metrics& metrics);
    Q_DISABLE_COPY_MOVE(BidBatcher)

    /// Queues a bid; `reply` is called once its batch has committed (or failed). A bid whose
    /// client is gone by then (`clientConnected` says no) is not placed: a stored bid is
    /// always one whose client is answered. A bid with an Idempotency-Key has its answer
    /// kept in the same transaction as the bid.
    /// A batch is placed as one actor (its audit entries name them): a bid from another
    /// actor places the bids queued before it first.
    void enqueue(const Model::BidRequest& request, Reply reply,
                 std::function<bool()> clientConnected = {}, const Model::Actor& actor = {},
                 std::optional<Model::IdempotencyKey> key = std::nullopt);
    /// Places and answers every queued bid.
    void flush();
    bool isEmpty() const { return m_requests.isEmpty(); }

private:
    using Keys = QList<std::optional<Model::IdempotencyKey>>;
    ApiResponse answerOf(const Model::Result<Model::BidPlacement>& result);
    void place(const QList<Model::BidRequest>& requests, const QList<Reply>& replies);
    /// place() for a batch with keys: claims them, places the bids not yet carried out and
    /// keeps their answers, all in one transaction; a key already kept gets its answer.
    void placeKeyed(const QList<Model::BidRequest>& requests, const QList<Reply>& replies,
                    const Keys& keys);

    Model::AuctionService& m_service;
    Metrics& m_metrics;
    QList<Model::BidRequest> m_requests;
    QList<Reply> m_replies;
    QList<std::function<bool()>> m_clientConnected;
    Keys m_keys;
    Model::Actor m_actor;
};

} // namespace BidTracker::Api
