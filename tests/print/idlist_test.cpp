#include "print/idlist.h"
#include "print/paper.h"

#include <QLocale>
#include <gtest/gtest.h>

using namespace BidTracker;
using Model::EntityKind;

TEST(IdList, TakesIdsNumbersAndRangesInTheOrderTyped)
{
    const auto ids = Print::parseIdList(u"item12, 3 5-7;item2 3", EntityKind::Item);
    ASSERT_TRUE(ids.has_value()) << qPrintable(ids.error());
    EXPECT_EQ(*ids, (QList<qint64>{12, 3, 5, 6, 7, 2}));
    EXPECT_EQ(Print::parseIdList(u"  ", EntityKind::User).value(), QList<qint64>{});
}

TEST(IdList, NamesTheEntryThatIsNoId)
{
    for (const QString& bad :
         {QStringLiteral("user3"), QStringLiteral("item0"), QStringLiteral("x"),
          QStringLiteral("7-3"), QStringLiteral("1-1000000"), QStringLiteral("-4"),
          QStringLiteral("99999999999999999999")}) {
        const auto ids = Print::parseIdList(bad, EntityKind::Item);
        ASSERT_FALSE(ids.has_value()) << qPrintable(bad);
        EXPECT_TRUE(ids.error().contains(bad)) << qPrintable(ids.error());
    }
}

TEST(Paper, LetterInTheUnitedStatesA4InFrance)
{
    EXPECT_EQ(Print::paperForLocale(QLocale(QLocale::English, QLocale::UnitedStates)),
              Print::Paper::Letter);
    EXPECT_EQ(Print::paperForLocale(QLocale(QLocale::French, QLocale::Canada)),
              Print::Paper::Letter);
    EXPECT_EQ(Print::paperForLocale(QLocale(QLocale::French, QLocale::France)), Print::Paper::A4);
    EXPECT_EQ(Print::paperForLocale(QLocale(QLocale::English, QLocale::UnitedKingdom)),
              Print::Paper::A4);
    EXPECT_EQ(Print::parsePaper(u"A4"), Print::Paper::A4);
    EXPECT_FALSE(Print::parsePaper(u"legal").has_value());
}
