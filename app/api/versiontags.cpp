#include "versiontags.h"

#include <QJsonObject>
#include <algorithm>

namespace BidTracker::Api::Versions {

ApiResponse tagged(ApiResponse answer, qint64 version)
{
    return answer.withHeader("ETag", '"' + QByteArray::number(version) + '"');
}

std::expected<std::optional<qint64>, ApiResponse> ifMatch(const ApiRequest& request)
{
    if (!request.hasHeader("If-Match"))
        return std::nullopt;
    const QByteArray value = request.header("If-Match").trimmed();
    if (value == "*")
        return std::nullopt;
    // Digits only, as the ETag writes them: no sign, space or leading zero (toLongLong alone
    // would take "+3" and " 3" for 3).
    const QByteArray digits = value.size() > 2 && value.startsWith('"') && value.endsWith('"')
                                  ? value.mid(1, value.size() - 2)
                                  : QByteArray();
    bool ok =
        !digits.isEmpty() && digits.size() <= 18 && digits[0] != '0' &&
        std::all_of(digits.cbegin(), digits.cend(), [](char c) { return c >= '0' && c <= '9'; });
    const qint64 version = ok ? digits.toLongLong(&ok) : 0;
    if (!ok || version < 1) {
        const QString message =
            QStringLiteral("If-Match must be one version in quotes, such as \"3\", not %1")
                .arg(QString::fromLatin1(value.left(40)));
        return std::unexpected(ApiResponse::json(
            400,
            QJsonObject{{QStringLiteral("message"), message},
                        {QStringLiteral("error"),
                         QJsonObject{{QStringLiteral("code"), QStringLiteral("invalid")},
                                     {QStringLiteral("field"), QStringLiteral("If-Match")}}}}));
    }
    return version;
}

std::optional<ApiResponse> preconditionFailed(const Model::Error& error)
{
    if (error.reason != Model::Error::Reason::Stale)
        return std::nullopt;
    QJsonObject detail{{QStringLiteral("code"), Model::reasonCode(error)}};
    for (auto fact = error.facts.cbegin(); fact != error.facts.cend(); ++fact)
        detail.insert(fact.key(), QJsonValue::fromVariant(fact.value()));
    return ApiResponse::json(412, QJsonObject{{QStringLiteral("message"), error.message},
                                              {QStringLiteral("error"), detail}});
}

} // namespace BidTracker::Api::Versions
