#include "consignorbodies.h"

#include "bodyfields.h"
#include "checkoutjson.h"
#include "consignorjson.h"
#include "model/contact.h"

namespace BidTracker::Api::Body {

namespace {

void moneyField(const QJsonObject& fields, const QString& key, const QString& label,
                std::optional<Model::Money>& target, QJsonObject& problems)
{
    const QJsonValue value = fields.value(key);
    if (value.isUndefined())
        return;
    if (const auto amount = Input::money(value, label))
        target = *amount;
    else
        problems.insert(key, amount.error());
}

} // namespace

Input::Parsed<Model::ConsignorChanges> consignor(const QByteArray& body, bool nameRequired)
{
    auto fields = envelope(body, Json::Key::consignor, QStringLiteral("Consignor"));
    if (!fields)
        return std::unexpected(fields.error());
    Model::ConsignorChanges changes;
    QJsonObject problems;
    textField(*fields, Json::Key::name, QStringLiteral("Name"), changes.name, problems);
    if (nameRequired && !fields->contains(Json::Key::name))
        problems.insert(Json::Key::name, QStringLiteral("Missing required parameter in consignor"));
    if (const QJsonValue number = fields->value(Json::Key::number); !number.isUndefined()) {
        if (const auto parsed =
                wholeField(number, QStringLiteral("Number"), 1, Model::MaxBidderNumber))
            changes.number = *parsed;
        else
            problems.insert(Json::Key::number, parsed.error());
    }
    textField(*fields, Json::Key::phone, QStringLiteral("Phone"), changes.phone, problems);
    textField(*fields, Json::Key::email, QStringLiteral("Email"), changes.email, problems);
    textField(*fields, Json::Key::address, QStringLiteral("Address"), changes.address, problems);
    if (const QJsonValue rate = fields->value(Json::Key::commission); rate.isNull()) {
        changes.commission = std::optional<Model::Rules::BasisPoints>();
    } else if (!rate.isUndefined()) {
        if (const auto parsed = rateField(rate, QStringLiteral("Commission")))
            changes.commission = std::optional<Model::Rules::BasisPoints>(*parsed);
        else
            problems.insert(Json::Key::commission, parsed.error());
    }
    // A fee of 0 is no fee: Input::money takes only positive amounts.
    for (const auto& [key, label, target] :
         {std::tuple{Json::Key::lotFee, QStringLiteral("Lot fee"), &changes.lotFee},
          std::tuple{Json::Key::unsoldFee, QStringLiteral("Unsold fee"), &changes.unsoldFee}}) {
        const QJsonValue value = fields->value(key);
        if (value.isDouble() && value.toDouble() == 0.0)
            *target = Model::Money();
        else
            moneyField(*fields, key, label, *target, problems);
    }
    if (!problems.isEmpty())
        return std::unexpected(Input::bundled(problems));
    return changes;
}

Input::Parsed<PayoutFields> payout(const QByteArray& body)
{
    auto fields = envelope(body, Json::Key::payout, QStringLiteral("Payout"));
    if (!fields)
        return std::unexpected(fields.error());
    const QString missing = QStringLiteral("Missing required parameter in payout");
    PayoutFields result;
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
    else if (const auto parsed = Model::parsePayoutMethod(method.toString());
             method.isString() && parsed)
        result.method = *parsed;
    else
        problems.insert(
            Json::Key::method,
            QStringLiteral("Method must be \"cash\", \"check\", \"transfer\" or \"other\""));
    std::optional<QString> reference;
    textField(*fields, Json::Key::reference, QStringLiteral("Reference"), reference, problems);
    result.reference = reference.value_or(QString());
    textField(*fields, Json::Key::cashier, QStringLiteral("Cashier"), result.cashier, problems);
    textField(*fields, Json::Key::station, QStringLiteral("Station"), result.station, problems);
    if (!problems.isEmpty())
        return std::unexpected(Input::bundled(problems));
    return result;
}

} // namespace BidTracker::Api::Body
