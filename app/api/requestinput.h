#pragma once

#include "apiresponse.h"
#include "model/error.h"
#include "model/ids.h"
#include "model/money.h"
#include "model/records.h"

#include <QJsonObject>
#include <QUrlQuery>
#include <expected>

// Reading what a client sent: the JSON body, ids in the path, query parameters. Each
// function either gives the value or the response that explains, in words, what is wrong.
namespace BidTracker::Api::Input {

template <typename T> using Parsed = std::expected<T, ApiResponse>;

/// The body as a JSON object; 400 for anything else, naming the parse error.
Parsed<QJsonObject> jsonObject(const QByteArray& body);

/// The id's number, or 404 "Item item0 does not exist": an id of another form is unknown.
Parsed<qint64> pathId(Model::EntityKind kind, const QString& text);

/// The most rows one list answer carries: a larger `limit` is cut to it (the answer's Link
/// header leads on). The original's own lists (/users, /items, /bids) answer everything
/// without `limit` while it is at most this many rows; 2,000 rows of the largest of them
/// (items with their bid ids, 576 KB) cost 30 ms of server CPU on a 100,000-bid auction.
inline constexpr qint64 MaxPageRows = 2000;
/// The rows the lists this project added (an item's or a user's bids) answer without `limit`.
inline constexpr qint64 DefaultPageRows = 1000;

/// limit and offset; 400 when either is not a whole number in range. Without limit, the
/// first `unpagedRows` rows.
Parsed<Model::Page> page(const QUrlQuery& query, qint64 unpagedRows = DefaultPageRows);

/// A yes/no query flag: 1/0, true/false, yes/no; absent is false.
Parsed<bool> flag(const QUrlQuery& query, const QString& name);

/// A money amount sent as a JSON number or a numeric string; the error is the message.
std::expected<Model::Money, QString> money(const QJsonValue& value, const QString& label);

/// The one place a refusal becomes HTTP: the status from its broad class (404, 400, 409,
/// 503 with Retry-After), `{"message": ..., "error": {"code": reasonCode(), ...facts}}`, its
/// Money facts as JSON numbers; an Invalid error naming a field keeps the original's
/// bundled message ({"message": {"field": "why"}}) with `fields` beside it.
ApiResponse fromError(const Model::Error& error);

/// A handler's answer from a service call's result: `write(value)` when it succeeded, else
/// the refusal (fromError()).
template <typename T, typename Write>
ApiResponse answer(const Model::Result<T>& result, Write&& write)
{
    if (!result)
        return fromError(result.error());
    if constexpr (std::is_void_v<T>)
        return write();
    else
        return write(*result);
}

/// 400 with the original's bundled form: {"message": {"field": "why", ...}}, and
/// {"error": {"code": "invalid", "fields": {...}}} beside it.
ApiResponse bundled(const QJsonObject& fieldErrors);

/// 400 for one wrong query parameter or field: the message as a string, and `fields`
/// naming it.
ApiResponse invalidField(const QString& name, const QString& message);

} // namespace BidTracker::Api::Input
