// Issue 26's clerking benchmark: a bid sheet of 20 lines typed into the quick bid bar, the
// paddles colliding with the digits of other bidders' phones. Prints keystrokes and time per
// bid ("clerking: ..." lines; tests/bench/clerking_bench.sh runs it alone) and holds that every
// line went to the paddle written on it.
#include "ui/quickbidbar.h"
#include "windowfixture.h"

#include <QElapsedTimer>
#include <QLineEdit>
#include <algorithm>
#include <cstdio>

using namespace BidTracker;
using namespace BidTracker::Testing;

TEST(ClerkingBench, ATwentyLineSheetWithPaddlesInOtherBiddersPhones)
{
    // GIVEN paddles 201-220, each bidder's phone holding the next one's paddle (555-0202 for
    // paddle 201's bidder, ...), and a lot starting at 20.00
    WindowFixture f;
    auto& service = f.auction.service();
    QHash<qint64, qint64> idOfPaddle;
    for (int paddle = 201; paddle <= 220; ++paddle) {
        const auto user = service.createUser(
            {.name = QStringLiteral("Bidder %1").arg(paddle),
             .number = paddle,
             .phone = QStringLiteral("555-0%1").arg(paddle == 220 ? 201 : paddle + 1)});
        ASSERT_TRUE(user.has_value());
        idOfPaddle.insert(paddle, user->id);
    }
    const qint64 lot = f.auction.addItem(QStringLiteral("Weekend cabin"), 2000, 100);
    // The sheet: 20 lines, paddles in the order a room bids, each 10.00 above the last.
    QList<std::pair<int, int>> sheet;
    for (int line = 0; line < 20; ++line)
        sheet.append({201 + (line * 7) % 20, 20 + 10 * line});
    Gui::QuickBidBar* bar = f.window->quickBidBar();
    QTest::keyClick(f.window.get(), Qt::Key_B, Qt::ControlModifier);
    // WHEN the clerk types the lot once, then each line: paddle, Tab, amount, Enter
    int keystrokes = 2 + 1 + 1; // Ctrl+B, the lot number, Tab
    QTest::keyClicks(bar->lotField(), QString::number(lot));
    QTest::keyClick(bar->lotField(), Qt::Key_Tab);
    QList<double> millis;
    QElapsedTimer all;
    all.start();
    for (const auto& [paddle, amount] : sheet) {
        QElapsedTimer one;
        one.start();
        QTest::keyClicks(bar->bidderField(), QString::number(paddle));
        QTest::keyClick(bar->bidderField(), Qt::Key_Tab);
        QTest::keyClicks(bar->amountField(), QString::number(amount));
        QTest::keyClick(bar->amountField(), Qt::Key_Return);
        millis.append(one.nsecsElapsed() / 1e6);
        keystrokes +=
            static_cast<int>(QString::number(paddle).size() + QString::number(amount).size()) + 2;
        ASSERT_TRUE(bar->message().contains(QStringLiteral("paddle %1").arg(paddle)))
            << paddle << ": " << bar->message().toStdString();
    }
    const double total = all.nsecsElapsed() / 1e6;
    // THEN every line went to the paddle written on it, at the amount written
    const auto bids = service.bidsForItem(lot);
    ASSERT_TRUE(bids.has_value());
    ASSERT_EQ(bids->rows.size(), sheet.size());
    for (qsizetype i = 0; i < sheet.size(); ++i) {
        EXPECT_EQ(bids->rows[i].userId, idOfPaddle.value(sheet[i].first)) << "line " << i + 1;
        EXPECT_EQ(bids->rows[i].value.cents(), sheet[i].second * 100LL) << "line " << i + 1;
    }
    std::sort(millis.begin(), millis.end());
    const double perBid = double(keystrokes) / sheet.size();
    std::printf("clerking: keystrokes per bid %.2f (%d for %lld lines, the lot included)\n", perBid,
                keystrokes, static_cast<long long>(sheet.size()));
    std::printf("clerking: time per bid median %.1f ms, slowest %.1f ms, sheet %.0f ms\n",
                millis[millis.size() / 2], millis.last(), total);
    // A line is its paddle, Tab, its amount, Enter: nothing more to type for a collision.
    EXPECT_LE(perBid, 8.5);
}
