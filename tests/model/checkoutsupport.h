// What the checkout tests share: rates, closing lots, a lot won, an invoice read.
#pragma once

#include "support/testauction.h"

#define ASSERT_OK(result)                                                                          \
    ASSERT_TRUE((result).has_value()) << (result).error().message.toStdString()

namespace BidTracker::Testing::Checkout {

using namespace BidTracker::Model;

inline void setRates(TestAuction& auction, Rules::BasisPoints premium, Rules::BasisPoints tax)
{
    auto settings = auction.service().settings();
    ASSERT_OK(settings);
    settings->buyersPremium = premium;
    settings->taxRate = tax;
    ASSERT_OK(auction.service().updateSettings(*settings));
}

inline void close(TestAuction& auction, qint64 itemId)
{
    ASSERT_OK(auction.service().updateItem(itemId, {.status = ItemStatus::Closed}));
}

inline void reopen(TestAuction& auction, qint64 itemId)
{
    ASSERT_OK(auction.service().updateItem(itemId, {.status = ItemStatus::Open}));
}

/// A lot won by `userId` at `cents` and closed.
inline qint64 wonLot(TestAuction& auction, qint64 userId, qint64 cents,
                     const QString& name = QStringLiteral("Lot"))
{
    const qint64 item = auction.addItem(name);
    auction.bid(item, userId, cents);
    close(auction, item);
    return item;
}

inline Invoice invoiceOf(TestAuction& auction, qint64 userId)
{
    auto invoice = auction.service().invoice(userId);
    EXPECT_TRUE(invoice.has_value()) << invoice.error().message.toStdString();
    return invoice.value_or(Invoice{});
}

inline Money cents(qint64 value)
{
    return Money::fromCents(value);
}

} // namespace BidTracker::Testing::Checkout
