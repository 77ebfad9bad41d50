#pragma once

#include <QString>
#include <expected>

namespace BidTracker::Model {

/// What went wrong in a service call, in a form both doors can use: the API maps the code to
/// an HTTP status, the window shows the message. The message names the id or field at fault.
struct Error
{
    enum class Code { NotFound, Invalid, Conflict, Unavailable };

    Code code = Code::Invalid;
    QString message;
    /// For Invalid: the request field the message is about ("name", "value"), when known.
    QString field;
    /// For Unavailable: running the whole transaction again may succeed (a PostgreSQL
    /// deadlock or serialization failure); never shown to a person.
    bool transient = false;

    static Error notFound(QString message) { return {Code::NotFound, std::move(message), {}}; }
    static Error invalid(QString message, QString field = {})
    {
        return {Code::Invalid, std::move(message), std::move(field)};
    }
    static Error conflict(QString message) { return {Code::Conflict, std::move(message), {}}; }
    static Error unavailable(QString message)
    {
        return {Code::Unavailable, std::move(message), {}};
    }
};

template <typename T> using Result = std::expected<T, Error>;

/// Shorthand for returning a failure from a function that returns Result<T>.
inline std::unexpected<Error> fail(Error error)
{
    return std::unexpected<Error>(std::move(error));
}

} // namespace BidTracker::Model
