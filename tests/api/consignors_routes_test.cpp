// The consignor routes (API.md "Consignors") over a real server on a socket: RULES.md 6's
// worked example to the cent, payouts and voids, has_lots, personal data and the exports.
#include "apitestserver.h"

#include <QJsonArray>
#include <QJsonObject>

using BidTracker::Testing::ApiTestServer;
using BidTracker::Testing::HttpReply;

namespace {

QString api(const QString& path)
{
    return QStringLiteral("/api/v1") + path;
}

struct Sale
{
    ApiTestServer server{ApiTestServer::defaultSettings(), false};

    HttpReply post(const QString& path, const QByteArray& body)
    {
        return server.post(api(path), body);
    }
    HttpReply put(const QString& path, const QByteArray& body)
    {
        return server.request("PUT", api(path), body);
    }
    HttpReply get(const QString& path) { return server.get(api(path)); }
    HttpReply del(const QString& path) { return server.request("DELETE", api(path)); }

    QString add(const QString& path, const QByteArray& body, const QString& idKey)
    {
        const HttpReply reply = post(path, body);
        EXPECT_EQ(reply.status, 201) << reply.body.toStdString();
        return reply.object()[idKey].toString();
    }
    QString lot(const QString& name, const QString& consignor)
    {
        return add(QStringLiteral("/items"),
                   QStringLiteral(R"({"item": {"name": "%1", "consignor": "%2"}})")
                       .arg(name, consignor)
                       .toUtf8(),
                   QStringLiteral("item_id"));
    }
    void bid(const QString& item, const QString& user, const char* value)
    {
        const HttpReply reply =
            post(QStringLiteral("/bids"),
                 QStringLiteral(R"({"bid": {"item": "%1", "user": "%2", "value": %3}})")
                     .arg(item, user, QString::fromLatin1(value))
                     .toUtf8());
        ASSERT_EQ(reply.status, 201) << reply.body.toStdString();
    }
    void close(const QString& item)
    {
        ASSERT_EQ(put(QStringLiteral("/items/") + item, R"({"item": {"status": "closed"}})").status,
                  200);
    }
    QJsonObject settlement(const QString& consignor)
    {
        const HttpReply reply = get(QStringLiteral("/consignors/%1/settlement").arg(consignor));
        EXPECT_EQ(reply.status, 200) << reply.body.toStdString();
        return reply.object()[QStringLiteral("settlement")].toObject();
    }
};

/// RULES.md 6's worked example over the API: 20 %, 2.00, 5.00; 100.00 and 55.57 sold, one
/// lot unsold.
struct WorkedSale : Sale
{
    QString hill;
    QString ann;
    QString bo;
    QString chest;
    QString ewer;
    QString lamp;

    WorkedSale()
    {
        hill = add(QStringLiteral("/consignors"),
                   R"({"consignor": {"name": "Hill Farm", "number": 12, "commission": 20,
                       "lot_fee": 2, "unsold_fee": 5, "phone": "555-0100"}})",
                   QStringLiteral("consignor_id"));
        ann = add(QStringLiteral("/users"), R"({"name": "Ann"})", QStringLiteral("user_id"));
        bo = add(QStringLiteral("/users"), R"({"name": "Bo"})", QStringLiteral("user_id"));
        chest = lot(QStringLiteral("Oak chest"), hill);
        ewer = lot(QStringLiteral("Ewer"), hill);
        lamp = lot(QStringLiteral("Lamp"), hill);
        bid(chest, ann, "100");
        bid(ewer, bo, "55.57");
        for (const QString& item : {chest, ewer, lamp})
            close(item);
    }
};

} // namespace

