#pragma once

#include <QString>
#include <QVariant>
#include <QVariantMap>
#include <expected>

namespace BidTracker::Model {

/// What went wrong in a service call, in a form both doors can use. `reason` and `facts` say
/// why as data (API.md "Refusals say why, as data"): the API answers them as `error.code` and
/// its fields, the window builds its sentence from them; nobody reads `message`'s text.
/// `code` is the broad class the HTTP status comes from; `message` is for people.
struct Error
{
    /// Forbidden: the actor's role may not (the API answers 403; a rate limit is Unavailable).
    enum class Code { NotFound, Invalid, Conflict, Unavailable, Forbidden };

    /// Why, as a stable value. Each has one API code (reasonCode()). Unspecified is for the
    /// refusals not yet given a reason: the API then answers the broad class's code.
    enum class Reason {
        Unspecified,
        Invalid,
        UnknownItem,
        UnknownUser,
        UnknownBid,
        UnknownPayment,
        UnknownDonation,
        ItemClosed,
        BelowMinimum,
        BuyNowUnavailable,
        HasBids,
        NumberTaken,
        OverBalance,
        LotClosedReopenFirst,
        Stale,
        IdempotencyKeyReused,
        IdempotencyKeyInFlight,
        Unavailable,
        OutcomeUnknown,
        AlreadyVoided,
        NotVoided,
        AutoBid,
        HasPayments,
        IdTaken,
        /// The lot has no bids, so no winning bid (GET /items/{id}/winning).
        NoBids,
        /// A leader's maximum alone that is not above the one they hold.
        /// generate, the sample auction and copy need a database that never held rows.
        NotEmpty,
        /// A long job (an export) stopped because it was asked to.
        Cancelled,
        // Staff and the audit log (RULES.md 5)
        /// The actor's role may not do this; fact `needs` names the roles that may.
        ForbiddenRole,
        /// The last active admin cannot be removed or demoted.
        LastAdmin,
        UnknownStaff,
        UnknownToken,
        /// A staff name already taken.
        NameTaken,
        /// A wrong PIN or token.
        Unauthorized,
        /// Too many wrong PINs: the next try waits (fact `retry_after`, seconds).
        RateLimited,
        /// A cashier voids only a payment they took...
        NotOwnPayment,
        /// ... and only within 15 minutes of taking it.
        VoidWindowPassed,
        // Consignors (RULES.md 6)
        UnknownConsignor,
        UnknownPayout,
        /// A consignor cannot be deleted while lots name them.
        HasLots,
    };

    Code code = Code::Invalid;
    QString message;
    /// For Invalid: the request field the message is about ("name", "value"), when known.
    QString field;
    /// For Unavailable: running the whole transaction again may succeed (a PostgreSQL
    /// deadlock or serialization failure); never shown to a person.
    bool transient = false;
    Reason reason = Reason::Unspecified;
    /// The facts behind the refusal, by the API's field names ("item", "minimum",
    /// "closed_at", "version", ...). Amounts are Money values, ids are the API's string ids,
    /// times are the stored UTC time stamps.
    QVariantMap facts;

    static Error notFound(QString message) { return {Code::NotFound, std::move(message), {}}; }
    /// Reason Invalid; the API answers `fields` from `field`.
    static Error invalid(QString message, QString field = {})
    {
        Error error{Code::Invalid, std::move(message), std::move(field)};
        error.reason = Reason::Invalid;
        return error;
    }
    static Error conflict(QString message) { return {Code::Conflict, std::move(message), {}}; }
    /// Reason Unavailable: nothing was changed, trying again later may work.
    static Error unavailable(QString message)
    {
        Error error{Code::Unavailable, std::move(message), {}};
        error.reason = Reason::Unavailable;
        return error;
    }
    /// A refusal with its reason; the broad class comes from the reason (codeOf()).
    static Error refused(Reason reason, QString message)
    {
        Error error{codeOf(reason), std::move(message), {}};
        error.reason = reason;
        return error;
    }

    /// Adds a fact: `Error::refused(...).with("item", "item3").with("minimum", price)`.
    Error&& with(const QString& key, QVariant value) &&
    {
        facts.insert(key, std::move(value));
        return std::move(*this);
    }
    Error& with(const QString& key, QVariant value) &
    {
        facts.insert(key, std::move(value));
        return *this;
    }

    /// The broad class of a reason.
    static Code codeOf(Reason reason);
};

/// The stable code of a reason, as API.md lists them ("below_minimum", "item_closed", ...).
/// For Unspecified, the broad class's ("not_found", "invalid", "conflict", "unavailable").
QString reasonCode(const Error& error);

template <typename T> using Result = std::expected<T, Error>;

/// Shorthand for returning a failure from a function that returns Result<T>.
inline std::unexpected<Error> fail(Error error)
{
    return std::unexpected<Error>(std::move(error));
}

} // namespace BidTracker::Model
