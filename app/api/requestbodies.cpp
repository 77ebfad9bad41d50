#include "requestbodies.h"

#include "consignorjson.h"
#include "jsonformat.h"
#include "model/auctionsettings.h"

#include <cmath>

namespace BidTracker::Api::Body {

namespace {

/// The bidder by id ("user7") or by paddle number (105, a JSON number), or what is wrong
/// (`missing` when left out).
std::expected<BidderRef, QString> bidderRef(const QJsonValue& user, const QString& missing)
{
    BidderRef bidder;
    if (user.isUndefined())
        return std::unexpected(missing);
    if (user.isDouble()) {
        const double number = user.toDouble();
        if (number >= 1 && number <= double(Model::MaxBidderNumber) &&
            number == std::floor(number)) {
            bidder.userNumber = static_cast<qint64>(number);
            return bidder;
        }
        return std::unexpected(
            QStringLiteral("User must be a string id such as user1 or a paddle number from 1 to %1")
                .arg(Model::MaxBidderNumber));
    }
    if (!user.isString())
        return std::unexpected(QStringLiteral(
            "User must be a string id such as user1 or a paddle number such as 105"));
    bidder.user = user.toString();
    return bidder;
}

} // namespace

Input::Parsed<BidFields> bid(const QByteArray& body)
{
    auto object = Input::jsonObject(body);
    if (!object)
        return std::unexpected(object.error());
    const QJsonValue inner = object->value(Json::Key::bid);
    if (inner.isUndefined())
        return std::unexpected(Input::bundled(
            {{Json::Key::bid, QStringLiteral("Missing required parameter in the JSON body")}}));
    if (!inner.isObject())
        return std::unexpected(
            Input::bundled({{Json::Key::bid, QStringLiteral("Bid must be a JSON object")}}));
    const QJsonObject fields = inner.toObject();
    const QString missing = QStringLiteral("Missing required parameter in bid");

    BidFields result;
    QJsonObject problems;
    const auto idField = [&](const QString& key, const QString& example, QString& target) {
        const QJsonValue value = fields.value(key);
        if (value.isUndefined())
            problems.insert(key, missing);
        else if (!value.isString())
            problems.insert(key, QStringLiteral("%1 must be a string id such as %2")
                                     .arg(key == Json::Key::item ? QStringLiteral("Item")
                                                                 : QStringLiteral("User"),
                                          example));
        else
            target = value.toString();
    };
    idField(Json::Key::item, QStringLiteral("item1"), result.item);
    if (auto bidder = bidderRef(fields.value(Json::Key::user), missing))
        static_cast<BidderRef&>(result) = *bidder;
    else
        problems.insert(Json::Key::user, bidder.error());
    const QJsonValue maximum = fields.value(Json::Key::maxValue);
    if (!maximum.isUndefined()) {
        if (const auto amount = Input::money(maximum, QStringLiteral("Maximum")))
            result.maxValue = *amount;
        else
            problems.insert(Json::Key::maxValue, amount.error());
    }
    const QJsonValue value = fields.value(Json::Key::value);
    if (value.isUndefined()) {
        // With a maximum, the value may be left out (RULES.md 2).
        if (maximum.isUndefined())
            problems.insert(Json::Key::value, missing);
    } else if (const auto amount = Input::money(value, QStringLiteral("Value"))) {
        result.value = *amount;
    } else {
        problems.insert(Json::Key::value, amount.error());
    }
    if (result.value && result.maxValue && *result.maxValue < *result.value)
        problems.insert(Json::Key::maxValue,
                        QStringLiteral("Maximum %1 is below the value %2: a maximum must be at "
                                       "least the bid")
                            .arg(result.maxValue->toString(), result.value->toString()));
    if (!problems.isEmpty())
        return std::unexpected(Input::bundled(problems));
    return result;
}

Input::Parsed<BidderRef> buyer(const QByteArray& body)
{
    auto object = Input::jsonObject(body);
    if (!object)
        return std::unexpected(object.error());
    auto bidder = bidderRef(object->value(Json::Key::user),
                            QStringLiteral("Missing required parameter in the JSON body"));
    if (!bidder)
        return std::unexpected(Input::bundled({{Json::Key::user, bidder.error()}}));
    return *bidder;
}

Input::Parsed<Model::ItemChanges> item(const QByteArray& body, bool nameRequired)
{
    auto object = Input::jsonObject(body);
    if (!object)
        return std::unexpected(object.error());
    const QJsonValue inner = object->value(Json::Key::item);
    if (inner.isUndefined())
        return std::unexpected(Input::bundled(
            {{Json::Key::item, QStringLiteral("Missing required parameter in the JSON body")}}));
    if (!inner.isObject())
        return std::unexpected(
            Input::bundled({{Json::Key::item, QStringLiteral("Item must be a JSON object")}}));
    const QJsonObject fields = inner.toObject();

    Model::ItemChanges changes;
    QJsonObject problems;
    const QJsonValue name = fields.value(Json::Key::name);
    if (name.isString())
        changes.name = name.toString();
    else if (!name.isUndefined())
        problems.insert(Json::Key::name, QStringLiteral("Name must be a string"));
    else if (nameRequired)
        problems.insert(Json::Key::name, QStringLiteral("Missing required parameter in item"));

    const QJsonValue status = fields.value(Json::Key::status);
    if (!status.isUndefined()) {
        if (const auto parsed = Model::parseStatus(status.toString()); status.isString() && parsed)
            changes.status = *parsed;
        else
            problems.insert(Json::Key::status,
                            QStringLiteral("Status must be \"open\" or \"closed\""));
    }
    const auto moneyField = [&](const QString& key, const QString& label,
                                std::optional<Model::Money>& target) {
        const QJsonValue value = fields.value(key);
        if (value.isUndefined() || value.isNull())
            return;
        if (const auto amount = Input::money(value, label))
            target = *amount;
        else
            problems.insert(key, amount.error());
    };
    moneyField(Json::Key::startingPrice, QStringLiteral("Starting price"), changes.startingPrice);
    moneyField(Json::Key::minIncrement, QStringLiteral("Minimum increment"), changes.minIncrement);
    // What bid sheets print: text, and an amount that null clears.
    const auto textField = [&](const QString& key, const QString& label,
                               std::optional<QString>& target) {
        const QJsonValue value = fields.value(key);
        if (value.isUndefined())
            return;
        if (value.isString() || value.isNull())
            target = value.toString();
        else
            problems.insert(key, QStringLiteral("%1 must be a string").arg(label));
    };
    textField(Json::Key::description, QStringLiteral("Description"), changes.description);
    textField(Json::Key::donor, QStringLiteral("Donor"), changes.donor);
    const QJsonValue fairValue = fields.value(Json::Key::fairMarketValue);
    if (fairValue.isNull()) {
        changes.fairMarketValue = std::optional<Model::Money>();
    } else if (!fairValue.isUndefined()) {
        if (const auto amount = Input::money(fairValue, QStringLiteral("Fair market value")))
            changes.fairMarketValue = std::optional<Model::Money>(*amount);
        else
            problems.insert(Json::Key::fairMarketValue, amount.error());
    }
    // Fields that may be cleared: null clears them, left out keeps them.
    const auto clearableMoney = [&](const QString& key, const QString& label,
                                    std::optional<std::optional<Model::Money>>& target) {
        const QJsonValue value = fields.value(key);
        if (value.isUndefined())
            return;
        if (value.isNull()) {
            target = std::optional<Model::Money>();
            return;
        }
        if (const auto amount = Input::money(value, label))
            target = std::optional<Model::Money>(*amount);
        else
            problems.insert(key, amount.error());
    };
    clearableMoney(Json::Key::reserve, QStringLiteral("Reserve"), changes.reserve);
    clearableMoney(Json::Key::buyNow, QStringLiteral("Buy-now price"), changes.buyNow);
    const QJsonValue closesAt = fields.value(Json::Key::closesAt);
    if (closesAt.isNull())
        changes.closesAt = QString();
    else if (closesAt.isString())
        changes.closesAt = closesAt.toString(); // checked (ISO 8601 UTC, future) by the service
    else if (!closesAt.isUndefined())
        problems.insert(Json::Key::closesAt,
                        QStringLiteral("closes_at must be an ISO 8601 UTC time such as "
                                       "2026-12-05T21:00:00.000Z, or null"));
    // The lot's consignor by id ("consignor3"), or null for none (RULES.md 6).
    const QJsonValue consignor = fields.value(Json::Key::consignor);
    if (consignor.isNull()) {
        changes.consignorId = std::optional<qint64>();
    } else if (!consignor.isUndefined()) {
        const auto id = consignor.isString()
                            ? Model::parseId(Model::EntityKind::Consignor, consignor.toString())
                            : std::nullopt;
        if (id)
            changes.consignorId = std::optional<qint64>(*id);
        else
            problems.insert(Json::Key::consignor,
                            QStringLiteral("consignor must be a consignor id such as "
                                           "\"consignor3\", or null"));
    }
    if (!problems.isEmpty())
        return std::unexpected(Input::bundled(problems));
    return changes;
}

Input::Parsed<QString> userName(const QByteArray& body)
{
    auto object = Input::jsonObject(body);
    if (!object)
        return std::unexpected(object.error());
    const QJsonValue name = object->value(Json::Key::name);
    if (name.isUndefined())
        return std::unexpected(Input::bundled(
            {{Json::Key::name, QStringLiteral("Missing required parameter in the JSON body")}}));
    if (!name.isString())
        return std::unexpected(
            Input::bundled({{Json::Key::name, QStringLiteral("Name must be a string")}}));
    return name.toString();
}

} // namespace BidTracker::Api::Body
