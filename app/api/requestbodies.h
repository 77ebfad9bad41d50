#pragma once

#include "requestinput.h"

#include "model/records.h"

#include <QByteArray>
#include <QString>

// The JSON bodies of the routes that take one, read and checked before the service sees
// them. Pure functions of the bytes received (no server, no database), so that a fuzzer can
// drive them directly.
namespace BidTracker::Api::Body {

/// A bidder as a request names them: by id ("user7") or by paddle number (105).
struct BidderRef
{
    /// The bidder's id, or empty when they were named by paddle number.
    QString user;
    qint64 userNumber = 0;
};

struct BidFields : BidderRef
{
    QString item;
    /// Left out only with a maximum (RULES.md 2): the lowest acceptable bid, or a raise.
    std::optional<Model::Money> value;
    std::optional<Model::Money> maxValue;
};

/// {"bid": {"item": "item1", "value": 650.0, "user": "user1", "max_value": 900}}, every
/// field checked: `value` may be left out when `max_value` is there, which must be at
/// least `value`.
Input::Parsed<BidFields> bid(const QByteArray& body);

/// {"user": "user3"} or {"user": 105} of POST /items/{id}/buy: the buyer.
Input::Parsed<BidderRef> buyer(const QByteArray& body);

/// {"item": {...}} of a POST or PUT: every field checked, all problems reported together.
Input::Parsed<Model::ItemChanges> item(const QByteArray& body, bool nameRequired);

/// {"name": "Albert"} of a new user: required, a string.
Input::Parsed<QString> userName(const QByteArray& body);

} // namespace BidTracker::Api::Body
