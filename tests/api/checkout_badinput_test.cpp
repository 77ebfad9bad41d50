// The bad-input catalogue of the whole auction night's bodies and routes (settings, users
// with paddle numbers, payments, donations, bids by number): each case asserts the status, a
// JSON message naming the field or the balance, and that nothing changed (snapshot).
#include "apitestserver.h"

#include <QJsonObject>

using BidTracker::Testing::ApiTestServer;
using BidTracker::Testing::isRefusal;

namespace {

struct BadCase
{
    const char* name;
    QByteArray method;
    QString path;
    QByteArray body;
    int status;
    const char* code;            // error.code (API.md "Refusals say why, as data")
    const char* messagePart;     // in the message, or in one of the bundled field messages
    const char* field = nullptr; // the bundled field that must carry a message, when set
};

QString api(const char* path)
{
    return QStringLiteral("/api/v1") + QString::fromUtf8(path);
}

QByteArray payment(const QByteArray& amount, const QByteArray& method = "\"cash\"")
{
    return R"({"payment": {"amount": )" + amount + R"(, "method": )" + method + "}}";
}

QByteArray donation(const QByteArray& amount)
{
    return R"({"donation": {"amount": )" + amount + "}}";
}

QByteArray settings(const QByteArray& fields)
{
    return R"({"settings": {)" + fields + "}}";
}

std::vector<BadCase> cases()
{
    // The sample auction: user1-3 (paddles 100-102), item1 open with two bids, item2 open.
    // Nobody has won anything yet, so every balance is 0.00.
    const QString pay = api("/users/user2/payments");
    const QString give = api("/users/user2/donations");
    const QString set = api("/settings");
    const QString users = api("/users");
    return {
        {"PaymentMalformedJson", "POST", pay, R"({"payment": {)", 400, "invalid", "not valid JSON"},
        {"PaymentFlatBody", "POST", pay, R"({"amount": 20, "method": "cash"})", 400, "invalid",
         "Missing required parameter", "payment"},
        {"PaymentNotObject", "POST", pay, R"({"payment": 20})", 400, "invalid",
         "must be a JSON object"},
        {"PaymentAmountMissing", "POST", pay, R"({"payment": {"method": "cash"}})", 400, "invalid",
         "Missing required parameter in payment", "amount"},
        {"PaymentMethodMissing", "POST", pay, R"({"payment": {"amount": 20}})", 400, "invalid",
         "Missing required parameter in payment", "method"},
        {"PaymentAmountNaN", "POST", pay, payment("\"NaN\""), 400, "invalid", "NaN", "amount"},
        {"PaymentAmountNaNLiteral", "POST", pay, payment("NaN"), 400, "invalid", "not valid JSON"},
        {"PaymentAmountThreeDecimals", "POST", pay, payment("20.005"), 400, "invalid",
         "two decimals", "amount"},
        {"PaymentAmountText", "POST", pay, payment("\"twenty\""), 400, "invalid",
         "must be a number", "amount"},
        {"PaymentAmountNegative", "POST", pay, payment("-20"), 400, "invalid", "negative",
         "amount"},
        {"PaymentAmountZero", "POST", pay, payment("0"), 400, "invalid", "greater than zero",
         "amount"},
        {"PaymentAmountHuge", "POST", pay, payment("1e300"), 400, "invalid", "at most", "amount"},
        {"PaymentMethodUnknown", "POST", pay, payment("20", "\"bitcoin\""), 400, "invalid", "cash",
         "method"},
        {"PaymentMethodNumber", "POST", pay, payment("20", "1"), 400, "invalid", "cash", "method"},
        {"PaymentReferenceNumber", "POST", pay,
         R"({"payment": {"amount": 20, "method": "cash", "reference": 7}})", 400, "invalid",
         "must be a string", "reference"},
        {"PaymentReferenceLineBreak", "POST", pay,
         R"({"payment": {"amount": 20, "method": "cash", "reference": "a\nb"}})", 400, "invalid",
         "control characters", "reference"},
        {"PaymentAboveTheBalance", "POST", pay, payment("20"), 409, "over_balance",
         "the balance is 0.00"},
        {"PaymentUnknownUser", "POST", api("/users/user9/payments"), payment("20"), 404,
         "unknown_user", "user9"},
        {"PaymentsOfUnknownUser",
         "GET",
         api("/users/user9/payments"),
         {},
         404,
         "unknown_user",
         "user9"},
        {"VoidUnknownPayment",
         "DELETE",
         api("/payments/payment9"),
         {},
         404,
         "unknown_payment",
         "payment9"},
        {"VoidPaymentZero",
         "DELETE",
         api("/payments/payment0"),
         {},
         404,
         "unknown_payment",
         "does not exist"},
        {"VoidBidId",
         "DELETE",
         api("/payments/bid1"),
         {},
         404,
         "unknown_payment",
         "does not exist"},
        {"DonationAmountMissing", "POST", give, R"({"donation": {"note": "x"}})", 400, "invalid",
         "Missing required parameter in donation", "amount"},
        {"DonationAmountNaN", "POST", give, donation("\"NaN\""), 400, "invalid", "NaN", "amount"},
        {"DonationAmountThreeDecimals", "POST", give, donation("250.001"), 400, "invalid",
         "two decimals", "amount"},
        {"DonationAmountText", "POST", give, donation("\"lots\""), 400, "invalid",
         "must be a number", "amount"},
        {"DonationAmountNegative", "POST", give, donation("-1"), 400, "invalid", "negative",
         "amount"},
        {"DonationAmountHuge", "POST", give, donation("1000000000.01"), 400, "invalid", "at most",
         "amount"},
        {"DonationNoteNumber", "POST", give, R"({"donation": {"amount": 5, "note": 5}})", 400,
         "invalid", "must be a string", "note"},
        {"DonationUnknownUser", "POST", api("/users/user9/donations"), donation("5"), 404,
         "unknown_user", "user9"},
        {"DeleteUnknownDonation",
         "DELETE",
         api("/donations/donation9"),
         {},
         404,
         "unknown_donation",
         "donation9"},
        {"SettingsMissing", "PUT", set, R"({"buyers_premium": 15})", 400, "invalid",
         "Missing required parameter", "settings"},
        {"SettingsNotObject", "PUT", set, R"({"settings": []})", 400, "invalid",
         "must be a JSON object"},
        {"SettingsPremiumThreeDecimals", "PUT", set, settings(R"("buyers_premium": 15.125)"), 400,
         "invalid", "two decimals", "buyers_premium"},
        {"SettingsPremiumText", "PUT", set, settings(R"("buyers_premium": "15")"), 400, "invalid",
         "must be a number", "buyers_premium"},
        {"SettingsPremiumNegative", "PUT", set, settings(R"("buyers_premium": -1)"), 400, "invalid",
         "from 0 to 100", "buyers_premium"},
        {"SettingsTaxHuge", "PUT", set, settings(R"("tax_rate": 100.01)"), 400, "invalid",
         "from 0 to 100", "tax_rate"},
        {"SettingsTaxNaN", "PUT", set, settings(R"("tax_rate": "NaN")"), 400, "invalid",
         "must be a number", "tax_rate"},
        {"SettingsCurrencyLower", "PUT", set, settings(R"("currency": "usd")"), 400, "invalid",
         "currency", "currency"},
        {"SettingsNameEmpty", "PUT", set, settings(R"("name": "  ")"), 400, "invalid", "empty",
         "name"},
        {"SettingsIncrementsNotList", "PUT", set, settings(R"("increments": 5)"), 400, "invalid",
         "list of rows", "increments"},
        {"SettingsIncrementStepZero", "PUT", set,
         settings(R"("increments": [{"from": 0, "step": 0}])"), 400, "invalid", "greater than zero",
         "increments"},
        {"SettingsIncrementsDescending", "PUT", set,
         settings(R"("increments": [{"from": 10, "step": 1}, {"from": 5, "step": 1}])"), 400,
         "invalid", "ascending", "increments"},
        {"SettingsSoftCloseNegative", "PUT", set,
         settings(R"("soft_close": {"window_seconds": -1})"), 400, "invalid", "whole number",
         "soft_close"},
        {"SettingsFirstBidderZero", "PUT", set, settings(R"("first_bidder_number": 0)"), 400,
         "invalid", "whole number", "first_bidder_number"},
        {"SettingsCloseAllAtNotTime", "PUT", set, settings(R"("close_all_at": "tomorrow")"), 400,
         "invalid", "close_all_at", "close_all_at"},
        {"SettingsNoToken", "PUT", set, settings(R"("name": "x")"), 401, "unauthorized", "token"},
        {"PaymentNoToken", "POST", pay, payment("20"), 401, "unauthorized", "token"},
        {"VoidNoToken", "DELETE", api("/payments/payment1"), {}, 401, "unauthorized", "token"},
        {"DonationNoToken", "POST", give, donation("5"), 401, "unauthorized", "token"},
        {"DeleteDonationNoToken",
         "DELETE",
         api("/donations/donation1"),
         {},
         401,
         "unauthorized",
         "token"},
        {"CheckInNoToken", "POST", api("/users/user1/check-in"), {}, 401, "unauthorized", "token"},
        {"SettingsMethodNotAllowed", "POST", set, settings(R"("name": "x")"), 405,
         "method_not_allowed", "not allowed"},
        {"InvoiceWrite", "PUT", api("/users/user1/invoice"), "{}", 405, "method_not_allowed",
         "not allowed"},
        {"UserNumberTaken", "POST", users, R"({"name": "Dana", "number": 100})", 409,
         "number_taken", "Bidder number 100 is already Albert (user1)"},
        {"UserRenumberTaken", "PUT", api("/users/user2"), R"({"number": 100})", 409, "number_taken",
         "Bidder number 100 is already Albert (user1)"},
        {"UserNumberZero", "POST", users, R"({"name": "Dana", "number": 0})", 400, "invalid",
         "whole number", "number"},
        {"UserNumberFraction", "POST", users, R"({"name": "Dana", "number": 105.5})", 400,
         "invalid", "whole number", "number"},
        {"UserNumberText", "POST", users, R"({"name": "Dana", "number": "105"})", 400, "invalid",
         "whole number", "number"},
        {"UserNumberHuge", "POST", users, R"({"name": "Dana", "number": 1e12})", 400, "invalid",
         "whole number", "number"},
        {"UserEmailBad", "POST", users, R"({"name": "Dana", "email": "dana at home"})", 400,
         "invalid", "e-mail", "email"},
        {"UserPhoneNoDigit", "POST", users, R"({"name": "Dana", "phone": "call me"})", 400,
         "invalid", "digit", "phone"},
        {"UserPhoneControl", "PUT", api("/users/user2"), R"({"phone": "555\u0007"})", 400,
         "invalid", "control characters", "phone"},
        {"UserTaxExemptText", "POST", users, R"({"name": "Dana", "tax_exempt": "yes"})", 400,
         "invalid", "true or false", "tax_exempt"},
        {"UsersBadNumberQuery",
         "GET",
         users + QStringLiteral("?number=abc"),
         {},
         400,
         "invalid",
         "number"},
        {"UsersNumberQueryZero",
         "GET",
         users + QStringLiteral("?number=0"),
         {},
         400,
         "invalid",
         "number"},
        {"CheckInUnknownUser",
         "POST",
         api("/users/user9/check-in"),
         {},
         404,
         "unknown_user",
         "user9"},
        {"InvoiceUnknownUser",
         "GET",
         api("/users/user9/invoice"),
         {},
         404,
         "unknown_user",
         "user9"},
        {"InvoiceBadId",
         "GET",
         api("/users/user01/invoice"),
         {},
         404,
         "unknown_user",
         "does not exist"},
        {"BidUnknownPaddle", "POST", api("/bids"),
         R"({"bid": {"item": "item1", "value": 2000, "user": 999}})", 404, "unknown_user",
         "No bidder has number 999"},
        {"BidPaddleFraction", "POST", api("/bids"),
         R"({"bid": {"item": "item1", "value": 2000, "user": 100.5}})", 400, "invalid",
         "paddle number", "user"},
        {"BidPaddleNegative", "POST", api("/bids"),
         R"({"bid": {"item": "item1", "value": 2000, "user": -100}})", 400, "invalid",
         "paddle number", "user"},
        {"ItemFairMarketValueNegative", "PUT", api("/items/item2"),
         R"({"item": {"fair_market_value": -5}})", 400, "invalid", "negative", "fair_market_value"},
        {"ItemDonorNumber", "PUT", api("/items/item2"), R"({"item": {"donor": 5}})", 400, "invalid",
         "must be a string", "donor"},
    };
}

class ApiCheckoutBadInput : public ::testing::TestWithParam<BadCase>
{
};

TEST_P(ApiCheckoutBadInput, IsRefusedWithAMessageAndChangesNothing)
{
    // GIVEN the sample auction
    ApiTestServer server;
    const QString before = server.snapshot();
    // WHEN a bad request arrives
    const BadCase& bad = GetParam();
    const QList<std::pair<QByteArray, QByteArray>> headers =
        bad.status == 401
            ? QList<std::pair<QByteArray, QByteArray>>{{"Authorization", QByteArray()}}
            : QList<std::pair<QByteArray, QByteArray>>{};
    const auto reply = server.request(bad.method, bad.path, bad.body, headers);
    // THEN it is refused with the documented status and a JSON message that says why
    EXPECT_TRUE(isRefusal(reply, bad.status, bad.code));
    EXPECT_TRUE(reply.header("Content-Type").startsWith("application/json"));
    const QJsonValue message = reply.object()["message"];
    QString text = message.toString();
    for (const QJsonValue& field : message.toObject())
        text += u' ' + field.toString();
    EXPECT_TRUE(text.contains(QString::fromUtf8(bad.messagePart), Qt::CaseInsensitive))
        << "message: " << reply.body.toStdString();
    if (bad.field) {
        EXPECT_TRUE(message.toObject().contains(QString::fromUtf8(bad.field)))
            << "no message for " << bad.field << ": " << reply.body.toStdString();
        EXPECT_TRUE(
            reply.fact(QStringLiteral("fields")).toObject().contains(QString::fromUtf8(bad.field)))
            << "error.fields lacks " << bad.field << ": " << reply.body.toStdString();
    }
    // AND nothing changed
    EXPECT_EQ(server.snapshot(), before);
}

INSTANTIATE_TEST_SUITE_P(Requests, ApiCheckoutBadInput, ::testing::ValuesIn(cases()),
                         [](const auto& info) { return std::string(info.param.name); });

} // namespace
