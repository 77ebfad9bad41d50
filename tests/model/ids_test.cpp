#include "model/ids.h"

#include <gtest/gtest.h>

using namespace BidTracker::Model;

TEST(Ids, FormatAndParseRoundTrip)
{
    EXPECT_EQ(formatId(EntityKind::User, 4), QStringLiteral("user4"));
    EXPECT_EQ(parseId(EntityKind::Item, u"item12"), 12);
    EXPECT_EQ(parseId(EntityKind::Bid, u"bid999999999999999999"), 999999999999999999LL);
}

TEST(Ids, EveryOtherFormIsUnknown)
{
    // GIVEN ids of every wrong form THEN none parses, so each is simply unknown
    for (const char16_t* text :
         {u"item0", u"item-1", u"item01", u"item", u"item1x", u"Item1", u"user1",
          u"item4294967297000000000", u"item 1", u"item+1", u"item1.0", u"item١", u""}) {
        EXPECT_FALSE(parseId(EntityKind::Item, QStringView(text)).has_value())
            << QString::fromUtf16(text).toStdString();
    }
}
