#pragma once

#include "model/idempotency.h"
#include "model/staff.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QUrlQuery>
#include <functional>
#include <optional>
#include <utility>

namespace BidTracker::Api {

/// A request as the API layer sees it, independent of the HTTP server library, so that the
/// routes can be tested and the library replaced without touching them.
struct ApiRequest
{
    QByteArray method; // "GET", "POST", ...
    QString path;      // decoded path, "/api/v1/items/item1"
    QUrlQuery query;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress peer;
    /// Whether the request carries the API token (or the server needs none): set by
    /// ApiServer before any route sees the request. Without it, personal data is left out
    /// (API.md "Personal data").
    bool authorized = false;
    /// Who the request acts as (RULES.md 5): the operator with every right for the server's
    /// own token or without accounts, else the account its staff token belongs to. Set by
    /// ApiServer; the service checks each change against its role.
    Model::Actor actor;
    /// Whether the client can still be answered (it has not closed or reset the connection);
    /// null when the request did not come over a connection (always yes).
    std::function<bool()> clientConnected;
    /// The Idempotency-Key of a POST, set by ApiServer for a route that answers later (a
    /// bid): the batch that carries the request out keeps its answer under it.
    std::optional<Model::IdempotencyKey> idempotency;

    /// The first header of that name (case-insensitive), or an empty array.
    QByteArray header(QByteArrayView name) const
    {
        for (const auto& [key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    bool hasHeader(QByteArrayView name) const
    {
        for (const auto& header : headers) {
            if (header.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
    bool isWrite() const { return method == "POST" || method == "PUT" || method == "DELETE"; }
};

} // namespace BidTracker::Api
