// Settlement statements (RULES.md 6) from a real auction, read back with pdftotext: the
// figures on paper are the service's settlement, which the API answers too.
#include "model/tables/tablesupport.h"
#include "pdfprobe.h"
#include "print/document.h"
#include "print/documentkind.h"
#include "print/pdffile.h"
#include "support/testauction.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace BidTracker;

namespace {

QString money(qint64 cents)
{
    return Model::displayMoney(Model::Money::fromCents(cents));
}

bool shows(const QString& text, const QStringList& cells)
{
    QStringList escaped;
    for (const QString& cell : cells)
        escaped.append(QRegularExpression::escape(cell));
    return text.contains(QRegularExpression(escaped.join(QStringLiteral("\\s+"))));
}

/// RULES.md 6's worked example at "Hill Farm Sales": Ann paid for the chest, 73.00 paid out.
struct Statement
{
    Testing::TestAuction auction;
    qint64 consignor = 0;

    Statement()
    {
        auto settings = auction.service().settings();
        settings->name = QStringLiteral("Hill Farm Sales");
        EXPECT_TRUE(auction.service().updateSettings(*settings).has_value());
        Model::ConsignorChanges terms;
        terms.name = QStringLiteral("Hill Farm");
        terms.number = 12;
        terms.phone = QStringLiteral("555-0100");
        terms.commission = std::optional<Model::Rules::BasisPoints>(2000);
        terms.lotFee = Model::Money::fromCents(200);
        terms.unsoldFee = Model::Money::fromCents(500);
        consignor = auction.service().createConsignor(terms)->id;
        const qint64 ann = auction.addUser(QStringLiteral("Ann"));
        const qint64 bo = auction.addUser(QStringLiteral("Bo"));
        QList<qint64> lots;
        for (const char* name : {"Oak chest", "Ewer", "Lamp", "Clock"}) {
            lots.append(auction.addItem(QString::fromLatin1(name)));
            EXPECT_TRUE(auction.service()
                            .updateItem(lots.last(), {.consignorId = std::make_optional(
                                                          std::optional<qint64>(consignor))})
                            .has_value());
        }
        auction.bid(lots[0], ann, 10000);
        auction.bid(lots[1], bo, 5557);
        for (int i = 0; i < 3; ++i)
            EXPECT_TRUE(auction.service()
                            .updateItem(lots[i], {.status = Model::ItemStatus::Closed})
                            .has_value());
        EXPECT_TRUE(
            auction.service()
                .addPayment(ann, Model::Money::fromCents(10000), Model::PaymentMethod::Cash, {})
                .has_value());
        EXPECT_TRUE(auction.service()
                        .addPayout(consignor, Model::Money::fromCents(7300),
                                   Model::PayoutMethod::Check, QStringLiteral("1042"),
                                   {QStringLiteral("Dana"), QStringLiteral("desk 2")})
                        .has_value());
    }
};

} // namespace

TEST(SettlementPrints, AStatementsFiguresAreTheServicesSettlement)
{
    Statement sale;
    QTemporaryDir dir;
    auto document = Print::makeDocument(Print::DocumentKind::Settlements, Print::Paper::Letter, {},
                                        sale.auction.service());
    ASSERT_TRUE(document.has_value()) << qPrintable(document.error().message);
    const QString path = dir.filePath(QStringLiteral("statements.pdf"));
    ASSERT_TRUE(Print::writePdf(**document, path).has_value());
    const Testing::PdfProbe probe(path);
    const QString text = probe.text();
    const auto settlement = sale.auction.service().settlement(sale.consignor);
    ASSERT_TRUE(settlement.has_value());
    const auto& sums = settlement->sums;
    EXPECT_TRUE(text.contains(QStringLiteral("Hill Farm Sales"))) << qPrintable(text);
    EXPECT_TRUE(text.contains(QStringLiteral("Consignor 12 · Hill Farm"))) << qPrintable(text);
    EXPECT_TRUE(shows(text, {QStringLiteral("Oak chest"), money(10000), money(2000), money(200),
                             QStringLiteral("yes")}))
        << qPrintable(text);
    EXPECT_TRUE(shows(text, {QStringLiteral("Ewer"), money(5557), money(1111), money(200),
                             QStringLiteral("not yet")}))
        << qPrintable(text);
    EXPECT_TRUE(shows(text, {QStringLiteral("Lamp"), money(500)})) << qPrintable(text);
    EXPECT_TRUE(text.contains(QStringLiteral("Clock"))) << qPrintable(text); // still open
    EXPECT_TRUE(shows(text, {QStringLiteral("Net"), money(sums.net)})) << qPrintable(text);
    EXPECT_TRUE(shows(text, {QStringLiteral("Paid out"), money(sums.paid)})) << qPrintable(text);
    EXPECT_TRUE(shows(text, {QStringLiteral("Balance"), money(sums.balance)})) << qPrintable(text);
    EXPECT_TRUE(shows(text, {QStringLiteral("Payable now"), money(sums.payableNow)}))
        << qPrintable(text);
    EXPECT_EQ(money(sums.net), money(11546));
    EXPECT_EQ(money(sums.balance), money(4246));
    EXPECT_TRUE(shows(text, {QStringLiteral("Check"), QStringLiteral("1042"),
                             QStringLiteral("Dana · desk 2"), money(7300)}))
        << qPrintable(text);
    EXPECT_EQ(probe.pageCount(), 1);
    // For a person to look at: BIDTRACKER_KEEP_STATEMENT=path.png keeps page 1.
    if (const QByteArray keep = qgetenv("BIDTRACKER_KEEP_STATEMENT"); !keep.isEmpty())
        probe.renderPng(1, QString::fromLocal8Bit(keep), 80);
}
