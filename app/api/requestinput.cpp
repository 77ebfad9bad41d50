#include "requestinput.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QMetaType>

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
    case Model::EntityKind::Consignor:
        return QStringLiteral("Consignor");
    case Model::EntityKind::Payout:
        return QStringLiteral("Payout");
    }
    return {};
}

/// A refusal's facts as JSON: ids and times as strings, amounts as numbers.
QJsonValue factValue(const QVariant& value)
{
    if (value.metaType() == QMetaType::fromType<Model::Money>())
        return value.value<Model::Money>().toDouble();
    if (value.metaType() == QMetaType::fromType<QVariantMap>()) {
        QJsonObject object;
        const QVariantMap map = value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            object.insert(it.key(), factValue(it.value()));
        return object;
    }
    if (!value.isValid() || value.isNull())
        return QJsonValue::Null;
    return QJsonValue::fromVariant(value);
}

int statusOf(const Model::Error& error)
{
    switch (error.code) {
    case Model::Error::Code::NotFound:
        return 404;
    case Model::Error::Code::Invalid:
        return 400;
    case Model::Error::Code::Conflict:
        return 409;
    case Model::Error::Code::Unavailable:
        return error.reason == Model::Error::Reason::RateLimited ? 429 : 503;
    case Model::Error::Code::Forbidden:
        return error.reason == Model::Error::Reason::Unauthorized ? 401 : 403;
    }
    return 503;
}

Parsed<qint64> wholeNumber(const QUrlQuery& query, const QString& name, qint64 fallback)
{
    if (!query.hasQueryItem(name))
        return fallback;
    const QString text = query.queryItemValue(name, QUrl::FullyDecoded);
    bool ok = false;
    const qint64 number = text.toLongLong(&ok);
    if (!ok || number < 0 || number > MaxPageNumber || text.startsWith(u'+'))
        return std::unexpected(
            invalidField(name, QStringLiteral("%1 must be a whole number from 0 to %2, not \"%3\"")
                                   .arg(name)
                                   .arg(MaxPageNumber)
                                   .arg(text.left(40))));
    return number;
}

} // namespace

ApiResponse invalidField(const QString& name, const QString& message)
{
    return ApiResponse::error(400, message, QStringLiteral("invalid"),
                              {{QStringLiteral("fields"), QJsonObject{{name, message}}}});
}

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
    const QString key = Model::idPrefix(kind).toString();
    return std::unexpected(ApiResponse::error(
        404, QStringLiteral("%1 %2 does not exist").arg(kindName(kind), text.left(64)),
        QStringLiteral("unknown_") + key, {{key, text.left(64)}}));
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
        invalidField(name, QStringLiteral("%1 must be 1 or 0 (or true or false), not \"%2\"")
                               .arg(name, text.left(40))));
}

std::expected<Model::Money, QString> money(const QJsonValue& value, const QString& label)
{
    if (value.isDouble())
        return Model::Money::fromDouble(value.toDouble(), label);
    if (value.isString())
        return Model::Money::parse(value.toString(), label);
    return std::unexpected(QStringLiteral("%1 must be a number").arg(label));
}

ApiResponse fromError(const Model::Error& error)
{
    QJsonObject facts;
    for (auto it = error.facts.cbegin(); it != error.facts.cend(); ++it)
        facts.insert(it.key(), factValue(it.value()));
    const int status = statusOf(error);
    const QString code = Model::reasonCode(error);
    if (error.code == Model::Error::Code::Invalid && !error.field.isEmpty()) {
        // The original's bundled form: the message is an object by field.
        const QJsonObject fields{{error.field, error.message}};
        facts.insert(QStringLiteral("fields"), fields);
        return ApiResponse::error(status, fields, code, facts);
    }
    ApiResponse response = ApiResponse::error(status, error.message, code, facts);
    if (status == 503)
        response.withHeader("Retry-After", "1");
    return response;
}

ApiResponse bundled(const QJsonObject& fieldErrors)
{
    return ApiResponse::error(400, fieldErrors, QStringLiteral("invalid"),
                              {{QStringLiteral("fields"), fieldErrors}});
}

} // namespace BidTracker::Api::Input
