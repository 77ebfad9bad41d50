#include "requestinput.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace BidTracker::Api::Input {

namespace {

constexpr qint64 MaxPageNumber = 1'000'000'000;

QString kindName(Model::EntityKind kind)
{
    switch (kind) {
    case Model::EntityKind::User:
        return QStringLiteral("User");
    case Model::EntityKind::Item:
        return QStringLiteral("Item");
    case Model::EntityKind::Bid:
        return QStringLiteral("Bid");
    case Model::EntityKind::Payment:
        return QStringLiteral("Payment");
    case Model::EntityKind::Donation:
        return QStringLiteral("Donation");
    case Model::EntityKind::Settings:
        return QStringLiteral("Settings");
    }
    return {};
}

Parsed<qint64> wholeNumber(const QUrlQuery& query, const QString& name, qint64 fallback)
{
    if (!query.hasQueryItem(name))
        return fallback;
    const QString text = query.queryItemValue(name, QUrl::FullyDecoded);
    bool ok = false;
    const qint64 number = text.toLongLong(&ok);
    if (!ok || number < 0 || number > MaxPageNumber || text.startsWith(u'+'))
        return std::unexpected(ApiResponse::error(
            400, QStringLiteral("%1 must be a whole number from 0 to %2, not \"%3\"")
                     .arg(name)
                     .arg(MaxPageNumber)
                     .arg(text.left(40))));
    return number;
}

} // namespace

Parsed<QJsonObject> jsonObject(const QByteArray& body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return std::unexpected(ApiResponse::error(
            400, QStringLiteral("The request body is not valid JSON: %1 at byte %2")
                     .arg(error.errorString())
                     .arg(error.offset)));
    if (!document.isObject())
        return std::unexpected(
            ApiResponse::error(400, QStringLiteral("The request body must be a JSON object")));
    return document.object();
}

Parsed<qint64> pathId(Model::EntityKind kind, const QString& text)
{
    if (const auto number = Model::parseId(kind, text))
        return *number;
    return std::unexpected(ApiResponse::error(
        404, QStringLiteral("%1 %2 does not exist").arg(kindName(kind), text.left(64))));
}

Parsed<Model::Page> page(const QUrlQuery& query, qint64 unpagedRows)
{
    const auto limit = wholeNumber(query, QStringLiteral("limit"), unpagedRows);
    if (!limit)
        return std::unexpected(limit.error());
    const auto offset = wholeNumber(query, QStringLiteral("offset"), 0);
    if (!offset)
        return std::unexpected(offset.error());
    return Model::Page{std::min(*limit, MaxPageRows), *offset};
}

Parsed<bool> flag(const QUrlQuery& query, const QString& name)
{
    if (!query.hasQueryItem(name))
        return false;
    const QString text = query.queryItemValue(name).toLower();
    if (text == u"1" || text == u"true" || text == u"yes" || text.isEmpty())
        return true;
    if (text == u"0" || text == u"false" || text == u"no")
        return false;
    return std::unexpected(
        ApiResponse::error(400, QStringLiteral("%1 must be 1 or 0 (or true or false), not \"%2\"")
                                    .arg(name, text.left(40))));
}

std::expected<Model::Money, QString> money(const QJsonValue& value, const QString& label)
{
    std::expected<Model::Money, QString> parsed;
    if (value.isDouble())
        parsed = Model::Money::fromDouble(value.toDouble());
    else if (value.isString())
        parsed = Model::Money::parse(value.toString());
    else
        return std::unexpected(QStringLiteral("%1 must be a number").arg(label));
    if (!parsed) {
        // The model says "Value must ..."; the field may be called something else here.
        QString message = parsed.error();
        if (message.startsWith(QStringLiteral("Value ")))
            message.replace(0, 5, label);
        return std::unexpected(message);
    }
    return parsed;
}

ApiResponse fromError(const Model::Error& error)
{
    using Code = Model::Error::Code;
    switch (error.code) {
    case Code::NotFound:
        return ApiResponse::error(404, error.message);
    case Code::Invalid:
        if (!error.field.isEmpty())
            return bundled(QJsonObject{{error.field, error.message}});
        return ApiResponse::error(400, error.message);
    case Code::Conflict:
        return ApiResponse::error(409, error.message);
    case Code::Unavailable:
        return ApiResponse::error(503, error.message).withHeader("Retry-After", "1");
    }
    return ApiResponse::error(503, error.message);
}

ApiResponse bundled(const QJsonObject& fieldErrors)
{
    return ApiResponse::json(400, QJsonObject{{QStringLiteral("message"), fieldErrors}});
}

} // namespace BidTracker::Api::Input
