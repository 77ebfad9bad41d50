#include "model/money.h"

#include <QLocale>
#include <cctype>
#include <gtest/gtest.h>
#include <limits>
#include <string>

using BidTracker::Model::Money;

namespace {

/// "12_34" for "12.34": test names from the case's text, so a failure names its input.
template <typename Case> std::string caseName(const ::testing::TestParamInfo<Case>& info)
{
    std::string name;
    for (const char c : std::string(info.param.text))
        name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return name + "_" + std::to_string(info.index);
}

struct Accepted
{
    const char* text;
    qint64 cents;
};

class MoneyAccepts : public ::testing::TestWithParam<Accepted>
{
};

TEST_P(MoneyAccepts, ParsesToExactCents)
{
    // GIVEN an amount as text WHEN it is parsed THEN it becomes these exact cents
    const auto parsed = Money::parse(QString::fromUtf8(GetParam().text));
    ASSERT_TRUE(parsed.has_value()) << parsed.error().toStdString();
    EXPECT_EQ(parsed->cents(), GetParam().cents);
}

INSTANTIATE_TEST_SUITE_P(
    Texts, MoneyAccepts,
    ::testing::Values(Accepted{"650", 65000}, Accepted{"650.5", 65050}, Accepted{"650.50", 65050},
                      Accepted{"0.01", 1}, Accepted{"0.1", 10}, Accepted{"100000", 10000000},
                      Accepted{" 12.34 ", 1234}, Accepted{"+5", 500}, Accepted{"1e3", 100000},
                      Accepted{"1.5E2", 15000}, Accepted{"12.3400", 1234},
                      Accepted{"1000000000", 100000000000}, Accepted{"1000000000.00", 100000000000},
                      Accepted{"007.10", 710}, Accepted{".5", 50}, Accepted{"5.", 500}),
    caseName<Accepted>);

struct Rejected
{
    const char* text;
    const char* messagePart;
};

class MoneyRejects : public ::testing::TestWithParam<Rejected>
{
};

TEST_P(MoneyRejects, WithItsOwnMessage)
{
    // GIVEN unacceptable text WHEN it is parsed THEN the error says why
    const auto parsed = Money::parse(QString::fromUtf8(GetParam().text));
    ASSERT_FALSE(parsed.has_value()) << GetParam().text;
    EXPECT_TRUE(parsed.error().contains(QString::fromUtf8(GetParam().messagePart)))
        << parsed.error().toStdString();
}

INSTANTIATE_TEST_SUITE_P(
    Texts, MoneyRejects,
    ::testing::Values(Rejected{"", "must be a number"}, Rejected{"abc", "must be a number"},
                      Rejected{"12abc", "must be a number"}, Rejected{"1.2.3", "must be a number"},
                      Rejected{"NaN", "not NaN"}, Rejected{"-nan", "not NaN"},
                      Rejected{"Infinity", "not Infinity"}, Rejected{"-inf", "not Infinity"},
                      Rejected{"0", "greater than zero"}, Rejected{"0.00", "greater than zero"},
                      Rejected{"-5", "must not be negative"},
                      Rejected{"1.234", "at most two decimals"},
                      Rejected{"0.001", "at most two decimals"},
                      Rejected{"1000000000.01", "at most 1000000000.00"},
                      Rejected{"1e10", "at most 1000000000.00"},
                      Rejected{"99999999999999999999999", "at most 1000000000.00"},
                      Rejected{"1e9999999", "must be a number"}, Rejected{"1e", "must be a number"},
                      Rejected{"１２", "must be a number"}, Rejected{".", "must be a number"}),
    caseName<Rejected>);

TEST(Money, FromDoubleUsesTheShortestDecimalForm)
{
    // GIVEN doubles as JSON delivers them WHEN accepted THEN decimals count as written
    EXPECT_EQ(Money::fromDouble(650.5)->cents(), 65050);
    EXPECT_EQ(Money::fromDouble(0.1)->cents(), 10);
    EXPECT_EQ(Money::fromDouble(19.99)->cents(), 1999);
    EXPECT_EQ(Money::fromDouble(1e9)->cents(), 100000000000);
    EXPECT_FALSE(Money::fromDouble(1.005).has_value());
    EXPECT_FALSE(Money::fromDouble(std::numeric_limits<double>::quiet_NaN()).has_value());
    EXPECT_FALSE(Money::fromDouble(std::numeric_limits<double>::infinity()).has_value());
    EXPECT_FALSE(Money::fromDouble(1e300).has_value());
    EXPECT_FALSE(Money::fromDouble(-0.0).has_value());
}

TEST(Money, ARefusalNamesTheFieldItWasParsedFor)
{
    // The API's field errors name the field ("Starting price must ..."): the parser says it,
    // nobody rewrites its words afterwards.
    EXPECT_EQ(Money::parse(u"free", u"Starting price").error(),
              QStringLiteral("Starting price must be a number"));
    EXPECT_EQ(Money::fromDouble(10.001, u"Buy-now price").error(),
              QStringLiteral("Buy-now price must have at most two decimals"));
    EXPECT_EQ(Money::parse(u"0").error(), QStringLiteral("Value must be greater than zero"));
}

TEST(Money, FormatsWithTwoDecimals)
{
    EXPECT_EQ(Money::fromCents(50000).toString(), QStringLiteral("500.00"));
    EXPECT_EQ(Money::fromCents(1).toString(), QStringLiteral("0.01"));
    EXPECT_EQ(Money::fromCents(100000000000).toString(), QStringLiteral("1000000000.00"));
    EXPECT_DOUBLE_EQ(Money::fromCents(1250).toDouble(), 12.5);
}

} // namespace

