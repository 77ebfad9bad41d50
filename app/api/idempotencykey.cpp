#include "idempotencykey.h"

#include <QCryptographicHash>
#include <QJsonObject>

namespace BidTracker::Api::Idempotency {

namespace {

const QByteArray headerName = "Idempotency-Key";
/// The headers of an answer that a replay must carry as the first answer did.
const QByteArrayList keptHeaders{"Location", "ETag"};

QString sha256(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

ApiResponse invalidKey(const QString& message)
{
    const QJsonObject fields{{QString::fromLatin1(headerName), message}};
    return ApiResponse::error(400, fields, QStringLiteral("invalid"),
                              QJsonObject{{QStringLiteral("fields"), fields}});
}

} // namespace

std::expected<std::optional<Model::IdempotencyKey>, ApiResponse> keyOf(const ApiRequest& request)
{
    int sent = 0;
    for (const auto& header : request.headers)
        sent += header.first.compare(headerName, Qt::CaseInsensitive) == 0 ? 1 : 0;
    if (sent == 0)
        return std::nullopt;
    if (sent > 1)
        return std::unexpected(invalidKey(
            QStringLiteral("Header Idempotency-Key is sent %1 times: send it once").arg(sent)));
    const QByteArray value = request.header(headerName);
    if (const auto problem = Model::idempotencyKeyProblem(value))
        return std::unexpected(invalidKey(*problem));
    return Model::IdempotencyKey{sha256(request.header("Authorization").trimmed()),
                                 QString::fromLatin1(request.method), request.path,
                                 QString::fromLatin1(value), sha256(request.body)};
}

Model::KeptAnswer kept(const ApiResponse& response)
{
    QByteArray headers = "Content-Type: " + response.contentType + '\n';
    for (const auto& [name, value] : response.headers) {
        if (keptHeaders.contains(name))
            headers += name + ": " + value + '\n';
    }
    return Model::KeptAnswer{response.status, headers, response.body, {}};
}

ApiResponse replayed(const Model::KeptAnswer& kept)
{
    ApiResponse response = ApiResponse::raw(kept.status, {}, kept.body);
    for (const QByteArray& line : kept.headers.split('\n')) {
        const qsizetype colon = line.indexOf(": ");
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon);
        if (name == "Content-Type")
            response.contentType = line.mid(colon + 2);
        else if (keptHeaders.contains(name))
            response.withHeader(name, line.mid(colon + 2));
    }
    return response.withHeader("Idempotent-Replayed", "true");
}

} // namespace BidTracker::Api::Idempotency
