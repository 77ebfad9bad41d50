#include "idempotency.h"

#include <QDateTime>

namespace BidTracker::Model {

bool isFinishedOutcome(int status)
{
    return (status >= 200 && status < 300) || (status >= 400 && status < 500 && status != 429);
}

std::optional<QString> idempotencyKeyProblem(QByteArrayView value)
{
    if (value.isEmpty())
        return QStringLiteral("Header Idempotency-Key is empty: send 1 to %1 visible ASCII "
                              "characters")
            .arg(IdempotencyKeyMaxLength);
    if (value.size() > IdempotencyKeyMaxLength)
        return QStringLiteral("Header Idempotency-Key is %1 characters long; at most %2 are "
                              "allowed")
            .arg(value.size())
            .arg(IdempotencyKeyMaxLength);
    for (qsizetype i = 0; i < value.size(); ++i) {
        const auto c = static_cast<unsigned char>(value[i]);
        // Visible ASCII only (RFC 9110 VCHAR): no space, control or non-ASCII byte, so a key
        // reads and compares the same everywhere it is stored or logged.
        if (c < 0x21 || c > 0x7e)
            return QStringLiteral("Header Idempotency-Key has byte 0x%1 at position %2: only "
                                  "visible ASCII characters are allowed")
                .arg(c, 2, 16, QLatin1Char('0'))
                .arg(i + 1);
    }
    return std::nullopt;
}

Result<KeptAnswer> replayFor(const IdempotencyKey& key, const KeptAnswer& kept)
{
    if (kept.bodyHash == key.bodyHash)
        return kept;
    return fail(Error::refused(Error::Reason::IdempotencyKeyReused,
                               QStringLiteral("Idempotency-Key \"%1\" was already used for "
                                              "another request body on %2 %3: use a new key")
                                   .arg(key.key, key.method, key.path))
                    .with(QStringLiteral("key"), key.key));
}

Error keyInFlight(const QString& key)
{
    return Error::refused(Error::Reason::IdempotencyKeyInFlight,
                          QStringLiteral("The request with Idempotency-Key \"%1\" is still being "
                                         "carried out: ask again when it is answered")
                              .arg(key))
        .with(QStringLiteral("key"), key);
}

QString idempotencyCutoff(const QString& now)
{
    return QDateTime::fromString(now, Qt::ISODateWithMs)
        .addSecs(-IdempotencyKeepSeconds)
        .toString(Qt::ISODateWithMs);
}

} // namespace BidTracker::Model