TEST(ApiConsignors, SettleTheWorkedExampleOfRulesToTheCent)
{
    WorkedSale sale;
    EXPECT_EQ(sale.hill, u"consignor1");
    EXPECT_EQ(sale.get(QStringLiteral("/items/") + sale.chest).object()["item"]["consignor"],
              sale.hill);
    QJsonObject before = sale.settlement(sale.hill);
    EXPECT_EQ(before["number"].toInt(), 12);
    EXPECT_EQ(before["hammer"].toDouble(), 155.57);
    EXPECT_EQ(before["commission"].toDouble(), 31.11);
    EXPECT_EQ(before["fees"].toDouble(), 9.0);
    EXPECT_EQ(before["net"].toDouble(), 115.46);
    EXPECT_EQ(before["payable_now"].toDouble(), 0.0);
    EXPECT_EQ(before["status"].toString(), u"unpaid");
    const QJsonArray lines = before["lines"].toArray();
    ASSERT_EQ(lines.size(), 3);
    EXPECT_EQ(lines[1]["name"].toString(), u"Ewer");
    EXPECT_EQ(lines[1]["commission"].toDouble(), 11.11);
    EXPECT_EQ(lines[1]["fee"].toDouble(), 2.0);
    EXPECT_FALSE(lines[1]["collected"].toBool());
    EXPECT_TRUE(lines[2]["returned"].toBool());
    EXPECT_EQ(lines[2]["fee"].toDouble(), 5.0);
    // WHEN Ann pays in full
    ASSERT_EQ(sale.post(QStringLiteral("/users/%1/payments").arg(sale.ann),
                        R"({"payment": {"amount": 100, "method": "cash"}})")
                  .status,
              201);
    // THEN 73.00 is payable now, and not a cent more may be paid out
    EXPECT_EQ(sale.settlement(sale.hill)["payable_now"].toDouble(), 73.0);
    const QString payouts = QStringLiteral("/consignors/%1/payouts").arg(sale.hill);
    const HttpReply over =
        sale.post(payouts, R"({"payout": {"amount": 73.01, "method": "check"}})");
    EXPECT_EQ(over.status, 409);
    EXPECT_EQ(over.code(), u"over_balance");
    EXPECT_EQ(over.fact(QStringLiteral("payable_now")).toDouble(), 73.0);
    // AND a payout of 73.00 leaves a balance of 42.46, partial, with who paid and where
    const HttpReply paid = sale.post(
        payouts,
        R"({"payout": {"amount": 73, "method": "check", "reference": "1042", "cashier": "Dana", "station": "desk 2"}})");
    ASSERT_EQ(paid.status, 201) << paid.body.toStdString();
    EXPECT_EQ(paid.object()["payout_id"].toString(), u"payout1");
    QJsonObject after = sale.settlement(sale.hill);
    EXPECT_EQ(after["payable_now"].toDouble(), 0.0);
    EXPECT_EQ(after["paid"].toDouble(), 73.0);
    EXPECT_EQ(after["balance"].toDouble(), 42.46);
    EXPECT_EQ(after["status"].toString(), u"partial");
    const QJsonObject payout = after["payouts"].toArray().at(0)["payout"].toObject();
    EXPECT_EQ(payout["cashier"].toString(), u"Dana");
    EXPECT_EQ(payout["station"].toString(), u"desk 2");
    // WHEN it is voided THEN it stays on record and 73.00 is payable again
    EXPECT_EQ(sale.del(QStringLiteral("/payouts/payout1?reason=wrong%20check")).status, 204);
    EXPECT_EQ(sale.settlement(sale.hill)["payable_now"].toDouble(), 73.0);
    const QJsonArray listed = sale.get(payouts).json().array();
    ASSERT_EQ(listed.size(), 1);
    EXPECT_TRUE(listed[0]["payout"]["voided"].toBool());
    EXPECT_EQ(sale.del(QStringLiteral("/payouts/payout1")).code(), u"already_voided");
    EXPECT_EQ(sale.del(QStringLiteral("/payouts/payout9")).status, 404);
}

TEST(ApiConsignors, RoundCommissionHalfUpAndListOpenLotsAsPending)
{
    Sale sale;
    ASSERT_EQ(
        sale.put(QStringLiteral("/settings"), R"({"settings": {"commission_rate": 12.5}})").status,
        200);
    EXPECT_EQ(sale.get(QStringLiteral("/settings")).object()["settings"]["commission_rate"], 12.5);
    const QString club =
        sale.add(QStringLiteral("/consignors"), R"({"consignor": {"name": "Club member"}})",
                 QStringLiteral("consignor_id"));
    const QString buyer =
        sale.add(QStringLiteral("/users"), R"({"name": "Cy"})", QStringLiteral("user_id"));
    const QString half = sale.lot(QStringLiteral("Half"), club);
    const QString below = sale.lot(QStringLiteral("Below"), club);
    const QString open = sale.lot(QStringLiteral("Open"), club);
    sale.bid(half, buyer, "0.04");
    sale.bid(below, buyer, "0.03");
    sale.bid(open, buyer, "9");
    sale.close(half);
    sale.close(below);
    const QJsonObject settled = sale.settlement(club);
    EXPECT_EQ(settled["commission_rate"].toDouble(), 12.5);
    EXPECT_EQ(settled["lines"][0]["commission"].toDouble(), 0.01); // 0.005 -> 0.01
    EXPECT_EQ(settled["lines"][1]["commission"].toDouble(), 0.0);  // 0.00375 -> 0.00
    ASSERT_EQ(settled["pending"].toArray().size(), 1);
    EXPECT_EQ(settled["pending"][0]["item_id"].toString(), open);
    EXPECT_EQ(settled["net"].toDouble(), 0.06);
}

