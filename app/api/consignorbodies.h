#pragma once

#include "requestinput.h"

#include "model/consignor.h"

#include <QByteArray>

// The JSON bodies of the consignor routes (API.md "Consignors"), read and checked before the
// service sees them; every problem reported at once, by field.
namespace BidTracker::Api::Body {

/// {"consignor": {"name", "number", "phone", "email", "address", "commission" (percent, null:
/// the auction's rate), "lot_fee", "unsold_fee"}}: name required on POST only.
Input::Parsed<Model::ConsignorChanges> consignor(const QByteArray& body, bool nameRequired);

struct PayoutFields
{
    Model::Money amount;
    Model::PayoutMethod method = Model::PayoutMethod::Cash;
    QString reference;
    /// Who paid out, and where; the station defaults to the API's.
    std::optional<QString> cashier;
    std::optional<QString> station;
};
/// {"payout": {"amount": 73, "method": "check", "reference": "1042", "cashier": "Dana",
/// "station": "desk 2"}}: amount and method required.
Input::Parsed<PayoutFields> payout(const QByteArray& body);

} // namespace BidTracker::Api::Body
