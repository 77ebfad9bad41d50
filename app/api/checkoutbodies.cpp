#include "checkoutbodies.h"

#include "bodyfields.h"
#include "checkoutjson.h"
#include "jsonformat.h"

#include <charconv>
#include <cmath>

namespace BidTracker::Api::Body {

// The field readers every body shares (bodyfields.h).

/// The object under `key` of the body, or the 400 that says why there is none.
Input::Parsed<QJsonObject> envelope(const QByteArray& body, const QString& key,
                                    const QString& label)
{
    auto object = Input::jsonObject(body);
    if (!object)
        return std::unexpected(object.error());
    const QJsonValue inner = object->value(key);
    if (inner.isUndefined())
        return std::unexpected(
            Input::bundled({{key, QStringLiteral("Missing required parameter in the JSON body")}}));
    if (!inner.isObject())
        return std::unexpected(
            Input::bundled({{key, QStringLiteral("%1 must be a JSON object").arg(label)}}));
    return inner.toObject();
}

/// The shortest text that reads back as the same double: what the sender wrote.
QString numberText(double value)
{
    char buffer[64];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return ec == std::errc() ? QString::fromLatin1(buffer, end - buffer) : QString();
}

/// A percentage such as 15 or 8.25, in basis points.
std::expected<Model::Rules::BasisPoints, QString> rateField(const QJsonValue& value,
                                                            const QString& label)
{
    const QString problem =
        QStringLiteral("%1 must be a number from 0 to 100 with at most two decimals").arg(label);
    if (!value.isDouble() || !std::isfinite(value.toDouble()))
        return std::unexpected(problem);
    if (const auto rate = Model::parseRate(numberText(value.toDouble())))
        return *rate;
    return std::unexpected(problem);
}

/// A whole JSON number from `low` to `high`.
std::expected<qint64, QString> wholeField(const QJsonValue& value, const QString& label, qint64 low,
                                          qint64 high)
{
    const double number = value.toDouble();
    if (!value.isDouble() || !std::isfinite(number) || number != std::floor(number) ||
        number < double(low) || number > double(high))
        return std::unexpected(QStringLiteral("%1 must be a whole number from %2 to %3")
                                   .arg(label)
                                   .arg(low)
                                   .arg(high));
    return static_cast<qint64>(number);
}

/// A string field; null reads as empty (clears it).
void textField(const QJsonObject& fields, const QString& key, const QString& label,
               std::optional<QString>& target, QJsonObject& problems)
{
    const QJsonValue value = fields.value(key);
    if (value.isUndefined())
        return;
    if (value.isString() || value.isNull())
        target = value.toString();
    else
        problems.insert(key, QStringLiteral("%1 must be a string").arg(label));
}

namespace {

/// The increment table: [{"from": 0, "step": 0.05}, ...]; `from` may be 0, `step` may not.
std::expected<Model::Rules::IncrementTable, QString> incrementsField(const QJsonValue& value)
{
    const QString shape =
        QStringLiteral("Increments must be a list of rows such as {\"from\": 0, \"step\": 0.05}");
    if (!value.isArray())
        return std::unexpected(shape);
    Model::Rules::IncrementTable table;
    for (const QJsonValue& entry : value.toArray()) {
        if (!entry.isObject())
            return std::unexpected(shape);
        const QJsonObject row = entry.toObject();
        const QJsonValue from = row.value(Json::Key::from);
        const QJsonValue step = row.value(Json::Key::step);
        if (from.isUndefined() || step.isUndefined())
            return std::unexpected(shape);
        Model::Rules::IncrementRow parsed;
        if (!(from.isDouble() && from.toDouble() == 0.0)) {
            const auto amount = Input::money(from, QStringLiteral("Increment from"));
            if (!amount)
                return std::unexpected(amount.error());
            parsed.fromCents = amount->cents();
        }
        const auto amount = Input::money(step, QStringLiteral("Increment step"));
        if (!amount)
            return std::unexpected(amount.error());
        parsed.stepCents = amount->cents();
        table.append(parsed);
    }
    return table;
}

} // namespace

Input::Parsed<Model::AuctionSettings> settings(const QByteArray& body,
                                               const Model::AuctionSettings& current)
{
    auto fields = envelope(body, Json::Key::settings, QStringLiteral("Settings"));
    if (!fields)
        return std::unexpected(fields.error());
    Model::AuctionSettings result = current;
    QJsonObject problems;
    const auto string = [&](const QString& key, const QString& label, QString& target) {
        const QJsonValue value = fields->value(key);
        if (value.isUndefined())
            return;
        if (value.isString())
            target = value.toString();
        else
            problems.insert(key, QStringLiteral("%1 must be a string").arg(label));
    };
    string(Json::Key::name, QStringLiteral("Name"), result.name);
    string(Json::Key::currency, QStringLiteral("Currency"), result.currency);
    const auto rate = [&](const QString& key, const QString& label,
                          Model::Rules::BasisPoints& target) {
        const QJsonValue value = fields->value(key);
        if (value.isUndefined())
            return;
        if (const auto parsed = rateField(value, label))
            target = *parsed;
        else
            problems.insert(key, parsed.error());
    };
    rate(Json::Key::buyersPremium, QStringLiteral("Buyer's premium"), result.buyersPremium);
    rate(Json::Key::taxRate, QStringLiteral("Tax rate"), result.taxRate);
    rate(Json::Key::commissionRate, QStringLiteral("Commission rate"), result.commissionRate);
    if (const QJsonValue value = fields->value(Json::Key::increments); !value.isUndefined()) {
        if (const auto table = incrementsField(value))
            result.increments = *table;
        else
            problems.insert(Json::Key::increments, table.error());
    }
    if (const QJsonValue value = fields->value(Json::Key::softClose); !value.isUndefined()) {
        if (!value.isObject()) {
            problems.insert(Json::Key::softClose,
                            QStringLiteral("Soft close must be an object such as "
                                           "{\"window_seconds\": 120, \"extend_seconds\": 60, "
                                           "\"max_extend_seconds\": 600}"));
        } else {
            const QJsonObject soft = value.toObject();
            for (const auto& [key, target] :
                 {std::pair{Json::Key::windowSeconds, &result.softClose.windowSeconds},
                  std::pair{Json::Key::extendSeconds, &result.softClose.extendSeconds},
                  std::pair{Json::Key::maxExtendSeconds, &result.softClose.maxExtendSeconds}}) {
                const QJsonValue seconds = soft.value(key);
                if (seconds.isUndefined())
                    continue;
                if (const auto parsed = wholeField(seconds, QStringLiteral("soft_close.") + key, 0,
                                                   Model::MaxSoftCloseSeconds))
                    *target = *parsed;
                else
                    problems.insert(Json::Key::softClose, parsed.error());
            }
        }
    }
    if (const QJsonValue value = fields->value(Json::Key::firstBidderNumber);
        !value.isUndefined()) {
        if (const auto parsed =
                wholeField(value, QStringLiteral("First bidder number"), 1, Model::MaxBidderNumber))
            result.firstBidderNumber = *parsed;
        else
            problems.insert(Json::Key::firstBidderNumber, parsed.error());
    }
    if (const QJsonValue value = fields->value(Json::Key::closeAllAt); !value.isUndefined()) {
        if (value.isString() || value.isNull())
            result.closeAllAt = value.toString();
        else
            problems.insert(Json::Key::closeAllAt,
                            QStringLiteral("close_all_at must be an ISO 8601 UTC time or null"));
    }
    if (!problems.isEmpty())
        return std::unexpected(Input::bundled(problems));
    return result;
}

Input::Parsed<Model::UserChanges> user(const QByteArray& body, bool nameRequired)
{
    auto fields = Input::jsonObject(body);
    if (!fields)
        return std::unexpected(fields.error());
    Model::UserChanges changes;
    QJsonObject problems;
    const QJsonValue name = fields->value(Json::Key::name);
    if (name.isString())
        changes.name = name.toString();
    else if (!name.isUndefined())
        problems.insert(Json::Key::name, QStringLiteral("Name must be a string"));
    else if (nameRequired)
        problems.insert(Json::Key::name,
                        QStringLiteral("Missing required parameter in the JSON body"));
    if (const QJsonValue value = fields->value(Json::Key::number); !value.isUndefined()) {
        if (const auto number =
                wholeField(value, QStringLiteral("Number"), 1, Model::MaxBidderNumber))
            changes.number = *number;
        else
            problems.insert(Json::Key::number, number.error());
    }
    textField(*fields, Json::Key::phone, QStringLiteral("Phone"), changes.phone, problems);
    textField(*fields, Json::Key::email, QStringLiteral("Email"), changes.email, problems);
    if (const QJsonValue value = fields->value(Json::Key::taxExempt); !value.isUndefined()) {
        if (value.isBool())
            changes.taxExempt = value.toBool();
        else
            problems.insert(Json::Key::taxExempt,
                            QStringLiteral("tax_exempt must be true or false"));
    }
    if (!problems.isEmpty())
        return std::unexpected(Input::bundled(problems));
    return changes;
}

Input::Parsed<PaymentFields> payment(const QByteArray& body)
{
    auto fields = envelope(body, Json::Key::payment, QStringLiteral("Payment"));
    if (!fields)
        return std::unexpected(fields.error());
    const QString missing = QStringLiteral("Missing required parameter in payment");
    PaymentFields result;
    QJsonObject problems;
    const QJsonValue amount = fields->value(Json::Key::amount);
    if (amount.isUndefined())
        problems.insert(Json::Key::amount, missing);
    else if (const auto parsed = Input::money(amount, QStringLiteral("Amount")))
        result.amount = *parsed;
    else
        problems.insert(Json::Key::amount, parsed.error());
    const QJsonValue method = fields->value(Json::Key::method);
    if (method.isUndefined())
        problems.insert(Json::Key::method, missing);
    else if (const auto parsed = Model::parsePaymentMethod(method.toString());
             method.isString() && parsed)
        result.method = *parsed;
    else
        problems.insert(
            Json::Key::method,
            QStringLiteral("Method must be \"cash\", \"check\", \"card\" or \"other\""));
    std::optional<QString> reference;
    textField(*fields, Json::Key::reference, QStringLiteral("Reference"), reference, problems);
    result.reference = reference.value_or(QString());
    if (!problems.isEmpty())
        return std::unexpected(Input::bundled(problems));
    return result;
}

Input::Parsed<DonationFields> donation(const QByteArray& body)
{
    auto fields = envelope(body, Json::Key::donation, QStringLiteral("Donation"));
    if (!fields)
        return std::unexpected(fields.error());
    DonationFields result;
    QJsonObject problems;
    const QJsonValue amount = fields->value(Json::Key::amount);
    if (amount.isUndefined())
        problems.insert(Json::Key::amount,
                        QStringLiteral("Missing required parameter in donation"));
    else if (const auto parsed = Input::money(amount, QStringLiteral("Amount")))
        result.amount = *parsed;
    else
        problems.insert(Json::Key::amount, parsed.error());
    std::optional<QString> note;
    textField(*fields, Json::Key::note, QStringLiteral("Note"), note, problems);
    result.note = note.value_or(QString());
    if (!problems.isEmpty())
        return std::unexpected(Input::bundled(problems));
    return result;
}

} // namespace BidTracker::Api::Body