TEST(ApiConsignors, RefuseToDeleteAConsignorWhileLotsNameThem)
{
    WorkedSale sale;
    const QString path = QStringLiteral("/consignors/") + sale.hill;
    const HttpReply refused = sale.del(path);
    EXPECT_EQ(refused.status, 409);
    EXPECT_EQ(refused.code(), u"has_lots");
    EXPECT_EQ(refused.fact(QStringLiteral("lot_count")).toInt(), 3);
    EXPECT_EQ(sale.get(path).status, 200);
    // AND a lot may not name a consignor who is not there
    const HttpReply unknown =
        sale.put(QStringLiteral("/items/") + sale.lamp, R"({"item": {"consignor": "consignor9"}})");
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(unknown.code(), u"unknown_consignor");
    // AND a consignor without lots goes
    const QString empty =
        sale.add(QStringLiteral("/consignors"), R"({"consignor": {"name": "Nobody"}})",
                 QStringLiteral("consignor_id"));
    EXPECT_EQ(sale.del(QStringLiteral("/consignors/") + empty).status, 204);
    EXPECT_EQ(sale.get(QStringLiteral("/consignors/") + empty).status, 404);
}

TEST(ApiConsignors, ShowContactsSettlementsAndPayoutsOnlyWithTheToken)
{
    WorkedSale sale;
    const QString one = api(QStringLiteral("/consignors/") + sale.hill);
    EXPECT_EQ(sale.server.get(one).object()["consignor"]["phone"].toString(), u"555-0100");
    const QJsonObject open = sale.server.getPublic(one).object()["consignor"].toObject();
    EXPECT_EQ(open["name"].toString(), u"Hill Farm");
    EXPECT_FALSE(open.contains(QStringLiteral("phone")));
    EXPECT_FALSE(open.contains(QStringLiteral("address")));
    EXPECT_FALSE(sale.server.getPublic(api(QStringLiteral("/consignors")))
                     .json()
                     .array()
                     .at(0)["consignor"]
                     .toObject()
                     .contains(QStringLiteral("email")));
    for (const QString& path :
         {one + QStringLiteral("/settlement"), one + QStringLiteral("/payouts"),
          api(QStringLiteral("/export/consignors.csv")),
          api(QStringLiteral("/export/settlements.csv"))})
        EXPECT_EQ(sale.server.getPublic(path).status, 401) << path.toStdString();
}

TEST(ApiConsignors, RefuseBadBodiesNamingTheField)
{
    Sale sale;
    const HttpReply bad = sale.post(
        QStringLiteral("/consignors"),
        R"({"consignor": {"name": "X", "commission": 101, "lot_fee": "lots", "number": 0}})");
    EXPECT_EQ(bad.status, 400);
    const QJsonObject fields = bad.object()["message"].toObject();
    EXPECT_TRUE(fields.contains(QStringLiteral("commission")));
    EXPECT_TRUE(fields.contains(QStringLiteral("lot_fee")));
    EXPECT_TRUE(fields.contains(QStringLiteral("number")));
    EXPECT_EQ(sale.post(QStringLiteral("/consignors"), R"({"consignor": {}})").status, 400);
    EXPECT_EQ(sale.post(QStringLiteral("/consignors/consignor1/payouts"),
                        R"({"payout": {"amount": 5, "method": "card"}})")
                  .status,
              400);
    EXPECT_TRUE(sale.get(QStringLiteral("/consignors")).json().array().isEmpty());
}

TEST(ApiConsignors, ExportConsignorsAndSettlementsAsCsv)
{
    WorkedSale sale;
    ASSERT_EQ(sale.post(QStringLiteral("/users/%1/payments").arg(sale.ann),
                        R"({"payment": {"amount": 100, "method": "cash"}})")
                  .status,
              201);
    const HttpReply consignors = sale.get(QStringLiteral("/export/consignors.csv"));
    ASSERT_EQ(consignors.status, 200);
    EXPECT_EQ(consignors.body, "number,name,phone,email,address,commission,lot_fee,unsold_fee\r\n"
                               "12,Hill Farm,555-0100,,,20,2.00,5.00\r\n");
    const HttpReply settlements = sale.get(QStringLiteral("/export/settlements.csv"));
    ASSERT_EQ(settlements.status, 200);
    EXPECT_EQ(
        settlements.body,
        "consignor_id,number,name,hammer,commission,fees,net,paid,payable_now,balance,status\r\n"
        "consignor1,12,Hill Farm,155.57,31.11,9.00,115.46,0.00,73.00,115.46,unpaid\r\n");
}
