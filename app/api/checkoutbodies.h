#pragma once

#include "requestinput.h"

#include "model/auctionsettings.h"
#include "model/records.h"

#include <QByteArray>

// The JSON bodies of the whole auction night's routes, read and checked before the service
// sees them; pure functions of the bytes (the fuzzer drives them). Every problem is reported
// at once, by field, in the original's bundled form.
namespace BidTracker::Api::Body {

/// {"settings": {...}} of PUT /settings: the fields sent replace those of `current`; rates
/// are numbers with up to two decimals (15, 8.25), amounts as every amount. The whole is
/// checked again by the service (checkSettings).
Input::Parsed<Model::AuctionSettings> settings(const QByteArray& body,
                                               const Model::AuctionSettings& current);

/// {"name": "David", "number": 105, "phone": "...", "email": "...", "tax_exempt": true} of
/// POST and PUT /users: name required on POST only; every other field optional.
Input::Parsed<Model::UserChanges> user(const QByteArray& body, bool nameRequired);

struct PaymentFields
{
    Model::Money amount;
    Model::PaymentMethod method = Model::PaymentMethod::Cash;
    QString reference;
};
/// {"payment": {"amount": 20, "method": "cash", "reference": "r-1"}}: amount and method
/// required.
Input::Parsed<PaymentFields> payment(const QByteArray& body);

struct DonationFields
{
    Model::Money amount;
    QString note;
};
/// {"donation": {"amount": 250, "note": "Fund-a-need"}}: amount required.
Input::Parsed<DonationFields> donation(const QByteArray& body);

} // namespace BidTracker::Api::Body
