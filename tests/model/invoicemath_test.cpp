// The money sums of RULES.md 4, against its worked examples, to the cent.
#include "model/rules/invoicemath.h"

#include <gtest/gtest.h>

using namespace BidTracker::Model::Rules;

TEST(InvoiceMath, RoundsHalfUpToTheCent)
{
    EXPECT_EQ(percentOf(1005, 1500), 151); // 1.5075 -> 1.51
    EXPECT_EQ(percentOf(1, 5000), 1);      // 0.005 -> 0.01
    EXPECT_EQ(percentOf(1, 4999), 0);
    EXPECT_EQ(percentOf(1156, 500), 58);                       // 0.578 -> 0.58
    EXPECT_EQ(percentOf(100000000000, 100000), 1000000000000); // the largest amount at 1000 %
}

TEST(InvoiceMath, FollowsTheWorkedExample)
{
    // GIVEN premium 15 %, tax 5 %, one lot won at 100.00
    const auto sums = invoiceSums({{10000}, {}, {}, 1500, 500, false});
    // THEN premium 15.00, tax round(115.00 x 0.05) = 5.75, total 120.75, unpaid
    EXPECT_EQ(sums.premiumCents, QList<qint64>{1500});
    EXPECT_EQ(sums.tax, 575);
    EXPECT_EQ(sums.total, 12075);
    EXPECT_EQ(sums.balance, 12075);
    EXPECT_EQ(sums.status, InvoiceStatus::Unpaid);
}

TEST(InvoiceMath, RoundsThePremiumPerLineAndTheTaxOncePerInvoice)
{
    // GIVEN 10.05 and 20.05 at 15 % premium and 5 % tax
    const auto sums = invoiceSums({{1005, 2005}, {}, {}, 1500, 500, false});
    // THEN each premium is rounded (1.5075 -> 1.51, 3.0075 -> 3.01) and the tax once, on
    // 30.10 + 4.52 = 34.62 -> 1.731 -> 1.73
    EXPECT_EQ(sums.premiumCents, (QList<qint64>{151, 301}));
    EXPECT_EQ(sums.premium, 452);
    EXPECT_EQ(sums.tax, 173);
    EXPECT_EQ(sums.total, 3010 + 452 + 173);
}

TEST(InvoiceMath, DonationsAreNeitherTaxedNorPremiumed)
{
    const auto sums = invoiceSums({{10000}, {25000}, {{2000, false}}, 1500, 500, false});
    EXPECT_EQ(sums.tax, 575);
    EXPECT_EQ(sums.donations, 25000);
    EXPECT_EQ(sums.total, 37075); // the API.md example: 370.75
    EXPECT_EQ(sums.paid, 2000);
    EXPECT_EQ(sums.balance, 35075);
    EXPECT_EQ(sums.status, InvoiceStatus::Partial);
}

TEST(InvoiceMath, ATaxExemptBidderPaysNoTax)
{
    const auto sums = invoiceSums({{10000}, {}, {}, 1500, 500, true});
    EXPECT_EQ(sums.tax, 0);
    EXPECT_EQ(sums.total, 11500);
}

TEST(InvoiceMath, VoidedPaymentsCountNowhereAndOverpaymentIsACredit)
{
    const auto exact = invoiceSums({{10000}, {}, {{12075, false}, {500, true}}, 1500, 500, false});
    EXPECT_EQ(exact.paid, 12075);
    EXPECT_EQ(exact.balance, 0);
    EXPECT_EQ(exact.status, InvoiceStatus::Paid);
    // A lot reopened after payment leaves the invoice: the payment is now a refund due
    const auto reopened = invoiceSums({{}, {}, {{12075, false}}, 1500, 500, false});
    EXPECT_EQ(reopened.balance, -12075);
    EXPECT_EQ(reopened.status, InvoiceStatus::Credit);
    EXPECT_EQ(invoiceStatusName(reopened.status), QStringLiteral("credit"));
}
