// The one rule for names (model/names.h), used by the API, the window and CSV import.
#include "model/csv/csvimport.h"
#include "model/names.h"

#include <gtest/gtest.h>

using BidTracker::Model::checkName;
using BidTracker::Model::MaxNameLength;

namespace {

QString fromUtf16(std::initializer_list<char16_t> units)
{
    return QString(reinterpret_cast<const QChar*>(units.begin()), qsizetype(units.size()));
}

QString refusal(const QString& name)
{
    const auto checked = checkName(name);
    return checked ? QString() : checked.error().message;
}

} // namespace

TEST(Names, KeepsANameWithoutTheBlanksAroundIt)
{
    EXPECT_EQ(checkName(QStringLiteral("  Albert \t\n")).value_or(QString()),
              QStringLiteral("Albert"));
    EXPECT_EQ(checkName(QString::fromUtf8("\u200B\uFEFFAlbert\u200D")).value_or(QString()),
              QStringLiteral("Albert"));
    // Joiners inside a name are text (Persian, emoji sequences), not padding.
    EXPECT_TRUE(checkName(QString::fromUtf8("می\u200Cخواهم")).has_value());
    EXPECT_TRUE(checkName(QString::fromUtf8("👨\u200D👩\u200D👧")).has_value());
}

TEST(Names, RefusesANameWithNothingVisible)
{
    for (const char* invisible :
         {"", "   ", "\u200B", "\u200C", "\u200D", "\uFEFF", "\u200B\u200D\uFEFF \u2060",
          "\u200E\u200F", "\u3164", "\u115F\u1160", "\u2800"}) {
        EXPECT_EQ(refusal(QString::fromUtf8(invisible)), QStringLiteral("Name must not be empty"))
            << invisible;
    }
}

TEST(Names, RefusesControlsLineSeparatorsAndDirectionOverrides)
{
    EXPECT_TRUE(refusal(QStringLiteral("Al\nbert")).contains(u"control characters"));
    EXPECT_TRUE(refusal(QStringLiteral("Al\u0085bert")).contains(u"control characters"));
    EXPECT_TRUE(refusal(QString::fromUtf8("Al\u2028bert")).contains(u"control characters"));
    EXPECT_TRUE(refusal(QString::fromUtf8("Al\u2029bert")).contains(u"control characters"));
    EXPECT_EQ(refusal(QString::fromUtf8("Albert\u202Egpj.exe")),
              QStringLiteral("Name must not contain text-direction controls (U+202E)"));
    EXPECT_FALSE(refusal(QString::fromUtf8("x\u2066y")).isEmpty());
}

TEST(Names, RefusesALoneSurrogate)
{
    EXPECT_TRUE(refusal(fromUtf16({u'a', 0xD800, u'b'})).contains(u"lone surrogate"));
    EXPECT_TRUE(refusal(fromUtf16({u'a', 0xDC00})).contains(u"lone surrogate"));
    EXPECT_TRUE(refusal(fromUtf16({0xDBFF})).contains(u"lone surrogate"));
    // A pair is one character.
    EXPECT_TRUE(checkName(fromUtf16({u'a', 0xD83D, 0xDE00})).has_value());
}

TEST(Names, CountsLengthInCharactersNotUtf16Units)
{
    const QString emoji = QString::fromUtf8("😀"); // two UTF-16 units, one character
    EXPECT_TRUE(checkName(emoji.repeated(MaxNameLength)).has_value());
    EXPECT_EQ(refusal(emoji.repeated(MaxNameLength + 1)),
              QStringLiteral("Name must be at most 200 characters (it has 201)"));
    EXPECT_TRUE(checkName(QStringLiteral("a").repeated(MaxNameLength)).has_value());
    EXPECT_FALSE(checkName(QStringLiteral("a").repeated(MaxNameLength + 1)).has_value());
}

TEST(Names, NamesTheFieldInTheError)
{
    EXPECT_EQ(checkName(QString(), QStringLiteral("user")).error().field, QStringLiteral("user"));
}

TEST(Names, CsvImportUsesTheSameRule)
{
    using namespace BidTracker::Model;
    // GIVEN users whose names only look like names
    const QByteArray csv = "name\n\xE2\x80\x8B\nabc\xE2\x80\xAEgpj\nAl\xE2\x80\xA8"
                           "bert\n  Zoe  \n";
    // WHEN the file is read THEN each is refused with the model's words, the good one kept
    const ImportPlan plan = planImport(CsvKind::Users, csv);
    ASSERT_EQ(plan.problems.size(), 3) << plan.problemText().toStdString();
    EXPECT_EQ(plan.problems[0].message, QStringLiteral("Name must not be empty"));
    EXPECT_TRUE(plan.problems[1].message.contains(u"direction"));
    EXPECT_TRUE(plan.problems[2].message.contains(u"control"));
    EXPECT_EQ(plan.userNames, QStringList{QStringLiteral("Zoe")});
}
