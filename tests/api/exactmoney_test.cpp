// Issue 21.6: the API writes sums as JSON numbers with every digit exact however large
// (RULES.md 4), and normal amounts as the original did (500.0, 12.5). Pure functions, tested
// without sockets.
#include "app/api/checkoutjson.h"
#include "app/api/jsonwriter.h"

#include <QJsonDocument>
#include <gtest/gtest.h>
#include <limits>

using namespace BidTracker;

TEST(ExactMoney, IsWrittenInPythonsStyleWithEveryDigit)
{
    const auto text = [](qint64 cents) { return Api::writeJson(Api::exactMoney(cents)); };
    EXPECT_EQ(text(50000), "500.0");
    EXPECT_EQ(text(1250), "12.5");
    EXPECT_EQ(text(37075), "370.75");
    EXPECT_EQ(text(5), "0.05");
    EXPECT_EQ(text(0), "0.0");
    EXPECT_EQ(text(-4000), "-40.0");
    EXPECT_EQ(text(-1), "-0.01");
    EXPECT_EQ(text(1'880'000'000'000'000), "18800000000000.0");
    // 2^53 + 1 cents: a double cannot hold it
    EXPECT_EQ(text(9'007'199'254'740'993), "90071992547409.93");
    EXPECT_EQ(text(std::numeric_limits<qint64>::max()), "92233720368547758.07");
    EXPECT_EQ(text(std::numeric_limits<qint64>::min()), "-92233720368547758.08");
}

TEST(ExactMoney, TheSummaryAtTheLimitsIsExactAndStillJson)
{
    // GIVEN the figures of 4,700 lots at 1,000,000,000.00 with 100 % premium and tax, plus a
    // cent here and there
    Model::AuctionSummary summary;
    summary.lotsTotal = 4'700;
    summary.lotsSold = 4'700;
    summary.hammer = 470'000'000'000'001;
    summary.premium = 470'000'000'000'001;
    summary.tax = 940'000'000'000'002;
    summary.invoiced = 1'880'000'000'000'004;
    summary.paidCash = 50000;
    summary.paidTotal = 50000;
    summary.outstanding = 1'879'999'999'950'004;
    // WHEN it is written
    const QByteArray body = Api::writeJson(Api::Json::summary(summary));
    // THEN every figure is exact text, and the body is JSON whose numbers are numbers
    EXPECT_TRUE(body.contains(R"("hammer":4700000000000.01)")) << body.toStdString();
    EXPECT_TRUE(body.contains(R"("invoiced":18800000000000.04)")) << body.toStdString();
    EXPECT_TRUE(body.contains(R"("outstanding":18799999999500.04)")) << body.toStdString();
    EXPECT_TRUE(body.contains(R"("cash":500.0)")) << body.toStdString();
    EXPECT_TRUE(body.contains(R"("donations":0.0)")) << body.toStdString();
    QJsonParseError error;
    const QJsonDocument parsed = QJsonDocument::fromJson(body, &error);
    ASSERT_EQ(error.error, QJsonParseError::NoError) << body.toStdString();
    EXPECT_TRUE(parsed.object()["summary"].toObject()["tax"].isDouble());
}
