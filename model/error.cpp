#include "error.h"

namespace BidTracker::Model {

Error::Code Error::codeOf(Reason reason)
{
    switch (reason) {
    case Reason::Unspecified:
    case Reason::Invalid:
        return Code::Invalid;
    case Reason::UnknownItem:
    case Reason::UnknownUser:
    case Reason::UnknownBid:
    case Reason::UnknownPayment:
    case Reason::UnknownDonation:
    case Reason::UnknownConsignor:
    case Reason::UnknownPayout:
        return Code::NotFound;
    case Reason::Unavailable:
    case Reason::OutcomeUnknown:
        return Code::Unavailable;
    case Reason::ItemClosed:
    case Reason::BelowMinimum:
    case Reason::BuyNowUnavailable:
    case Reason::HasBids:
    case Reason::NumberTaken:
    case Reason::OverBalance:
    case Reason::LotClosedReopenFirst:
    case Reason::Stale:
    case Reason::IdempotencyKeyReused:
    case Reason::IdempotencyKeyInFlight:
    case Reason::AlreadyVoided:
    case Reason::NotVoided:
    case Reason::AutoBid:
    case Reason::HasPayments:
    case Reason::IdTaken:
        return Code::Conflict;
    case Reason::NoBids:
        return Code::NotFound;
    case Reason::NotEmpty:
    case Reason::Cancelled:
    case Reason::LastAdmin:
    case Reason::NameTaken:
    case Reason::HasLots:
        return Code::Conflict;
    case Reason::UnknownStaff:
    case Reason::UnknownToken:
        return Code::NotFound;
    case Reason::ForbiddenRole:
    case Reason::Unauthorized:
    case Reason::NotOwnPayment:
    case Reason::VoidWindowPassed:
        return Code::Forbidden;
    case Reason::RateLimited:
        return Code::Unavailable;
    }
    return Code::Conflict;
}

namespace {

QString classCode(Error::Code code)
{
    switch (code) {
    case Error::Code::NotFound:
        return QStringLiteral("not_found");
    case Error::Code::Invalid:
        return QStringLiteral("invalid");
    case Error::Code::Conflict:
        return QStringLiteral("conflict");
    case Error::Code::Unavailable:
        return QStringLiteral("unavailable");
    case Error::Code::Forbidden:
        return QStringLiteral("forbidden");
    }
    return QStringLiteral("conflict");
}

} // namespace

QString reasonCode(const Error& error)
{
    using R = Error::Reason;
    switch (error.reason) {
    case R::Unspecified:
        return classCode(error.code);
    case R::Invalid:
        return QStringLiteral("invalid");
    case R::UnknownItem:
        return QStringLiteral("unknown_item");
    case R::UnknownUser:
        return QStringLiteral("unknown_user");
    case R::UnknownBid:
        return QStringLiteral("unknown_bid");
    case R::UnknownPayment:
        return QStringLiteral("unknown_payment");
    case R::UnknownDonation:
        return QStringLiteral("unknown_donation");
    case R::ItemClosed:
        return QStringLiteral("item_closed");
    case R::BelowMinimum:
        return QStringLiteral("below_minimum");
    case R::BuyNowUnavailable:
        return QStringLiteral("buy_now_unavailable");
    case R::HasBids:
        return QStringLiteral("has_bids");
    case R::NumberTaken:
        return QStringLiteral("number_taken");
    case R::OverBalance:
        return QStringLiteral("over_balance");
    case R::LotClosedReopenFirst:
        return QStringLiteral("lot_closed_reopen_first");
    case R::Stale:
        return QStringLiteral("stale");
    case R::IdempotencyKeyReused:
        return QStringLiteral("idempotency_key_reused");
    case R::IdempotencyKeyInFlight:
        return QStringLiteral("idempotency_key_in_flight");
    case R::Unavailable:
        return QStringLiteral("unavailable");
    case R::OutcomeUnknown:
        return QStringLiteral("outcome_unknown");
    case R::AlreadyVoided:
        return QStringLiteral("already_voided");
    case R::NotVoided:
        return QStringLiteral("not_voided");
    case R::AutoBid:
        return QStringLiteral("auto_bid");
    case R::HasPayments:
        return QStringLiteral("has_payments");
    case R::IdTaken:
        return QStringLiteral("id_taken");
    case R::NoBids:
        return QStringLiteral("no_bids");
    case R::NotEmpty:
        return QStringLiteral("not_empty");
    case R::Cancelled:
        return QStringLiteral("cancelled");
    case R::ForbiddenRole:
        return QStringLiteral("forbidden_role");
    case R::LastAdmin:
        return QStringLiteral("last_admin");
    case R::UnknownStaff:
        return QStringLiteral("unknown_staff");
    case R::UnknownToken:
        return QStringLiteral("unknown_token");
    case R::NameTaken:
        return QStringLiteral("name_taken");
    case R::Unauthorized:
        return QStringLiteral("unauthorized");
    case R::RateLimited:
        return QStringLiteral("rate_limited");
    case R::NotOwnPayment:
        return QStringLiteral("not_own_payment");
    case R::VoidWindowPassed:
        return QStringLiteral("void_window_passed");
    case R::UnknownConsignor:
        return QStringLiteral("unknown_consignor");
    case R::UnknownPayout:
        return QStringLiteral("unknown_payout");
    case R::HasLots:
        return QStringLiteral("has_lots");
    }
    return classCode(error.code);
}

} // namespace BidTracker::Model