// Amounts as people type them: the window's own formatting in their locale is accepted.
struct Typed
{
    const char* locale;
    const char* text;
    qint64 cents; // -1: refused
    const char* messagePart = "";
};

class MoneyTyped : public ::testing::TestWithParam<Typed>
{
};

TEST_P(MoneyTyped, AcceptsWhatTheWindowWritesAndRefusesTheRest)
{
    // GIVEN text typed in a locale WHEN parsed as a person's amount THEN cents or the reason
    const Typed& typed = GetParam();
    const auto parsed = Money::parseTyped(QString::fromUtf8(typed.text),
                                          QLocale(QString::fromLatin1(typed.locale)));
    if (typed.cents < 0) {
        ASSERT_FALSE(parsed.has_value()) << typed.text << " = " << parsed->cents();
        EXPECT_TRUE(parsed.error().contains(QString::fromUtf8(typed.messagePart)))
            << parsed.error().toStdString();
    } else {
        ASSERT_TRUE(parsed.has_value()) << typed.text << ": " << parsed.error().toStdString();
        EXPECT_EQ(parsed->cents(), typed.cents);
    }
}

INSTANTIATE_TEST_SUITE_P(
    Texts, MoneyTyped,
    ::testing::Values(
        Typed{"en_US", "1,350", 135000}, Typed{"en_US", "1,350.00", 135000},
        Typed{"en_US", " 1,350.5 ", 135050}, Typed{"en_US", "$1,350.00", 135000},
        Typed{"en_US", "1,350.00 USD", 135000}, Typed{"en_US", "1350", 135000},
        Typed{"en_US", "1,000,000.01", 100000001}, Typed{"en_US", "0.5", 50},
        Typed{"de_DE", "1.350,00", 135000}, Typed{"de_DE", "1.350,00 €", 135000},
        Typed{"C", "1350.00", 135000}, Typed{"C", "1,350.00", 135000},
        // C is English/United States without a currency: "$5" reads as under en_US
        Typed{"C", "$5", 500}, Typed{"en_US", "$5", 500}, Typed{"C", "5 USD", 500},
        Typed{"C", "€12", -1, "must be a number"}, Typed{"fr_FR", "1 350,00 €", 135000},
        Typed{"en_US", "1,350.001", -1, "at most two decimals"},
        Typed{"en_US", "12.3400", -1, "at most two decimals"},
        Typed{"en_US", "1e5", -1, "not with an exponent"},
        Typed{"en_US", "1.5E3", -1, "not with an exponent"},
        Typed{"en_US", "-5", -1, "must not be negative"},
        Typed{"en_US", "$-5.00", -1, "must not be negative"},
        Typed{"en_US", "1,35", -1, "misplaced"}, Typed{"en_US", "1,,350", -1, "misplaced"},
        Typed{"en_US", ",350", -1, "misplaced"}, Typed{"en_US", "abc", -1, "must be a number"},
        Typed{"en_US", "12abc", -1, "must be a number"}, Typed{"en_US", "", -1, "must be a number"},
        Typed{"en_US", "0.00", -1, "greater than zero"},
        Typed{"en_US", "€12", -1, "must be a number"},
        Typed{"en_US", "1000000000.01", -1, "at most 1000000000.00"}),
    caseName<Typed>);
