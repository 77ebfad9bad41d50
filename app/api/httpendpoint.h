#pragma once

#include "apirequest.h"
#include "apiresponse.h"

#include <QAbstractHttpServer>
#include <functional>

namespace BidTracker::Api {

/// The only class that speaks to QtHttpServer (a technology preview in Qt 6.4, renamed in
/// parts by 6.8): it turns each parsed request into an ApiRequest, hands it to the handler
/// and writes the ApiResponse back, synchronously, within the call. A newer Qt is a change
/// here alone.
class HttpEndpoint final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpEndpoint)

public:
    using Handler = std::function<ApiResponse(const ApiRequest&)>;

    explicit HttpEndpoint(Handler handler, QObject* parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    Handler m_handler;
};

} // namespace BidTracker::Api
