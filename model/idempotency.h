#pragma once

#include "error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <optional>

// Idempotency-Key (API.md "Versions and safe retries"): a POST carried out once, its finished
// answer kept with its change, so a client that never heard the answer can ask again.
namespace BidTracker::Model {

/// One key as a request sent it. A key belongs to the credential that sent it, the method
/// and the path; `bodyHash` tells a true repeat from another request under the same key.
struct IdempotencyKey
{
    QString credential; // a hash of the credential, never the credential itself
    QString method;
    QString path;
    QString key;
    QString bodyHash; // SHA-256 of the body, hex

    /// The key as one text, for a server's set of keys in flight.
    QString scope() const { return credential + u' ' + method + u' ' + path + u' ' + key; }
};

/// The answer kept for a key: status, the headers that matter to a retry, body.
struct KeptAnswer
{
    int status = 0;
    QByteArray headers; // "Name: value" lines
    QByteArray body;
    QString bodyHash; // of the request that got this answer
};

/// How long a key is kept (API.md: at least 24 hours).
inline constexpr qint64 IdempotencyKeepSeconds = 24 * 60 * 60;
inline constexpr qsizetype IdempotencyKeyMaxLength = 64;

/// Whether an answer of this status is kept: a finished outcome, 2xx or 4xx but 429. After a
/// 429 or a 5xx the key is free to try again.
bool isFinishedOutcome(int status);

/// What is wrong with an Idempotency-Key value (1 to 64 visible ASCII characters), or nothing.
std::optional<QString> idempotencyKeyProblem(QByteArrayView value);

/// The kept answer to replay for `key`, or the refusal when it was kept for another body
/// (IdempotencyKeyReused).
Result<KeptAnswer> replayFor(const IdempotencyKey& key, const KeptAnswer& kept);

/// The refusal for a repeat that comes while the first request is still being carried out.
Error keyInFlight(const QString& key);

/// The oldest creation time a kept key still counts from, for `now` (a stored time stamp).
QString idempotencyCutoff(const QString& now);

} // namespace BidTracker::Model
